/**
 * Excel mode: the controller and the pane's Excel host against the strict fake of Excel
 * (tests/fakes/fake-excel.ts). Round trips are counted, older Excels are simulated, and what
 * ends up in the workbook is read back from the fake.
 */
import { excelHostMessage } from '../../src/hosts/excel/messages';
import { Controller } from '../../src/taskpane/controller';
import { engine } from '../../src/taskpane/engine';
import { ExcelPaneHost } from '../../src/taskpane/excel-pane-host';
import { uiText } from '../../src/taskpane/ui-text';
import { buildSummary, checkWorkbook, summarySheetPlan } from '../../src/core';
import type { SheetPlan } from '../../src/core/plan/types';
import { YOY_CHART_NAME, yoyRows } from '../../src/hosts/excel/summary-chart';
import { ExcelHost, MARK_TOKEN } from '../../src/hosts/excel';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { createFakeExcel, type FakeExcelOptions } from '../fakes/fake-excel';
import { SLIPS_CSV, fill, sample, template } from '../fakes/sample';

const t = uiText('zh-CN');
const slips = () => fill(sample(), SLIPS_CSV);

function setup(options: FakeExcelOptions = {}, snapshot: WorkbookSnapshot = slips()) {
  const fake = createFakeExcel({ snapshot, ...options });
  const host = new ExcelPaneHost({ run: fake.run, isSetSupported: fake.isSetSupported, sleep: async () => undefined });
  const saved: string[] = [];
  const controller = new Controller({
    host,
    locale: 'zh-CN',
    render: () => undefined,
    engine: async () => engine,
    readXlsx: async () => template('annual', '2024'),
    save: (_bytes, name) => saved.push(name),
    docx: async () => new Uint8Array([0x50, 0x4b]),
  });
  return { fake, host, controller, saved };
}

const rowOf = (c: Controller, rule: string) => {
  const row = c.state.rows.find((r) => r.rule === rule);
  if (!row) throw new Error(`no ${rule} row`);
  return row;
};

/** Where a defined name points in the fake workbook. */
function at(snapshot: WorkbookSnapshot, name: string) {
  const n = snapshot.names.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  return n;
}

describe('the controller on Excel', () => {
  test('a check reads the workbook in two syncs (names, then their cells) and finds what the core finds', async () => {
    const { fake, controller } = setup();
    expect(await controller.check()).toBe(true);
    expect(fake.syncCount).toBe(2);
    expect(controller.state.report).toEqual(checkWorkbook(slips()).report);
  });

  test('check-and-mark takes 3 syncs: overlays, notes and 问题清单 are in the workbook', async () => {
    const { fake, controller } = setup();
    expect(await controller.mark()).toBe(true);
    expect(fake.syncCount).toBe(3);
    expect(controller.state.notice).toBe(t.notices.marked(7));
    expect(fake.sheetNames()).toContain('问题清单');
    const r01 = at(slips(), 'LA_CASES');
    expect(fake.conditionalFormats(r01.sheet).some((cf) => cf.range.replace(/\$/g, '') === r01.address && cf.formula?.includes(MARK_TOKEN))).toBe(true);
    expect(fake.notes(r01.sheet).some((n) => n.address.replace(/\$/g, '').endsWith(r01.address) && n.content.includes('R01'))).toBe(true);

    fake.resetCounters();
    expect(await controller.clearMarks()).toBe(true);
    expect(controller.state.notice).toBe(t.notices.cleared(7));
    expect(fake.conditionalFormats(r01.sheet).filter((cf) => cf.formula?.includes(MARK_TOKEN))).toEqual([]);
    expect(fake.syncCount).toBeLessThanOrEqual(3); // sheets and annotations, then formats and locations, then the deletions
  });

  test('an Excel without notes or comments (ExcelApi 1.9) still checks and marks, and says where the reasons are', async () => {
    const { fake, controller } = setup({ requirementSets: { ExcelApi: '1.9' } });
    expect(await controller.check()).toBe(true);
    expect(controller.state.report?.counts.error).toBe(3);
    expect(await controller.mark()).toBe(true);
    expect(controller.state.error).toBeNull();
    expect(controller.state.marks).toEqual({ marked: 7, notes: 'none' });
    expect(controller.state.notice).toBe(t.notices.markedNoNotes(7));
    expect(fake.sheetNames()).toContain('问题清单');
  });

  test('accepting 24000 writes the cell in Excel and the finding is gone', async () => {
    const { fake, controller } = setup();
    await controller.check();
    fake.resetCounters();
    await controller.accept(rowOf(controller, 'C02').id);
    expect(fake.syncCount).toBe(3); // the edit, then the re-check (two read syncs)
    const leg = at(slips(), 'LEG_COUNSEL');
    expect(fake.cell(leg.sheet, leg.address)?.value).toBe(24000);
    expect(controller.state.rows.some((r) => r.rule === 'C02')).toBe(false);
  });

  test('C05 in Excel: accepting puts the formula back (Excel calculates it); undo puts the typed constant back', async () => {
    const { fake, controller } = setup();
    await controller.check();
    const rate = at(slips(), 'AR_SETTLE_RATE');
    await controller.accept(rowOf(controller, 'C05').id);
    expect(fake.cell(rate.sheet, rate.address)?.formula).toMatch(/AR_SETTLED\/AR_CLOSED\*100/);
    expect(controller.state.rows.some((r) => r.rule === 'C05')).toBe(false);
    expect(controller.state.changes.map((c) => c.kind)).toEqual(['formula']);
    await controller.undo(controller.state.changes[0]?.id ?? '');
    expect(fake.cell(rate.sheet, rate.address)?.value).toBe(24.83);
    expect(fake.cell(rate.sheet, rate.address)?.formula).toBeUndefined();
    expect(controller.state.rows.some((r) => r.rule === 'C05')).toBe(true);
  });

  test('an explanation typed in the pane lands in the 说明 cell as text, even one that looks like a formula', async () => {
    const { fake, controller } = setup();
    await controller.check();
    await controller.explain(rowOf(controller, 'A2').id, '=新开通账号 12 个');
    const note = at(slips(), 'PL_POSTS_NOTE');
    expect(fake.cell(note.sheet, note.address)?.value).toBe('=新开通账号 12 个');
    expect(fake.cell(note.sheet, note.address)?.formula).toBeUndefined();
    expect(rowOf(controller, 'A2').explanation).toBe('=新开通账号 12 个');
    expect(controller.state.report?.explained).toBe(2);
  });

  test('choosing a finding selects its cell', async () => {
    const { fake, controller } = setup();
    await controller.check();
    const row = rowOf(controller, 'R01');
    await controller.select(row.id);
    expect(fake.selection).toEqual({ sheet: row.sheet, address: row.cell });
    expect(fake.activeSheet).toBe(row.sheet);
  });

  test('a cell being edited is explained in words, with the code in the details', async () => {
    const { fake, controller } = setup();
    fake.enterCellEditMode(100);
    expect(await controller.check()).toBe(false);
    expect(controller.state.error?.message).toBe(excelHostMessage('CELL_EDIT_MODE', {}, 'zh-CN'));
  });
});

describe('live re-check through the pane host', () => {
  test('the pane\'s switch: on listens to the report\'s sheets and says so; off removes the handlers', async () => {
    const fake = createFakeExcel({ snapshot: slips() });
    const host = new ExcelPaneHost({ run: fake.run, runIn: fake.runIn, isSetSupported: fake.isSetSupported, sleep: async () => undefined });
    const controller = new Controller({ host, locale: 'zh-CN', render: () => undefined, engine: async () => engine, readXlsx: async () => template('annual', '2024'), save: () => undefined, docx: async () => new Uint8Array() });
    expect(await controller.check()).toBe(true);
    expect(fake.listenerCount).toBe(0); // a check alone registers nothing
    expect(await controller.setLiveCheck(true)).toBe(true);
    expect(controller.state.live).toBe(true);
    expect(controller.state.notice).toBe(uiText('zh-CN').notices.liveOn);
    expect(fake.listenerCount).toBeGreaterThan(0);
    expect(await controller.setLiveCheck(false)).toBe(true);
    expect(controller.state.live).toBe(false);
    expect(fake.listenerCount).toBe(0);
  });

  test('after a check the pane host listens to the report\'s sheets; the switch turns it off and removes the handlers', async () => {
    const fake = createFakeExcel({ snapshot: slips() });
    const host = new ExcelPaneHost({ run: fake.run, runIn: fake.runIn, isSetSupported: fake.isSetSupported, sleep: async () => undefined });
    await host.readSnapshot();
    expect(await host.watch(() => undefined, 50)).toBe(false); // off until the user turns it on
    await host.setLiveCheck(true);
    expect(await host.watch(() => undefined, 50)).toBe(true);
    expect(fake.listenerCount).toBeGreaterThan(0);
    await host.setLiveCheck(false);
    expect(fake.listenerCount).toBe(0);
    expect(await host.watch(() => undefined)).toBe(false);
    expect(fake.listenerCount).toBe(0);
    fake.resetCounters();
    const snap = await host.recheckSnapshot();
    expect(fake.syncCount).toBe(1);
    expect(checkWorkbook(snap).report).toEqual(checkWorkbook(slips()).report);
  });
});

describe('template and summary in Excel', () => {
  test('an older Excel (ExcelApi 1.7) gets the template without the formatting it lacks, and is told so', async () => {
    const { fake, controller } = setup({ requirementSets: { ExcelApi: '1.7' } }, { sheets: [{ name: 'Sheet1', cells: {} }], names: [] });
    expect(await controller.insertTemplate({ template: 'annual', unit: '', period: '2025' })).toBe(true);
    expect(fake.names().some((n) => n.name === 'LA_CASES_NOTE')).toBe(true);
    expect(controller.state.notice).toMatch(/^已插入年报模板。此版本的 Excel 不支持部分格式，已略过（.*dataValidation/);
  });

  test('inserting the template into an empty workbook, then again: the second time says the sheet exists', async () => {
    const { fake, controller } = setup({}, { sheets: [{ name: 'Sheet1', cells: {} }], names: [] });
    expect(await controller.insertTemplate({ template: 'annual', unit: '示例县司法局', period: '2025' })).toBe(true);
    expect(fake.sheetNames()).toContain('封面');
    expect(fake.names().some((n) => n.name === 'LA_CASES')).toBe(true);
    expect(checkWorkbook(fake.toSnapshot()).model.unit).toBe('示例县司法局');

    expect(await controller.insertTemplate({ template: 'annual', unit: '', period: '' })).toBe(false);
    const templateSheets = fake.sheetNames().filter((n) => n !== 'Sheet1').join('、');
    expect(controller.state.error?.message).toBe(excelHostMessage('SHEET_EXISTS', { sheet: templateSheets }, 'zh-CN'));
    expect(controller.state.error?.message).toMatch(/^工作簿中已有工作表“封面、JS00/);
    expect(controller.state.error?.details).toBeUndefined(); // no codes for users
  });

  test('the summary sheet is added; on an Excel (or fake) without charts it comes without one', async () => {
    const { fake, controller, host } = setup();
    expect(await controller.buildSummary()).toBe(true);
    expect(fake.sheetNames()).toContain('领导参阅');
    expect(controller.state.notice).toBe(t.notices.summaryAdded(false));
    expect(host.chartProblem).not.toBeNull(); // the strict fake has no chart API
    // a second summary replaces the add-in's own page instead of stopping on it
    expect(await controller.buildSummary()).toBe(true);
    expect(fake.sheetNames().filter((n) => n === '领导参阅')).toHaveLength(1);
  });

  test('last year from a file fills the _PREV cells and writes YoY formulas in Excel', async () => {
    const lastYear = fill(template('annual', '2024'), 'code,current,previous\nLA_CASES,1862,\n');
    const current = fill(template('annual', '2025'), 'code,current,previous\nLA_CASES,1985,\n');
    const fake = createFakeExcel({ snapshot: current });
    const controller = new Controller({
      host: new ExcelPaneHost({ run: fake.run, isSetSupported: fake.isSetSupported }),
      locale: 'zh-CN',
      render: () => undefined,
      engine: async () => engine,
      readXlsx: async () => lastYear,
      save: () => undefined,
      docx: async () => new Uint8Array(),
    });
    expect(await controller.fillPrevious({ name: '2024.xlsx', arrayBuffer: async () => new ArrayBuffer(1) })).toBe(true);
    const prev = at(current, 'LA_CASES_PREV');
    expect(fake.cell(prev.sheet, prev.address)?.value).toBe(1862);
    const row = Number(/\d+$/.exec(prev.address)?.[0]);
    expect(fake.cell(prev.sheet, `H${row}`)?.formula).toContain('LA_CASES_PREV');
    expect(controller.state.notice).toBe(t.notices.previousFilled(1, '2024.xlsx'));
  });
});

// ---- the chart, against a small recording double of the chart API -------------------------

interface Recorded {
  syncs: number;
  calls: string[];
  chart: Record<string, unknown>;
}

function chartDouble(): { rec: Recorded; run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T> } {
  const rec: Recorded = { syncs: 0, calls: [], chart: {} };
  const range = (address: string) => ({ address });
  const chart = {
    set name(v: string) {
      rec.chart.name = v;
    },
    title: {
      set text(v: string) {
        rec.chart.title = v;
      },
      set visible(v: boolean) {
        rec.chart.titleVisible = v;
      },
    },
    legend: {
      set visible(v: boolean) {
        rec.chart.legend = v;
      },
    },
    dataLabels: {
      set showValue(v: boolean) {
        rec.chart.labels = v;
      },
    },
    setPosition: (a: string, b: string) => rec.calls.push(`setPosition ${a} ${b}`),
    series: {
      getItemAt: (i: number) => ({
        set name(v: string) {
          rec.chart[`series${i}`] = v;
        },
        setXAxisValues: (r: { address: string }) => rec.calls.push(`setXAxisValues ${r.address}`),
      }),
    },
    axes: {
      categoryAxis: {
        set reversePlotOrder(v: boolean) {
          rec.chart.reversed = v;
        },
      },
    },
  };
  const ctx = {
    workbook: {
      worksheets: {
        getItem: (name: string) => ({
          getRange: (a: string) => range(`${name}!${a}`),
          charts: {
            add: (type: string, source: { address: string }, by: string) => {
              rec.calls.push(`add ${type} ${source.address} ${by}`);
              return chart;
            },
          },
        }),
      },
    },
    sync: async () => {
      rec.syncs++;
    },
  };
  return { rec, run: (batch) => batch(ctx as unknown as Excel.RequestContext) };
}

const summarySheet = (): SheetPlan => summarySheetPlan(
  buildSummary(checkWorkbook(sample()).report, checkWorkbook(sample()).model, { locale: 'zh-CN' }),
  [],
  'zh-CN',
);

/** The chart goes through the host's own batch (its cell-edit handling included). */
const addYoyChart = (deps: { run: ConstructorParameters<typeof ExcelHost>[0] extends infer D ? D extends { run?: infer R } ? R : never : never; isSetSupported: (n: string, v: string) => boolean }, sheet: SheetPlan, text: { title: string; series: string }) =>
  new ExcelHost({ ...deps, sleep: async () => undefined }).addYoyChart(sheet, text);

describe('the YoY chart beside 领导参阅', () => {
  test('one batch, one sync: a clustered bar chart over the YoY column, named after the indicators', async () => {
    const sheet = summarySheet();
    const rows = yoyRows(sheet);
    expect(rows).not.toBeNull();
    const { rec, run } = chartDouble();
    expect(await addYoyChart({ run, isSetSupported: () => true }, sheet, t.chart)).toBe(true);
    expect(rec.syncs).toBe(1);
    expect(rec.calls[0]).toBe(`add BarClustered 领导参阅!E${rows?.first}:E${rows?.last} Columns`);
    expect(rec.calls).toContain(`setXAxisValues 领导参阅!A${rows?.first}:A${rows?.last}`);
    expect(rec.calls.some((c) => /^setPosition I\d+ O\d+$/.test(c))).toBe(true);
    expect(rec.chart).toMatchObject({ name: YOY_CHART_NAME, title: '主要指标同比增减', legend: false, labels: true, series0: '同比', reversed: true });
  });

  test('ExcelApi 1.1 only: the chart still comes, without 1.7 calls', async () => {
    const { rec, run } = chartDouble();
    const only11 = (_name: string, version: string) => version === '1.1';
    expect(await addYoyChart({ run, isSetSupported: only11 }, summarySheet(), t.chart)).toBe(true);
    expect(rec.calls.some((c) => c.startsWith('setXAxisValues'))).toBe(false);
    expect(rec.chart.reversed).toBeUndefined();
  });

  test('no chart API, or no key-indicator table: no chart and no round trip', async () => {
    const { rec, run } = chartDouble();
    expect(await addYoyChart({ run, isSetSupported: () => false }, summarySheet(), t.chart)).toBe(false);
    const { dataBars: _bars, ...bare } = summarySheet();
    expect(await addYoyChart({ run, isSetSupported: () => true }, bare, t.chart)).toBe(false);
    expect(rec.syncs).toBe(0);
  });
});
