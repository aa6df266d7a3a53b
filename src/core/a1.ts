/**
 * A1 addresses, the one home for them: columns of any width (A … XFD), cells, rectangles,
 * sheet-qualified references (`'JS01 法律援助'!$E$4`, quotes doubled) and defined-name
 * formulas. Every host and the core use these; none writes its own.
 */

export interface CellPos {
  /** 1-based row. */
  row: number;
  /** 1-based column. */
  col: number;
}

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** `A` → 1, `Z` → 26, `AA` → 27. */
export function colToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new Error(`Not a column: ${letters}`);
    n = n * 26 + (code - 64);
  }
  return n;
}

/** 1 → `A`, 27 → `AA`. */
export function indexToCol(index: number): string {
  if (!Number.isInteger(index) || index < 1) throw new Error(`Not a column index: ${index}`);
  let s = '';
  let n = index;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** `E7` or `$E$7` → {row: 7, col: 5}; null when the text is not one cell. */
export function parseCell(a1: string): CellPos | null {
  const m = CELL_RE.exec(a1.trim());
  if (!m) return null;
  return { row: Number(m[2]), col: colToIndex(m[1] as string) };
}

export function toA1(row: number, col: number): string {
  return `${indexToCol(col)}${row}`;
}

/** `A1:I95`, `$E$4`, `E4` → a rectangle; null for whole rows/columns or garbage. */
export function parseRect(a1: string): Rect | null {
  const parts = a1.split(':');
  if (parts.length > 2) return null;
  const a = parseCell(parts[0] as string);
  const b = parts.length === 2 ? parseCell(parts[1] as string) : a;
  if (!a || !b) return null;
  return {
    r1: Math.min(a.row, b.row),
    c1: Math.min(a.col, b.col),
    r2: Math.max(a.row, b.row),
    c2: Math.max(a.col, b.col),
  };
}

export function rectToA1(r: Rect): string {
  const tl = toA1(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? tl : `${tl}:${toA1(r.r2, r.c2)}`;
}

/** A sheet name as it must appear in a reference: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Splits `'It''s 表'!$E$4` or `Sheet1!A1:B2` into sheet and address (address keeps its `$`).
 * Returns null when there is no sheet part.
 */
export function splitSheetAddress(ref: string): { sheet: string; address: string } | null {
  const s = ref.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < s.length) {
      const ch = s[i] as string;
      if (ch === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (s[i] !== "'" || s[i + 1] !== '!') return null;
    return { sheet: name, address: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf('!');
  if (bang <= 0) return null;
  return { sheet: s.slice(0, bang), address: s.slice(bang + 1) };
}

/**
 * A defined name's formula (`='JS01 法律援助'!$E$4`) → the one cell it refers to, or null
 * when it refers to a range, a constant, an expression or a missing sheet (`#REF!`).
 */
export function parseNameFormula(formula: string): { sheet: string; address: string } | null {
  const body = formula.trim().replace(/^=/, '');
  const split = splitSheetAddress(body);
  if (!split || split.sheet.includes('#REF') || split.address.includes('#REF')) return null;
  const cell = parseCell(split.address);
  if (!cell) return null;
  return { sheet: split.sheet, address: toA1(cell.row, cell.col) };
}

/**
 * Groups cells into few rectangles: runs along each row first, then equal runs on
 * consecutive rows are stacked. Writes one format per rectangle instead of per cell.
 */
export function coalesce(cells: readonly CellPos[]): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const cols = byRow.get(c.row);
    if (cols) cols.push(c.col);
    else byRow.set(c.row, [c.col]);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const open = new Map<string, Rect>();
  const done: Rect[] = [];
  for (const row of rows) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const runs: Array<[number, number]> = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, Rect>();
    for (const [c1, c2] of runs) {
      const key = `${c1}:${c2}`;
      const prev = open.get(key);
      if (prev && prev.r2 === row - 1) {
        prev.r2 = row;
        next.set(key, prev);
        open.delete(key);
      } else {
        next.set(key, { r1: row, c1, r2: row, c2 });
      }
    }
    for (const r of open.values()) done.push(r);
    open.clear();
    for (const [k, r] of next) open.set(k, r);
  }
  for (const r of open.values()) done.push(r);
  return done.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
}

/** The same cell `rows` below and `cols` right of `a1` (`E7`, +1, +2 → `G8`); null off the sheet. */
export function offsetCell(a1: string, rows: number, cols: number): string | null {
  const c = parseCell(a1);
  if (!c || c.row + rows < 1 || c.col + cols < 1) return null;
  return toA1(c.row + rows, c.col + cols);
}
