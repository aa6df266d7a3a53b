/**
 * Finds the report in a snapshot by its defined names (not by position), so inserted rows,
 * moved cells and reordered or renamed sheets still work. A workbook with none of the
 * indicator names is not a report from a template: that is a NotATemplateError.
 */
import { getCatalog } from '../catalog/catalog';
import { AppError } from '../errors';
import { parseCell, parseRect, type Rect } from '../a1';
import { clipText, TEXT_LIMITS } from '../text';
import { META_NAMES, NOTE_SUFFIX, PREV_SUFFIX, SHEETS } from '../template/layout';
import type { CellData, CellRef, NameRef, Scalar, WorkbookSnapshot } from '../../workbook/snapshot';
import type { Figure, HistoryPoint, ReportModel, TemplateId } from './types';

/** A workbook with none of the indicator names is not a report made from a template. */
export class NotATemplateError extends AppError {
  override name = 'NotATemplateError';
  constructor() {
    super('not-a-template');
  }
}

/**
 * Whether a defined name (upper case) is one the report is found by: an indicator code, its
 * `_PREV` and `_NOTE`, or a header name. A host reads only the sheets such names point into.
 */
export function isReportName(upperName: string): boolean {
  const catalog = getCatalog();
  const base = upperName.replace(/_(PREV|NOTE)$/, '');
  return catalog.byCode.has(base) || (Object.values(META_NAMES) as string[]).includes(upperName);
}

export interface Located {
  cell: CellData | undefined;
  ref: CellRef;
}

/** Index of a snapshot: names and cells by reference. */
export class SnapshotIndex {
  readonly names = new Map<string, NameRef>();
  private readonly sheets = new Map<string, Record<string, CellData>>();

  constructor(readonly snapshot: WorkbookSnapshot) {
    for (const n of snapshot.names) this.names.set(n.name.toUpperCase(), n);
    for (const s of snapshot.sheets) this.sheets.set(s.name, s.cells);
  }

  hasSheet(name: string): boolean {
    return this.sheets.has(name);
  }

  cells(sheet: string): Record<string, CellData> | undefined {
    return this.sheets.get(sheet);
  }

  cellAt(ref: CellRef): CellData | undefined {
    return this.sheets.get(ref.sheet)?.[ref.address];
  }

  /** The cell a defined name points at, or undefined when the name or its sheet is gone. */
  named(name: string): Located | undefined {
    const n = this.names.get(name.toUpperCase());
    if (!n || !this.sheets.has(n.sheet)) return undefined;
    const ref = { sheet: n.sheet, address: n.address };
    return { cell: this.cellAt(ref), ref };
  }
}

/** A cell's value as a number, or null for blank/text. */
export function numeric(v: Scalar | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Blank means nothing there, or only white space. */
export function isBlank(v: Scalar | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function raw(c: CellData | undefined): Scalar {
  if (!c) return null;
  if (c.error !== undefined) return null;
  return typeof c.v === 'string' && c.v.trim() === '' ? null : c.v;
}

function text(c: CellData | undefined): string {
  const v = raw(c);
  return v === null ? '' : String(v).trim();
}

const TEMPLATE_WORDS: Record<string, TemplateId> = {
  annual: 'annual',
  'half-year': 'half-year',
  年报: 'annual',
  半年报: 'half-year',
  'annual report': 'annual',
  'half-year report': 'half-year',
};

function templateOf(idx: SnapshotIndex, period: string): TemplateId {
  const word = text(idx.named(META_NAMES.template)?.cell).toLowerCase();
  const known = TEMPLATE_WORDS[word];
  if (known) return known;
  return /H1$/i.test(period) ? 'half-year' : 'annual';
}

function historyOf(idx: SnapshotIndex): Map<string, HistoryPoint[]> {
  const out = new Map<string, HistoryPoint[]>();
  const cells = idx.cells(SHEETS.history);
  if (!cells) return out;
  const labels = new Map<string, string>();
  const rows = new Map<number, Map<string, CellData>>();
  for (const [addr, c] of Object.entries(cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr);
    if (!m) continue;
    const col = m[1] as string;
    const row = Number(m[2]);
    if (row === 1) {
      if (col !== 'A' && !isBlank(c.v)) labels.set(col, String(c.v).trim());
      continue;
    }
    let r = rows.get(row);
    if (!r) rows.set(row, (r = new Map()));
    r.set(col, c);
  }
  const order = [...labels.keys()].sort((a, b) => a.length - b.length || a.localeCompare(b));
  for (const r of rows.values()) {
    const code = text(r.get('A')).toUpperCase();
    if (!code) continue;
    const points: HistoryPoint[] = [];
    for (const col of order) {
      const v = numeric(r.get(col)?.v);
      if (v !== null) points.push({ label: labels.get(col) as string, value: v });
    }
    out.set(code, points);
  }
  return out;
}

/** The merged range (`E4:F5`) a cell lies in, when it does; by sheet, parsed once. */
function mergeFinder(snapshot: WorkbookSnapshot): (ref: CellRef | undefined) => string | undefined {
  const bySheet = new Map<string, Rect[]>();
  const ranges = new Map<Rect, string>();
  for (const s of snapshot.sheets) {
    const rects: Rect[] = [];
    for (const m of s.merges ?? []) {
      const r = parseRect(m);
      if (r && (r.r1 !== r.r2 || r.c1 !== r.c2)) {
        rects.push(r);
        ranges.set(r, m);
      }
    }
    if (rects.length) bySheet.set(s.name, rects);
  }
  return (ref) => {
    if (!ref) return undefined;
    const at = parseCell(ref.address);
    const rects = bySheet.get(ref.sheet);
    if (!at || !rects) return undefined;
    const hit = rects.find((r) => at.row >= r.r1 && at.row <= r.r2 && at.col >= r.c1 && at.col <= r.c2);
    return hit ? ranges.get(hit) : undefined;
  };
}

function headerCellsOf(idx: SnapshotIndex): NonNullable<ReportModel['headerCells']> {
  const out: NonNullable<ReportModel['headerCells']> = {};
  const unit = idx.named(META_NAMES.unit)?.ref;
  const period = idx.named(META_NAMES.period)?.ref;
  const template = idx.named(META_NAMES.template)?.ref;
  if (unit) out.unit = unit;
  if (period) out.period = period;
  if (template) out.template = template;
  return out;
}

export function locate(snapshot: WorkbookSnapshot): ReportModel {
  const catalog = getCatalog();
  const idx = new SnapshotIndex(snapshot);
  const mergeOf = mergeFinder(snapshot);
  const figures = new Map<string, Figure>();
  const missing: string[] = [];
  for (const ind of catalog.indicators) {
    const cur = idx.named(ind.code);
    const prev = idx.named(ind.code + PREV_SUFFIX);
    const note = idx.named(ind.code + NOTE_SUFFIX);
    if (!cur) missing.push(ind.code);
    const fig: Figure = {
      code: ind.code,
      current: numeric(raw(cur?.cell)),
      previous: numeric(raw(prev?.cell)),
      currentRaw: raw(cur?.cell),
      previousRaw: raw(prev?.cell),
      currentIsFormula: cur?.cell?.f !== undefined,
    };
    if (cur) fig.cell = cur.ref;
    if (prev) fig.prevCell = prev.ref;
    if (cur?.cell?.error !== undefined) fig.currentError = cur.cell.error;
    if (prev?.cell?.error !== undefined) fig.previousError = prev.cell.error;
    const curMerge = mergeOf(cur?.ref);
    const prevMerge = mergeOf(prev?.ref);
    if (curMerge) fig.currentMerged = curMerge;
    if (prevMerge) fig.previousMerged = prevMerge;
    if (note) {
      fig.noteCell = note.ref;
      const t = text(note.cell);
      if (t) fig.explanation = t;
    }
    figures.set(ind.code, fig);
  }
  if (missing.length === catalog.indicators.length) {
    throw new NotATemplateError();
  }
  const period = text(idx.named(META_NAMES.period)?.cell);
  return {
    template: templateOf(idx, period),
    unit: clipText(text(idx.named(META_NAMES.unit)?.cell), TEXT_LIMITS.quoted),
    period,
    figures,
    history: historyOf(idx),
    missing,
    missingHeader: [META_NAMES.unit, META_NAMES.period, META_NAMES.template].filter((n) => !idx.named(n)),
    headerCells: headerCellsOf(idx),
  };
}
