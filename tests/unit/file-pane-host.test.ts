/**
 * File mode end to end without a browser: real .xlsx bytes (written by the same functions as
 * `npm run demo`), opened by the pane's file host, worked on through the controller, and
 * every downloaded copy read back with ExcelJS and checked again by the engine.
 */
import { errorText } from '../../src/core';
import { Controller } from '../../src/taskpane/controller';
import { engine } from '../../src/taskpane/engine';
import { FilePaneHost, readXlsxSnapshot } from '../../src/taskpane/file-pane-host';
import { uiText } from '../../src/taskpane/ui-text';
import { checkWorkbook } from '../../src/core';
import { fillWorkbook, makeTemplate } from '../../src/cli/workbooks';
// Downloads are read back with ExcelJS: a reader that is not the product's own.
import { loadWorkbook, snapshotOf, type Workbook } from '../support/exceljs-host';
import { summaryDocx } from '../../src/hosts/docx';
import { SAMPLE_CSV, SLIPS_CSV } from '../fakes/sample';

interface Saved {
  bytes: Uint8Array;
  name: string;
  mime: string;
}

let demoBytes: Uint8Array;

beforeAll(async () => {
  const wb = await makeTemplate('annual', { unit: '示例市司法局', period: '2025', locale: 'zh-CN' });
  fillWorkbook(wb, SAMPLE_CSV, undefined);
  fillWorkbook(wb, SLIPS_CSV, undefined);
  demoBytes = wb.toBytes();
});

function chosen(name: string, bytes: Uint8Array) {
  return { name, arrayBuffer: async () => bytes.slice().buffer };
}

function setup() {
  const host = new FilePaneHost();
  const saved: Saved[] = [];
  const controller = new Controller({
    host,
    locale: 'zh-CN',
    render: () => undefined,
    engine: async () => engine,
    readXlsx: readXlsxSnapshot,
    save: (bytes, name, mime) => saved.push({ bytes, name, mime }),
    docx: summaryDocx,
  });
  return { host, controller, saved };
}

const t = uiText('zh-CN');
const rowOf = (c: Controller, rule: string) => {
  const row = c.state.rows.find((r) => r.rule === rule);
  if (!row) throw new Error(`no ${rule} row`);
  return row;
};

function cellOf(wb: Workbook, name: string) {
  const snap = snapshotOf(wb);
  const n = snap.names.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  const ws = wb.worksheets.find((w) => w.name === n.sheet);
  if (!ws) throw new Error(`no sheet ${n.sheet}`);
  return { ws, cell: ws.getCell(n.address), address: n.address };
}

/** Conditional-format ranges per sheet (the mark overlays). */
function overlays(wb: Workbook): string[] {
  return wb.worksheets.flatMap((ws) =>
    ((ws as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings ?? []).map((cf) => `${ws.name}!${cf.ref}`),
  );
}

describe('FilePaneHost', () => {
  test('opens .xlsx bytes into the same snapshot the command line reads', async () => {
    const host = new FilePaneHost();
    expect(host.fileName).toBeNull();
    await host.open(demoBytes, 'demo.xlsx');
    expect(host.fileName).toBe('demo.xlsx');
    const mine = checkWorkbook(await host.readSnapshot()).report;
    const cli = checkWorkbook(snapshotOf(await loadWorkbook(demoBytes))).report;
    expect(mine).toEqual(cli);
    expect(mine.counts.error).toBe(3);
  });

  test('a .xls is refused in words, and the open file stays open', async () => {
    const { controller } = setup();
    await controller.openFile(chosen('demo.xlsx', demoBytes));
    const xls = new Uint8Array(512);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await controller.openFile(chosen('old.xls', xls))).toBe(false);
    expect(controller.state.error?.message).toContain('.xls');
    expect(controller.state.error?.message).toContain('另存为 .xlsx');
    expect(controller.state.error?.details).toBeUndefined(); // no class names or codes for users
    expect(controller.state.file?.name).toBe('demo.xlsx');
    expect(controller.state.report?.counts.error).toBe(3);

    const en = new Controller({ ...setupDeps(), locale: 'en-US' });
    await en.openFile(chosen('old.xls', xls));
    expect(en.state.error?.message).toBe(errorText('xlsx-legacy-xls', {}, 'en-US'));
  });

  test('nothing to check before a file is open', async () => {
    const { controller } = setup();
    expect(await controller.check()).toBe(false);
    expect(controller.state.error).toEqual({ message: t.errors.noFile });
    expect(await controller.mark()).toBe(false);
  });
});

function setupDeps() {
  const { host, saved } = setup();
  return {
    host,
    locale: 'zh-CN' as const,
    render: () => undefined,
    engine: async () => engine,
    readXlsx: readXlsxSnapshot,
    save: (bytes: Uint8Array, name: string, mime: string) => saved.push({ bytes, name, mime }),
    docx: summaryDocx,
  };
}

describe('file mode through the controller', () => {
  test('open, accept 24000, explain a warning, download the flagged copy: the copy carries all of it', async () => {
    const { controller, saved, host } = setup();
    expect(await controller.openFile(chosen('annual-2025-demo.xlsx', demoBytes))).toBe(true);
    expect(controller.state.report?.counts).toEqual({ error: 3, warning: 4, info: 0 });

    await controller.accept(rowOf(controller, 'C02').id);
    expect(controller.state.rows.some((r) => r.rule === 'C02')).toBe(false);
    await controller.explain(rowOf(controller, 'A1').id, '开展“法律服务进社区”专项活动');
    expect(controller.state.explanations).toEqual({ LAW_PRO_BONO: '开展“法律服务进社区”专项活动' });
    expect(controller.state.report?.counts.error).toBe(2);

    expect(await controller.downloadFlagged()).toBe(true);
    const file = saved.at(-1);
    expect(file?.name).toBe('annual-2025-demo-已标记.xlsx');
    expect(file?.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(controller.state.notice).toBe(t.notices.downloaded('annual-2025-demo-已标记.xlsx'));

    const copy = await loadWorkbook(file?.bytes ?? new Uint8Array());
    const { report } = checkWorkbook(snapshotOf(copy));
    expect(report.findings.map((f) => f.rule).sort()).toEqual(['A1', 'A2', 'C05', 'C06', 'C06', 'R01']);
    expect(report.findings.find((f) => f.rule === 'A1')?.explanation).toBe('开展“法律服务进社区”专项活动');
    expect(cellOf(copy, 'LEG_COUNSEL').cell.value).toBe(24000);
    expect(cellOf(copy, 'LAW_PRO_BONO_NOTE').cell.value).toBe('开展“法律服务进社区”专项活动');
    // marks: an overlay and a note on each finding cell, and 问题清单
    const r01 = cellOf(copy, 'LA_CASES');
    expect(overlays(copy)).toContain(`${r01.ws.name}!${r01.address}`);
    expect(overlays(copy)).toHaveLength(6);
    expect(JSON.stringify(r01.cell.note)).toContain('R01');
    expect(copy.worksheets.map((w) => w.name)).toContain('问题清单');
    // the accepted figure's YoY cell caches a fresh result (24000 over 20870 last year)
    const leg = cellOf(copy, 'LEG_COUNSEL');
    const yoy = leg.ws.getCell(`H${leg.cell.row}`).value as { formula?: string; result?: unknown };
    expect(yoy.formula).toBeDefined();
    expect(Number(yoy.result)).toBeCloseTo(15, 0);

    // the working workbook itself has no marks, so a second copy does not stack them
    expect(overlays(await loadWorkbook(await host.summaryCopy()))).toEqual([]); // no summary built: a plain copy
    await controller.downloadFlagged();
    expect(overlays(await loadWorkbook(saved.at(-1)?.bytes ?? new Uint8Array()))).toHaveLength(6);
  });

  test('clearing marks in a file means the next copy is unmarked', async () => {
    const { controller, host } = setup();
    await controller.openFile(chosen('demo.xlsx', demoBytes));
    await controller.mark();
    expect(controller.state.notice).toBe(t.notices.markedFile(7));
    await controller.clearMarks();
    expect(controller.state.notice).toBe(t.notices.clearedFile);
    const plain = await loadWorkbook(await host.flaggedCopy());
    expect(overlays(plain)).toEqual([]);
    expect(plain.worksheets.map((w) => w.name)).not.toContain('问题清单');
  });

  test('the summary downloads as a workbook opening on 领导参阅, and as a Word document', async () => {
    const { controller, saved } = setup();
    await controller.openFile(chosen('demo.xlsx', demoBytes));
    await controller.buildSummary();
    expect(controller.state.summaryReady).toBe(true);
    expect(await controller.downloadSummaryXlsx()).toBe(true);
    const xlsx = saved.at(-1);
    expect(xlsx?.name).toBe('demo-领导参阅.xlsx');
    const wb = await loadWorkbook(xlsx?.bytes ?? new Uint8Array());
    const sheet = wb.worksheets.find((w) => w.name === '领导参阅');
    expect(sheet).toBeDefined();
    expect(wb.views[0]?.activeTab).toBe(wb.worksheets.indexOf(sheet as NonNullable<typeof sheet>));
    expect(String(sheet?.getCell('A1').value)).toContain('示例市司法局');

    expect(await controller.downloadDocx()).toBe(true);
    const docx = saved.at(-1);
    expect(docx?.name).toBe('demo-领导参阅.docx');
    expect(Array.from(docx?.bytes.slice(0, 2) ?? [])).toEqual([0x50, 0x4b]); // a zip (OOXML)
  });

  test('the template tab downloads a blank template the checker recognises', async () => {
    const { controller, saved } = setup();
    expect(await controller.insertTemplate({ template: 'half-year', unit: '示例县司法局', period: '2025h1' })).toBe(true);
    const file = saved.at(-1);
    expect(file?.name).toBe('半年报模板-2025H1.xlsx');
    const { model } = checkWorkbook(snapshotOf(await loadWorkbook(file?.bytes ?? new Uint8Array())));
    expect([model.template, model.unit, model.period]).toEqual(['half-year', '示例县司法局', '2025H1']);
  });

  test('last year from a real file fills the _PREV cells of the open one', async () => {
    const { controller, saved } = setup();
    const current = await makeTemplate('annual', { unit: '示例市司法局', period: '2025', locale: 'zh-CN' });
    fillWorkbook(current, 'code,current,previous\nLA_CASES,1985,\n', undefined);
    const last = await makeTemplate('annual', { unit: '示例市司法局', period: '2024', locale: 'zh-CN' });
    fillWorkbook(last, 'code,current,previous\nLA_CASES,1862,\nLEG_COUNSEL,20870,\n', undefined);
    await controller.openFile(chosen('2025.xlsx', current.toBytes()));
    expect(await controller.fillPrevious(chosen('2024.xlsx', last.toBytes()))).toBe(true);
    expect(controller.state.notice).toBe(t.notices.previousFilled(2, '2024.xlsx'));
    await controller.downloadFlagged();
    const copy = await loadWorkbook(saved.at(-1)?.bytes ?? new Uint8Array());
    expect(cellOf(copy, 'LA_CASES_PREV').cell.value).toBe(1862);
    expect(cellOf(copy, 'LEG_COUNSEL_PREV').cell.value).toBe(20870);
  });
});

describe('the check → fix → submit loop in file mode', () => {
  const valueIn = (wb: Workbook, name: string) => cellOf(wb, name).cell.value;

  test('a flagged copy opened again loses its old marks; its 报送文件 carries the fixes and no mark', async () => {
    const first = setup();
    await first.controller.openFile(chosen('demo.xlsx', demoBytes));
    await first.controller.downloadFlagged();
    const flagged = first.saved.at(-1)?.bytes ?? new Uint8Array();
    expect(overlays(await loadWorkbook(flagged)).length).toBeGreaterThan(0);

    const { controller, saved } = setup();
    await controller.openFile(chosen('demo-已标记.xlsx', flagged));
    expect(controller.state.notice).toBe(t.notices.staleMarksRemoved);
    expect(await controller.accept(rowOf(controller, 'C02').id)).toBe(true);
    expect(controller.state.unsaved).toBe(true);
    expect(await controller.downloadClean()).toBe(true);
    expect(controller.state.unsaved).toBe(false);
    const file = saved.at(-1);
    expect(file?.name).toBe('demo-报送.xlsx');
    const clean = await loadWorkbook(file?.bytes ?? new Uint8Array());
    expect(overlays(clean)).toEqual([]);
    expect(clean.worksheets.map((w) => w.name)).not.toContain('问题清单');
    expect(valueIn(clean, 'LEG_COUNSEL')).toBe(24000);
  });

  test('accepting is listed and can be undone; C05 puts the formula back rather than a constant', async () => {
    const { controller, host } = setup();
    await controller.openFile(chosen('demo.xlsx', demoBytes));
    await controller.accept(rowOf(controller, 'C02').id);
    expect(controller.state.changes).toHaveLength(1);
    expect(controller.state.changes[0]?.text).toContain('约2.4万');
    expect(await controller.undo(controller.state.changes[0]?.id ?? '')).toBe(true);
    expect(controller.state.changes).toEqual([]);
    expect(rowOf(controller, 'C02').code).toBe('LEG_COUNSEL'); // the finding is back
    expect(valueIn(await loadWorkbook(await host.cleanCopy()), 'LEG_COUNSEL')).toBe('约2.4万');

    const c05 = rowOf(controller, 'C05');
    expect(c05.suggestion?.formula).toBe(true);
    await controller.accept(c05.id);
    expect(controller.state.notice).toBe(t.notices.formulaRestored(`${c05.sheet}!${c05.cell}`, '24.38'));
    expect(controller.state.rows.some((r) => r.rule === 'C05')).toBe(false);
    const cell = cellOf(await loadWorkbook(await host.cleanCopy()), 'AR_SETTLE_RATE').cell;
    expect(cell.formula).toMatch(/AR_SETTLED/);
    // and undoing that puts the typed constant back
    await controller.undo(controller.state.changes.at(-1)?.id ?? '');
    expect(cellOf(await loadWorkbook(await host.cleanCopy()), 'AR_SETTLE_RATE').cell.value).toBe(24.83);
  });

  test('another file does not replace unsaved work until the user says so', async () => {
    const { controller } = setup();
    await controller.openFile(chosen('demo.xlsx', demoBytes));
    expect(await controller.openFile(chosen('other.xlsx', demoBytes))).toBe(true); // nothing typed yet: opens
    await controller.explain(rowOf(controller, 'A1').id, '新增公益律师团队');
    expect(await controller.openFile(chosen('third.xlsx', demoBytes))).toBe(false);
    expect(controller.state.pendingOpen).toEqual({ name: 'third.xlsx' });
    expect(controller.state.file?.name).toBe('other.xlsx');
    controller.cancelOpen();
    expect(controller.state.pendingOpen).toBeNull();
    expect(controller.hasUnsavedWork()).toBe(true);
    await controller.openFile(chosen('third.xlsx', demoBytes));
    expect(await controller.confirmOpen()).toBe(true);
    expect(controller.state.file?.name).toBe('third.xlsx');
    expect(controller.hasUnsavedWork()).toBe(false);
    expect(controller.state.explanations).toEqual({});
  });

  test('last year’s file is refused in words when it is not the same unit’s, template’s and period one year earlier', async () => {
    const current = await makeTemplate('annual', { unit: '示例市司法局', period: '2025', locale: 'zh-CN' });
    fillWorkbook(current, 'code,current,previous\nLA_CASES,1985,\n', undefined);
    const cases: [string, Uint8Array, string][] = [];
    const same = current.toBytes();
    cases.push(['same period', same, errorText('previous-period', { yearA: '2025', yearB: '2025', yearC: '2024', templateB: 'annual' }, 'zh-CN') ?? '']);
    const other = await makeTemplate('annual', { unit: '示例县司法局', period: '2024', locale: 'zh-CN' });
    cases.push(['other unit', other.toBytes(), errorText('previous-unit', { unitA: '示例县司法局', unitB: '示例市司法局' }, 'zh-CN') ?? '']);
    const half = await makeTemplate('half-year', { unit: '示例市司法局', period: '2024H1', locale: 'zh-CN' });
    cases.push(['other template', half.toBytes(), errorText('previous-template', { templateA: 'half-year', templateB: 'annual' }, 'zh-CN') ?? '']);
    const older = await makeTemplate('annual', { unit: '示例市司法局', period: '2023', locale: 'zh-CN' });
    cases.push(['two years back', older.toBytes(), errorText('previous-period', { yearA: '2023', yearB: '2025', yearC: '2024', templateB: 'annual' }, 'zh-CN') ?? '']);
    for (const [what, bytes, words] of cases) {
      const { controller, host } = setup();
      await controller.openFile(chosen('2025.xlsx', current.toBytes()));
      const before = await host.cleanCopy();
      expect([what, await controller.fillPrevious(chosen('x.xlsx', bytes))]).toEqual([what, false]);
      expect([what, controller.state.error?.message]).toEqual([what, words]);
      expect(words).not.toBe('');
      expect(controller.state.changes).toEqual([]);
      expect(Buffer.from(await host.cleanCopy()).equals(Buffer.from(before))).toBe(true); // nothing written
    }
  });

  test('R08: without the other report a line says it did not run; given the half-year report, it runs', async () => {
    const { controller } = setup();
    await controller.openFile(chosen('demo.xlsx', demoBytes));
    expect(controller.state.skipped).toHaveLength(1);
    expect(controller.state.skipped[0]).not.toMatch(/--|reference/);
    const half = await makeTemplate('half-year', { unit: '示例市司法局', period: '2025H1', locale: 'zh-CN' });
    fillWorkbook(half, 'code,current,previous\nLA_CASES,5000,\n', undefined);
    expect(await controller.setReference(chosen('2025H1.xlsx', half.toBytes()))).toBe(true);
    expect(controller.state.reference).toEqual({ name: '2025H1.xlsx' });
    expect(controller.state.skipped).toEqual([]);
    // a half-year LA_CASES of 5000 exceeds the year's 1985: R08 speaks
    expect(controller.state.rows.some((r) => r.rule === 'R08' && r.code === 'LA_CASES')).toBe(true);
    await controller.clearReference();
    expect(controller.state.skipped).toHaveLength(1);
  });

  test('the open report is named: unit, period, template', async () => {
    const { controller } = setup();
    await controller.openFile(chosen('demo.xlsx', demoBytes));
    expect(controller.state.title).toEqual({ unit: '示例市司法局', period: '2025年', template: '年报' });
  });
});
