/**
 * Plans that fill a report: values from an import CSV, last year's figures from last year's
 * report (matched by code, never by row) with its history, and the cached results of the
 * template's formulas after the inputs changed (a file written without a spreadsheet
 * engine would otherwise carry stale results).
 */
import { getCatalog, type Catalog } from '../catalog/catalog';
import { parseCsvRecords } from '../catalog/csv';
import { AppError, type ErrorParams } from '../errors';
import { deriveValue } from '../formula/derive';
import { locate, SnapshotIndex } from '../model/locate';
import type { ReportModel } from '../model/types';
import type { CellEdit } from '../plan/types';
import type { Scalar, WorkbookSnapshot } from '../../workbook/snapshot';
import { changeValue, isChangeFormula, isYoyFormula, round, yoyValue } from './formulas';
import { PREV_SUFFIX, SHEETS } from './layout';
import { explanationRowHeight } from './rows';
/** The codes of ImportError; worded in src/core/i18n/errors.ts. */
export type ImportErrorCode = 'import-header' | 'import-unknown-code' | 'import-duplicate-code' | 'import-no-cell';

/**
 * A problem in an import file: an AppError whose code is one of IMPORT_MESSAGES' keys and whose
 * params carry the 1-based `line` it is on (and the code, name or first line it is about).
 */
export class ImportError extends AppError {
  override name = 'ImportError';
  constructor(
    override readonly code: ImportErrorCode,
    override readonly params: { line: number } & ErrorParams,
  ) {
    super(code, params);
  }
  get line(): number {
    return this.params.line;
  }
}

/**
 * The contract's plain decimal: an optional minus sign, ASCII digits, an optional '.' and
 * digits — nothing else, not even a space, and no '+'.
 */
const PLAIN_DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

/** A CSV field as the contract says: a plain decimal is a number, any other text stays text, unchanged. */
export function csvValue(field: string): Scalar {
  if (!PLAIN_DECIMAL.test(field)) return field;
  const n = Number(field);
  return n === 0 ? 0 : n; // "-0" is 0
}

/**
 * Edits for a value-import CSV (`code,current,previous[,explanation]`). An empty field leaves
 * its cell as the template has it; a code given twice is an error naming both lines.
 */
export function planImport(csv: string, snapshot: WorkbookSnapshot, catalog: Catalog = getCatalog()): CellEdit[] {
  const idx = new SnapshotIndex(snapshot);
  const [head, ...records] = parseCsvRecords(csv);
  const header = (head?.cells ?? []).map((h) => h.trim().toLowerCase());
  if (header[0] !== 'code' || header[1] !== 'current' || header[2] !== 'previous' || (header[3] !== undefined && header[3] !== 'explanation')) {
    throw new ImportError('import-header', { line: head?.line ?? 1 });
  }
  const edits: CellEdit[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of records) {
    const code = (cells[0] ?? '').trim().toUpperCase();
    if (code === '') continue;
    if (!catalog.byCode.has(code)) throw new ImportError('import-unknown-code', { line, code });
    const first = seen.get(code);
    if (first !== undefined) throw new ImportError('import-duplicate-code', { line, first, code });
    seen.set(code, line);
    const targets: [string, string | undefined][] = [
      [code, cells[1]],
      [code + PREV_SUFFIX, cells[2]],
      [code + '_NOTE', cells[3]],
    ];
    for (const [name, field] of targets) {
      if (field === undefined || field === '') continue;
      const at = idx.named(name);
      if (!at) throw new ImportError('import-no-cell', { line, name });
      const rowHeight = name.endsWith('_NOTE') ? explanationRowHeight(field) : undefined;
      edits.push({ ...at.ref, value: name.endsWith('_NOTE') ? field : csvValue(field), ...(rowHeight !== undefined ? { rowHeight } : {}) });
    }
  }
  return edits;
}

function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The same period one year earlier: `2025` → `2024`, `2025H1` → `2024H1`. */
export function periodBefore(period: string): string {
  return period.replace(/^(\d{4})/, (y) => String(Number(y) - 1));
}

const sameUnit = (a: string, b: string): boolean => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * Refuses a file as "last year's" unless it is the same template, the same unit (when both
 * name one) and the same period one year earlier: a 2025 report is not the previous of a
 * 2025 report, and another district's figures are not ours.
 */
export function previousFits(current: ReportModel, previous: ReportModel): void {
  if (previous.template !== current.template) {
    throw new AppError('previous-template', { templateA: previous.template, templateB: current.template });
  }
  if (current.unit.trim() && previous.unit.trim() && !sameUnit(current.unit, previous.unit)) {
    throw new AppError('previous-unit', { unitA: previous.unit.trim(), unitB: current.unit.trim() });
  }
  const expected = periodBefore(current.period);
  if (current.period && previous.period !== expected) {
    const year = (p: string) => p.slice(0, 4) || '?';
    throw new AppError('previous-period', { yearA: year(previous.period), yearB: year(current.period), yearC: year(expected), templateB: current.template });
  }
}

/**
 * Last year's figures into the _PREV cells (matched by code), and last year's history plus
 * its own period appended to 历史数据.
 */
export function planPrevious(snapshot: WorkbookSnapshot, previous: WorkbookSnapshot, catalog: Catalog = getCatalog()): CellEdit[] {
  const me = new SnapshotIndex(snapshot);
  const last: ReportModel = locate(previous);
  previousFits(locate(snapshot), last);
  const edits: CellEdit[] = [];
  for (const ind of catalog.indicators) {
    const fig = last.figures.get(ind.code);
    const at = me.named(ind.code + PREV_SUFFIX);
    if (!fig || !at || at.cell?.f !== undefined) continue;
    if (fig.currentIsFormula && fig.current === null) continue;
    if (fig.currentRaw === null) continue;
    edits.push({ ...at.ref, value: fig.current ?? fig.currentRaw });
  }
  // History: the earlier workbook's own history, then its period.
  const labels: string[] = [];
  const series = new Map<string, Map<string, number>>();
  const add = (code: string, label: string, v: number) => {
    if (!labels.includes(label)) labels.push(label);
    let m = series.get(code);
    if (!m) series.set(code, (m = new Map()));
    m.set(label, v);
  };
  for (const [code, points] of last.history) for (const p of points) add(code, p.label, p.value);
  const lastLabel = last.period || 'prev';
  for (const [code, fig] of last.figures) if (fig.current !== null) add(code, lastLabel, fig.current);
  if (labels.length === 0) return edits;
  labels.sort();
  const rows = new Map<string, number>();
  let nextRow = 2;
  const cells = me.cells(SHEETS.history) ?? {};
  for (const [addr, c] of Object.entries(cells)) {
    const m = /^A(\d+)$/.exec(addr);
    if (!m || Number(m[1]) === 1 || typeof c.v !== 'string') continue;
    rows.set(c.v.trim().toUpperCase(), Number(m[1]));
    nextRow = Math.max(nextRow, Number(m[1]) + 1);
  }
  edits.push({ sheet: SHEETS.history, address: 'A1', value: cells['A1']?.v ?? '指标代码' });
  labels.forEach((l, i) => edits.push({ sheet: SHEETS.history, address: `${colName(i + 2)}1`, value: l }));
  for (const ind of catalog.indicators) {
    const s = series.get(ind.code);
    if (!s) continue;
    let row = rows.get(ind.code);
    if (row === undefined) {
      row = nextRow++;
      edits.push({ sheet: SHEETS.history, address: `A${row}`, value: ind.code });
    }
    labels.forEach((l, i) => {
      const v = s.get(l);
      edits.push({ sheet: SHEETS.history, address: `${colName(i + 2)}${row}`, value: v ?? null });
    });
  }
  return edits;
}

/** Formula cells of each sheet by row (`sheet!row`), indexed once. */
function formulaCellsByRow(snapshot: WorkbookSnapshot): Map<string, [string, string][]> {
  const rows = new Map<string, [string, string][]>();
  for (const sheet of snapshot.sheets) {
    for (const [address, c] of Object.entries(sheet.cells)) {
      if (c.f === undefined) continue;
      const key = `${sheet.name}!${/\d+$/.exec(address)?.[0]}`;
      rows.set(key, [...(rows.get(key) ?? []), [address, c.f]]);
    }
  }
  return rows;
}

/** Fresh cached results for the template's formulas (derived cells, 增减量, 同比). */
export function planRecalc(snapshot: WorkbookSnapshot, catalog: Catalog = getCatalog()): CellEdit[] {
  const model = locate(snapshot);
  const idx = new SnapshotIndex(snapshot);
  const cur = new Map<string, number | null>();
  const prev = new Map<string, number | null>();
  for (const [code, f] of model.figures) {
    cur.set(code, f.current);
    prev.set(code, f.previous);
  }
  const edits: CellEdit[] = [];
  const derive = (values: Map<string, number | null>, formula: string) => {
    const v = deriveValue(formula, (c) => values.get(c) ?? null);
    return v === null ? null : round(v);
  };
  for (const ind of catalog.indicators) {
    if (!ind.formula) continue;
    const fig = model.figures.get(ind.code);
    if (fig?.currentIsFormula && fig.cell) {
      const v = derive(cur, ind.formula);
      cur.set(ind.code, v);
      edits.push({ ...fig.cell, formula: idx.cellAt(fig.cell)?.f as string, result: v ?? '' });
    }
    const pc = fig?.prevCell && idx.cellAt(fig.prevCell);
    if (fig?.prevCell && pc?.f !== undefined) {
      const v = derive(prev, ind.formula);
      prev.set(ind.code, v);
      edits.push({ ...fig.prevCell, formula: pc.f, result: v ?? '' });
    }
  }
  const byRow = formulaCellsByRow(snapshot);
  for (const ind of catalog.indicators) {
    const fig = model.figures.get(ind.code);
    if (!fig?.cell) continue;
    const a = cur.get(ind.code) ?? null;
    const b = prev.get(ind.code) ?? null;
    for (const [address, f] of byRow.get(`${fig.cell.sheet}!${/\d+$/.exec(fig.cell.address)?.[0]}`) ?? []) {
      if (isChangeFormula(f, ind.code)) edits.push({ sheet: fig.cell.sheet, address, formula: f, result: changeValue(a, b) });
      else if (isYoyFormula(f, ind.code)) edits.push({ sheet: fig.cell.sheet, address, formula: f, result: yoyValue(a, b) });
    }
  }
  return edits;
}

