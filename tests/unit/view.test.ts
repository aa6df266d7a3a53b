/**
 * @jest-environment node
 *
 * The pane's views, rendered into a small hand-written fake DOM (jsdom is not installed). The
 * fake refuses innerHTML outright, so any use of it fails these tests; text goes in as text.
 */
import type { Finding, Report } from '../../src/core/report/types';
import {
  bannerState,
  describeError,
  findingRow,
  groupFindings,
  renderBanner,
  renderError,
  renderFindings,
  renderProgress,
  renderShell,
  setMode,
} from '../../src/taskpane/view';
import type { FindingHandlers, FindingRow } from '../../src/taskpane/view';
import { TAB_IDS, uiText } from '../../src/taskpane/ui-text';

// ---- a minimal DOM --------------------------------------------------------------------------

type Listener = (event: FakeEvent) => void;

interface FakeEvent {
  type: string;
  key?: string;
  target: FakeElement;
  defaultPrevented: boolean;
  preventDefault(): void;
  stopPropagation(): void;
}

class FakeElement {
  readonly tagName: string;
  parent: FakeElement | null = null;
  childNodes: Array<FakeElement | string> = [];
  className = '';
  value = '';
  private readonly attributes = new Map<string, string>();
  private readonly listeners = new Map<string, Listener[]>();

  constructor(
    readonly ownerDocument: FakeDocument,
    tag: string,
  ) {
    this.tagName = tag.toUpperCase();
  }

  get children(): FakeElement[] {
    return this.childNodes.filter((n): n is FakeElement => typeof n !== 'string');
  }
  get firstChild(): FakeElement | string | null {
    return this.childNodes[0] ?? null;
  }
  get textContent(): string {
    return this.childNodes.map((n) => (typeof n === 'string' ? n : n.textContent)).join('');
  }
  set textContent(text: string) {
    for (const n of this.childNodes) if (typeof n !== 'string') n.parent = null;
    this.childNodes = text === '' ? [] : [String(text)];
  }
  get innerHTML(): string {
    throw new Error('innerHTML must not be used');
  }
  set innerHTML(_html: string) {
    throw new Error('innerHTML must not be used');
  }
  insertAdjacentHTML(): void {
    throw new Error('insertAdjacentHTML must not be used');
  }

  appendChild<T extends FakeElement>(child: T): T {
    child.parent = this;
    this.childNodes.push(child);
    return child;
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  addEventListener(type: string, listener: Listener): void {
    const list = this.listeners.get(type) ?? [];
    list.push(listener);
    this.listeners.set(type, list);
  }
  focus(): void {
    this.ownerDocument.activeElement = this;
  }

  /** Dispatches an event that bubbles, as click/keydown/change do (change bubbles too). */
  dispatch(type: string, init: { key?: string } = {}): FakeEvent {
    let stopped = false;
    const event: FakeEvent = {
      type,
      target: this,
      defaultPrevented: false,
      preventDefault() {
        event.defaultPrevented = true;
      },
      stopPropagation() {
        stopped = true;
      },
      ...init,
    };
    const chain: FakeElement[] = [this];
    for (let up = this.parent; up; up = up.parent) chain.push(up);
    for (const node of chain) {
      if (stopped) break;
      for (const listener of node.listeners.get(type) ?? []) listener(event);
    }
    return event;
  }

  /** All descendant elements (depth first) matching the predicate. */
  findAll(predicate: (el: FakeElement) => boolean): FakeElement[] {
    const out: FakeElement[] = [];
    for (const child of this.children) {
      if (predicate(child)) out.push(child);
      out.push(...child.findAll(predicate));
    }
    return out;
  }
  find(predicate: (el: FakeElement) => boolean): FakeElement {
    const found = this.findAll(predicate)[0];
    if (!found) throw new Error('element not found');
    return found;
  }
  byClass(name: string): FakeElement[] {
    return this.findAll((el) => el.className.split(/\s+/).includes(name));
  }
}

class FakeDocument {
  activeElement: FakeElement | null = null;
  readonly documentElement = new FakeElement(this, 'html');
  createElement(tag: string): FakeElement {
    return new FakeElement(this, tag);
  }
}

function setup(): { fake: FakeDocument; doc: Document } {
  const fake = new FakeDocument();
  return { fake, doc: fake as unknown as Document };
}

const fake = (el: HTMLElement): FakeElement => el as unknown as FakeElement;

// ---- data -----------------------------------------------------------------------------------

const XSS = '<img src=x onerror=alert(1)>';

function row(partial: Partial<FindingRow> & Pick<FindingRow, 'id' | 'severity'>): FindingRow {
  return {
    code: 'LA_CASES',
    form: 'JS01',
    formName: '法律援助工作情况',
    rule: 'R01',
    message: '分项之和与合计不符',
    sheet: 'JS01',
    cell: 'E7',
    ...partial,
  };
}

const ROWS: FindingRow[] = [
  row({ id: 'w1', severity: 'warning', code: 'MED_CASES', form: 'JS03', formName: '人民调解工作情况', rule: 'A1', explanation: XSS }),
  row({ id: 'e1', severity: 'error', suggestion: { value: 24000, approx: false }, message: XSS }),
  row({ id: 'i1', severity: 'info', code: 'LA_RATE', rule: 'A5' }),
  row({ id: 'w2', severity: 'warning', code: 'LA_CASES_ELDERLY', rule: 'R02', suggestion: { value: 65000, approx: true } }),
  row({ id: 'e2', severity: 'error', code: 'LA_CASES_CIVIL', rule: 'C01', suggestion: { value: null, approx: false } }),
];

// ---- tests ----------------------------------------------------------------------------------

describe('banner', () => {
  test('says 可以报送 when ready', () => {
    const { doc } = setup();
    const b = fake(renderBanner(doc, { ready: true, errors: 0, unexplained: 0 }, 'zh-CN'));
    expect(b.getAttribute('role')).toBe('status');
    expect(b.getAttribute('data-state')).toBe('ready');
    expect(b.byClass('banner-text')[0]?.textContent).toBe('可以报送');
  });

  test('counts errors and unexplained warnings when blocked', () => {
    const { doc } = setup();
    const b = fake(renderBanner(doc, { ready: false, errors: 2, unexplained: 1 }, 'zh-CN'));
    expect(b.getAttribute('data-state')).toBe('blocked');
    expect(b.byClass('banner-text')[0]?.textContent).toBe('不可报送：2 个错误，1 个待说明');
    const en = fake(renderBanner(doc, { ready: false, errors: 1, unexplained: 3 }, 'en-US'));
    expect(en.byClass('banner-text')[0]?.textContent).toBe('Not ready to submit: 1 error, 3 to explain');
  });

  test('bannerState: explained warnings no longer count', () => {
    const report: Pick<Report, 'ready' | 'counts' | 'explained'> = {
      ready: false,
      counts: { error: 0, warning: 3, info: 4 },
      explained: 1,
    };
    expect(bannerState(report)).toEqual({ ready: false, errors: 0, unexplained: 2 });
  });
});

describe('findings', () => {
  function render(handlers: FindingHandlers = {}, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
    const { fake: d, doc } = setup();
    const section = fake(renderFindings(doc, groupFindings(ROWS), locale, handlers));
    const items = section.findAll((el) => el.getAttribute('role') === 'listitem');
    return { d, section, items };
  }

  test('groups by form, then severity (errors first)', () => {
    const groups = groupFindings(ROWS);
    expect(groups.map((g) => g.form)).toEqual(['JS01', 'JS03']);
    expect(groups[0]?.formName).toBe('法律援助工作情况');
    expect(groups[0]?.buckets.map((b) => [b.severity, b.rows.map((r) => r.id)])).toEqual([
      ['error', ['e1', 'e2']],
      ['warning', ['w2']],
      ['info', ['i1']],
    ]);
  });

  test('each row is a focusable listitem with data-finding-code and data-severity', () => {
    const { section, items } = render();
    expect(section.getAttribute('aria-label')).toBe('校验结果');
    expect(items.map((i) => [i.getAttribute('data-finding-code'), i.getAttribute('data-severity')])).toEqual([
      ['LA_CASES', 'error'],
      ['LA_CASES_CIVIL', 'error'],
      ['LA_CASES_ELDERLY', 'warning'],
      ['LA_RATE', 'info'],
      ['MED_CASES', 'warning'],
    ]);
    expect(items.map((i) => i.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1', '-1']);
    expect(items.map((i) => i.getAttribute('data-rule'))).toEqual(['R01', 'C01', 'R02', 'A5', 'A1']);
    expect(items[0]?.byClass('finding-rule')[0]?.textContent).toBe('R01');
    expect(items[0]?.byClass('finding-cell')[0]?.textContent).toBe('JS01!E7');
    expect(section.findAll((el) => el.tagName === 'UL').every((ul) => ul.getAttribute('role') === 'list')).toBe(true);
    expect(section.byClass('form-title').map((h) => h.textContent)).toEqual([
      'JS01 法律援助工作情况',
      'JS03 人民调解工作情况',
    ]);
    expect(section.byClass('severity-title').map((h) => h.textContent)).toEqual(['错误 2', '警告 1', '提示 1', '警告 1']);
  });

  test('a suggestion becomes a button naming the number it writes; warnings get a 说明 field', () => {
    const { items } = render();
    const button = (i: number) => items[i]?.findAll((el) => el.getAttribute('data-action') === 'adopt')[0];
    const input = (i: number) => items[i]?.findAll((el) => el.getAttribute('data-action') === 'explain')[0];
    expect(button(0)?.textContent).toBe('改为 24000');
    expect(button(0)?.getAttribute('type')).toBe('button');
    expect(button(1)?.textContent).toBe('采纳建议：留空');
    expect(button(2)?.textContent).toBe('改为 65000');
    expect(button(3)).toBeUndefined();
    expect([0, 1, 2, 3, 4].map((i) => input(i) !== undefined)).toEqual([false, false, true, false, true]);
    expect(items[2]?.byClass('explain-label')[0]?.textContent).toBe('说明');
    const en = render({}, 'en-US').items;
    expect(en[0]?.find((el) => el.getAttribute('data-action') === 'adopt').textContent).toBe('Change to 24000');
    expect(en[2]?.find((el) => el.getAttribute('data-action') === 'adopt').textContent).toBe('Change to 65000');
  });

  test('cell-derived text is shown as text, never as markup', () => {
    const { items } = render();
    const message = items[0]?.byClass('finding-message')[0];
    expect(message?.textContent).toBe(XSS);
    expect(message?.childNodes).toEqual([XSS]); // one text node, no element made from it
    const explained = items[4];
    expect(explained?.getAttribute('data-explained')).toBe('true');
    expect(explained?.find((el) => el.getAttribute('data-action') === 'explain').value).toBe(XSS);
    expect(explained?.findAll((el) => el.tagName === 'IMG')).toEqual([]);
  });

  test('arrow keys move between rows; Enter selects', () => {
    const selected: string[] = [];
    const { d, items } = render({ onSelect: (r) => selected.push(r.id) });
    const [first, second, third] = items;
    if (!first || !second || !third) throw new Error('rows missing');

    expect(first.dispatch('keydown', { key: 'ArrowDown' }).defaultPrevented).toBe(true);
    expect(d.activeElement).toBe(second);
    expect([first.getAttribute('tabindex'), second.getAttribute('tabindex')]).toEqual(['-1', '0']);
    second.dispatch('keydown', { key: 'ArrowDown' });
    expect(d.activeElement).toBe(third);
    third.dispatch('keydown', { key: 'ArrowUp' });
    expect(d.activeElement).toBe(second);
    second.dispatch('keydown', { key: 'End' });
    expect(d.activeElement).toBe(items[4]);
    items[4]?.dispatch('keydown', { key: 'ArrowDown' }); // stays on the last row
    expect(d.activeElement).toBe(items[4]);
    items[4]?.dispatch('keydown', { key: 'Home' });
    expect(d.activeElement).toBe(first);

    first.dispatch('keydown', { key: 'Enter' });
    expect(selected).toEqual(['e1']);
    second.dispatch('click');
    expect(selected).toEqual(['e1', 'e2']);
  });

  test('keys typed in the 说明 field stay there', () => {
    const selected: string[] = [];
    const { d, items } = render({ onSelect: (r) => selected.push(r.id) });
    const input = items[2]?.find((el) => el.getAttribute('data-action') === 'explain');
    input?.dispatch('keydown', { key: 'ArrowDown' });
    input?.dispatch('keydown', { key: 'Enter' });
    expect(d.activeElement).toBeNull();
    expect(selected).toEqual([]);
  });

  test('adopt and explain call their handlers, not select', () => {
    const calls: string[] = [];
    const { items } = render({
      onSelect: (r) => calls.push(`select ${r.id}`),
      onAdopt: (r) => calls.push(`adopt ${r.id} ${r.suggestion?.value}`),
      onExplain: (r, text) => calls.push(`explain ${r.id} ${text}`),
    });
    items[0]?.find((el) => el.getAttribute('data-action') === 'adopt').dispatch('click');
    const input = items[2]?.find((el) => el.getAttribute('data-action') === 'explain');
    if (!input) throw new Error('no input');
    input.value = '  新增网格员  ';
    input.dispatch('click');
    input.dispatch('change');
    expect(calls).toEqual(['adopt e1 24000', 'explain w2 新增网格员']);
  });

  test('an empty list says so', () => {
    const { doc } = setup();
    const section = fake(renderFindings(doc, [], 'zh-CN'));
    expect(section.byClass('findings-empty')[0]?.textContent).toBe('暂无需要处理的问题。');
    expect(section.findAll((el) => el.getAttribute('role') === 'listitem')).toEqual([]);
  });

  test('findingRow carries a Finding into the view shape', () => {
    const finding: Finding = {
      rule: 'C02',
      severity: 'error',
      code: 'LA_CASES',
      form: 'JS01',
      messageId: 'text-in-number',
      params: { text: '约2.4万' },
      cell: { sheet: 'JS01 法律援助', address: 'E7' },
      suggestion: { value: 24000, approx: true },
    };
    expect(findingRow(finding, 3, '“约2.4万”不是数字', '法律援助工作情况')).toEqual({
      id: 'C02:LA_CASES:JS01 法律援助!E7:3',
      code: 'LA_CASES',
      form: 'JS01',
      formName: '法律援助工作情况',
      severity: 'error',
      rule: 'C02',
      message: '“约2.4万”不是数字',
      sheet: 'JS01 法律援助',
      cell: 'E7',
      suggestion: { value: 24000, approx: true },
    });
    const { cell: _cell, suggestion: _s, ...bare } = finding;
    const r = findingRow({ ...bare, explanation: '新增' }, 0, 'm', '');
    expect([r.sheet, r.cell, r.explanation, 'suggestion' in r]).toEqual(['', '', '新增', false]);
  });
});

describe('progress and errors', () => {
  test('progress reports its value to assistive technology', () => {
    const { doc } = setup();
    const p = fake(renderProgress(doc, { done: 3, total: 12 }, 'zh-CN'));
    expect(p.getAttribute('role')).toBe('progressbar');
    expect([p.getAttribute('aria-valuenow'), p.getAttribute('aria-valuemax')]).toEqual(['3', '12']);
    expect(p.byClass('progress-label')[0]?.textContent).toBe('正在处理 3/12');
    expect(p.byClass('progress-bar')[0]?.getAttribute('style')).toBe('width: 25%');
    const busy = fake(renderProgress(doc, {}, 'en-US'));
    expect(busy.className).toContain('is-indeterminate');
    expect(busy.hasAttribute('aria-valuenow')).toBe(false);
    expect(busy.byClass('progress-label')[0]?.textContent).toBe('Working…');
  });

  test('an Office error becomes plain words plus a details line with its code', () => {
    const { doc } = setup();
    const officeError = {
      name: 'RichApi.Error',
      code: 'InvalidOperationInCellEditMode',
      message: 'The operation is not supported in cell edit mode.',
      debugInfo: { errorLocation: 'Workbook.getSelectedRange' },
    };
    const info = describeError(officeError, 'zh-CN');
    expect(info.message).toBe(uiText('zh-CN').officeErrors['InvalidOperationInCellEditMode']);
    expect(info.details).toBe(
      'InvalidOperationInCellEditMode · Workbook.getSelectedRange · The operation is not supported in cell edit mode.',
    );
    const box = fake(renderError(doc, info, 'zh-CN'));
    expect(box.getAttribute('role')).toBe('alert');
    expect(box.byClass('error-message')[0]?.textContent).toBe(info.message);
    expect(box.byClass('error-details')[0]?.textContent).toBe(`详细信息：${info.details}`);

    expect(describeError(new Error(XSS), 'en-US')).toEqual({ message: uiText('en-US').unknownError, details: XSS });
    expect(describeError(undefined, 'en-US')).toEqual({ message: uiText('en-US').unknownError });
    const plain = fake(renderError(doc, { message: XSS }, 'zh-CN'));
    expect(plain.byClass('error-message')[0]?.textContent).toBe(XSS);
    expect(plain.byClass('error-details')).toEqual([]);
  });
});

describe('shell', () => {
  test('five tabs, 校验 selected, panels hidden except the selected one', () => {
    const { doc } = setup();
    const shell = renderShell(doc, 'zh-CN', 'loading');
    const root = fake(shell.root);
    const tabs = root.findAll((el) => el.getAttribute('role') === 'tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['模板', '校验', '标记', '同比', '领导参阅']);
    expect(root.find((el) => el.getAttribute('role') === 'tablist').children).toEqual(tabs);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false', 'false', 'false']);
    const panels = root.findAll((el) => el.getAttribute('role') === 'tabpanel');
    expect(panels.map((p) => p.hasAttribute('hidden'))).toEqual([true, false, true, true, true]);
    expect(panels.map((p) => p.getAttribute('aria-labelledby'))).toEqual(TAB_IDS.map((id) => `tab-${id}`));
    expect(root.byClass('app-title')[0]?.textContent).toBe('司法行政报表助手');

    const en = fake(renderShell(doc, 'en-US', 'loading').root);
    expect(en.findAll((el) => el.getAttribute('role') === 'tab').map((t) => t.textContent)).toEqual([
      'Template',
      'Check',
      'Marks',
      'YoY',
      'For leaders',
    ]);
  });

  test('tabs switch by click and by arrow keys', () => {
    const { fake: d, doc } = setup();
    const chosen: string[] = [];
    const shell = renderShell(doc, 'zh-CN', 'excel', { onTab: (id) => chosen.push(id) });
    fake(shell.tabs.summary).dispatch('click');
    expect(shell.selected).toBe('summary');
    expect(fake(shell.panels.summary).hasAttribute('hidden')).toBe(false);
    expect(fake(shell.panels.check).hasAttribute('hidden')).toBe(true);
    fake(shell.tabs.summary).dispatch('keydown', { key: 'ArrowRight' }); // wraps round
    expect(shell.selected).toBe('template');
    expect(d.activeElement).toBe(fake(shell.tabs.template));
    fake(shell.tabs.template).dispatch('keydown', { key: 'ArrowLeft' });
    expect(shell.selected).toBe('summary');
    expect(chosen).toEqual(['summary', 'template', 'summary']);
    expect(fake(shell.tabs.summary).getAttribute('tabindex')).toBe('0');
    expect(fake(shell.tabs.check).getAttribute('tabindex')).toBe('-1');
  });

  test('file mode shows its hint; Excel mode hides it', () => {
    const { doc } = setup();
    const shell = renderShell(doc, 'zh-CN', 'loading');
    expect(fake(shell.modeHint).hasAttribute('hidden')).toBe(true);
    expect(fake(shell.modeLabel).textContent).toBe('正在连接 Excel…');
    setMode(shell, 'file', 'zh-CN');
    expect(fake(shell.root).getAttribute('data-mode')).toBe('file');
    expect(fake(shell.modeHint).hasAttribute('hidden')).toBe(false);
    expect(fake(shell.modeLabel).textContent).toBe('文件模式');
    setMode(shell, 'excel', 'zh-CN');
    expect(fake(shell.modeHint).hasAttribute('hidden')).toBe(true);
  });
});

describe('ui text', () => {
  test('both languages have the same keys', () => {
    const shape = (v: unknown): unknown =>
      typeof v === 'object' && v !== null
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]))
        : typeof v;
    expect(shape(uiText('en-US'))).toEqual(shape(uiText('zh-CN')));
  });
});
