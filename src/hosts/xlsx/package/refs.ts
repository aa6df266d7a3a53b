/** A1 references: columns, cells, ranges, defined-name formulas, shared-formula translation. */
import { a1 as coreA1 } from '../../../core';

/** The core's A1 arithmetic (src/core/a1.ts), with the sheet's bounds for cells. */
export const { colToIndex, indexToCol } = coreA1;

export type CellPos = coreA1.CellPos;

export function parseCell(a1: string): CellPos | undefined {
  const c = coreA1.parseCell(a1);
  if (!c || c.col > 16384 || c.row < 1 || c.row > 1048576) return undefined;
  return c;
}

export function a1(row: number, col: number): string {
  return `${indexToCol(col)}${row}`;
}

/** `E4` -> `E4`; `$e$4` -> `E4`. */
export function normalCell(address: string): string {
  const p = parseCell(address);
  if (!p) throw new Error(`not a cell address: ${address}`);
  return a1(p.row, p.col);
}

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function parseRect(ref: string): Rect | undefined {
  const [a, b] = ref.trim().split(':');
  const p = parseCell(a ?? '');
  if (!p) return undefined;
  const q = b === undefined ? p : parseCell(b);
  if (!q) return undefined;
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

export function rectToA1(r: Rect): string {
  const s = a1(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? s : `${s}:${a1(r.r2, r.c2)}`;
}

export interface RangeRef {
  sheet?: string;
  /** A1 without `$`. */
  start: string;
  end?: string;
}

const RANGE_REF = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

/** One reference as Excel writes it in a defined name; undefined for anything else. */
export function parseRangeRef(text: string): RangeRef | undefined {
  const m = RANGE_REF.exec(text.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const start = `${(m[3] ?? '').toUpperCase()}${m[4] ?? ''}`;
  const end = m[5] !== undefined ? `${m[5].toUpperCase()}${m[6] ?? ''}` : undefined;
  if (!parseCell(start) || (end !== undefined && !parseCell(end))) return undefined;
  const ref: RangeRef = { start };
  if (sheet !== undefined) ref.sheet = sheet;
  if (end !== undefined && end !== start) ref.end = end;
  return ref;
}

/** `'Sheet name'`, inner quotes doubled: always quoted, which Excel accepts for any name. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `E4` -> `$E$4`, `E4:F9` -> `$E$4:$F$9`. */
export function absolute(address: string): string {
  const r = parseRect(address);
  if (!r) throw new Error(`not a cell address: ${address}`);
  const abs = (row: number, col: number): string => `$${indexToCol(col)}$${row}`;
  const s = abs(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 && !address.includes(':') ? s : `${s}:${abs(r.r2, r.c2)}`;
}

/**
 * A shared formula's text for a clone: relative references move by the clone's offset from
 * the master; `$` parts, string literals, function names, sheet names and defined names stay.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i] ?? '';
    if (ch === '"') {
      const j = formula.indexOf('"', i + 1);
      // a doubled quote inside a literal continues it
      let k = j;
      while (k >= 0 && formula[k + 1] === '"') k = formula.indexOf('"', k + 2);
      const stop = k < 0 ? n : k + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === "'") {
      // quoted sheet name
      let k = i + 1;
      while (k < n) {
        if (formula[k] === "'") {
          if (formula[k + 1] === "'") k += 2;
          else break;
        } else k++;
      }
      out += formula.slice(i, k + 1);
      i = k + 1;
      continue;
    }
    if (ch === '[') {
      const j = formula.indexOf(']', i);
      const stop = j < 0 ? n : j + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      const m = /^[0-9]*\.?[0-9]*(?:[eE][+-]?[0-9]+)?/.exec(formula.slice(i));
      const len = Math.max(1, m?.[0].length ?? 1);
      out += formula.slice(i, i + len);
      i += len;
      continue;
    }
    if (/[A-Za-z_$\\\u0080-\uFFFF]/.test(ch)) {
      let k = i;
      while (k < n && /[A-Za-z0-9_$.\\\u0080-\uFFFF]/.test(formula[k] ?? '')) k++;
      const word = formula.slice(i, k);
      const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(word);
      const next = formula[k];
      if (m && next !== '(' && next !== '!') {
        let col = colToIndex(m[2] ?? '');
        let row = Number(m[4]);
        if (col <= 16384) {
          if (!m[1]) col += dCol;
          if (!m[3]) row += dRow;
          out += col < 1 || row < 1 ? '#REF!' : `${m[1]}${indexToCol(col)}${m[3]}${row}`;
          i = k;
          continue;
        }
      }
      // whole-column / whole-row references (A:A, 3:5) are rare in report formulas; left as written
      out += word;
      i = k;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
