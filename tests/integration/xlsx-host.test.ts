/**
 * The ExcelJS host on real .xlsx bytes: every workbook here is written by ExcelJS, read back
 * from the bytes, and inspected both through the snapshot and through ExcelJS's own model.
 * Each test is named after the case it guards.
 */
import { errorText } from '../../src/core';
import type { Workbook } from 'exceljs';
import {
  applyCellEdits,
  applyMarks,
  applyWorkbookPlan,
  loadWorkbook,
  newWorkbook,
  snapshotOf,
  toBytes,
  XlsxInputError,
} from '../support/exceljs-host';
import type { MarkPlan, SheetPlan, WorkbookPlan } from '../../src/core/plan/types';
import { SEVERITY_COLORS } from '../../src/core/plan/types';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

// ---------------------------------------------------------------------------------------------
// Helpers

async function roundTrip(wb: Workbook): Promise<Workbook> {
  return loadWorkbook(await toBytes(wb));
}

function sheetOf(snap: WorkbookSnapshot, name: string) {
  const sheet = snap.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name} in snapshot: ${snap.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

function nameRef(snap: WorkbookSnapshot, name: string) {
  return snap.names.find((n) => n.name === name);
}

async function expectInputError(bytes: Uint8Array | ArrayBuffer, reason: XlsxInputError['reason']) {
  let caught: unknown;
  try {
    await loadWorkbook(bytes);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(XlsxInputError);
  const e = caught as XlsxInputError;
  expect(e.reason).toBe(reason);
  // The words come from the locale tables by the error's code, in both languages, one line.
  const words = errorText(e.code, e.params, 'zh-CN') ?? '';
  expect(words).toMatch(/[\u4e00-\u9fff]/); // Chinese
  expect(words).not.toContain('\n');
  expect(errorText(e.code, e.params, 'en-US')).toMatch(/^[\x20-\x7e]+$/);
  return { reason: e.reason, code: e.code, message: words };
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A minimal zip (stored, no compression) with the given text files. */
function storedZip(files: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = enc.encode(name);
    const data = enc.encode(text);
    const crc = crc32(data);
    const local = new Uint8Array(30 + nameBytes.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    local.set(data, 30 + nameBytes.length);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, eocd]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced. */
function randomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A template-like plan

const FORM = '法律援助 工作情况';
const QUOTED = "张三's 表"; // a quote inside a sheet name is doubled in references
const SUMMARY = '领导参阅';

const formSheet: SheetPlan = {
  name: FORM,
  columns: [6, 30, 16, 8, 12, 12],
  cells: [
    { address: 'A1', value: '法律援助工作情况', style: { font: 'title', size: 16, bold: true, align: 'center' } },
    { address: 'A3', value: '序号', style: { font: 'body', bold: true, border: true, fill: 'D9E1F2' } },
    { address: 'B4', value: '法律援助案件数', style: { font: 'text', border: true, wrap: true, valign: 'middle' } },
    {
      address: 'E4',
      value: 1985,
      style: { font: 'body', border: true, numFmt: '#,##0', unlocked: true, align: 'right' },
      validation: {
        type: 'whole',
        min: 0,
        max: 1000000,
        errorTitle: '输入有误',
        error: '请输入 0 到 1000000 之间的整数',
        prompt: '单位：件',
      },
    },
    {
      address: 'F4',
      value: 1800,
      validation: { type: 'decimal', min: 0, errorTitle: '输入有误', error: '请输入不小于 0 的数' },
    },
    { address: 'E5', value: 0 },
    { address: 'E6', formula: 'LA_CASES/BASE_POP*10', result: 24.38, style: { numFmt: '0.00' } },
    { address: 'E7', formula: '=E5*2', result: 0 },
    { address: 'E8', formula: 'IF(E4>0,"有","无")', result: '有' },
    { address: 'E9', formula: 'E4>F4', result: true },
    { address: 'E10', formula: 'E4<F4', result: false },
    { address: 'G4', formula: 'E4-F4' },
  ],
  merges: ['A1:F1', 'A2:B2'],
  rowHeights: { 1: 28, 4: 20 },
  freeze: { rows: 3, cols: 2 },
  print: {
    orientation: 'landscape',
    paper: 'A4',
    fitToWidth: true,
    titleRows: [1, 3],
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    centerHorizontally: true,
  },
  tabColor: '1F4E79',
};

const quotedSheet: SheetPlan = {
  name: QUOTED,
  columns: [10],
  cells: [{ address: 'B2', value: 100 }],
  merges: [],
};

const summarySheet: SheetPlan = {
  name: SUMMARY,
  columns: [20, 12],
  cells: [
    { address: 'A1', value: '领导参阅', style: { font: 'title', size: 18 } },
    { address: 'A2', link: `#'${FORM}'!E4`, value: '查看案件数' },
    { address: 'A3', link: `#'${FORM}'!E5` },
    { address: 'B5', value: 10 },
    { address: 'B6', value: 20 },
  ],
  merges: [],
  dataBars: [{ range: 'B5:B6', color: '5B9BD5' }],
  hideGridLines: true,
};

const plan: WorkbookPlan = {
  sheets: [formSheet, quotedSheet, summarySheet],
  names: [
    { name: 'LA_CASES', sheet: FORM, address: 'E4' },
    { name: 'LA_CASES_PREV', sheet: FORM, address: 'F4' },
    { name: 'BASE_POP', sheet: FORM, address: 'E5' },
    { name: 'QUOTED_CELL', sheet: QUOTED, address: 'B2' },
  ],
};

async function templateWorkbook(): Promise<Workbook> {
  const wb = await newWorkbook();
  applyWorkbookPlan(wb, plan);
  return roundTrip(wb);
}

// ---------------------------------------------------------------------------------------------

describe('applyWorkbookPlan -> toBytes -> loadWorkbook -> snapshotOf', () => {
  let wb: Workbook;
  let snap: WorkbookSnapshot;

  beforeAll(async () => {
    wb = await templateWorkbook();
    snap = snapshotOf(wb);
  });

  test('sheets keep their Chinese names and plan order', () => {
    expect(snap.sheets.map((s) => s.name)).toEqual([FORM, QUOTED, SUMMARY]);
  });

  test('names on sheets with spaces, Chinese and doubled quotes resolve to the right cells', () => {
    expect(nameRef(snap, 'LA_CASES')).toEqual({ name: 'LA_CASES', sheet: FORM, address: 'E4' });
    expect(nameRef(snap, 'LA_CASES_PREV')).toEqual({ name: 'LA_CASES_PREV', sheet: FORM, address: 'F4' });
    expect(nameRef(snap, 'BASE_POP')).toEqual({ name: 'BASE_POP', sheet: FORM, address: 'E5' });
    expect(nameRef(snap, 'QUOTED_CELL')).toEqual({ name: 'QUOTED_CELL', sheet: QUOTED, address: 'B2' });
    const cell = nameRef(snap, 'QUOTED_CELL');
    expect(sheetOf(snap, cell!.sheet).cells[cell!.address]).toEqual({ v: 100 });
  });

  test('built-in names ExcelJS cannot scope (_xlnm._FilterDatabase) are dropped on load, user names kept', async () => {
    const w = await newWorkbook();
    applyWorkbookPlan(w, plan);
    w.definedNames.add(`'${FORM}'!$A$3:$F$10`, '_xlnm._FilterDatabase');
    w.definedNames.add(`'${SUMMARY}'!$A$1:$B$6`, '_xlnm._FilterDatabase');
    const back = await roundTrip(w);
    expect(back.definedNames.model.map((d) => d.name).sort()).toEqual(
      ['BASE_POP', 'LA_CASES', 'LA_CASES_PREV', 'QUOTED_CELL'],
    );
  });

  test('print titles are not reported as names', () => {
    expect(snap.names.some((n) => n.name.startsWith('_xlnm'))).toBe(false);
    expect(snap.names).toHaveLength(4);
  });

  test('formulas keep their text and cached results, including falsy ones', () => {
    const cells = sheetOf(snap, FORM).cells;
    expect(cells.E6).toEqual({ v: 24.38, f: 'LA_CASES/BASE_POP*10' });
    expect(cells.E7).toEqual({ v: 0, f: 'E5*2' });
    expect(cells.E8).toEqual({ v: '有', f: 'IF(E4>0,"有","无")' });
    expect(cells.E9).toEqual({ v: true, f: 'E4>F4' });
    expect(cells.E10).toEqual({ v: false, f: 'E4<F4' });
    expect(cells.G4).toEqual({ v: null, f: 'E4-F4' });
  });

  test('constants, including zero, are present; merged-over cells are not', () => {
    const cells = sheetOf(snap, FORM).cells;
    expect(cells.A1).toEqual({ v: '法律援助工作情况' });
    expect(cells.E4).toEqual({ v: 1985 });
    expect(cells.E5).toEqual({ v: 0 });
    expect(cells.B1).toBeUndefined();
  });

  test('internal links are HYPERLINK formulas (Excel and WPS follow them) with their text cached', () => {
    const cells = sheetOf(snap, SUMMARY).cells;
    expect(cells.A2).toEqual({ v: '查看案件数', f: `HYPERLINK("#'${FORM}'!E4","查看案件数")` });
    expect(cells.A3).toEqual({ v: `#'${FORM}'!E5`, f: `HYPERLINK("#'${FORM}'!E5","#'${FORM}'!E5")` });
    const a2 = wb.getWorksheet(SUMMARY)!.getCell('A2');
    expect(a2.font).toMatchObject({ underline: true, color: { argb: 'FF0563C1' } });
    // no cell hyperlink: ExcelJS would write it as an external relationship plus a location
    expect(a2.hyperlink).toBeUndefined();
  });

  test('external links stay cell hyperlinks', async () => {
    const w = await newWorkbook();
    applyWorkbookPlan(w, {
      sheets: [{ name: '链接', columns: [], cells: [{ address: 'A1', link: 'https://example.org/a"b', value: '说明' }], merges: [] }],
      names: [],
    });
    const back = await roundTrip(w);
    expect(back.getWorksheet('链接')!.getCell('A1').value).toEqual({ text: '说明', hyperlink: 'https://example.org/a"b' });
    expect(sheetOf(snapshotOf(back), '链接').cells.A1).toEqual({ v: '说明' });
  });

  test('data validations survive with bounds, messages and prompt', () => {
    const ws = wb.getWorksheet(FORM)!;
    expect(ws.getCell('E4').dataValidation).toMatchObject({
      type: 'whole',
      operator: 'between',
      formulae: [0, 1000000],
      showErrorMessage: true,
      errorTitle: '输入有误',
      error: '请输入 0 到 1000000 之间的整数',
      showInputMessage: true,
      prompt: '单位：件',
      allowBlank: true,
    });
    expect(ws.getCell('F4').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
    });
  });

  test('validation texts longer than Excel accepts are clipped, not written into a file Excel refuses', async () => {
    const w = await newWorkbook();
    const long = '请输入'.repeat(100);
    applyWorkbookPlan(w, {
      sheets: [{
        name: '长',
        columns: [],
        cells: [{ address: 'A1', validation: { type: 'decimal', errorTitle: '标题'.repeat(20), error: long, prompt: long } }],
        merges: [],
      }],
      names: [],
    });
    const dv = (await roundTrip(w)).getWorksheet('长')!.getCell('A1').dataValidation;
    expect(dv.errorTitle!.length).toBeLessThanOrEqual(32);
    expect(dv.error!.length).toBeLessThanOrEqual(255);
    expect(dv.prompt!.length).toBeLessThanOrEqual(255);
    expect(dv.error!.startsWith('请输入请输入')).toBe(true);
    expect(dv).toMatchObject({ type: 'decimal', operator: 'between' });
  });

  test('print setup: A4, landscape, one page wide, title rows, margins, centred', () => {
    const setup = wb.getWorksheet(FORM)!.pageSetup;
    expect(setup.paperSize).toBe(9);
    expect(setup.orientation).toBe('landscape');
    expect(setup.fitToPage).toBe(true);
    expect(setup.fitToWidth).toBe(1);
    expect(setup.fitToHeight).toBe(0);
    expect(setup.printTitlesRow).toBe('1:3');
    expect(setup.horizontalCentered).toBe(true);
    expect(setup.margins).toEqual({ left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 });
  });

  test('views: frozen panes on the form, hidden grid lines on the summary', () => {
    expect(wb.getWorksheet(FORM)!.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3 });
    expect(wb.getWorksheet(SUMMARY)!.views[0]).toMatchObject({ showGridLines: false });
  });

  test('merges, widths, heights and tab colour', () => {
    const ws = wb.getWorksheet(FORM)!;
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect([...merges].sort()).toEqual(['A1:F1', 'A2:B2']);
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getRow(1).height).toBe(28);
    expect(ws.properties.tabColor).toEqual({ argb: 'FF1F4E79' });
  });

  test('styles: font faces by role, fill, border, number format, unlocked input cells', () => {
    const ws = wb.getWorksheet(FORM)!;
    expect(ws.getCell('A1').font).toMatchObject({ name: '黑体', size: 16, bold: true });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('A3').font).toMatchObject({ name: '宋体', bold: true });
    expect(ws.getCell('A3').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(ws.getCell('B4').font).toMatchObject({ name: '仿宋' });
    expect(ws.getCell('B4').alignment).toMatchObject({ wrapText: true, vertical: 'middle' });
    expect(ws.getCell('E4').numFmt).toBe('#,##0');
    expect(ws.getCell('E4').protection).toMatchObject({ locked: false });
    expect(ws.getCell('E4').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(ws.getCell('E6').numFmt).toBe('0.00');
  });

  test('data bars are written as conditional formats on their range', () => {
    const cfs = (wb.getWorksheet(SUMMARY) as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string }> }> }).conditionalFormattings;
    expect(cfs).toHaveLength(1);
    expect(cfs[0]!.ref).toBe('B5:B6');
    expect(cfs[0]!.rules[0]!.type).toBe('dataBar');
  });
});

describe('applyWorkbookPlan on an existing workbook', () => {
  test('replacing a sheet of the same name keeps its tab position and drops names into the old sheet', async () => {
    const wb = await templateWorkbook();
    const replacement: SheetPlan = { name: QUOTED, columns: [], cells: [{ address: 'C3', value: '新' }], merges: [] };
    applyWorkbookPlan(wb, { sheets: [replacement], names: [{ name: 'NEW_CELL', sheet: QUOTED, address: 'C3' }] });
    const snap = snapshotOf(await roundTrip(wb));
    expect(snap.sheets.map((s) => s.name)).toEqual([FORM, QUOTED, SUMMARY]);
    expect(sheetOf(snap, QUOTED).cells).toEqual({ C3: { v: '新' } });
    expect(nameRef(snap, 'QUOTED_CELL')).toBeUndefined();
    expect(nameRef(snap, 'NEW_CELL')).toEqual({ name: 'NEW_CELL', sheet: QUOTED, address: 'C3' });
    expect(nameRef(snap, 'LA_CASES')).toEqual({ name: 'LA_CASES', sheet: FORM, address: 'E4' });
  });

  test('a planned name replaces an existing name of the same spelling in any case', async () => {
    const wb = await templateWorkbook();
    applyWorkbookPlan(wb, { sheets: [], names: [{ name: 'la_cases', sheet: FORM, address: 'F4' }] });
    const snap = snapshotOf(await roundTrip(wb));
    const matches = snap.names.filter((n) => n.name.toLowerCase() === 'la_cases');
    expect(matches).toEqual([{ name: 'la_cases', sheet: FORM, address: 'F4' }]);
  });
});

describe('snapshotOf on the awkward cells', () => {
  let snap: WorkbookSnapshot;

  beforeAll(async () => {
    const wb = await newWorkbook();
    const ws = wb.addWorksheet('杂项');
    wb.addWorksheet('空表');
    ws.getCell('A1').value = { error: '#DIV/0!' } as never;
    ws.getCell('A2').value = { formula: 'E4/0', result: { error: '#DIV/0!' } } as never;
    ws.getCell('A3').value = { richText: [{ text: '约', font: { bold: true } }, { text: '2.4万' }] };
    ws.getCell('A4').value = true;
    ws.getCell('A5').value = false;
    ws.getCell('A6').value = new Date(Date.UTC(2025, 5, 30));
    ws.getCell('A7').value = new Date(Date.UTC(2025, 5, 30, 14, 5, 0));
    ws.getCell('A8').value = '';
    ws.getCell('A9').value = { text: '链接', hyperlink: 'https://example.org/' };
    ws.getCell('A10').value = '  ';
    ws.getCell('A11').style = { numFmt: '0.00' }; // styled but empty
    // A shared formula: B1 is the master, B2:B3 are clones.
    ws.getCell('C1').value = 1;
    ws.getCell('C2').value = 2;
    ws.getCell('C3').value = 3;
    ws.getCell('B1').value = { formula: 'C1*2', result: 2 };
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 4 } as never;
    ws.getCell('B3').value = { sharedFormula: 'B1', result: 0 } as never;
    wb.definedNames.add("'杂项'!$C$2", 'ONE');
    wb.definedNames.add("'杂项'!$C$1:$C$3", 'BLOCK');
    wb.definedNames.add("'杂项'!$A$1", 'TWO_PLACES');
    wb.definedNames.add("'空表'!$D$9", 'TWO_PLACES');
    snap = snapshotOf(await roundTrip(wb));
  });

  test('error values and error results are { v: null, error }', () => {
    const cells = sheetOf(snap, '杂项').cells;
    expect(cells.A1).toEqual({ v: null, error: '#DIV/0!' });
    expect(cells.A2).toEqual({ v: null, f: 'E4/0', error: '#DIV/0!' });
  });

  test('rich text is flattened to its plain text', () => {
    expect(sheetOf(snap, '杂项').cells.A3).toEqual({ v: '约2.4万' });
  });

  test('booleans stay booleans, false included', () => {
    const cells = sheetOf(snap, '杂项').cells;
    expect(cells.A4).toEqual({ v: true });
    expect(cells.A5).toEqual({ v: false });
  });

  test('dates become ISO text', () => {
    const cells = sheetOf(snap, '杂项').cells;
    expect(cells.A6).toEqual({ v: '2025-06-30' });
    expect(cells.A7).toEqual({ v: '2025-06-30T14:05:00' });
  });

  test('empty strings and styled empty cells are absent; whitespace is kept for the core to judge', () => {
    const cells = sheetOf(snap, '杂项').cells;
    expect(cells.A8).toBeUndefined();
    expect(cells.A11).toBeUndefined();
    expect(cells.A10).toEqual({ v: '  ' });
  });

  test('hyperlink cells read as their text', () => {
    expect(sheetOf(snap, '杂项').cells.A9).toEqual({ v: '链接' });
  });

  test('shared-formula clones get their own formula text and cached result', () => {
    const cells = sheetOf(snap, '杂项').cells;
    expect(cells.B1).toEqual({ v: 2, f: 'C1*2' });
    expect(cells.B2).toEqual({ v: 4, f: 'C2*2' });
    expect(cells.B3).toEqual({ v: 0, f: 'C3*2' });
  });

  test('only names of exactly one cell on an existing sheet are reported', () => {
    expect(snap.names).toEqual([{ name: 'ONE', sheet: '杂项', address: 'C2' }]);
  });

  test('an empty sheet is listed with no cells', () => {
    expect(sheetOf(snap, '空表').cells).toEqual({});
    expect(snap.sheets.map((s) => s.name)).toEqual(['杂项', '空表']);
  });
});

describe('applyCellEdits', () => {
  test('writes values and formulas with cached results, never the style', async () => {
    const wb = await templateWorkbook();
    applyCellEdits(wb, [
      { sheet: FORM, address: 'E4', value: 24000 },
      { sheet: FORM, address: 'F4', value: null },
      { sheet: FORM, address: 'H4', formula: 'IF(F4=0,"",E4/F4-1)', result: 0 },
      { sheet: FORM, address: 'E6', value: '约2.4万' },
    ]);
    const back = await roundTrip(wb);
    const cells = sheetOf(snapshotOf(back), FORM).cells;
    expect(cells.E4).toEqual({ v: 24000 });
    expect(cells.F4).toBeUndefined();
    expect(cells.H4).toEqual({ v: 0, f: 'IF(F4=0,"",E4/F4-1)' });
    expect(cells.E6).toEqual({ v: '约2.4万' });
    const ws = back.getWorksheet(FORM)!;
    expect(ws.getCell('E4').numFmt).toBe('#,##0');
    expect(ws.getCell('E4').protection).toMatchObject({ locked: false });
    expect(ws.getCell('E4').font).toMatchObject({ name: '宋体' });
    expect(ws.getCell('E6').numFmt).toBe('0.00');
    expect(ws.getCell('E4').dataValidation).toMatchObject({ type: 'whole' });
  });

  test('overwriting a shared-formula master keeps its clones writable and correct', async () => {
    const wb = await newWorkbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('C1').value = 1;
    ws.getCell('C2').value = 2;
    ws.getCell('B1').value = { formula: 'C1*2', result: 2 };
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 4 } as never;
    const loaded = await roundTrip(wb);
    applyCellEdits(loaded, [{ sheet: '表', address: 'B1', value: 7 }]);
    const cells = sheetOf(snapshotOf(await roundTrip(loaded)), '表').cells;
    expect(cells.B1).toEqual({ v: 7 });
    expect(cells.B2).toEqual({ v: 4, f: 'C2*2' });
  });

  test('an edit on a missing sheet is a programming error, not a silent no-op', async () => {
    const wb = await templateWorkbook();
    expect(() => applyCellEdits(wb, [{ sheet: '不存在', address: 'A1', value: 1 }])).toThrow('不存在');
  });
});

describe('applyMarks (the flagged copy)', () => {
  const ISSUES = '问题清单';
  const USER_FILL = 'FFFFFF00';

  /** A filled-in report as a user would send it: own fill, format and note on E4. */
  async function userWorkbook(): Promise<Workbook> {
    const wb = await newWorkbook();
    applyWorkbookPlan(wb, plan);
    const ws = wb.getWorksheet(FORM)!;
    ws.getCell('E4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: USER_FILL } };
    ws.getCell('E4').numFmt = '#,##0"件"';
    ws.getCell('E4').note = {
      texts: [{ text: '李四:', font: { bold: true } }, { text: '\n数据来自台账' }],
    };
    ws.getCell('F4').note = '去年数据';
    return roundTrip(wb);
  }

  const issueSheet: SheetPlan = {
    name: ISSUES,
    columns: [8, 12, 40],
    cells: [
      { address: 'A1', value: '问题清单', style: { font: 'title', bold: true } },
      { address: 'A2', value: 'R01' },
      { address: 'B2', link: `#'${FORM}'!E4`, value: 'E4' },
      { address: 'C2', value: '分项之和与合计不符' },
    ],
    merges: [],
    freeze: { rows: 1, cols: 0 },
  };

  const markPlan: MarkPlan = {
    marks: [
      { sheet: FORM, address: 'E4', severity: 'warning', rule: 'A1', note: '较上年增长 60%，请核实' },
      { sheet: FORM, address: 'E4', severity: 'error', rule: 'R01', note: '分项之和与合计不符（R01）' },
      { sheet: FORM, address: 'F4', severity: 'info', rule: 'A5', note: '提示：较上年下降' },
      { sheet: FORM, address: 'E5', severity: 'warning', rule: 'C02', note: '人口为 0' },
    ],
    issueSheet,
  };

  let input: Workbook;
  let inputSnap: WorkbookSnapshot;
  let flagged: Workbook;

  beforeAll(async () => {
    input = await userWorkbook();
    inputSnap = snapshotOf(input);
    const work = await userWorkbook();
    applyMarks(work, markPlan);
    flagged = await roundTrip(work);
  });

  type Cf = { ref: string; rules: Array<{ type: string; formulae?: string[]; priority?: number; style?: { fill?: { bgColor?: { argb?: string }; fgColor?: { argb?: string } }; font?: { color?: { argb?: string } } } }> };
  const cfsOf = (wb: Workbook, sheet: string): Cf[] =>
    (wb.getWorksheet(sheet) as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;

  test('keeps every value, formula and defined name of the input workbook', () => {
    const snap = snapshotOf(flagged);
    for (const sheet of inputSnap.sheets) expect(sheetOf(snap, sheet.name).cells).toEqual(sheet.cells);
    expect(snap.names).toEqual(inputSnap.names);
  });

  test('keeps data validations', () => {
    const ws = flagged.getWorksheet(FORM)!;
    expect(ws.getCell('E4').dataValidation).toMatchObject({ type: 'whole', formulae: [0, 1000000] });
    expect(ws.getCell('F4').dataValidation).toMatchObject({ type: 'decimal', formulae: [0] });
  });

  test("keeps the user's own fill and number format under the overlay", () => {
    const cell = flagged.getWorksheet(FORM)!.getCell('E4');
    expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: USER_FILL } });
    expect(cell.numFmt).toBe('#,##0"件"');
  });

  test('draws one overlay per marked cell, in the colour of its most severe mark, above user rules', () => {
    const overlays = cfsOf(flagged, FORM);
    expect(overlays.map((cf) => cf.ref).sort()).toEqual(['E4', 'E5', 'F4']);
    const byRef = new Map(overlays.map((cf) => [cf.ref, cf.rules]));
    const e4 = byRef.get('E4')!;
    expect(e4).toHaveLength(1);
    expect(e4[0]!.type).toBe('expression');
    expect(e4[0]!.formulae).toEqual(['TRUE']);
    expect(e4[0]!.style?.fill?.bgColor?.argb).toBe(`FF${SEVERITY_COLORS.error.fill}`);
    expect(e4[0]!.style?.font?.color?.argb).toBe(`FF${SEVERITY_COLORS.error.font}`);
    expect(byRef.get('F4')![0]!.style?.fill?.bgColor?.argb).toBe(`FF${SEVERITY_COLORS.info.fill}`);
    expect(byRef.get('E5')![0]!.style?.fill?.bgColor?.argb).toBe(`FF${SEVERITY_COLORS.warning.fill}`);
  });

  test("appends our note after the user's note and a blank line", () => {
    const ws = flagged.getWorksheet(FORM)!;
    const text = (note: unknown): string =>
      typeof note === 'string' ? note : ((note as { texts: Array<{ text: string }> }).texts ?? []).map((t) => t.text).join('');
    expect(text(ws.getCell('E4').note)).toBe(
      '李四:\n数据来自台账\n\n较上年增长 60%，请核实\n\n分项之和与合计不符（R01）',
    );
    expect(text(ws.getCell('F4').note)).toBe('去年数据\n\n提示：较上年下降');
    expect(text(ws.getCell('E5').note)).toBe('人口为 0');
    // the user's bold author run is still bold
    const runs = (ws.getCell('E4').note as { texts: Array<{ text: string; font?: { bold?: boolean } }> }).texts;
    expect(runs[0]).toMatchObject({ text: '李四:', font: { bold: true } });
  });

  test('adds the issue sheet with an internal hyperlink to the marked cell', () => {
    const ws = flagged.getWorksheet(ISSUES);
    expect(ws).toBeDefined();
    expect(sheetOf(snapshotOf(flagged), ISSUES).cells.B2).toEqual({
      v: 'E4',
      f: `HYPERLINK("#'${FORM}'!E4","E4")`,
    });
    expect(flagged.worksheets.map((w) => w.name)).toEqual([FORM, QUOTED, SUMMARY, ISSUES]);
  });

  test('flagging a flagged copy again replaces overlays, notes and the issue sheet instead of stacking them', async () => {
    const again = await roundTrip(flagged);
    applyMarks(again, { marks: [markPlan.marks[0]!], issueSheet });
    const twice = await roundTrip(again);
    const overlays = cfsOf(twice, FORM);
    expect(overlays.map((cf) => cf.ref)).toEqual(['E4']);
    expect(overlays[0]!.rules[0]!.style?.fill?.bgColor?.argb).toBe(`FF${SEVERITY_COLORS.warning.fill}`);
    const note = twice.getWorksheet(FORM)!.getCell('E4').note as { texts: Array<{ text: string }> };
    const text = note.texts.map((t) => t.text).join('');
    expect(text.split('较上年增长 60%，请核实')).toHaveLength(2); // once, not twice
    expect(twice.worksheets.filter((w) => w.name === ISSUES)).toHaveLength(1);
  });

  test('priorities stay unique when marks land on a sheet whose data bars were added in the same session', async () => {
    const wb = await newWorkbook();
    applyWorkbookPlan(wb, plan);
    applyMarks(wb, {
      marks: [{ sheet: SUMMARY, address: 'B5', severity: 'warning', rule: 'A1', note: '请核实' }],
      issueSheet,
    });
    const cfs = cfsOf(await roundTrip(wb), SUMMARY);
    const priorities = cfs.flatMap((cf) => cf.rules.map((r) => r.priority));
    expect(priorities).toHaveLength(2);
    expect(new Set(priorities).size).toBe(2);
    const ours = cfs.find((cf) => cf.ref === 'B5')!.rules[0]!;
    const bar = cfs.find((cf) => cf.ref === 'B5:B6')!.rules[0]!;
    expect(ours.priority!).toBeLessThan(bar.priority!);
  });

  test("the user's own conditional formats stay, below our overlay", async () => {
    const wb = await userWorkbook();
    wb.getWorksheet(FORM)!.addConditionalFormatting({
      ref: 'E4:F9',
      rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [1000], priority: 1, style: { font: { bold: true } } } as never],
    });
    const loaded = await roundTrip(wb);
    applyMarks(loaded, { marks: [markPlan.marks[1]!], issueSheet });
    const cfs = cfsOf(await roundTrip(loaded), FORM);
    const user = cfs.find((cf) => cf.ref === 'E4:F9');
    const ours = cfs.find((cf) => cf.ref === 'E4');
    expect(user?.rules[0]?.type).toBe('cellIs');
    expect(ours?.rules[0]?.type).toBe('expression');
    expect(ours!.rules[0]!.priority!).toBeLessThan(user!.rules[0]!.priority!);
  });
});

describe('loadWorkbook refuses unusable input with a typed, one-line Chinese error', () => {
  test('empty input (Uint8Array and ArrayBuffer) -> empty', async () => {
    await expectInputError(new Uint8Array(0), 'empty');
    await expectInputError(new ArrayBuffer(0), 'empty');
  });

  test('an OLE header (.xls) -> legacy-xls, telling the user to save as .xlsx', async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const e = await expectInputError(bytes, 'legacy-xls');
    expect(e.message).toContain('.xls');
    expect(e.message).toContain('.xlsx');
  });

  test('a password-protected workbook (OLE with EncryptedPackage) -> not-xlsx, saying so', async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(Array.from('EncryptedPackage').flatMap((c) => [c.charCodeAt(0), 0]), 1024);
    const e = await expectInputError(bytes, 'not-xlsx');
    expect(e.message).toContain('密码');
  });

  test('random bytes -> not-xlsx', async () => {
    const bytes = randomBytes(2048, 20250630);
    bytes[0] = 0x01; // neither 'P', '<' nor the OLE signature
    await expectInputError(bytes, 'not-xlsx');
  });

  test('an HTML table saved as .xls -> not-xlsx, naming HTML', async () => {
    const html = new TextEncoder().encode('\ufeff  <html><body><table><tr><td>1</td></tr></table></body></html>');
    const e = await expectInputError(html, 'not-xlsx');
    expect(e.message).toContain('HTML');
  });

  test('a zip that is not a workbook -> not-xlsx', async () => {
    await expectInputError(storedZip({ 'hello.txt': '你好' }), 'not-xlsx');
  });

  test('a Word document -> not-xlsx, naming Word', async () => {
    const e = await expectInputError(storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), 'not-xlsx');
    expect(e.message).toContain('Word');
  });

  test('a truncated .xlsx -> corrupt', async () => {
    const good = await toBytes(await templateWorkbook());
    await expectInputError(good.slice(0, Math.floor(good.length / 2)), 'corrupt');
  });

  test('a zip claiming to be a workbook with broken XML -> corrupt', async () => {
    const bytes = storedZip({
      '[Content_Types].xml': '<Types',
      'xl/workbook.xml': '<workbook><sheets><sheet name="x" sheetId="1"',
      'xl/worksheets/sheet1.xml': '<<<',
    });
    await expectInputError(bytes, 'corrupt');
  });

  test('a truncated .xlsx that lost its workbook part is still corrupt, not "not a workbook"', async () => {
    const good = await toBytes(await templateWorkbook());
    // ExcelJS writes xl/workbook.xml last; cutting at a tenth loses it and the directory.
    await expectInputError(good.slice(0, Math.floor(good.length / 10)), 'corrupt');
  });

  test('a real workbook loads from a Uint8Array view and from an ArrayBuffer', async () => {
    const good = await toBytes(await templateWorkbook());
    const padded = new Uint8Array(good.length + 16);
    padded.set(good, 8);
    const view = padded.subarray(8, 8 + good.length);
    expect(snapshotOf(await loadWorkbook(view)).sheets).toHaveLength(3);
    const buffer = new ArrayBuffer(good.byteLength);
    new Uint8Array(buffer).set(good);
    expect(snapshotOf(await loadWorkbook(buffer)).sheets).toHaveLength(3);
  });
});
