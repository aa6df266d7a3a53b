/**
 * The in-page language switch: the header's two toggle buttons (renderShell) and the
 * controller re-wording the findings already shown (Controller.setLocale) without checking
 * again, so the open workbook and the work in it stay as they are.
 */
import { Controller } from '../../src/taskpane/controller';
import { engine } from '../../src/taskpane/engine';
import type { ChartText, MarkResult, PaneHost, SummaryResult } from '../../src/taskpane/pane-host';
import { uiText } from '../../src/taskpane/ui-text';
import { renderShell } from '../../src/taskpane/view';
import type { CellEdit, MarkPlan, SheetPlan, WorkbookPlan } from '../../src/core/plan/types';
import type { CellRef, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { SLIPS_CSV, fill, sample } from '../fakes/sample';

// ---- a small DOM for renderShell --------------------------------------------------------------

type Listener = (event: { type: string }) => void;

class Node {
  children: Node[] = [];
  className = '';
  text = '';
  private readonly attrs = new Map<string, string>();
  private readonly listeners = new Map<string, Listener[]>();
  constructor(readonly tagName: string) {}
  appendChild(child: Node): Node {
    this.children.push(child);
    return child;
  }
  set textContent(value: string) {
    this.children = [];
    this.text = value;
  }
  get textContent(): string {
    return this.text + this.children.map((c) => c.textContent).join('');
  }
  setAttribute(name: string, value: string): void {
    this.attrs.set(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attrs.has(name);
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name);
  }
  addEventListener(type: string, f: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), f]);
  }
  focus(): void {}
  click(): void {
    for (const f of this.listeners.get('click') ?? []) f({ type: 'click' });
  }
  all(predicate: (n: Node) => boolean): Node[] {
    return this.children.flatMap((c) => [...(predicate(c) ? [c] : []), ...c.all(predicate)]);
  }
}

const doc = { createElement: (tag: string) => new Node(tag.toUpperCase()) } as unknown as Document;
const nodeOf = (el: HTMLElement) => el as unknown as Node;
const options = (root: HTMLElement) => nodeOf(root).all((n) => n.getAttribute('data-action') === 'locale');

describe('the header’s language switch', () => {
  test('both languages, each named in itself, the pane’s own pressed; in a labelled group in the header', () => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const shell = renderShell(doc, locale, 'loading');
      const buttons = options(shell.root);
      expect(buttons.map((b) => [b.textContent, b.getAttribute('lang'), b.getAttribute('aria-pressed')])).toEqual([
        ['中文', 'zh-CN', locale === 'zh-CN' ? 'true' : 'false'],
        ['English', 'en-US', locale === 'en-US' ? 'true' : 'false'],
      ]);
      const header = nodeOf(shell.root).all((n) => n.tagName === 'HEADER')[0];
      const group = header?.all((n) => n.getAttribute('role') === 'group')[0];
      expect(group?.getAttribute('aria-label')).toBe(uiText(locale).languageSwitch);
      expect(group?.children).toEqual(buttons);
      expect(buttons.every((b) => b.tagName === 'BUTTON' && b.getAttribute('type') === 'button')).toBe(true);
    }
  });

  test('choosing the other language asks for it; the one shown asks nothing', () => {
    const chosen: string[] = [];
    const shell = renderShell(doc, 'zh-CN', 'file', { onLocale: (l) => chosen.push(l) });
    const [zh, en] = options(shell.root);
    zh?.click();
    expect(chosen).toEqual([]);
    en?.click();
    expect(chosen).toEqual(['en-US']);
  });
});

// ---- the controller ---------------------------------------------------------------------------

/** An Excel-like host over a snapshot; counts reads, so a test sees that switching the language reads nothing. */
class SnapshotHost implements PaneHost {
  readonly kind = 'excel' as const;
  readonly recalculates = true;
  reads = 0;
  constructor(private readonly snapshot: WorkbookSnapshot) {}
  async readSnapshot(): Promise<WorkbookSnapshot> {
    this.reads++;
    return this.snapshot;
  }
  async applyMarks(plan: MarkPlan): Promise<MarkResult> {
    return { marked: plan.marks.length, notes: 'notes' };
  }
  async clearMarks(): Promise<number> {
    return 0;
  }
  async applyCellEdits(_edits: CellEdit[]): Promise<void> {}
  async insertTemplate(_plan: WorkbookPlan): Promise<void> {}
  async selectCell(_ref: CellRef): Promise<boolean> {
    return false;
  }
  async addSummary(_sheet: SheetPlan, _chart: ChartText): Promise<SummaryResult> {
    return { chart: false };
  }
}

function setup(locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const host = new SnapshotHost(fill(sample(), SLIPS_CSV));
  let renders = 0;
  const controller = new Controller({
    host,
    locale,
    render: () => void renders++,
    engine: async () => engine,
    readXlsx: async () => {
      throw new Error('no file reader in this test');
    },
    save: () => undefined,
    docx: async () => new Uint8Array(),
  });
  return { host, controller, renders: () => renders };
}

describe('Controller.setLocale', () => {
  test('the findings shown are worded again in the new language, without reading or checking again', async () => {
    const { host, controller, renders } = setup();
    expect(await controller.check()).toBe(true);
    const zh = controller.state.rows.map((r) => ({ id: r.id, message: r.message, formName: r.formName }));
    expect(zh.length).toBeGreaterThan(0);
    const report = controller.state.report;
    const reads = host.reads;
    const seq = controller.state.reportSeq;
    const before = renders();

    await controller.setLocale('en-US');
    const s = controller.state;
    expect(s.locale).toBe('en-US');
    expect(host.reads).toBe(reads);
    expect(s.report).toBe(report);
    expect(s.reportSeq).toBe(seq + 1); // the view re-renders the list
    expect(renders()).toBe(before + 1);
    expect(s.rows.map((r) => r.id)).toEqual(zh.map((r) => r.id)); // same findings, same ids
    for (const [i, row] of s.rows.entries()) {
      const finding = report?.findings[i];
      if (!finding) throw new Error('a row without its finding');
      expect(row.message).toBe(engine.formatFinding(finding, 'en-US'));
      expect(row.formName).toBe(engine.formName(finding.form, 'en-US'));
      expect(row.message).not.toBe(zh[i]?.message);
    }

    await controller.setLocale('zh-CN');
    expect(controller.state.rows.map((r) => r.message)).toEqual(zh.map((r) => r.message));
  });

  test('the list of changes is worded again too; undo still works after the switch', async () => {
    const { controller } = setup();
    await controller.check();
    const c02 = controller.state.rows.find((r) => r.rule === 'C02');
    if (!c02) throw new Error('no C02 row');
    await controller.accept(c02.id);
    const zhText = controller.state.changes[0]?.text ?? '';
    expect(zhText).toContain('改为');
    await controller.setLocale('en-US');
    const enText = controller.state.changes[0]?.text ?? '';
    expect(enText).toContain('changed to');
    expect(enText).toContain(`${c02.sheet}!${c02.cell}`);
    expect(await controller.undo(controller.state.changes[0]?.id ?? '')).toBe(true);
    expect(controller.state.notice).toBe(uiText('en-US').notices.undone(enText));
    expect(controller.state.changes).toEqual([]);
  });

  test('switched to English, the pane says what a pane that started in English says: findings, report title, what did not run', async () => {
    const switched = setup('zh-CN').controller;
    await switched.check();
    const zhTitle = switched.state.title;
    await switched.setLocale('en-US');
    const english = setup('en-US').controller;
    await english.check();
    const words = (c: Controller) => ({ rows: c.state.rows, title: c.state.title, skipped: c.state.skipped });
    expect(words(switched)).toEqual(words(english));
    expect(switched.state.title).not.toEqual(zhTitle);
  });

  test('before any check: only the language changes, and the view is told', async () => {
    const { host, controller, renders } = setup();
    await controller.setLocale('en-US');
    expect(controller.state.locale).toBe('en-US');
    expect(controller.state.rows).toEqual([]);
    expect(host.reads).toBe(0);
    expect(renders()).toBe(1);
  });

  test('words of later actions come in the new language', async () => {
    const { controller } = setup();
    await controller.setLocale('en-US');
    await controller.mark();
    expect(controller.state.notice).toBe(uiText('en-US').notices.marked(controller.state.marks?.marked ?? -1));
  });
});
