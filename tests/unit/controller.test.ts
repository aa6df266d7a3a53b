/**
 * The pane's controller, driven without a DOM: an in-memory PaneHost over snapshots (what a
 * host would hold), the real engine, and recorded downloads. Each test says what a clerk does
 * and what the pane then shows or writes.
 */
import { errorText } from '../../src/core';
import { Controller, fileStem, type ControllerDeps, type PaneState } from '../../src/taskpane/controller';
import { engine } from '../../src/taskpane/engine';
import type { ChartText, MarkResult, PaneHost, SummaryResult } from '../../src/taskpane/pane-host';
import type { CellEdit, MarkPlan, SheetPlan, WorkbookPlan } from '../../src/core/plan/types';
import type { CellRef, Scalar, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { uiText } from '../../src/taskpane/ui-text';
import { applyEdits } from '../fakes/plan-snapshot';
import { SLIPS_CSV, fill, sample, template, withValues } from '../fakes/sample';

/** A workbook held as a snapshot; records what the controller asked it to do. */
class MemoryHost implements PaneHost {
  readonly kind: 'excel' | 'file';
  readonly recalculates: boolean;
  snapshot: WorkbookSnapshot;
  reads = 0;
  edits: CellEdit[][] = [];
  marks: MarkPlan[] = [];
  cleared = 0;
  templates: WorkbookPlan[] = [];
  selected: CellRef[] = [];
  summaries: SheetPlan[] = [];
  markResult: (plan: MarkPlan) => MarkResult = (plan) => ({ marked: plan.marks.length, notes: 'notes' });

  constructor(snapshot: WorkbookSnapshot, kind: 'excel' | 'file' = 'excel') {
    this.snapshot = snapshot;
    this.kind = kind;
    this.recalculates = kind === 'excel';
  }
  async readSnapshot(): Promise<WorkbookSnapshot> {
    this.reads++;
    return this.snapshot;
  }
  async applyMarks(plan: MarkPlan): Promise<MarkResult> {
    this.marks.push(plan);
    return this.markResult(plan);
  }
  async clearMarks(): Promise<number> {
    const n = this.marks.at(-1)?.marks.length ?? 0;
    this.cleared++;
    this.marks = [];
    return n;
  }
  async applyCellEdits(edits: CellEdit[]): Promise<void> {
    this.edits.push(edits);
    this.snapshot = applyEdits(this.snapshot, edits);
  }
  async insertTemplate(plan: WorkbookPlan): Promise<void> {
    this.templates.push(plan);
  }
  async selectCell(ref: CellRef): Promise<boolean> {
    this.selected.push(ref);
    return this.kind === 'excel';
  }
  async addSummary(sheet: SheetPlan, _chart: ChartText): Promise<SummaryResult> {
    this.summaries.push(sheet);
    return { chart: this.kind === 'excel' };
  }
  /** The value in the cell a defined name points at. */
  named(name: string): Scalar | undefined {
    const n = this.snapshot.names.find((x) => x.name === name);
    if (!n) return undefined;
    return this.snapshot.sheets.find((s) => s.name === n.sheet)?.cells[n.address]?.v;
  }
}

interface Saved {
  bytes: Uint8Array;
  name: string;
  mime: string;
}

function setup(snapshot: WorkbookSnapshot, options: Partial<ControllerDeps> & { kind?: 'excel' | 'file' } = {}) {
  const host = new MemoryHost(snapshot, options.kind ?? 'excel');
  const saved: Saved[] = [];
  const renders: PaneState[] = [];
  const docxCalls: string[] = [];
  const controller = new Controller({
    host,
    locale: 'zh-CN',
    render: (s) => renders.push({ ...s }),
    engine: async () => engine,
    readXlsx: async () => {
      throw new Error('no file reader in this test');
    },
    save: (bytes, name, mime) => saved.push({ bytes, name, mime }),
    docx: async (summary) => {
      docxCalls.push(summary.title);
      return new Uint8Array([0x50, 0x4b]);
    },
    now: () => new Date(2026, 2, 1),
    ...options,
  });
  return { host, controller, saved, renders, docxCalls };
}

const slips = () => fill(sample(), SLIPS_CSV);
const t = uiText('zh-CN');
const brief = (c: Controller) => c.state.rows.map((r) => `${r.rule}:${r.severity}:${r.code}`);
const rowOf = (c: Controller, rule: string, code?: string) => {
  const row = c.state.rows.find((r) => r.rule === rule && (code === undefined || r.code === code));
  if (!row) throw new Error(`no ${rule} row`);
  return row;
};

describe('check', () => {
  test('a clean sample is ready to submit; its one warning is explained', async () => {
    const { controller } = setup(sample());
    expect(await controller.check()).toBe(true);
    const s = controller.state;
    expect(s.report?.ready).toBe(true);
    expect(brief(controller)).toEqual(['C06:warning:LA_PER_100K']);
    expect(s.rows[0]?.explanation).toBeTruthy();
    expect(s.error).toBeNull();
  });

  test('the six slips come back as findings with messages and form names, grouped data for the view', async () => {
    const { controller, renders } = setup(slips());
    await controller.check();
    const s = controller.state;
    expect(s.report?.counts).toEqual({ error: 3, warning: 4, info: 0 });
    expect(s.report?.ready).toBe(false);
    expect(brief(controller).sort()).toEqual(
      [
        'R01:error:LA_CASES',
        'C05:error:AR_SETTLE_RATE',
        'C02:error:LEG_COUNSEL',
        'C06:warning:LA_PER_100K',
        'A1:warning:LAW_PRO_BONO',
        'A2:warning:PL_POSTS',
        'C06:warning:CC_VISIT_RATE',
      ].sort(),
    );
    const c02 = rowOf(controller, 'C02');
    expect(c02.message).toContain('约2.4万');
    expect(c02.formName).toBe('法治政府建设与行政执法监督情况');
    expect(c02.suggestion).toEqual({ value: 24000, approx: true });
    expect(c02.sheet).toMatch(/^JS05/);
    // busy while working, then not; one render per state change
    expect(renders[0]?.busy?.action).toBe('check');
    expect(renders.at(-1)?.busy).toBeNull();
  });

  test('a workbook that is not a report says so in words, and forgets the old findings', async () => {
    const { controller, host } = setup(slips());
    await controller.check();
    expect(controller.state.rows.length).toBeGreaterThan(0);
    host.snapshot = { sheets: [{ name: 'Sheet1', cells: { A1: { v: '随便什么' } } }], names: [] };
    expect(await controller.check()).toBe(false);
    expect(controller.state.error?.message).toBe(errorText('not-a-template', {}, 'zh-CN'));
    expect(controller.state.error?.details).toBeUndefined(); // no class names for users
    expect(controller.state.report).toBeNull();
    expect(controller.state.rows).toEqual([]);
  });

  test('one action at a time: a second click while busy is ignored', async () => {
    const { controller, host } = setup(slips());
    const first = controller.check();
    const second = await controller.check();
    expect(second).toBe(false);
    expect(await first).toBe(true);
    expect(host.reads).toBe(1);
  });

  test('English when the pane is in English', async () => {
    const { controller } = setup(slips(), { locale: 'en-US' });
    await controller.check();
    const c02 = rowOf(controller, 'C02');
    expect(c02.formName).toMatch(/[A-Za-z]/);
    expect(c02.message).not.toContain('文本而不是数字');
    expect(c02.message).toContain('约2.4万'); // the cell's own text, quoted as typed
  });
});

describe('acting on findings', () => {
  test('accepting a suggestion writes the number into the cell and the finding is gone', async () => {
    const { controller, host } = setup(slips());
    await controller.check();
    expect(await controller.accept(rowOf(controller, 'C02').id)).toBe(true);
    expect(host.edits[0]).toEqual([{ sheet: expect.stringMatching(/^JS05/), address: 'E9', value: 24000 }]);
    expect(host.named('LEG_COUNSEL')).toBe(24000);
    expect(brief(controller)).not.toContain('C02:error:LEG_COUNSEL');
    expect(controller.state.report?.counts.error).toBe(2);
    expect(controller.state.notice).toBe(t.notices.accepted(`${host.edits[0]?.[0]?.sheet}!E9`, '24000'));
    // Excel recalculates itself: no recalculation edits were written
    expect(host.edits).toHaveLength(1);
  });

  test('in a file, accepting also writes fresh cached results for the formulas (as the CLI does)', async () => {
    const { controller, host } = setup(slips(), { kind: 'file' });
    await controller.check();
    await controller.accept(rowOf(controller, 'C02').id);
    expect(host.edits).toHaveLength(2);
    const recalc = host.edits[1] ?? [];
    expect(recalc.length).toBeGreaterThan(0);
    expect(recalc.every((e) => e.formula !== undefined)).toBe(true);
    // the YoY cell of the accepted figure now caches its result: 24000 vs 20870 last year
    const row = host.edits[0]?.[0];
    const yoy = recalc.find((e) => e.sheet === row?.sheet && e.address === 'H9');
    expect(yoy?.result).toBeCloseTo(15, 0);
  });

  test('explaining a warning writes the 说明 cell; an explained warning no longer blocks', async () => {
    const { controller, host } = setup(withValues(sample(), { PL_POSTS: 7000 }));
    await controller.check();
    expect(controller.state.report?.ready).toBe(false);
    expect(brief(controller)).toContain('A2:warning:PL_POSTS');
    expect(await controller.explain(rowOf(controller, 'A2').id, '  新开通政务新媒体账号 12 个  ')).toBe(true);
    expect(host.named('PL_POSTS_NOTE')).toBe('新开通政务新媒体账号 12 个');
    expect(controller.state.report?.ready).toBe(true);
    expect(rowOf(controller, 'A2').explanation).toBe('新开通政务新媒体账号 12 个');
    expect(controller.state.notice).toBe(t.notices.explained);
    // Excel mode does not keep its own copy of explanations: the workbook has them
    expect(controller.state.explanations).toEqual({});
  });

  test('in file mode explanations are also kept in the pane; clearing one takes it back', async () => {
    const { controller, host } = setup(withValues(sample(), { PL_POSTS: 7000 }), { kind: 'file' });
    await controller.check();
    await controller.explain(rowOf(controller, 'A2').id, '新开通账号');
    expect(controller.state.explanations).toEqual({ PL_POSTS: '新开通账号' });
    await controller.explain(rowOf(controller, 'A2').id, '');
    expect(controller.state.explanations).toEqual({});
    expect(host.named('PL_POSTS_NOTE') || null).toBeNull(); // written as empty text: blank
    expect(controller.state.report?.ready).toBe(false);
    expect(controller.state.notice).toBe(t.notices.explanationCleared);
  });

  test('choosing a finding selects its cell in Excel; in a file the row is only highlighted', async () => {
    const excel = setup(slips());
    await excel.controller.check();
    const row = rowOf(excel.controller, 'R01');
    await excel.controller.select(row.id);
    expect(excel.host.selected).toEqual([{ sheet: row.sheet, address: row.cell }]);
    expect(excel.controller.state.selected).toBe(row.id);

    const file = setup(slips(), { kind: 'file' });
    await file.controller.check();
    await file.controller.select(rowOf(file.controller, 'R01').id);
    expect(file.controller.state.selected).toBe(rowOf(file.controller, 'R01').id);
    expect(file.controller.state.error).toBeNull();
  });
});

describe('marks', () => {
  test('mark checks afresh, then marks every finding cell and names the count', async () => {
    const { controller, host } = setup(slips());
    expect(await controller.mark()).toBe(true);
    expect(host.reads).toBe(1);
    const plan = host.marks[0];
    expect(plan?.marks.map((m) => m.rule).sort()).toEqual(['A1', 'A2', 'C02', 'C05', 'C06', 'C06', 'R01'].sort());
    expect(plan?.issueSheet.name).toBe('问题清单');
    expect(controller.state.notice).toBe(t.notices.marked(7));
    expect(controller.state.marks).toEqual({ marked: 7, notes: 'notes' });

    expect(await controller.clearMarks()).toBe(true);
    expect(controller.state.notice).toBe(t.notices.cleared(7));
    expect(controller.state.marks).toBeNull();
  });

  test('an Excel without notes: the reasons are in 问题清单, and the pane says so', async () => {
    const { controller, host } = setup(slips());
    host.markResult = (plan) => ({ marked: plan.marks.length, notes: 'none' });
    await controller.mark();
    expect(controller.state.notice).toBe(t.notices.markedNoNotes(7));
    expect(controller.state.notice).toContain('问题清单');
    host.markResult = () => ({ marked: 0, notes: 'none' });
    await controller.mark();
    expect(controller.state.notice).toBe(t.notices.markedNoColors);
  });

  test('downloads are named after the open file', () => {
    expect(fileStem('C:\\fakepath\\annual-2025-demo.xlsx')).toBe('annual-2025-demo');
    expect(fileStem('')).toBe('report');
  });
});

describe('template', () => {
  test('the default periods are the last complete ones, filled in quietly when the tab opens', async () => {
    const { controller, renders } = setup(sample());
    await controller.mark();
    const notice = controller.state.notice;
    expect(await controller.prepareTemplate()).toBe(true);
    expect(controller.state.templateDefaults).toEqual({ annual: '2025', 'half-year': '2025H1' });
    expect(controller.state.notice).toBe(notice); // opening a tab does not wipe what the pane said
    expect(renders.at(-1)?.busy).toBeNull();
    const july = setup(sample(), { now: () => new Date(2026, 6, 1) });
    await july.controller.prepareTemplate();
    expect(july.controller.state.templateDefaults).toEqual({ annual: '2025', 'half-year': '2026H1' });
  });

  test('Excel: the plan goes into the workbook, with the unit and the default period', async () => {
    const { controller, host } = setup(sample());
    expect(await controller.insertTemplate({ template: 'half-year', unit: ' 示例县司法局 ', period: '' })).toBe(true);
    const plan = host.templates[0];
    expect(plan?.names.some((n) => n.name === 'LA_CASES')).toBe(true);
    const cover = plan?.sheets[0]?.cells.map((c) => c.value);
    expect(cover).toContain('示例县司法局');
    expect(cover?.some((v) => typeof v === 'string' && v.includes('2025H1'))).toBe(true);
    expect(controller.state.notice).toBe(t.notices.templateInserted('半年报'));
  });

  test('a period in the wrong form is refused in words, and nothing is written', async () => {
    const { controller, host } = setup(sample());
    expect(await controller.insertTemplate({ template: 'annual', unit: '', period: '2025H1' })).toBe(false);
    // Said at the field, not at the top of the pane.
    expect(controller.state.fieldError).toEqual({ field: 'period', message: t.errors.badPeriod('年报', '2025') });
    expect(controller.state.error).toBeNull();
    expect(host.templates).toEqual([]);
    // lower case is fine
    expect(await controller.insertTemplate({ template: 'half-year', unit: '', period: '2024h1' })).toBe(true);
  });
});

describe('year on year', () => {
  test('last year from a chosen file: _PREV cells, history and YoY formulas, then a check', async () => {
    const lastYear = fill(template('annual', '2024'), 'code,current,previous\nLA_CASES,1862,\nLEG_COUNSEL,20870,\n');
    const readXlsx = jest.fn(async () => lastYear);
    const current = withValues(sample(), { LA_CASES_PREV: '', LEG_COUNSEL_PREV: '' });
    const { controller, host } = setup(current, { readXlsx });
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    expect(await controller.fillPrevious({ name: '2024年报.xlsx', arrayBuffer: async () => bytes })).toBe(true);
    expect(readXlsx).toHaveBeenCalledWith(bytes);
    expect(host.named('LA_CASES_PREV')).toBe(1862);
    expect(host.named('LEG_COUNSEL_PREV')).toBe(20870);
    const written = host.edits[0] ?? [];
    expect(written.some((e) => e.sheet === '历史数据')).toBe(true);
    expect(written.filter((e) => e.formula?.includes('LA_CASES_PREV')).length).toBeGreaterThan(0);
    expect(controller.state.notice).toMatch(/^已从“2024年报.xlsx”填入上年同期数 \d+ 项/);
    expect(controller.state.report).not.toBeNull();
  });

  test('a last-year file that is not a report is refused in words', async () => {
    const { controller, host } = setup(sample(), { readXlsx: async () => ({ sheets: [{ name: 'S', cells: {} }], names: [] }) });
    expect(await controller.fillPrevious({ name: 'x.xlsx', arrayBuffer: async () => new ArrayBuffer(0) })).toBe(false);
    expect(controller.state.error?.message).toBe(errorText('not-a-template', {}, 'zh-CN'));
    expect(host.edits).toEqual([]);
  });

  test('rewriting the YoY formulas writes the change and YoY cells', async () => {
    const { controller, host } = setup(sample());
    await controller.rewriteYoy();
    const edits = host.edits[0] ?? [];
    expect(edits.length).toBeGreaterThan(100);
    expect(edits.every((e) => e.formula !== undefined && /^[GH]\d+$/.test(e.address))).toBe(true);
    expect(controller.state.notice).toBe(t.notices.yoyWritten(edits.length));
  });
});

describe('summary', () => {
  test('Excel: the 领导参阅 sheet is added (with its chart); Word is a download', async () => {
    const { controller, host, saved, docxCalls } = setup(sample());
    expect(await controller.buildSummary()).toBe(true);
    expect(host.summaries[0]?.name).toBe('领导参阅');
    expect(host.summaries[0]?.dataBars?.length).toBe(1);
    expect(controller.state.notice).toBe(t.notices.summaryAdded(true));
    expect(await controller.downloadDocx()).toBe(true);
    expect(docxCalls).toEqual(['示例市司法局2025年统计数据分析']);
    expect(saved[0]?.name).toBe(t.fileNames.docx('示例市司法局2025年统计数据分析'));
    expect(saved[0]?.mime).toContain('wordprocessingml');
  });

  test('file mode: the summary waits for its download', async () => {
    const { controller, host } = setup(sample(), { kind: 'file' });
    await controller.buildSummary();
    expect(host.summaries).toHaveLength(1);
    expect(controller.state.summaryReady).toBe(true);
    expect(controller.state.notice).toBe(t.notices.summaryReadyFile);
  });
});
