/**
 * Carries out the core's plans on an ExcelJS workbook: new sheets with their styles,
 * validations, print setup and names; edits to existing cells; bytes out. It decides nothing:
 * every choice here is about how ExcelJS must be asked, not about what a report needs.
 */
import type {
  Borders,
  CellFormulaValue,
  CellValue,
  ConditionalFormattingRule,
  DataValidation,
  Font,
  Style,
  WorksheetView,
} from 'exceljs';
import type { Scalar } from '../../../src/workbook/snapshot';
import { FONT_FACES, type CellEdit, type CellStyle, type NamePlan, type PlannedCell, type SheetPlan, type Validation, type WorkbookPlan } from '../../../src/core';
import type { Cell, Workbook, Worksheet } from './exceljs';
import { parseRangeRef, quoteSheet, sheetNamed } from './read';
import { newWorkbook } from './exceljs';

/** GB2312 charset, so Excel picks the face's Chinese glyphs rather than a fallback. */
const GB2312 = 134;

/** Excel refuses a file whose validation texts exceed these lengths. */
const MAX_ERROR_TITLE = 32;
const MAX_MESSAGE = 255;

/** Excel's own Hyperlink style colour. */
const LINK_COLOR = 'FF0563C1';

/** Bounds for a validation that the plan leaves open on both sides (Excel needs a formula). */
const OPEN_BOUND = 999999999999999;

export function argb(hex: string): string {
  const h = hex.replace(/^#/, '');
  if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new Error(`颜色应为 6 位十六进制 RGB：${hex}`);
  return `FF${h.toUpperCase()}`;
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** `E4` -> `$E$4`, `E4:F9` -> `$E$4:$F$9`. */
function absolute(address: string): string {
  const ref = parseRangeRef(address);
  if (!ref || ref.sheet !== undefined) throw new Error(`不是单元格地址：${address}`);
  const abs = (a: string): string => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return ref.end ? `${abs(ref.start)}:${abs(ref.end)}` : abs(ref.start);
}

// ---------------------------------------------------------------------------------------------
// Values

/**
 * A formula with its cached result. ExcelJS's FormulaValue constructor keeps a falsy result
 * (0, false, ''), but its `value` getter and setter drop them, so the object is built here
 * and assigned whole.
 */
export function formulaValue(formula: string, result: Scalar | undefined): CellFormulaValue {
  const value: CellFormulaValue = { formula: formula.replace(/^=/, '') };
  if (result !== null && result !== undefined) value.result = result;
  return value;
}

/** A string literal in a formula; Excel caps each literal at 255 characters, so long text is joined. */
function formulaString(text: string): string {
  const chars = Array.from(text);
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += 255) parts.push(chars.slice(i, i + 255).join(''));
  if (parts.length === 0) parts.push('');
  return parts.map((p) => `"${p.replace(/"/g, '""')}"`).join('&');
}

/**
 * An internal link (`#'Sheet'!E7`) becomes a HYPERLINK formula with the text as its cached
 * result. ExcelJS 4.4 writes a cell hyperlink to `#…` both as an external relationship and as
 * a `location` (with the `#`); users report Excel showing it as `#S!E7##S!E7` (exceljs#3027)
 * and WPS not following it. HYPERLINK works in both. External addresses stay cell hyperlinks.
 */
function linkValue(link: string, text: Scalar | undefined): CellValue {
  // ExcelJS takes `{ text: '' }` for a JSON value, not a hyperlink: never give it empty text.
  const shown = text === null || text === undefined || text === '' ? link : String(text);
  if (link.startsWith('#')) {
    return { formula: `HYPERLINK(${formulaString(link)},${formulaString(shown)})`, result: shown };
  }
  return { text: shown, hyperlink: link };
}

/** Links look like links unless the plan says otherwise. */
function linkStyle(style: Partial<Style>): Partial<Style> {
  const font = { ...style.font, underline: true } as Partial<Font>;
  if (!font.color) font.color = { argb: LINK_COLOR };
  if (!font.name) {
    font.name = FONT_FACES.body;
    font.charset = GB2312;
  }
  return { ...style, font };
}

/**
 * Before a shared-formula master is overwritten, its clones get their own formula text:
 * ExcelJS refuses to write a clone whose master is gone ("Shared Formula master must exist").
 */
function detachSharedClones(ws: Worksheet, cell: Cell): void {
  const value = cell.value as { shareType?: string } | null;
  if (!value || typeof value !== 'object' || value.shareType !== 'shared') return;
  const clones: Array<{ cell: Cell; formula: string; result: unknown }> = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (c) => {
      const v = c.value as { sharedFormula?: string } | null;
      if (v && typeof v === 'object' && v.sharedFormula === cell.address) {
        clones.push({ cell: c, formula: c.formula, result: c.result });
      }
    });
  });
  for (const clone of clones) {
    const v: CellFormulaValue = { formula: clone.formula };
    if (clone.result !== undefined && clone.result !== null) {
      v.result = clone.result as NonNullable<CellFormulaValue['result']>;
    }
    clone.cell.value = v;
  }
}

// ---------------------------------------------------------------------------------------------
// Styles

function fontOf(s: CellStyle): Partial<Font> | undefined {
  const font: Partial<Font> = {};
  if (s.size !== undefined) font.size = s.size;
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.color !== undefined) font.color = { argb: argb(s.color) };
  if (s.font === undefined && Object.keys(font).length === 0) return undefined;
  font.name = FONT_FACES[s.font ?? 'body'];
  font.charset = GB2312;
  return font;
}

const THIN_BORDER: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** A fresh style object: ExcelJS shares style objects between cells, so none is mutated. */
export function styleOf(s: CellStyle): Partial<Style> {
  const style: Partial<Style> = {};
  const font = fontOf(s);
  if (font) style.font = font;
  if (s.fill !== undefined) {
    style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  }
  if (s.align !== undefined || s.valign !== undefined || s.wrap) {
    const alignment: Style['alignment'] = {};
    if (s.align !== undefined) alignment.horizontal = s.align;
    if (s.valign !== undefined) alignment.vertical = s.valign;
    if (s.wrap) alignment.wrapText = true;
    style.alignment = alignment;
  }
  if (s.border) style.border = { ...THIN_BORDER };
  if (s.numFmt !== undefined) style.numFmt = s.numFmt;
  if (s.unlocked) style.protection = { locked: false };
  return style;
}

function validationOf(v: Validation): DataValidation {
  const dv: DataValidation = {
    type: v.type,
    formulae: [],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: clip(v.errorTitle, MAX_ERROR_TITLE),
    error: clip(v.error, MAX_MESSAGE),
  };
  if (v.min !== undefined && v.max !== undefined) {
    dv.operator = 'between';
    dv.formulae = [v.min, v.max];
  } else if (v.min !== undefined) {
    dv.operator = 'greaterThanOrEqual';
    dv.formulae = [v.min];
  } else if (v.max !== undefined) {
    dv.operator = 'lessThanOrEqual';
    dv.formulae = [v.max];
  } else {
    dv.operator = 'between';
    dv.formulae = [-OPEN_BOUND, OPEN_BOUND];
  }
  if (v.prompt) {
    dv.showInputMessage = true;
    dv.prompt = clip(v.prompt, MAX_MESSAGE);
  }
  return dv;
}

// ---------------------------------------------------------------------------------------------
// Sheets

function writeCell(ws: Worksheet, planned: PlannedCell): void {
  const cell = ws.getCell(planned.address);
  if (planned.formula !== undefined) {
    cell.value = formulaValue(planned.formula, planned.result);
  } else if (planned.link !== undefined) {
    cell.value = linkValue(planned.link, planned.value);
  } else if (planned.value !== undefined) {
    cell.value = planned.value;
  }
  const style = planned.style ? styleOf(planned.style) : {};
  if (planned.link !== undefined && planned.formula === undefined) cell.style = linkStyle(style);
  else if (planned.style) cell.style = style;
  if (planned.validation) cell.dataValidation = validationOf(planned.validation);
}

function viewsOf(plan: SheetPlan): Array<Partial<WorksheetView>> {
  const frozen = plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0) ? plan.freeze : undefined;
  if (!frozen && !plan.hideGridLines) return [];
  const view: Record<string, unknown> = frozen
    ? { state: 'frozen', xSplit: frozen.cols, ySplit: frozen.rows }
    : { state: 'normal' };
  if (plan.hideGridLines) view.showGridLines = false;
  return [view as Partial<WorksheetView>];
}

function applyPrint(ws: Worksheet, plan: SheetPlan): void {
  const print = plan.print;
  if (!print) return;
  const setup = ws.pageSetup;
  setup.paperSize = 9; // A4 (the only paper the plan type allows)
  setup.orientation = print.orientation;
  if (print.fitToWidth) {
    // One page wide, as many pages tall as it takes.
    setup.fitToPage = true;
    setup.fitToWidth = 1;
    setup.fitToHeight = 0;
  }
  if (print.titleRows) setup.printTitlesRow = `${print.titleRows[0]}:${print.titleRows[1]}`;
  if (print.margins) setup.margins = { ...print.margins };
  if (print.centerHorizontally) setup.horizontalCentered = true;
}

/** Removes the names (or the parts of names) that point into a sheet about to be replaced. */
function dropNamesInto(wb: Workbook, sheet: string): void {
  const lower = sheet.toLowerCase();
  const model = wb.definedNames.model;
  let changed = false;
  const kept = model
    .map((d) => {
      const ranges = d.ranges.filter((r) => parseRangeRef(r)?.sheet?.toLowerCase() !== lower);
      if (ranges.length !== d.ranges.length) changed = true;
      return { name: d.name, ranges };
    })
    .filter((d) => d.ranges.length > 0);
  if (changed) wb.definedNames.model = kept;
}

/** Adds one planned sheet, taking the place (and tab position) of a sheet of the same name. */
function addSheet(wb: Workbook, plan: SheetPlan): Worksheet {
  if (plan.name.length > 31) throw new Error(`工作表名称超过 31 个字符：${plan.name}`);
  const old = sheetNamed(wb, plan.name);
  let orderNo: number | undefined;
  if (old) {
    orderNo = (old as unknown as { orderNo: number }).orderNo;
    dropNamesInto(wb, old.name);
    wb.removeWorksheet(old.id);
  }
  const ws = wb.addWorksheet(plan.name, { views: viewsOf(plan) });
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  if (plan.tabColor !== undefined) ws.properties.tabColor = { argb: argb(plan.tabColor) };

  plan.columns.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
    ws.getRow(Number(row)).height = height;
  }
  for (const cell of plan.cells) writeCell(ws, cell);
  // Merged after styling, so the covered cells take the top-left cell's borders and fill.
  for (const range of plan.merges) ws.mergeCells(range);
  for (const bar of plan.dataBars ?? []) {
    ws.addConditionalFormatting({
      ref: bar.range,
      rules: [
        {
          type: 'dataBar',
          cfvo: [{ type: 'min' }, { type: 'max' }],
          color: { argb: argb(bar.color) },
        } as unknown as ConditionalFormattingRule,
      ],
    });
  }
  applyPrint(ws, plan);
  return ws;
}

/** Workbook-scoped names; a planned name replaces any name of the same spelling (any case). */
function setNames(wb: Workbook, names: NamePlan[]): void {
  if (names.length === 0) return;
  const planned = new Set(names.map((n) => n.name.toLowerCase()));
  const model = wb.definedNames.model;
  const kept = model.filter((d) => !planned.has(d.name.toLowerCase()));
  if (kept.length !== model.length) wb.definedNames.model = kept;
  for (const n of names) {
    if (!sheetNamed(wb, n.sheet)) throw new Error(`名称 ${n.name} 指向不存在的工作表：${n.sheet}`);
    wb.definedNames.add(`${quoteSheet(n.sheet)}!${absolute(n.address)}`, n.name);
  }
}

/** Cached results are only a courtesy to readers that do not calculate; Excel recalculates. */
export function requestFullCalcOnLoad(wb: Workbook): void {
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
}
const recalcOnOpen = requestFullCalcOnLoad;

/** The tool's name as a new workbook's author. */
export const CREATOR = '司法行政报表助手';

/** A new workbook holding a plan (the blank template, a merged total): the one place one is set up. */
export async function newReportWorkbook(plan: WorkbookPlan): Promise<Workbook> {
  const wb = await newWorkbook();
  wb.creator = CREATOR;
  wb.created = new Date();
  applyWorkbookPlan(wb, plan);
  requestFullCalcOnLoad(wb);
  return wb;
}

/**
 * Opens the workbook on a sheet (its tab active and selected). The tab is the sheet's place in
 * workbook order, not its id: ids keep gaps where sheets were deleted.
 */
export function activateSheet(wb: Workbook, name: string): void {
  const index = wb.worksheets.findIndex((w) => w.name === name);
  if (index < 0) return;
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: 'visible' }];
}

/** Adds sheets without touching calculation settings (the flagged copy uses this). */
export function addSheets(wb: Workbook, sheets: SheetPlan[]): void {
  for (const sheet of sheets) addSheet(wb, sheet);
}

/** Adds the plan's sheets (replacing sheets of the same name) and its names. */
export function applyWorkbookPlan(wb: Workbook, plan: WorkbookPlan): void {
  addSheets(wb, plan.sheets);
  setNames(wb, plan.names);
  if (plan.sheets.some((s) => s.cells.some((c) => c.formula !== undefined))) recalcOnOpen(wb);
}

/** Writes values or formulas into existing cells; the cells keep their styles. */
export function applyCellEdits(wb: Workbook, edits: CellEdit[]): void {
  if (edits.length === 0) return;
  for (const edit of edits) {
    const ws = sheetNamed(wb, edit.sheet);
    if (!ws) throw new Error(`工作表不存在：${edit.sheet}`);
    const cell = ws.getCell(edit.address);
    if (edit.formula === undefined && edit.value === undefined) continue;
    detachSharedClones(ws, cell);
    cell.value =
      edit.formula !== undefined ? formulaValue(edit.formula, edit.result) : (edit.value ?? null);
  }
  recalcOnOpen(wb);
}

/** The workbook as .xlsx bytes (a plain Uint8Array in Node and in the browser). */
export async function toBytes(wb: Workbook): Promise<Uint8Array> {
  const out = (await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array;
  return out instanceof Uint8Array
    ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
    : new Uint8Array(out);
}
