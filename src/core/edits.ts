/**
 * Small edit plans the pane asks for: accept a suggestion, write an explanation, (re)write
 * the YoY formulas. Each returns CellEdits; the host writes them, the core never does.
 */
import { getCatalog } from './catalog/catalog';
import type { ReportModel } from './model/types';
import type { CellEdit } from './plan/types';
import type { Finding } from './report/types';
import { SnapshotIndex } from './model/locate';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { changeFormula, yoyFormula } from './template/formulas';
import { COLS } from './template/layout';
import { colToIndex, offsetCell } from './a1';
import { explanationRowHeight } from './template/rows';

/** Accepting a suggestion writes the proposed number (or clears the cell) — only on a person's action. */
export function planAcceptSuggestion(f: Finding): CellEdit[] {
  if (!f.suggestion || !f.cell) return [];
  // A derived cell gets its formula back (with the result, for readers that do not calculate).
  if (f.suggestion.formula) return [{ ...f.cell, formula: f.suggestion.formula, result: f.suggestion.value ?? '' }];
  return [{ ...f.cell, value: f.suggestion.value }];
}

/**
 * The edits that put back what `edits` overwrote, from the snapshot read before they were
 * applied: a formula with its cached result, a value, or a blank. Later edits of a cell win
 * over earlier ones in `edits`, so each cell is restored once, to its state in `before`.
 */
export function planUndo(before: WorkbookSnapshot, edits: readonly CellEdit[]): CellEdit[] {
  const idx = new SnapshotIndex(before);
  const seen = new Set<string>();
  const out: CellEdit[] = [];
  for (const e of edits) {
    const key = `${e.sheet.toUpperCase()}!${e.address.toUpperCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cell = idx.cellAt({ sheet: e.sheet, address: e.address });
    if (cell?.f !== undefined) out.push({ sheet: e.sheet, address: e.address, formula: cell.f, result: cell.v });
    else out.push({ sheet: e.sheet, address: e.address, value: cell?.v ?? null });
  }
  return out;
}

/** Writes an explanation into the indicator's 说明 cell, as text (never a formula). */
export function planExplanation(model: ReportModel, code: string, text: string): CellEdit[] {
  const cell = model.figures.get(code)?.noteCell;
  if (!cell) return [];
  const rowHeight = explanationRowHeight(text);
  return [{ ...cell, value: text, ...(rowHeight !== undefined ? { rowHeight } : {}) }];
}

/**
 * (Re)writes 增减量 and 同比 as live formulas beside each indicator: the cells in the same
 * row as the figure, in the template's columns relative to the current-value cell.
 */
export function planYoyFormulas(snapshot: WorkbookSnapshot): CellEdit[] {
  const catalog = getCatalog();
  const idx = new SnapshotIndex(snapshot);
  const edits: CellEdit[] = [];
  const offset = (col: string) => colToIndex(col) - colToIndex(COLS.current);
  for (const ind of catalog.indicators) {
    const at = idx.named(ind.code);
    if (!at) continue;
    const change = offsetCell(at.ref.address, 0, offset(COLS.change));
    const yoy = offsetCell(at.ref.address, 0, offset(COLS.yoy));
    if (change) edits.push({ sheet: at.ref.sheet, address: change, formula: changeFormula(ind.code) });
    if (yoy && ind.kind !== 'percent') edits.push({ sheet: at.ref.sheet, address: yoy, formula: yoyFormula(ind.code) });
  }
  return edits;
}
