/**
 * The snapshot: only the sheets the report needs are inflated and parsed; the shared strings
 * are streamed and read only as far as the highest index those sheets use; styles only for
 * date formats. The cell data matches what the ExcelJS reader gave for the same cells.
 */
import { SaxesParser } from 'saxes';
import type { CellData, NameRef, SheetSnapshot, WorkbookSnapshot } from '../../../workbook/snapshot';
import { readBook, sheetByName, type Book } from './book';
import { XlsxInputError } from './errors';
import { REL, type Parts } from './parts';
import { a1, parseCell, parseRangeRef, parseRect, shiftFormula } from './refs';
import { readStyleInfo, type StyleInfo } from './styles';
import { child, children, parseXml, rootOf, stringItemText, unescOoxml, type XNode } from './xml';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Serial date → ISO text, as ExcelJS's excelToDate followed by the host's isoOf. */
export function serialToIso(v: number, date1904: boolean): string | null {
  const d = new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return isoOfDate(d);
}

function isoOfDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day}T${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** Workbook-scoped names that point at exactly one cell of an existing sheet. */
export function namesOf(book: Book): NameRef[] {
  const out: NameRef[] = [];
  for (const n of book.names) {
    if (n.localSheetId !== undefined || n.name.toLowerCase().startsWith('_xlnm.')) continue;
    const ref = parseRangeRef(n.formula);
    if (!ref || ref.sheet === undefined || ref.end !== undefined) continue;
    const sheet = sheetByName(book, ref.sheet);
    if (!sheet) continue;
    out.push({ name: n.name, sheet: sheet.name, address: ref.start });
  }
  return out;
}

interface RawCell {
  address: string;
  row: number;
  col: number;
  t: string;
  s: number;
  v: string | undefined;
  inline: string | undefined;
  f: string | undefined;
  fShared: { si: string; master: boolean } | undefined;
}

/** The cells of one sheet's XML, in document order (the `r` attribute, or position when missing). */
export function rawCells(sheetData: XNode | undefined): RawCell[] {
  const out: RawCell[] = [];
  if (!sheetData) return out;
  let rowNo = 0;
  for (const row of children(sheetData, 'row')) {
    rowNo = row.attrs.r !== undefined ? Number(row.attrs.r) : rowNo + 1;
    let colNo = 0;
    for (const c of children(row, 'c')) {
      const pos = c.attrs.r !== undefined ? parseCell(c.attrs.r) : undefined;
      const col = pos ? pos.col : colNo + 1;
      const r = pos ? pos.row : rowNo;
      colNo = col;
      const v = child(c, 'v');
      const is = child(c, 'is');
      const f = child(c, 'f');
      let fShared: RawCell['fShared'];
      if (f && f.attrs.t === 'shared' && f.attrs.si !== undefined) fShared = { si: f.attrs.si, master: f.attrs.ref !== undefined };
      out.push({
        address: a1(r, col),
        row: r,
        col,
        t: c.attrs.t ?? 'n',
        s: Number(c.attrs.s ?? 0),
        v: v ? v.text : undefined,
        inline: is ? unescOoxml(stringItemText(is)) : undefined,
        f: f ? f.text : undefined,
        fShared,
      });
    }
  }
  return out;
}

/** Cells covered by a merge other than its top-left one. */
function mergedAway(root: XNode): Set<string> {
  const out = new Set<string>();
  for (const m of children(child(root, 'mergeCells') ?? root, 'mergeCell')) {
    const r = parseRect(m.attrs.ref ?? '');
    if (!r) continue;
    if ((r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1) > 100000) continue;
    for (let row = r.r1; row <= r.r2; row++) {
      for (let col = r.c1; col <= r.c2; col++) if (row !== r.r1 || col !== r.c1) out.add(a1(row, col));
    }
  }
  return out;
}

/** Shared strings by index, streamed, stopping after the highest index asked for. */
export function readSharedStrings(parts: Parts, path: string | undefined, wanted: Set<number>): Map<number, string> {
  const out = new Map<number, string>();
  if (!path || wanted.size === 0 || !parts.has(path)) return out;
  let max = -1;
  for (const i of wanted) if (i > max) max = i;
  const parser = new SaxesParser();
  let index = -1;
  let depth = 0; // depth inside the current <si>
  let skip = 0; // inside rPh / phoneticPr
  let inT = false;
  let text = '';
  let done = false;
  parser.on('opentag', (tag) => {
    const name = tag.name.slice(tag.name.indexOf(':') + 1);
    if (depth === 0) {
      if (name === 'si') {
        index++;
        depth = 1;
        text = '';
      }
      return;
    }
    depth++;
    if (name === 'rPh' || name === 'phoneticPr') skip++;
    else if (name === 't' && skip === 0) inT = true;
  });
  parser.on('closetag', (tag) => {
    if (depth === 0) return;
    const name = tag.name.slice(tag.name.indexOf(':') + 1);
    depth--;
    if (depth === 0) {
      if (wanted.has(index)) out.set(index, unescOoxml(text));
      if (index >= max) done = true;
      return;
    }
    if (name === 'rPh' || name === 'phoneticPr') skip--;
    else if (name === 't') inT = false;
  });
  parser.on('text', (t) => {
    if (inT && skip === 0) text += t;
  });
  parser.on('cdata', (t) => {
    if (inT && skip === 0) text += t;
  });
  const decoder = new TextDecoder('utf-8');
  try {
    if (parts.isChanged(path) || !parts.zip) {
      parser.write(parts.text(path));
    } else {
      parts.zip.stream(path, (chunk, final) => {
        parser.write(decoder.decode(chunk, { stream: !final }));
        return !done;
      });
    }
  } catch (e) {
    if (e instanceof XlsxInputError) throw e;
    throw new XlsxInputError('xlsx-corrupt', { part: path }, { cause: e });
  }
  return out;
}

function cellValue(raw: RawCell, strings: Map<number, string>, styles: StyleInfo, date1904: boolean): CellData {
  const v = raw.v;
  switch (raw.t) {
    case 's':
      return { v: strings.get(Number(v)) ?? '' };
    case 'inlineStr':
      return { v: raw.inline ?? unescOoxml(v ?? '') };
    case 'str':
      return v === undefined || v === '' ? { v: null } : { v: unescOoxml(v) };
    case 'b':
      return v === undefined ? { v: null } : { v: v === '1' || v === 'true' };
    case 'e':
      return v === undefined ? { v: null } : { v: null, error: v };
    case 'd': {
      if (v === undefined) return { v: null };
      return { v: isoOfDate(new Date(v)) };
    }
    default: {
      if (v === undefined || v === '') return { v: null };
      const n = parseFloat(v);
      if (styles.dateXf[raw.s] && raw.s !== 0) return { v: serialToIso(n, date1904) };
      return { v: n };
    }
  }
}

/** The snapshot cells of one parsed sheet. */
function cellsOf(parsed: ParsedSheet, strings: Map<number, string>, styles: StyleInfo, date1904: boolean): Record<string, CellData> {
  const { raws, skip } = parsed;
  const masters = new Map<string, RawCell>();
  for (const r of raws) if (r.fShared?.master) masters.set(r.fShared.si, r);
  const cells: Record<string, CellData> = {};
  for (const r of raws) {
    if (skip.has(r.address)) continue;
    let formula = r.f;
    if (r.fShared && !r.fShared.master) {
      const m = masters.get(r.fShared.si);
      formula = m?.f !== undefined ? shiftFormula(m.f, r.row - m.row, r.col - m.col) : undefined;
    }
    const data = cellValue(r, strings, styles, date1904);
    if (formula !== undefined && formula !== '') {
      data.f = formula.replace(/^=/, '');
      cells[r.address] = data;
      continue;
    }
    // an empty <f/> is no formula; the value stands
    if (data.error === undefined && (data.v === null || data.v === '')) continue;
    cells[r.address] = data;
  }
  return cells;
}

interface ParsedSheet {
  raws: RawCell[];
  skip: Set<string>;
  /** The merged ranges as written (`E5:E6`), for the core's merged-input check. */
  merges: string[];
}

/**
 * Rows of 历史数据 read at most: A6 needs a row per catalogue code (the template lists them in
 * the first hundred rows; filling last year's figures appends a few), so a history sheet of
 * 300k rows is read only this far and its tree stays small.
 */
export const HISTORY_ROWS = 10000;

/** The sheet's XML cut after its `maxRows`-th row, closed again; the text itself when shorter. */
function headRows(text: string, maxRows: number): string {
  const end = /<\/(?:[A-Za-z_][\w.-]*:)?row>/g;
  let m: RegExpExecArray | null = null;
  for (let i = 0; i < maxRows; i++) {
    m = end.exec(text);
    if (!m) return text;
  }
  if (!m || !end.exec(text)) return text; // no row after the last one kept
  const prefix = /<([A-Za-z_][\w.-]*:)?sheetData[\s>]/.exec(text)?.[1] ?? '';
  return `${text.slice(0, m.index + m[0].length)}</${prefix}sheetData></${prefix}worksheet>`;
}

function parseSheet(parts: Parts, path: string, maxRows?: number): ParsedSheet {
  const root = rootOf(maxRows === undefined ? parts.doc(path) : parseXml(headRows(parts.text(path), maxRows), path));
  const merges = children(child(root, 'mergeCells') ?? root, 'mergeCell')
    .map((m) => (m.attrs.ref ?? '').replace(/\$/g, '').toUpperCase())
    .filter((ref) => ref.includes(':'));
  return { raws: rawCells(child(root, 'sheetData')), skip: mergedAway(root), merges };
}

export interface SnapshotWant {
  names: (upperCaseName: string) => boolean;
  sheets: readonly string[];
}

export function sharedStringsPath(parts: Parts, bookPath: string): string | undefined {
  return parts.rels(bookPath).find((r) => r.type === REL.sharedStrings || r.type.endsWith('/sharedStrings'))?.part;
}

export function stylesPath(parts: Parts, bookPath: string): string | undefined {
  return parts.rels(bookPath).find((r) => r.type === REL.styles || r.type.endsWith('/styles'))?.part;
}

export function snapshotOf(parts: Parts, bookPath: string, want: SnapshotWant): WorkbookSnapshot {
  const book = readBook(parts, bookPath);
  const names = namesOf(book);
  const load = new Set<string>();
  for (const n of names) if (want.names(n.name.toUpperCase())) load.add(n.sheet);
  // Sheets asked for by name (历史数据) and no report name points into: their head only.
  const headOnly = new Set<string>();
  for (const s of want.sheets) {
    const e = sheetByName(book, s);
    if (e && !load.has(e.name)) headOnly.add(e.name);
    if (e) load.add(e.name);
  }
  const sst = sharedStringsPath(parts, bookPath);
  const stylePart = stylesPath(parts, bookPath);
  const styles = readStyleInfo(stylePart ? parts.textOrUndefined(stylePart) : undefined);
  // Parse the wanted sheets first, gather their string indices, stream the strings once.
  const parsed = new Map<string, ParsedSheet>();
  const wanted = new Set<number>();
  for (const s of book.sheets) {
    if (!load.has(s.name) || !s.part || !parts.has(s.part)) continue;
    const sheet = parseSheet(parts, s.part, headOnly.has(s.name) ? HISTORY_ROWS : undefined);
    parsed.set(s.name, sheet);
    for (const r of sheet.raws) if (r.t === 's' && r.v !== undefined) wanted.add(Number(r.v));
  }
  const strings = readSharedStrings(parts, sst, wanted);
  const sheets: SheetSnapshot[] = book.sheets
    .filter((s) => s.part !== undefined)
    .map((s) => {
      const p = parsed.get(s.name);
      if (!p) return { name: s.name, cells: {} };
      const cells = cellsOf(p, strings, styles, book.date1904);
      return p.merges.length ? { name: s.name, cells, merges: p.merges } : { name: s.name, cells };
    });
  if (sheets.length === 0) throw new XlsxInputError('xlsx-empty-workbook');
  return { sheets, names };
}
