/** A SheetPlan as worksheet XML, its styles appended through the StyleWriter. */
import type { PlannedCell, SheetPlan, Validation } from '../../../core';
import type { Scalar } from '../../../workbook/snapshot';
import { a1, parseCell, parseRect } from './refs';
import { argb, type StyleWriter } from './styles';
import { attrs, esc, escText } from './xml';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32767;
const MAX_ERROR_TITLE = 32;
const MAX_MESSAGE = 255;
const OPEN_BOUND = 999999999999999;

export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  let out = chars.slice(0, max - 1).join('');
  // Excel counts UTF-16 units; keep within them too
  while (out.length > max - 1) out = out.slice(0, -1);
  return `${out}…`;
}

/** A string literal in a formula; Excel caps each literal at 255 characters, so long text is joined. */
export function formulaString(text: string): string {
  const chars = Array.from(text);
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += 255) parts.push(chars.slice(i, i + 255).join(''));
  if (parts.length === 0) parts.push('');
  return parts.map((p) => `"${p.replace(/"/g, '""')}"`).join('&');
}

/** Text Excel would re-read as something else when the cell is edited gets a quote prefix. */
export function needsQuotePrefix(text: string): boolean {
  return /^[=+\-@\uFF1D\uFF0B\uFF0D]/.test(text) || (/^\s*[-+]?(\d[\d,]*\.?\d*|\.\d+)(e[-+]?\d+)?%?\s*$/i.test(text));
}

/** The inside of a `<c>`: type attribute and children for a value, or a formula with its result. */
export function cellBody(value: Scalar | undefined, formula: string | undefined, p = ''): { t: string | undefined; inner: string } {
  if (formula !== undefined) {
    const f = `<${p}f>${escText(formula.replace(/^=/, ''))}</${p}f>`;
    const r = value;
    if (r === null || r === undefined) return { t: undefined, inner: f };
    if (typeof r === 'number') return Number.isFinite(r) ? { t: undefined, inner: `${f}<${p}v>${r}</${p}v>` } : { t: undefined, inner: f };
    if (typeof r === 'boolean') return { t: 'b', inner: `${f}<${p}v>${r ? 1 : 0}</${p}v>` };
    if (/^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/.test(r)) return { t: 'e', inner: `${f}<${p}v>${esc(r)}</${p}v>` };
    return { t: 'str', inner: `${f}<${p}v>${escText(clip(r, MAX_CELL_CHARS))}</${p}v>` };
  }
  if (value === null || value === undefined) return { t: undefined, inner: '' };
  if (typeof value === 'number') return Number.isFinite(value) ? { t: undefined, inner: `<${p}v>${value}</${p}v>` } : { t: undefined, inner: '' };
  if (typeof value === 'boolean') return { t: 'b', inner: `<${p}v>${value ? 1 : 0}</${p}v>` };
  if (value === '') return { t: undefined, inner: '' };
  return { t: 'inlineStr', inner: `<${p}is><${p}t xml:space="preserve">${escText(clip(value, MAX_CELL_CHARS))}</${p}t></${p}is>` };
}

export function cellXml(address: string, s: number, value: Scalar | undefined, formula: string | undefined, p = ''): string {
  const { t, inner } = cellBody(value, formula, p);
  const a = attrs({ r: address, s: s ? s : undefined, t });
  return inner ? `<${p}c${a}>${inner}</${p}c>` : `<${p}c${a}/>`;
}

function linkFormula(link: string, text: Scalar | undefined): { formula: string; result: string } {
  const shown = text === null || text === undefined || text === '' ? link : String(text);
  return { formula: `HYPERLINK(${formulaString(link)},${formulaString(shown)})`, result: shown };
}

function validationXml(v: Validation, sqref: string): string {
  let operator: string;
  let formulas: number[];
  if (v.min !== undefined && v.max !== undefined) [operator, formulas] = ['between', [v.min, v.max]];
  else if (v.min !== undefined) [operator, formulas] = ['greaterThanOrEqual', [v.min]];
  else if (v.max !== undefined) [operator, formulas] = ['lessThanOrEqual', [v.max]];
  else [operator, formulas] = ['between', [-OPEN_BOUND, OPEN_BOUND]];
  const a = attrs({
    type: v.type,
    errorStyle: 'stop',
    operator,
    allowBlank: '1',
    showInputMessage: v.prompt ? '1' : undefined,
    showErrorMessage: '1',
    errorTitle: clip(v.errorTitle, MAX_ERROR_TITLE),
    error: clip(v.error, MAX_MESSAGE),
    prompt: v.prompt ? clip(v.prompt, MAX_MESSAGE) : undefined,
    sqref,
  });
  return `<dataValidation${a}>${formulas.map((f, i) => `<formula${i + 1}>${f}</formula${i + 1}>`).join('')}</dataValidation>`;
}

/** Cells as a short sqref: runs of rows per column, and equal runs of neighbouring columns joined. */
export function compactSqref(cells: string[]): string {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const p = parseCell(c);
    if (!p) continue;
    byCol.set(p.col, [...(byCol.get(p.col) ?? []), p.row]);
  }
  const runs: Array<{ c1: number; c2: number; r1: number; r2: number }> = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    let start = rows[0] ?? 1;
    let prev = start;
    const flush = (r1: number, r2: number): void => {
      const same = runs.find((x) => x.c2 === col - 1 && x.r1 === r1 && x.r2 === r2);
      if (same) same.c2 = col;
      else runs.push({ c1: col, c2: col, r1, r2 });
    };
    for (const r of rows.slice(1)) {
      if (r === prev + 1) prev = r;
      else {
        flush(start, prev);
        start = r;
        prev = r;
      }
    }
    flush(start, prev);
  }
  return runs
    .map((x) => (x.c1 === x.c2 && x.r1 === x.r2 ? a1(x.r1, x.c1) : `${a1(x.r1, x.c1)}:${a1(x.r2, x.c2)}`))
    .join(' ');
}

export interface RenderedSheet {
  xml: string;
  /** Rows repeated on every printed page (`_xlnm.Print_Titles`), e.g. `$1:$4`. */
  printTitles: string | undefined;
}

export function renderSheet(plan: SheetPlan, styles: StyleWriter): RenderedSheet {
  interface Out {
    row: number;
    col: number;
    s: number;
    value: Scalar | undefined;
    formula: string | undefined;
  }
  const cells = new Map<string, Out>();
  const validations = new Map<string, { v: Validation; refs: string[] }>();
  for (const c of plan.cells) {
    const pos = parseCell(c.address);
    if (!pos) throw new Error(`not a cell address: ${c.address}`);
    const address = a1(pos.row, pos.col);
    const isLink = c.link !== undefined && c.formula === undefined;
    const s = styles.cellStyle(c.style, isLink);
    let value: Scalar | undefined = c.value;
    let formula: string | undefined;
    if (c.formula !== undefined) {
      formula = c.formula;
      value = c.result;
    } else if (c.link !== undefined) {
      const l = linkFormula(c.link, c.value);
      formula = l.formula;
      value = l.result;
    }
    cells.set(address, { row: pos.row, col: pos.col, s, value, formula });
    if (c.validation) {
      const key = JSON.stringify(c.validation);
      const g = validations.get(key) ?? { v: c.validation, refs: [] };
      g.refs.push(address);
      validations.set(key, g);
    }
  }
  // Covered cells of a merge take the top-left cell's style (borders and fill across the merge).
  for (const m of plan.merges) {
    const r = parseRect(m);
    if (!r) continue;
    const master = cells.get(a1(r.r1, r.c1));
    for (let row = r.r1; row <= r.r2; row++) {
      for (let col = r.c1; col <= r.c2; col++) {
        const address = a1(row, col);
        if (row === r.r1 && col === r.c1) continue;
        const existing = cells.get(address);
        cells.set(address, { row, col, s: master?.s ?? existing?.s ?? 0, value: undefined, formula: undefined });
      }
    }
  }
  const heights = plan.rowHeights ?? {};
  // Rows that grow with their text: a height without customHeight, which readers may fit again.
  const grow = plan.minRowHeights ?? {};
  const rows = new Map<number, Out[]>();
  for (const c of cells.values()) {
    const list = rows.get(c.row) ?? [];
    list.push(c);
    rows.set(c.row, list);
  }
  for (const r of [...Object.keys(heights), ...Object.keys(grow)]) if (!rows.has(Number(r))) rows.set(Number(r), []);
  let maxRow = 1;
  let maxCol = 1;
  let sheetData = '';
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const list = (rows.get(row) ?? []).sort((a, b) => a.col - b.col);
    const fixed = heights[row];
    const ht = fixed ?? grow[row];
    maxRow = Math.max(maxRow, row);
    sheetData += `<row${attrs({ r: row, ht, customHeight: fixed !== undefined ? '1' : undefined })}>`;
    for (const c of list) {
      maxCol = Math.max(maxCol, c.col);
      sheetData += cellXml(a1(c.row, c.col), c.s, c.value, c.formula);
    }
    sheetData += '</row>';
  }
  const print = plan.print;
  const frozen = plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0) ? plan.freeze : undefined;
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
  const sheetPr =
    (plan.tabColor !== undefined ? `<tabColor rgb="${argb(plan.tabColor)}"/>` : '') + (print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : '');
  if (sheetPr) xml += `<sheetPr>${sheetPr}</sheetPr>`;
  xml += `<dimension ref="${cells.size ? `A1:${a1(maxRow, maxCol)}` : 'A1'}"/>`;
  let pane = '';
  if (frozen) {
    const activePane = frozen.rows > 0 && frozen.cols > 0 ? 'bottomRight' : frozen.rows > 0 ? 'bottomLeft' : 'topRight';
    pane = `<pane${attrs({
      xSplit: frozen.cols > 0 ? frozen.cols : undefined,
      ySplit: frozen.rows > 0 ? frozen.rows : undefined,
      topLeftCell: a1(frozen.rows + 1, frozen.cols + 1),
      activePane,
      state: 'frozen',
    })}/>`;
  }
  xml += `<sheetViews><sheetView${attrs({ showGridLines: plan.hideGridLines ? '0' : undefined, workbookViewId: 0 })}${pane ? `>${pane}</sheetView>` : '/>'}</sheetViews>`;
  xml += '<sheetFormatPr defaultRowHeight="15"/>';
  if (plan.columns.length) {
    xml += '<cols>';
    plan.columns.forEach((w, i) => {
      xml += `<col${attrs({ min: i + 1, max: i + 1, width: w, customWidth: '1' })}/>`;
    });
    xml += '</cols>';
  }
  xml += sheetData ? `<sheetData>${sheetData}</sheetData>` : '<sheetData/>';
  if (plan.merges.length) xml += `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${esc(m.replace(/\$/g, ''))}"/>`).join('')}</mergeCells>`;
  let priority = 1;
  for (const bar of plan.dataBars ?? []) {
    xml += `<conditionalFormatting sqref="${esc(bar.range.replace(/\$/g, ''))}"><cfRule type="dataBar" priority="${priority++}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${argb(bar.color)}"/></dataBar></cfRule></conditionalFormatting>`;
  }
  if (validations.size) {
    xml += `<dataValidations count="${validations.size}">`;
    for (const g of validations.values()) xml += validationXml(g.v, compactSqref(g.refs));
    xml += '</dataValidations>';
  }
  if (print?.centerHorizontally) xml += '<printOptions horizontalCentered="1"/>';
  const m = print?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  xml += `<pageMargins${attrs({ left: m.left, right: m.right, top: m.top, bottom: m.bottom, header: m.header, footer: m.footer })}/>`;
  if (print) {
    xml += `<pageSetup${attrs({
      paperSize: 9,
      orientation: print.orientation,
      fitToWidth: print.fitToWidth ? 1 : undefined,
      fitToHeight: print.fitToWidth ? 0 : undefined,
    })}/>`;
  }
  xml += '</worksheet>';
  const printTitles = print?.titleRows ? `$${print.titleRows[0]}:$${print.titleRows[1]}` : undefined;
  return { xml, printTitles };
}

export type { PlannedCell };
