/**
 * .xlsx bytes -> an ExcelJS workbook -> the core's plain snapshot.
 *
 * Unusable input is a typed XlsxInputError with a one-line Chinese message, decided from the
 * bytes before ExcelJS sees them: ExcelJS's own failures on a .xls, an HTML "xls" export or a
 * .docx are stack-trace noise to a statistician. Anything ExcelJS still chokes on is `corrupt`.
 */
import type { CellData, NameRef, SheetSnapshot, WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { exceljs, type Cell, type Workbook, type Worksheet } from './exceljs';
import { AppError, type ErrorCode } from '../../../src/core';

export type XlsxInputReason = 'legacy-xls' | 'not-xlsx' | 'corrupt' | 'empty';

/** The input file cannot be used: `code` (`xlsx-…`) says why; src/core/i18n/errors.ts words it. */
export class XlsxInputError extends AppError {
  override readonly name = 'XlsxInputError';
  readonly reason: XlsxInputReason;

  constructor(reason: XlsxInputReason, code: ErrorCode) {
    super(code);
    this.reason = reason;
  }
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function asBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(text: string): number[] {
  return Array.from(text, (ch) => ch.charCodeAt(0));
}

function utf16le(text: string): number[] {
  return Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
}

/** Plain byte search; zip entry names are stored uncompressed, so this finds them. */
function contains(bytes: Uint8Array, needle: readonly number[], from = 0): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  for (let i = Math.max(0, from); i <= last; i++) {
    if (bytes[i] !== first) continue;
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && i < 1024 && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] ?? 0)) i++;
  return bytes[i] === 0x3c; // '<'
}

/** Decide from the bytes alone why a file cannot be an .xlsx; undefined when it may be one. */
function rejectByBytes(bytes: Uint8Array): XlsxInputError | undefined {
  if (bytes.length === 0) return new XlsxInputError('empty', 'xlsx-empty');
  if (startsWith(bytes, OLE_SIGNATURE)) {
    // Password-protected .xlsx files are OLE containers too; only the stream name tells.
    return contains(bytes, utf16le('EncryptedPackage'))
      ? new XlsxInputError('not-xlsx', 'xlsx-encrypted')
      : new XlsxInputError('legacy-xls', 'xlsx-legacy-xls');
  }
  const isZip = startsWith(bytes, ascii('PK\x03\x04')) || startsWith(bytes, ascii('PK\x05\x06'));
  if (!isZip) {
    return new XlsxInputError('not-xlsx', looksLikeHtml(bytes) ? 'xlsx-html' : 'xlsx-not-zip');
  }
  // The end-of-central-directory record sits in the last 64 KiB; a truncated download lacks it.
  if (!contains(bytes, ascii('PK\x05\x06'), bytes.length - 65557)) {
    return new XlsxInputError('corrupt', 'xlsx-corrupt');
  }
  if (contains(bytes, ascii('xl/workbook.xml'))) return undefined;
  if (contains(bytes, ascii('xl/workbook.bin'))) return new XlsxInputError('not-xlsx', 'xlsx-xlsb');
  if (contains(bytes, ascii('word/document.xml'))) return new XlsxInputError('not-xlsx', 'xlsx-docx');
  if (contains(bytes, ascii('ppt/presentation.xml'))) return new XlsxInputError('not-xlsx', 'xlsx-pptx');
  if (contains(bytes, ascii('opendocument.spreadsheet'))) return new XlsxInputError('not-xlsx', 'xlsx-ods');
  return new XlsxInputError('not-xlsx', 'xlsx-other-zip');
}

/**
 * Defined names ExcelJS keeps but cannot write back faithfully: it drops `localSheetId`, so a
 * sheet-local `_xlnm._FilterDatabase` would come back workbook-wide (and, with two filtered
 * sheets, as one name over two sheets). Excel rebuilds them from the filters itself.
 */
function dropBuiltInNames(wb: Workbook): void {
  const model = wb.definedNames.model;
  const kept = model.filter((d) => !d.name.toLowerCase().startsWith('_xlnm.'));
  if (kept.length !== model.length) wb.definedNames.model = kept;
}

/** Reads .xlsx bytes. Throws XlsxInputError for anything that is not a readable workbook. */
export async function loadWorkbook(input: Uint8Array | ArrayBuffer): Promise<Workbook> {
  const bytes = asBytes(input);
  const rejected = rejectByBytes(bytes);
  if (rejected) throw rejected;

  const ExcelJS = await exceljs();
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings ask for a Node Buffer; JSZip underneath takes any Uint8Array.
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw new XlsxInputError('corrupt', 'xlsx-corrupt');
  }
  if (wb.worksheets.length === 0) throw new XlsxInputError('empty', 'xlsx-empty-workbook');
  dropBuiltInNames(wb);
  return wb;
}

// ---------------------------------------------------------------------------------------------
// References: `'Sheet name'!$E$4`, quotes doubled inside a quoted sheet name.

export interface RangeRef {
  sheet?: string;
  /** A1 address without `$`. */
  start: string;
  end?: string;
}

const RANGE_REF = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

/** Parses one reference as ExcelJS and Excel write them; undefined for anything else. */
export function parseRangeRef(text: string): RangeRef | undefined {
  const m = RANGE_REF.exec(text.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const start = `${(m[3] ?? '').toUpperCase()}${m[4] ?? ''}`;
  const end = m[5] !== undefined ? `${m[5].toUpperCase()}${m[6] ?? ''}` : undefined;
  const ref: RangeRef = { start };
  if (sheet !== undefined) ref.sheet = sheet;
  if (end !== undefined && end !== start) ref.end = end;
  return ref;
}

/** `'Sheet name'` with inner quotes doubled: always quoted, which Excel accepts for any name. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A worksheet by name; Excel compares sheet names without regard to case. */
export function sheetNamed(wb: Workbook, name: string): Worksheet | undefined {
  const exact = wb.worksheets.find((ws) => ws.name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

// ---------------------------------------------------------------------------------------------
// Snapshot

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * ExcelJS turns serial dates into Date objects whose UTC fields are the wall-clock reading,
 * so the ISO text is built from UTC fields and carries no zone.
 */
function isoOf(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day}T${pad(h)}:${pad(m)}:${pad(s)}`;
}

type RichRun = { text?: unknown };

function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isoOf(value) ?? '';
  if (typeof value === 'object' && Array.isArray((value as { richText?: unknown }).richText)) {
    return ((value as { richText: RichRun[] }).richText)
      .map((run) => (typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  return String(value);
}

/** A formula's cached result, or a constant, as the core sees it. */
function scalarData(value: unknown): CellData {
  if (value === null || value === undefined) return { v: null };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return { v: value };
  }
  if (value instanceof Date) return { v: isoOf(value) };
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.error === 'string') return { v: null, error: o.error };
    if (Array.isArray(o.richText)) return { v: plainText(o) };
    if ('hyperlink' in o) return { v: plainText(o.text) };
  }
  return { v: plainText(value) };
}

function cellData(cell: Cell): CellData | undefined {
  // A merged cell other than the top-left one reports the master's value; Excel shows it empty.
  if (cell.master !== cell) return undefined;
  const value: unknown = cell.value;
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object' && !(value instanceof Date)) {
    const o = value as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      // `cell.value` drops falsy results (0, false, ''); `cell.result` keeps them.
      // `cell.formula` resolves a shared-formula clone to its own text.
      const data = scalarData(cell.result as unknown);
      const formula = cell.formula as string | undefined;
      if (typeof formula === 'string' && formula !== '') data.f = formula.replace(/^=/, '');
      return data;
    }
  }
  const data = scalarData(value);
  if (data.v === '' && data.error === undefined) return undefined;
  if (data.v === null && data.error === undefined) return undefined;
  return data;
}

function sheetSnapshot(ws: Worksheet): SheetSnapshot {
  const cells: Record<string, CellData> = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const data = cellData(cell);
      if (data) cells[cell.address] = data;
    });
  });
  // ExcelJS keeps merged ranges by their master cell; not in its typings.
  const merges = Object.values((ws as unknown as { _merges?: Record<string, { shortRange?: string }> })._merges ?? {})
    .map((m) => m.shortRange)
    .filter((r): r is string => typeof r === 'string');
  return merges.length ? { name: ws.name, cells, merges } : { name: ws.name, cells };
}

/** Workbook names that point at exactly one cell of an existing sheet. */
function namesOf(wb: Workbook): NameRef[] {
  const names: NameRef[] = [];
  for (const { name, ranges } of wb.definedNames.model) {
    if (name.toLowerCase().startsWith('_xlnm.') || ranges.length !== 1) continue;
    const ref = parseRangeRef(ranges[0] ?? '');
    if (!ref || ref.sheet === undefined || ref.end !== undefined) continue;
    const ws = sheetNamed(wb, ref.sheet);
    if (!ws) continue;
    names.push({ name, sheet: ws.name, address: ref.start });
  }
  return names;
}

/** Every sheet in workbook order with its non-empty cells, and the single-cell names. */
export function snapshotOf(wb: Workbook): WorkbookSnapshot {
  return { sheets: wb.worksheets.map(sheetSnapshot), names: namesOf(wb) };
}
