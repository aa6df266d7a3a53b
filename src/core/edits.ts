/**
 * Small edit plans the pane asks for: accept a suggestion, write an explanation, (re)write
 * the YoY formulas. Each returns CellEdits; the host writes them, the core never does.
 */
import { getCatalog, type Catalog } from './catalog/catalog';
import type { ReportModel } from './model/types';
import type { CellEdit } from './plan/types';
import type { Finding } from './report/types';
import { SnapshotIndex } from './model/locate';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { changeFormula, yoyFormula } from './template/formulas';
import { COLS } from './template/layout';

/** Accepting a suggestion writes the proposed number (or clears the cell) — only on a person's action. */
export function planAcceptSuggestion(f: Finding): CellEdit[] {
  if (!f.suggestion || !f.cell) return [];
  return [{ ...f.cell, value: f.suggestion.value }];
}

/** Writes an explanation into the indicator's 说明 cell, as text (never a formula). */
export function planExplanation(model: ReportModel, code: string, text: string): CellEdit[] {
  const cell = model.figures.get(code)?.noteCell;
  if (!cell) return [];
  return [{ ...cell, value: text }];
}

/**
 * (Re)writes 增减量 and 同比 as live formulas beside each indicator: the cells in the same
 * row as the figure, in the template's columns relative to the current-value cell.
 */
export function planYoyFormulas(snapshot: WorkbookSnapshot, catalog: Catalog = getCatalog()): CellEdit[] {
  const idx = new SnapshotIndex(snapshot);
  const edits: CellEdit[] = [];
  const offset = (col: string) => col.charCodeAt(0) - COLS.current.charCodeAt(0);
  for (const ind of catalog.indicators) {
    const at = idx.named(ind.code);
    if (!at) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(at.ref.address);
    if (!m || (m[1] as string).length !== 1) continue;
    const col = (d: number) => String.fromCharCode((m[1] as string).charCodeAt(0) + d);
    edits.push({ sheet: at.ref.sheet, address: `${col(offset(COLS.change))}${m[2]}`, formula: changeFormula(ind.code) });
    if (ind.kind !== 'percent') edits.push({ sheet: at.ref.sheet, address: `${col(offset(COLS.yoy))}${m[2]}`, formula: yoyFormula(ind.code) });
  }
  return edits;
}
