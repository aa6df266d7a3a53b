/**
 * A strict fake of the slice of the Excel JavaScript API that src/hosts/excel uses, backed
 * by a real in-memory workbook. Strict means it fails where Excel fails, so a host that
 * passes here does not merely pass because the fake is lenient:
 *  - a property read before it was loaded and synced throws PropertyNotLoaded;
 *  - writes are queued and applied in order at context.sync(); loads see the workbook as
 *    it is at that point of the queue and keep that value until loaded again;
 *  - an API above the configured ExcelApi version fails as Excel fails: the call queues
 *    fine (office.js always carries the whole API), and the sync that reaches it throws
 *    ApiNotFound, with the operations queued before it in that batch already applied;
 *  - objects of a finished Excel.run cannot queue work; a sync over the request payload
 *    limit (5 MB, Excel on the web) is refused, and so is one whose response (the JSON of
 *    every value it loads, estimated) passes 5 MB; cell-edit mode can be simulated;
 *  - sheet protection (writes, formats, conditional formats, notes and comments refused
 *    with AccessDenied; values may go into unlocked cells), workbook structure protection
 *    (adding, deleting, renaming sheets refused) and visibility (a hidden sheet cannot be
 *    activated, a very hidden one cannot be deleted) are modelled;
 *  - a cell holds one note or one threaded comment, at every API level (the user's notes
 *    exist below ExcelApi 1.18 too, where the host cannot see them).
 * No node:* imports: the e2e page bundles this file.
 */
import type { Scalar, WorkbookSnapshot } from '../../src/workbook/snapshot';

// ---------------------------------------------------------------------------------------
// Errors

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message };
  }
}

const err = (code: string, message: string) => new FakeOfficeError(code, message);

// ---------------------------------------------------------------------------------------
// A1 arithmetic (deliberately independent of src/hosts/excel/address.ts)

const MAX_ROW = 1048576;
const MAX_COL = 16384;

interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function colNumber(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

const key = (r: number, c: number) => `${colName(c)}${r}`;

function parseAddress(address: string): Rect {
  const a = address.trim().replace(/\$/g, '').toUpperCase();
  const bad = () => err('InvalidArgument', `The address '${address}' is not valid.`);
  if (a.includes('!')) throw bad();
  const parts = a.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) throw bad();
  const cellRe = /^([A-Z]{1,3})(\d{1,7})$/;
  const first = parts[0] as string;
  const last = (parts[1] ?? first) as string;
  const c1 = cellRe.exec(first);
  const c2 = cellRe.exec(last);
  let rect: Rect;
  if (c1 && c2) {
    rect = { r1: Number(c1[2]), c1: colNumber(c1[1] as string), r2: Number(c2[2]), c2: colNumber(c2[1] as string) };
  } else if (/^[A-Z]{1,3}$/.test(first) && /^[A-Z]{1,3}$/.test(last) && parts.length === 2) {
    rect = { r1: 1, c1: colNumber(first), r2: MAX_ROW, c2: colNumber(last) };
  } else if (/^\d{1,7}$/.test(first) && /^\d{1,7}$/.test(last) && parts.length === 2) {
    rect = { r1: Number(first), c1: 1, r2: Number(last), c2: MAX_COL };
  } else {
    throw bad();
  }
  const n: Rect = {
    r1: Math.min(rect.r1, rect.r2),
    c1: Math.min(rect.c1, rect.c2),
    r2: Math.max(rect.r1, rect.r2),
    c2: Math.max(rect.c1, rect.c2),
  };
  if (n.r1 < 1 || n.c1 < 1 || n.r2 > MAX_ROW || n.c2 > MAX_COL) throw bad();
  return n;
}

function rectAddress(r: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (r.r1 === 1 && r.r2 === MAX_ROW) return `${d}${colName(r.c1)}:${d}${colName(r.c2)}`;
  if (r.c1 === 1 && r.c2 === MAX_COL) return `${d}${r.r1}:${d}${r.r2}`;
  const a = `${d}${colName(r.c1)}${d}${r.r1}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${d}${colName(r.c2)}${d}${r.r2}`;
}

const cellsIn = (r: Rect) => (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
const intersects = (a: Rect, b: Rect) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

/** How Excel writes a sheet name into a reference: quoted unless it is a plain identifier. */
function refSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------
// The workbook model

export interface FakeBorders {
  top?: string;
  bottom?: string;
  left?: string;
  right?: string;
}

export interface FakeFormat {
  fill?: string;
  fontName?: string;
  fontSize?: number;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: FakeBorders;
  locked?: boolean;
}

export interface FakeValidation {
  rule?: Record<string, unknown>;
  errorAlert?: { title?: string; message?: string; showAlert?: boolean; style?: string };
  prompt?: { title?: string; message?: string; showPrompt?: boolean };
}

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface FakeCell {
  value: Scalar;
  formula?: string;
  error?: string;
  numberFormat: string;
  /** Entered with a leading apostrophe: stored as text. */
  quotePrefix?: boolean;
  format: FakeFormat;
  hyperlink?: FakeHyperlink;
  validation?: FakeValidation;
}

export interface FakeConditionalFormat {
  id: string;
  type: 'Custom' | 'DataBar';
  range: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  barColor?: string;
}

export interface FakeNote {
  address: string;
  content: string;
  author: string;
  /** A comment's replies (only when it has any). */
  replies?: string[];
}

export interface FakePageLayout {
  orientation: string;
  paperSize: string;
  printTitleRows?: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  margins: Record<string, number>;
  centerHorizontally: boolean;
}

interface SheetModel {
  alive: boolean;
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Rows fitted to their contents (autofitRows). */
  fittedRows: Set<number>;
  merges: Rect[];
  cfs: CfModel[];
  notes: Map<string, NoteModel>;
  comments: Map<string, CommentModel>;
  freeze: { rows: number; cols: number } | null;
  page: FakePageLayout;
  tabColor: string;
  showGridlines: boolean;
  protected: boolean;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
}

interface CfModel {
  alive: boolean;
  id: string;
  sheet: SheetModel;
  type: 'Custom' | 'DataBar';
  rect: Rect;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  barColor?: string;
}

interface NoteModel {
  alive: boolean;
  sheet: SheetModel;
  address: string;
  content: string;
  author: string;
}

interface CommentModel extends NoteModel {
  id: string;
  /** The thread's replies, oldest first. */
  replies: Array<{ id: string; content: string; author: string }>;
}

interface NameModel {
  alive: boolean;
  name: string;
  sheet: SheetModel | null;
  rect: Rect;
}

interface RangeModel {
  sheet: SheetModel;
  rect: Rect;
}

const ERROR_VALUES = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA',
  '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!',
]);

const HALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const VALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const PAPER = ['A3', 'A4', 'A5', 'B4', 'B5', 'Letter', 'Legal', 'Tabloid'];
const DV_OPERATORS = [
  'Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan',
  'GreaterThanOrEqualTo', 'LessThanOrEqualTo',
];

function blankPage(): FakePageLayout {
  return { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, margins: {}, centerHorizontally: false };
}

function color(v: unknown): string {
  if (typeof v !== 'string' || !/^#[0-9A-Fa-f]{6}$/.test(v)) {
    throw err('InvalidArgument', `Colour '${String(v)}' is not of the form #RRGGBB.`);
  }
  return v.slice(1).toUpperCase();
}

const encoder = new TextEncoder();
function utf8Bytes(s: string): number {
  return encoder.encode(s).length;
}

function bytesOf(v: unknown): number {
  if (v === undefined) return 0;
  if (v instanceof FObj) return 24;
  try {
    return utf8Bytes(JSON.stringify(v, (_k, x: unknown) => (x instanceof FObj ? '#obj' : x)) ?? '');
  } catch {
    return 64;
  }
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

function checkFormula(f: string): void {
  if (f.length > 8192) throw err('FormulaLengthExceedsLimit', 'The formula is longer than 8192 characters.');
  let depth = 0;
  let inStr = false;
  let inQuote = false;
  for (const ch of f) {
    if (inStr) {
      if (ch === '"') inStr = false;
    } else if (inQuote) {
      if (ch === "'") inQuote = false;
    } else if (ch === '"') inStr = true;
    else if (ch === "'") inQuote = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) break;
  }
  if (f.trim() === '' || depth !== 0 || inStr || inQuote) {
    throw err('InvalidArgument', `There is a problem with the formula '=${f}'.`);
  }
}

// ---------------------------------------------------------------------------------------
// Proxy objects

type LoadSpec = string | string[] | { select?: string; expand?: string } | undefined;
type Resolve<T> = (() => T | null) | { now: T };

function parseSpec(spec: LoadSpec): string[][] {
  const list: string[] = [];
  if (typeof spec === 'string') list.push(...spec.split(','));
  else if (Array.isArray(spec)) for (const s of spec) list.push(...s.split(','));
  else if (spec) {
    if (spec.select) list.push(...spec.select.split(','));
    if (spec.expand) list.push(...spec.expand.split(','));
  }
  return list.map((s) => s.trim()).filter((s) => s !== '').map((s) => s.split('/').map((p) => p.trim()));
}

/** The ExcelApi level of each proxy kind above 1.1: any use of it fails at sync below that. */
const KIND_API: Record<string, string> = {
  NoteCollection: '1.18',
  Note: '1.18',
  CommentCollection: '1.10',
  Comment: '1.10',
  CommentReplyCollection: '1.10',
  CommentReply: '1.10',
  WorksheetFreezePanes: '1.7',
  PageLayout: '1.9',
  ConditionalFormatCollection: '1.6',
  ConditionalFormat: '1.6',
  ConditionalCustomFormat: '1.6',
  ConditionalFormatRule: '1.6',
  ConditionalRangeFormat: '1.6',
  DataBarConditionalFormat: '1.6',
  ConditionalDataBarPositiveFormat: '1.6',
  DataValidation: '1.8',
  FormatProtection: '1.2',
  WorksheetProtection: '1.2',
  WorkbookProtection: '1.7',
};

/** The sheet an operation on a proxy's target touches, for protection checks. */
function sheetOf(t: unknown): SheetModel | null {
  if (!t || typeof t !== 'object') return null;
  const x = t as { sheet?: unknown; range?: { sheet?: unknown } };
  const s = (x.sheet ?? x.range?.sheet) as SheetModel | null | undefined;
  return s && typeof s === 'object' && 'cells' in s ? s : null;
}

/** Base of every proxy: resolution in queue order, strict loads, queued writes. */
abstract class FObj<T> {
  /** undefined until the sync that resolves it; null for a null object. */
  _t: T | null | undefined = undefined;
  private readonly _vals = new Map<string, unknown>();
  private readonly _kids = new Map<string, unknown>();

  constructor(
    protected readonly _c: FakeRequestContext,
    protected readonly _kind: string,
    resolve: Resolve<T>,
    bytes = 160,
  ) {
    if (typeof resolve === 'function') {
      const api = KIND_API[_kind];
      if (api !== undefined && !_c._fake.supports(api)) _c._enqueue(0, () => _c._apiNotFound(_kind, api));
      _c._enqueue(bytes, () => (this._t = resolve()));
    } else this._t = resolve.now;
  }

  get context(): FakeRequestContext {
    return this._c;
  }

  get isNullObject(): boolean {
    if (this._t === undefined) {
      throw err('PropertyNotLoaded', `${this._kind}.isNullObject is not available before context.sync().`);
    }
    return this._t === null;
  }

  /** Loadable scalar properties. */
  protected _scalars(): Record<string, (t: T) => unknown> {
    return {};
  }

  /** Navigation properties that a load path may pass through. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  protected _navs(): Record<string, () => FObj<any> | undefined> {
    return {};
  }

  load(spec?: LoadSpec): this {
    const paths = parseSpec(spec);
    this._needKind();
    this._c._enqueue(60 + bytesOf(spec), () => this._loadNow(paths));
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._vals);
  }

  /** Queues an ApiNotFound for this sync when this object's kind is above the fake's level. */
  protected _needKind(): void {
    const api = KIND_API[this._kind];
    if (api !== undefined && !this._c._fake.supports(api)) this._c._enqueue(0, () => this._c._apiNotFound(this._kind, api));
  }

  private _keep(name: string, value: unknown): void {
    const v = clone(value);
    this._c._responseBytes += bytesOf(name) + bytesOf(v) + 2;
    this._vals.set(name, v);
  }

  /** Runs inside sync. */
  _loadNow(paths: string[][]): void {
    const api = KIND_API[this._kind];
    if (api !== undefined && !this._c._fake.supports(api)) this._c._apiNotFound(this._kind, api);
    const t = this._live();
    this._c._responseBytes += 16;
    if (t === null) return;
    const scalars = this._scalars();
    if (paths.length === 0) {
      for (const [name, get] of Object.entries(scalars)) {
        let v: unknown;
        try {
          v = get(t);
        } catch (e) {
          if (!(e instanceof FakeOfficeError && e.code === 'ApiNotFound')) throw e;
          continue;
        }
        this._keep(name, v);
      }
      return;
    }
    for (const path of paths) {
      const head = path[0] as string;
      const get = scalars[head];
      if (get && path.length === 1) {
        this._keep(head, get(t));
        continue;
      }
      const nav = this._navs()[head];
      if (!nav) throw err('InvalidArgument', `${this._kind} has no loadable property '${head}'.`);
      const child = nav();
      if (!child) throw err('ApiNotFound', `${this._kind}.${head} is not available in this version of Excel.`);
      child._loadNow(path.length > 1 ? [path.slice(1)] : []);
      this._c._responseBytes += bytesOf(head) + 4;
    }
  }

  protected _get<V>(prop: string): V {
    if (!this._vals.has(prop)) {
      throw err(
        'PropertyNotLoaded',
        `The property '${prop}' of ${this._kind} is not available. Call load('${prop}') and context.sync() before reading it.`,
      );
    }
    return this._vals.get(prop) as V;
  }

  protected _set(prop: string, value: unknown, apply: (t: T, v: unknown) => void): void {
    const v = clone(value);
    this._needKind();
    this._c._enqueue(90 + prop.length + bytesOf(value), () => {
      const t = this._live();
      if (t === null) return;
      this._guard(prop, t, v);
      apply(t, v);
    });
  }

  protected _do(name: string, args: unknown[], apply: (t: T) => void): void {
    this._needKind();
    this._c._enqueue(90 + name.length + bytesOf(args), () => {
      const t = this._live();
      if (t === null) return;
      this._guard(name, t, undefined);
      apply(t);
    });
  }

  /** Sheet protection: which operations a protected sheet still allows on this proxy. */
  protected _allowedOnProtected(op: string, t: T, v: unknown): boolean {
    void op;
    void t;
    void v;
    return false;
  }

  private _guard(op: string, t: T, v: unknown): void {
    const s = sheetOf(t);
    if (s?.protected && !this._allowedOnProtected(op, t, v)) {
      throw err('AccessDenied', `The worksheet '${s.name}' is protected: ${this._kind}.${op} is refused.`);
    }
  }

  protected _kid<K>(name: string, make: () => K): K {
    if (!this._kids.has(name)) this._kids.set(name, make());
    return this._kids.get(name) as K;
  }

  /** A resolver for a child that is derived from this object's target at sync time. */
  protected _from<U>(f: (t: T) => U | null): () => U | null {
    return () => {
      const t = this._live();
      return t === null ? null : f(t);
    };
  }

  _live(): T | null {
    const t = this._t;
    if (t === undefined) throw new Error(`fake-excel: ${this._kind} used before it was resolved`);
    if (t !== null && (t as { alive?: boolean }).alive === false) {
      throw err('ItemNotFound', `The ${this._kind} no longer exists.`);
    }
    return t;
  }

  /** An API of ExcelApi `version`: below it, the sync that reaches this call fails. */
  protected _need(version: string, api: string): void {
    if (!this._c._fake.supports(version)) this._c._enqueue(0, () => this._c._apiNotFound(api, version));
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
abstract class FColl<T, I, P extends FObj<any>> extends FObj<T> {
  private _items: P[] | undefined;
  protected abstract _list(t: T): I[];
  protected abstract _wrap(item: I): P;

  get items(): P[] {
    if (this._items === undefined) {
      throw err('PropertyNotLoaded', `${this._kind}.items is not available. Call load() and context.sync() first.`);
    }
    return this._items;
  }

  override _loadNow(paths: string[][]): void {
    const t = this._live();
    if (t === null) return;
    const itemPaths = paths.map((p) => (p[0] === 'items' ? p.slice(1) : p)).filter((p) => p.length > 0);
    const items = this._list(t).map((i) => this._wrap(i));
    for (const it of items) it._loadNow(itemPaths);
    this._items = items;
  }
}

// ---- Workbook and worksheets ----------------------------------------------------------

class FWorkbook extends FObj<FakeExcel> {
  constructor(c: FakeRequestContext) {
    super(c, 'Workbook', { now: c._fake });
  }
  get worksheets(): FWorksheets {
    return this._kid('worksheets', () => new FWorksheets(this._c, this._c._fake));
  }
  get names(): FNames {
    return this._kid('names', () => new FNames(this._c, this._c._fake));
  }
  get comments(): FComments {
    return this._kid('comments', () => new FComments(this._c, this._c._fake));
  }
  get notes(): FNotes {
    return this._kid('notes', () => new FNotes(this._c, { now: { sheet: null } }));
  }
  get protection(): FWorkbookProtection {
    return this._kid('protection', () => new FWorkbookProtection(this._c, this._c._fake));
  }
  protected override _navs() {
    return {
      worksheets: () => this.worksheets,
      names: () => this.names,
      comments: () => this.comments,
      notes: () => this.notes,
      protection: () => this.protection,
    };
  }
}

class FWorkbookProtection extends FObj<FakeExcel> {
  constructor(c: FakeRequestContext, f: FakeExcel) {
    super(c, 'WorkbookProtection', { now: f });
  }
  protected override _scalars() {
    return { protected: (f: FakeExcel) => f.structureProtected };
  }
  get protected(): boolean {
    return this._get('protected');
  }
}

class FWorksheetProtection extends FObj<SheetModel> {
  constructor(c: FakeRequestContext, r: Resolve<SheetModel>) {
    super(c, 'WorksheetProtection', r);
  }
  protected override _scalars() {
    return { protected: (s: SheetModel) => s.protected };
  }
  get protected(): boolean {
    return this._get('protected');
  }
}

class FWorksheets extends FColl<FakeExcel, SheetModel, FWorksheet> {
  constructor(c: FakeRequestContext, fake: FakeExcel) {
    super(c, 'WorksheetCollection', { now: fake });
  }
  protected _list(f: FakeExcel) {
    return f._sheets;
  }
  protected _wrap(s: SheetModel) {
    return new FWorksheet(this._c, { now: s });
  }
  getFirst(): FWorksheet {
    this._need('1.5', 'WorksheetCollection.getFirst');
    return new FWorksheet(this._c, this._from((f) => {
      const s = f._sheets[0];
      if (!s) throw err('ItemNotFound', 'The workbook has no worksheets.');
      return s;
    }));
  }
  getItem(name: string): FWorksheet {
    return new FWorksheet(this._c, this._from((f) => {
      const s = f._findSheet(name);
      if (!s) throw err('ItemNotFound', `The worksheet '${name}' does not exist.`);
      return s;
    }), 160 + bytesOf(name));
  }
  getItemOrNullObject(name: string): FWorksheet {
    this._need('1.4', 'WorksheetCollection.getItemOrNullObject');
    return new FWorksheet(this._c, this._from((f) => f._findSheet(name) ?? null), 160 + bytesOf(name));
  }
  getActiveWorksheet(): FWorksheet {
    return new FWorksheet(this._c, this._from((f) => f._active));
  }
  add(name?: string): FWorksheet {
    return new FWorksheet(this._c, this._from((f) => {
      f._structure('add a worksheet');
      return f._addSheet(name);
    }), 160 + bytesOf(name));
  }
}

class FWorksheet extends FObj<SheetModel> {
  constructor(c: FakeRequestContext, r: Resolve<SheetModel>, bytes?: number) {
    super(c, 'Worksheet', r, bytes);
  }
  protected override _scalars() {
    const f = this._c._fake;
    return {
      name: (s: SheetModel) => s.name,
      id: (s: SheetModel) => s.id,
      position: (s: SheetModel) => f._sheets.indexOf(s),
      visibility: (s: SheetModel) => s.visibility,
      tabColor: (s: SheetModel) => {
        this._need('1.7', 'Worksheet.tabColor');
        return s.tabColor ? `#${s.tabColor}` : '';
      },
      showGridlines: (s: SheetModel) => {
        this._need('1.8', 'Worksheet.showGridlines');
        return s.showGridlines;
      },
    };
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (s) => {
      if (s.name !== v) this._c._fake._structure('rename a worksheet');
      this._c._fake._rename(s, v);
    });
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._need('1.2', 'Worksheet.visibility (set)');
    this._set('visibility', v, (s, x) => {
      if (x !== 'Visible' && x !== 'Hidden' && x !== 'VeryHidden') throw err('InvalidArgument', `Bad visibility ${String(x)}.`);
      this._c._fake._structure('hide or show a worksheet');
      if (x !== 'Visible' && this._c._fake._sheets.every((o) => o === s || o.visibility !== 'Visible')) {
        throw err('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      s.visibility = x;
    });
  }
  get protection(): FWorksheetProtection {
    return this._kid('protection', () => new FWorksheetProtection(this._c, this._from((s) => s)));
  }
  get position(): number {
    return this._get('position');
  }
  get id(): string {
    return this._get('id');
  }
  get tabColor(): string {
    return this._get('tabColor');
  }
  set tabColor(v: string) {
    this._need('1.7', 'Worksheet.tabColor');
    this._set('tabColor', v, (s) => (s.tabColor = v === '' ? '' : color(v)));
  }
  get showGridlines(): boolean {
    return this._get('showGridlines');
  }
  set showGridlines(v: boolean) {
    this._need('1.8', 'Worksheet.showGridlines');
    this._set('showGridlines', v, (s) => (s.showGridlines = Boolean(v)));
  }
  getNextOrNullObject(): FWorksheet {
    this._need('1.5', 'Worksheet.getNextOrNullObject');
    const f = this._c._fake;
    return new FWorksheet(this._c, this._from((s) => f._sheets[f._sheets.indexOf(s) + 1] ?? null));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FRange {
    this._need('1.4', 'Worksheet.getUsedRangeOrNullObject');
    if (valuesOnly !== undefined) this._need('1.2', 'Worksheet.getUsedRangeOrNullObject(valuesOnly)');
    return new FRange(this._c, this._from((s) => {
      const rect = usedRect(s, valuesOnly === true);
      return rect ? { sheet: s, rect } : null;
    }));
  }
  getUsedRange(valuesOnly?: boolean): FRange {
    if (valuesOnly !== undefined) this._need('1.2', 'Worksheet.getUsedRange(valuesOnly)');
    return new FRange(this._c, this._from((s) => ({ sheet: s, rect: usedRect(s, valuesOnly === true) ?? { r1: 1, c1: 1, r2: 1, c2: 1 } })));
  }
  getRange(address?: string): FRange {
    return new FRange(this._c, this._from((s) => ({
      sheet: s,
      rect: address === undefined ? { r1: 1, c1: 1, r2: MAX_ROW, c2: MAX_COL } : parseAddress(address),
    })), 160 + bytesOf(address));
  }
  delete(): void {
    this._do('delete', [], (s) => {
      this._c._fake._structure('delete a worksheet');
      this._c._fake._deleteSheet(s);
    });
  }
  activate(): void {
    this._do('activate', [], (s) => this._c._fake._activate(s));
  }
  get notes(): FNotes {
    return this._kid('notes', () => new FNotes(this._c, this._from((s) => ({ sheet: s }))));
  }
  /** Worksheet.onChanged (ExcelApi 1.7): handlers registered at sync, called after changes. */
  get onChanged(): { add: (handler: (args: FakeChangedArgs) => Promise<unknown>) => FakeEventResult } {
    return {
      add: (handler) => {
        this._need('1.7', 'Worksheet.onChanged');
        const c = this._c;
        const entry = { sheet: null as SheetModel | null, handler, alive: true };
        c._enqueue(120, () => {
          const s = this._live();
          if (!s) throw err('InvalidArgument', 'No worksheet.');
          entry.sheet = s;
          c._fake._listeners.push(entry);
        });
        return {
          context: c,
          remove: () =>
            c._enqueue(60, () => {
              entry.alive = false;
              const list = c._fake._listeners;
              const i = list.indexOf(entry);
              if (i >= 0) list.splice(i, 1);
            }),
        };
      },
    };
  }
  get freezePanes(): FFreeze {
    return this._kid('freeze', () => new FFreeze(this._c, this._from((s) => s)));
  }
  get pageLayout(): FPageLayout {
    return this._kid('page', () => new FPageLayout(this._c, this._from((s) => s)));
  }
  protected override _navs() {
    return {
      notes: () => this.notes,
      freezePanes: () => this.freezePanes,
      pageLayout: () => this.pageLayout,
      protection: () => this.protection,
    };
  }
}

function usedRect(s: SheetModel, valuesOnly: boolean): Rect | null {
  let r: Rect | null = null;
  for (const [k, cell] of s.cells) {
    const hasValue = cell.value !== null || cell.formula !== undefined || cell.error !== undefined;
    const hasFormat = Object.keys(cell.format).length > 0 || cell.numberFormat !== 'General' || !!cell.validation;
    if (!hasValue && (valuesOnly || !hasFormat)) continue;
    const p = parseAddress(k);
    r = r
      ? { r1: Math.min(r.r1, p.r1), c1: Math.min(r.c1, p.c1), r2: Math.max(r.r2, p.r1), c2: Math.max(r.c2, p.c1) }
      : p;
  }
  return r;
}

// ---- Ranges ----------------------------------------------------------------------------

const CELL_LIMIT = 1_000_000;

function eachCell(m: RangeModel, create: boolean, f: (cell: FakeCell, row: number, col: number) => void): void {
  if (cellsIn(m.rect) > CELL_LIMIT) {
    throw err('RangeExceedsLimit', `The range ${rectAddress(m.rect)} is too large for this operation in the fake.`);
  }
  for (let r = m.rect.r1; r <= m.rect.r2; r++) {
    for (let c = m.rect.c1; c <= m.rect.c2; c++) {
      const k = key(r, c);
      let cell = m.sheet.cells.get(k);
      if (!cell) {
        if (!create) continue;
        cell = { value: null, numberFormat: 'General', format: {} };
        m.sheet.cells.set(k, cell);
      }
      f(cell, r, c);
    }
  }
}

function grid<V>(m: RangeModel, f: (cell: FakeCell | undefined) => V): V[][] {
  if (cellsIn(m.rect) > CELL_LIMIT) {
    throw err('ResponsePayloadSizeLimitExceeded', `Reading ${rectAddress(m.rect)} would exceed the response limit.`);
  }
  const out: V[][] = [];
  for (let r = m.rect.r1; r <= m.rect.r2; r++) {
    const row: V[] = [];
    for (let c = m.rect.c1; c <= m.rect.c2; c++) row.push(f(m.sheet.cells.get(key(r, c))));
    out.push(row);
  }
  return out;
}

function valueOf(cell: FakeCell | undefined): Scalar {
  if (!cell) return '';
  if (cell.error !== undefined) return cell.error;
  return cell.value === null ? '' : cell.value;
}

function typeOf(cell: FakeCell | undefined): string {
  if (!cell) return 'Empty';
  if (cell.error !== undefined) return 'Error';
  const v = cell.value;
  if (v === null || v === '') return 'Empty';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

function check2d(m: RangeModel, v: unknown, prop: string): unknown[][] {
  const rows = m.rect.r2 - m.rect.r1 + 1;
  const cols = m.rect.c2 - m.rect.c1 + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw err(
      'InvalidArgument',
      `The number of rows or columns in the input array for ${prop} doesn't match the size of the range ${rectAddress(m.rect)}.`,
    );
  }
  return v as unknown[][];
}

/** What Excel does with one typed (or API-written) entry. */
function enter(cell: FakeCell, x: unknown): void {
  if (x === null || x === undefined) return; // null leaves the cell as it is
  const reset = () => {
    delete cell.formula;
    delete cell.error;
    delete cell.quotePrefix;
  };
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw err('InvalidArgument', `${x} is not a valid cell value.`);
    reset();
    cell.value = x;
    return;
  }
  if (typeof x === 'boolean') {
    reset();
    cell.value = x;
    return;
  }
  if (typeof x !== 'string') throw err('InvalidArgument', `Unsupported cell value ${JSON.stringify(x)}.`);
  reset();
  if (x === '') {
    cell.value = null;
    return;
  }
  if (x.startsWith("'")) {
    cell.value = x.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = x;
    return;
  }
  if (x.startsWith('=') && x.length > 1) {
    checkFormula(x.slice(1));
    cell.formula = x.slice(1);
    cell.value = null; // the fake does not calculate
    return;
  }
  const t = x.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) cell.value = Number(t);
  else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) cell.value = Number(t.replace(/,/g, ''));
  else if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t)) cell.value = Number(t.slice(0, -1)) / 100;
  else if (/^(true|false)$/i.test(t)) cell.value = t.toLowerCase() === 'true';
  else if (ERROR_VALUES.has(t.toUpperCase())) {
    cell.value = null;
    cell.error = t.toUpperCase();
  } else cell.value = x;
}

class FRange extends FObj<RangeModel> {
  constructor(c: FakeRequestContext, r: Resolve<RangeModel>, bytes?: number) {
    super(c, 'Range', r, bytes);
  }
  protected override _scalars() {
    return {
      address: (m: RangeModel) => `${refSheet(m.sheet.name)}!${rectAddress(m.rect)}`,
      rowCount: (m: RangeModel) => m.rect.r2 - m.rect.r1 + 1,
      columnCount: (m: RangeModel) => m.rect.c2 - m.rect.c1 + 1,
      rowIndex: (m: RangeModel) => m.rect.r1 - 1,
      columnIndex: (m: RangeModel) => m.rect.c1 - 1,
      values: (m: RangeModel) => grid(m, valueOf),
      valueTypes: (m: RangeModel) => grid(m, typeOf),
      formulas: (m: RangeModel) => grid(m, (c) => (c?.formula !== undefined ? `=${c.formula}` : valueOf(c))),
      numberFormat: (m: RangeModel) => grid(m, (c) => c?.numberFormat ?? 'General'),
      hyperlink: (m: RangeModel) => {
        this._need('1.7', 'Range.hyperlink');
        return m.sheet.cells.get(key(m.rect.r1, m.rect.c1))?.hyperlink ?? null;
      },
    };
  }
  get address(): string {
    return this._get('address');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this._set('values', v, (m, x) => {
      const rows = check2d(m, x, 'values');
      eachCell(m, true, (cell, r, c) => enter(cell, rows[r - m.rect.r1]?.[c - m.rect.c1]));
      this._c._fake._changed(m.sheet, rectAddress(m.rect));
    });
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(v: unknown[][]) {
    this._set('formulas', v, (m, x) => {
      const rows = check2d(m, x, 'formulas');
      eachCell(m, true, (cell, r, c) => enter(cell, rows[r - m.rect.r1]?.[c - m.rect.c1]));
      this._c._fake._changed(m.sheet, rectAddress(m.rect));
    });
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this._set('numberFormat', v, (m, x) => {
      const rows = check2d(m, x, 'numberFormat');
      eachCell(m, true, (cell, r, c) => {
        const f = rows[r - m.rect.r1]?.[c - m.rect.c1];
        if (f === null || f === undefined) return;
        if (typeof f !== 'string' || f === '') throw err('InvalidArgument', `Bad number format ${JSON.stringify(f)}.`);
        cell.numberFormat = f;
      });
    });
  }
  get hyperlink(): FakeHyperlink | null {
    return this._get('hyperlink');
  }
  set hyperlink(v: FakeHyperlink) {
    this._need('1.7', 'Range.hyperlink');
    this._set('hyperlink', v, (m, x) => {
      const link = x as FakeHyperlink;
      if (!link || (link.address === undefined && link.documentReference === undefined)) {
        throw err('InvalidArgument', 'A hyperlink needs an address or a documentReference.');
      }
      eachCell(m, true, (cell) => {
        cell.hyperlink = link;
        if (link.textToDisplay !== undefined) {
          delete cell.formula;
          delete cell.error;
          cell.value = link.textToDisplay;
        }
      });
    });
  }
  get format(): FRangeFormat {
    return this._kid('format', () => new FRangeFormat(this._c, this._from((m) => m)));
  }
  get conditionalFormats(): FConditionalFormats {
    return this._kid('cfs', () => new FConditionalFormats(this._c, this._from((m) => m)));
  }
  get dataValidation(): FDataValidation {
    return this._kid('dv', () => new FDataValidation(this._c, this._from((m) => m)));
  }
  /** On a protected sheet: values and formulas into unlocked cells, and selecting. */
  protected override _allowedOnProtected(op: string, m: RangeModel): boolean {
    if (op === 'select') return true;
    if (op !== 'values' && op !== 'formulas') return false;
    for (let r = m.rect.r1; r <= m.rect.r2; r++) {
      for (let c = m.rect.c1; c <= m.rect.c2; c++) {
        if (m.sheet.cells.get(key(r, c))?.format.locked !== false) return false;
      }
    }
    return true;
  }
  protected override _navs() {
    return {
      format: () => this.format,
      conditionalFormats: () => this.conditionalFormats,
      dataValidation: () => this.dataValidation,
    };
  }
  merge(across?: boolean): void {
    this._need('1.2', 'Range.merge');
    this._do('merge', [across], (m) => {
      if (across) throw err('NotImplemented', 'The fake only merges whole areas.');
      if (cellsIn(m.rect) < 2) return;
      if (m.sheet.merges.some((x) => intersects(x, m.rect))) {
        throw err('MergedRangeConflict', `${rectAddress(m.rect)} overlaps a merged area.`);
      }
      m.sheet.merges.push({ ...m.rect });
    });
  }
  select(): void {
    this._do('select', [], (m) => {
      const f = this._c._fake;
      if (f._active !== m.sheet) throw err('InvalidSelection', 'Only a range on the active worksheet can be selected.');
      if (m.sheet.visibility !== 'Visible') throw err('InvalidSelection', 'A range on a hidden worksheet cannot be selected.');
      f.selection = { sheet: m.sheet.name, address: rectAddress(m.rect) };
    });
  }
}

// ---- Range formatting -------------------------------------------------------------------

function uniform<V>(m: RangeModel, f: (c: FakeCell | undefined) => V): V | null {
  const values = grid(m, f).flat();
  const first = values[0] as V;
  return values.every((v) => JSON.stringify(v) === JSON.stringify(first)) ? first : null;
}

class FRangeFormat extends FObj<RangeModel> {
  constructor(c: FakeRequestContext, r: Resolve<RangeModel>) {
    super(c, 'RangeFormat', r);
  }
  protected override _scalars() {
    return {
      horizontalAlignment: (m: RangeModel) => uniform(m, (c) => c?.format.horizontalAlignment ?? 'General'),
      verticalAlignment: (m: RangeModel) => uniform(m, (c) => c?.format.verticalAlignment ?? 'Bottom'),
      wrapText: (m: RangeModel) => uniform(m, (c) => c?.format.wrapText ?? false),
      columnWidth: (m: RangeModel) => m.sheet.colWidths.get(m.rect.c1) ?? 48,
      rowHeight: (m: RangeModel) => m.sheet.rowHeights.get(m.rect.r1) ?? 15,
    };
  }
  private _each(prop: string, v: unknown, f: (cell: FakeCell, v: unknown) => void): void {
    this._set(prop, v, (m, x) => eachCell(m, true, (cell) => f(cell, x)));
  }
  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this._each('horizontalAlignment', v, (cell, x) => {
      if (!HALIGN.includes(x as string)) throw err('InvalidArgument', `Bad horizontalAlignment ${String(x)}.`);
      cell.format.horizontalAlignment = x as string;
    });
  }
  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this._each('verticalAlignment', v, (cell, x) => {
      if (!VALIGN.includes(x as string)) throw err('InvalidArgument', `Bad verticalAlignment ${String(x)}.`);
      cell.format.verticalAlignment = x as string;
    });
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._each('wrapText', v, (cell, x) => (cell.format.wrapText = Boolean(x)));
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._need('1.2', 'RangeFormat.columnWidth');
    this._set('columnWidth', v, (m, x) => {
      if (typeof x !== 'number' || x < 0 || x > 1800) throw err('InvalidArgument', `Bad columnWidth ${String(x)}.`);
      for (let c = m.rect.c1; c <= m.rect.c2; c++) m.sheet.colWidths.set(c, x);
    });
  }
  get rowHeight(): number {
    return this._get('rowHeight');
  }
  set rowHeight(v: number) {
    this._need('1.2', 'RangeFormat.rowHeight');
    this._set('rowHeight', v, (m, x) => {
      if (typeof x !== 'number' || x < 0 || x > 409) throw err('InvalidArgument', `Bad rowHeight ${String(x)}.`);
      if (m.rect.r2 - m.rect.r1 > 100000) throw err('RangeExceedsLimit', 'Too many rows for the fake.');
      for (let r = m.rect.r1; r <= m.rect.r2; r++) m.sheet.rowHeights.set(r, x);
    });
  }
  /** Fits the rows to their contents (ExcelApi 1.2): the fake forgets any set height and notes the fit. */
  autofitRows(): void {
    this._need('1.2', 'RangeFormat.autofitRows');
    this._do('autofitRows', [], (m) => {
      for (let r = m.rect.r1; r <= m.rect.r2; r++) {
        m.sheet.rowHeights.delete(r);
        m.sheet.fittedRows.add(r);
      }
    });
  }
  get fill(): FRangeFill {
    return this._kid('fill', () => new FRangeFill(this._c, this._from((m) => m)));
  }
  get font(): FRangeFont {
    return this._kid('font', () => new FRangeFont(this._c, this._from((m) => m)));
  }
  get borders(): FRangeBorders {
    return this._kid('borders', () => new FRangeBorders(this._c, this._from((m) => m)));
  }
  get protection(): FRangeProtection {
    return this._kid('protection', () => new FRangeProtection(this._c, this._from((m) => m)));
  }
  protected override _navs() {
    return { fill: () => this.fill, font: () => this.font, protection: () => this.protection };
  }
}

class FRangeFill extends FObj<RangeModel> {
  constructor(c: FakeRequestContext, r: Resolve<RangeModel>) {
    super(c, 'RangeFill', r);
  }
  protected override _scalars() {
    return { color: (m: RangeModel) => uniform(m, (c) => (c?.format.fill ? `#${c.format.fill}` : '#FFFFFF')) };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, (m, x) => {
      const hex = color(x);
      eachCell(m, true, (cell) => (cell.format.fill = hex));
    });
  }
  clear(): void {
    this._do('clear', [], (m) => eachCell(m, false, (cell) => delete cell.format.fill));
  }
}

class FRangeFont extends FObj<RangeModel> {
  constructor(c: FakeRequestContext, r: Resolve<RangeModel>) {
    super(c, 'RangeFont', r);
  }
  protected override _scalars() {
    return {
      name: (m: RangeModel) => uniform(m, (c) => c?.format.fontName ?? 'Calibri'),
      size: (m: RangeModel) => uniform(m, (c) => c?.format.fontSize ?? 11),
      bold: (m: RangeModel) => uniform(m, (c) => c?.format.bold ?? false),
      italic: (m: RangeModel) => uniform(m, (c) => c?.format.italic ?? false),
      color: (m: RangeModel) => uniform(m, (c) => `#${c?.format.fontColor ?? '000000'}`),
    };
  }
  private _each(prop: string, v: unknown, f: (cell: FakeCell, x: unknown) => void): void {
    this._set(prop, v, (m, x) => eachCell(m, true, (cell) => f(cell, x)));
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._each('name', v, (cell, x) => {
      if (typeof x !== 'string' || x === '') throw err('InvalidArgument', 'Bad font name.');
      cell.format.fontName = x;
    });
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._each('size', v, (cell, x) => {
      if (typeof x !== 'number' || x < 1 || x > 409) throw err('InvalidArgument', `Bad font size ${String(x)}.`);
      cell.format.fontSize = x;
    });
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._each('bold', v, (cell, x) => (cell.format.bold = Boolean(x)));
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._each('italic', v, (cell, x) => (cell.format.italic = Boolean(x)));
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, (m, x) => {
      const hex = color(x);
      eachCell(m, true, (cell) => (cell.format.fontColor = hex));
    });
  }
}

const BORDER_INDEX = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];

class FRangeBorders extends FObj<RangeModel> {
  constructor(c: FakeRequestContext, r: Resolve<RangeModel>) {
    super(c, 'RangeBorderCollection', r);
  }
  getItem(index: string): FRangeBorder {
    return new FRangeBorder(this._c, this._from((m) => {
      if (!BORDER_INDEX.includes(index)) throw err('InvalidArgument', `Bad border index ${index}.`);
      return { range: m, index };
    }));
  }
}

class FRangeBorder extends FObj<{ range: RangeModel; index: string }> {
  constructor(c: FakeRequestContext, r: Resolve<{ range: RangeModel; index: string }>) {
    super(c, 'RangeBorder', r);
  }
  private _apply(style: string | null): void {
    const t = this._live();
    if (!t) return;
    const { range: m, index } = t;
    eachCell(m, true, (cell, r, c) => {
      const sides: Array<keyof FakeBorders> = [];
      if (index === 'EdgeTop' && r === m.rect.r1) sides.push('top');
      if (index === 'EdgeBottom' && r === m.rect.r2) sides.push('bottom');
      if (index === 'EdgeLeft' && c === m.rect.c1) sides.push('left');
      if (index === 'EdgeRight' && c === m.rect.c2) sides.push('right');
      if (index === 'InsideHorizontal') {
        if (r > m.rect.r1) sides.push('top');
        if (r < m.rect.r2) sides.push('bottom');
      }
      if (index === 'InsideVertical') {
        if (c > m.rect.c1) sides.push('left');
        if (c < m.rect.c2) sides.push('right');
      }
      if (sides.length === 0) return;
      const b = { ...(cell.format.borders ?? {}) };
      for (const s of sides) {
        if (style === null) delete b[s];
        else b[s] = style;
      }
      if (Object.keys(b).length) cell.format.borders = b;
      else delete cell.format.borders;
    });
  }
  set style(v: string) {
    this._c._enqueue(100 + bytesOf(v), () => {
      if (!['Continuous', 'Dash', 'Dot', 'Double', 'None'].includes(v)) throw err('InvalidArgument', `Bad border style ${v}.`);
      this._apply(v === 'None' ? null : v);
    });
  }
  set weight(v: string) {
    this._c._enqueue(100 + bytesOf(v), () => {
      if (!['Hairline', 'Thin', 'Medium', 'Thick'].includes(v)) throw err('InvalidArgument', `Bad border weight ${v}.`);
    });
  }
  set color(v: string) {
    this._c._enqueue(100 + bytesOf(v), () => void color(v));
  }
}

class FRangeProtection extends FObj<RangeModel> {
  constructor(c: FakeRequestContext, r: Resolve<RangeModel>) {
    super(c, 'FormatProtection', r);
  }
  protected override _scalars() {
    return { locked: (m: RangeModel) => uniform(m, (c) => c?.format.locked ?? true) };
  }
  get locked(): boolean {
    return this._get('locked');
  }
  set locked(v: boolean) {
    this._set('locked', v, (m, x) => eachCell(m, true, (cell) => {
      if (x) delete cell.format.locked;
      else cell.format.locked = false;
    }));
  }
}

// ---- Conditional formats ----------------------------------------------------------------

class FConditionalFormats extends FColl<RangeModel, CfModel, FConditionalFormat> {
  constructor(c: FakeRequestContext, r: Resolve<RangeModel>) {
    super(c, 'ConditionalFormatCollection', r);
  }
  protected _list(m: RangeModel) {
    return m.sheet.cfs.filter((cf) => intersects(cf.rect, m.rect));
  }
  protected _wrap(cf: CfModel) {
    return new FConditionalFormat(this._c, { now: cf });
  }
  add(type: string): FConditionalFormat {
    return new FConditionalFormat(this._c, this._from((m) => {
      protectedSheet(m.sheet, 'ConditionalFormatCollection.add');
      if (type !== 'Custom' && type !== 'DataBar') throw err('NotImplemented', `The fake supports Custom and DataBar, not ${type}.`);
      const cf: CfModel = { alive: true, id: this._c._fake._nextId('cf'), sheet: m.sheet, type, rect: { ...m.rect } };
      m.sheet.cfs.push(cf);
      return cf;
    }), 200);
  }
  getItem(id: string): FConditionalFormat {
    return new FConditionalFormat(this._c, this._from((m) => {
      const cf = m.sheet.cfs.find((x) => x.alive && x.id === id);
      if (!cf) throw err('ItemNotFound', `No conditional format ${id}.`);
      return cf;
    }), 160 + bytesOf(id));
  }
}

class FConditionalFormat extends FObj<CfModel> {
  constructor(c: FakeRequestContext, r: Resolve<CfModel>, bytes?: number) {
    super(c, 'ConditionalFormat', r, bytes);
  }
  protected override _scalars() {
    return {
      id: (cf: CfModel) => cf.id,
      type: (cf: CfModel) => cf.type,
      priority: (cf: CfModel) => cf.sheet.cfs.indexOf(cf),
    };
  }
  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  set priority(v: number) {
    this._set('priority', v, (cf, x) => {
      if (typeof x !== 'number' || x < 0) throw err('InvalidArgument', 'Bad priority.');
      const list = cf.sheet.cfs;
      list.splice(list.indexOf(cf), 1);
      list.splice(Math.min(x, list.length), 0, cf);
    });
  }
  get custom(): FCustomFormat {
    return this._kid('custom', () => new FCustomFormat(this._c, this._from((cf) => {
      if (cf.type !== 'Custom') throw err('InvalidOperation', 'This conditional format is not of type Custom.');
      return cf;
    })));
  }
  get customOrNullObject(): FCustomFormat {
    return this._kid('customOrNull', () => new FCustomFormat(this._c, this._from((cf) => (cf.type === 'Custom' ? cf : null))));
  }
  get dataBar(): FDataBar {
    return this._kid('dataBar', () => new FDataBar(this._c, this._from((cf) => {
      if (cf.type !== 'DataBar') throw err('InvalidOperation', 'This conditional format is not of type DataBar.');
      return cf;
    })));
  }
  protected override _navs() {
    return { custom: () => this.custom, customOrNullObject: () => this.customOrNullObject, dataBar: () => this.dataBar };
  }
  getRange(): FRange {
    return new FRange(this._c, this._from((cf) => ({ sheet: cf.sheet, rect: cf.rect })));
  }
  delete(): void {
    this._do('delete', [], (cf) => {
      cf.sheet.cfs.splice(cf.sheet.cfs.indexOf(cf), 1);
      cf.alive = false;
    });
  }
}

class FCustomFormat extends FObj<CfModel> {
  constructor(c: FakeRequestContext, r: Resolve<CfModel>) {
    super(c, 'ConditionalCustomFormat', r);
  }
  get rule(): FCfRule {
    return this._kid('rule', () => new FCfRule(this._c, this._from((cf) => cf)));
  }
  get format(): FCfRangeFormat {
    return this._kid('format', () => new FCfRangeFormat(this._c, this._from((cf) => cf)));
  }
  protected override _navs() {
    return { rule: () => this.rule, format: () => this.format };
  }
}

class FCfRule extends FObj<CfModel> {
  constructor(c: FakeRequestContext, r: Resolve<CfModel>) {
    super(c, 'ConditionalFormatRule', r);
  }
  protected override _scalars() {
    return { formula: (cf: CfModel) => (cf.formula === undefined ? null : `=${cf.formula}`) };
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(v: string) {
    this._set('formula', v, (cf, x) => {
      if (typeof x !== 'string' || !x.startsWith('=')) throw err('InvalidArgument', 'A rule formula starts with =.');
      checkFormula(x.slice(1));
      cf.formula = x.slice(1);
    });
  }
}

class FCfRangeFormat extends FObj<CfModel> {
  constructor(c: FakeRequestContext, r: Resolve<CfModel>) {
    super(c, 'ConditionalRangeFormat', r);
  }
  get fill(): FCfColor {
    return this._kid('fill', () => new FCfColor(this._c, this._from((cf) => cf), 'fill'));
  }
  get font(): FCfColor {
    return this._kid('font', () => new FCfColor(this._c, this._from((cf) => cf), 'fontColor'));
  }
  protected override _navs() {
    return { fill: () => this.fill, font: () => this.font };
  }
}

class FCfColor extends FObj<CfModel> {
  constructor(c: FakeRequestContext, r: Resolve<CfModel>, private readonly _slot: 'fill' | 'fontColor') {
    super(c, _slot === 'fill' ? 'ConditionalRangeFill' : 'ConditionalRangeFont', r);
  }
  protected override _scalars() {
    return { color: (cf: CfModel) => (cf[this._slot] === undefined ? null : `#${cf[this._slot] as string}`) };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, (cf, x) => (cf[this._slot] = color(x)));
  }
  set bold(v: boolean) {
    if (this._slot !== 'fontColor') throw new TypeError('fill has no bold');
    this._set('bold', v, (cf, x) => (cf.bold = Boolean(x)));
  }
}

class FDataBar extends FObj<CfModel> {
  constructor(c: FakeRequestContext, r: Resolve<CfModel>) {
    super(c, 'DataBarConditionalFormat', r);
  }
  get positiveFormat(): FBarPositive {
    return this._kid('pos', () => new FBarPositive(this._c, this._from((cf) => cf)));
  }
}

class FBarPositive extends FObj<CfModel> {
  constructor(c: FakeRequestContext, r: Resolve<CfModel>) {
    super(c, 'ConditionalDataBarPositiveFormat', r);
  }
  set fillColor(v: string) {
    this._set('fillColor', v, (cf, x) => (cf.barColor = color(x)));
  }
  set gradientFill(v: boolean) {
    this._set('gradientFill', v, () => undefined);
  }
}

// ---- Data validation --------------------------------------------------------------------

function checkRule(rule: unknown): Record<string, unknown> {
  if (!rule || typeof rule !== 'object') throw err('InvalidArgument', 'A validation rule is an object.');
  const kinds = Object.keys(rule);
  if (kinds.length !== 1) throw err('InvalidArgument', 'A validation rule has exactly one kind.');
  const kind = kinds[0] as string;
  const body = (rule as Record<string, Record<string, unknown>>)[kind];
  if (kind === 'wholeNumber' || kind === 'decimal') {
    if (!body || !DV_OPERATORS.includes(body.operator as string) || body.formula1 === undefined) {
      throw err('InvalidArgument', `The ${kind} rule needs an operator and formula1.`);
    }
    const between = body.operator === 'Between' || body.operator === 'NotBetween';
    if (between !== (body.formula2 !== undefined)) throw err('InvalidArgument', 'formula2 goes with Between only.');
    if (between && Number(body.formula1) > Number(body.formula2)) throw err('InvalidArgument', 'formula1 > formula2.');
  } else {
    throw err('NotImplemented', `The fake does not model ${kind} validation.`);
  }
  return rule as Record<string, unknown>;
}

class FDataValidation extends FObj<RangeModel> {
  constructor(c: FakeRequestContext, r: Resolve<RangeModel>) {
    super(c, 'DataValidation', r);
  }
  protected override _scalars() {
    return {
      rule: (m: RangeModel) => uniform(m, (c) => c?.validation?.rule ?? null),
      errorAlert: (m: RangeModel) => uniform(m, (c) => c?.validation?.errorAlert ?? null),
      prompt: (m: RangeModel) => uniform(m, (c) => c?.validation?.prompt ?? null),
    };
  }
  private _each(prop: 'rule' | 'errorAlert' | 'prompt', v: unknown, check: (x: unknown) => unknown): void {
    this._set(prop, v, (m, x) => {
      const ok = check(x);
      eachCell(m, true, (cell) => {
        cell.validation = { ...(cell.validation ?? {}), [prop]: clone(ok) };
      });
    });
  }
  set rule(v: unknown) {
    this._each('rule', v, checkRule);
  }
  get rule(): unknown {
    return this._get('rule');
  }
  set errorAlert(v: unknown) {
    this._each('errorAlert', v, (x) => {
      const a = x as { title?: string; message?: string; style?: string };
      if ((a.title ?? '').length > 32) throw err('InvalidArgument', 'An error alert title is at most 32 characters.');
      if ((a.message ?? '').length > 225) throw err('InvalidArgument', 'An error alert message is at most 225 characters.');
      if (a.style !== undefined && !['Stop', 'Warning', 'Information'].includes(a.style)) throw err('InvalidArgument', 'Bad style.');
      return a;
    });
  }
  get errorAlert(): unknown {
    return this._get('errorAlert');
  }
  set prompt(v: unknown) {
    this._each('prompt', v, (x) => {
      const p = x as { title?: string; message?: string };
      if ((p.title ?? '').length > 32) throw err('InvalidArgument', 'A prompt title is at most 32 characters.');
      if ((p.message ?? '').length > 255) throw err('InvalidArgument', 'A prompt message is at most 255 characters.');
      return p;
    });
  }
  get prompt(): unknown {
    return this._get('prompt');
  }
  clear(): void {
    this._do('clear', [], (m) => eachCell(m, false, (cell) => delete cell.validation));
  }
}

// ---- Notes and comments -----------------------------------------------------------------

function cellTarget(c: FakeRequestContext, where: unknown, scope: SheetModel | null): { sheet: SheetModel; address: string } {
  let m: RangeModel;
  if (where instanceof FRange) {
    const t = where._live();
    if (!t) throw err('InvalidArgument', 'The cell is a null object.');
    m = t;
  } else if (typeof where === 'string') {
    const bang = where.lastIndexOf('!');
    let sheet = scope;
    let addr = where;
    if (bang > 0) {
      const name = where.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
      sheet = c._fake._findSheet(name) ?? null;
      addr = where.slice(bang + 1);
    }
    if (!sheet) throw err('InvalidArgument', `The address '${where}' must name its worksheet.`);
    m = { sheet, rect: parseAddress(addr) };
  } else {
    throw err('InvalidArgument', 'A cell address is a Range or a string.');
  }
  if (cellsIn(m.rect) !== 1) throw err('InvalidCellAddress', 'Notes and comments go on a single cell.');
  if (scope && m.sheet !== scope) throw err('InvalidArgument', 'The cell is on another worksheet.');
  return { sheet: m.sheet, address: rectAddress(m.rect) };
}

function protectedSheet(sheet: SheetModel, api: string): void {
  if (sheet.protected) throw err('AccessDenied', `The worksheet '${sheet.name}' is protected: ${api} is refused.`);
}

function occupied(sheet: SheetModel, address: string): void {
  if (sheet.notes.has(address) || sheet.comments.has(address)) {
    throw err('InvalidOperation', `The cell ${sheet.name}!${address} already has a note or a comment.`);
  }
}

class FNotes extends FColl<{ sheet: SheetModel | null }, NoteModel, FNote> {
  constructor(c: FakeRequestContext, r: Resolve<{ sheet: SheetModel | null }>) {
    super(c, 'NoteCollection', r);
  }
  protected _list(t: { sheet: SheetModel | null }) {
    const sheets = t.sheet ? [t.sheet] : this._c._fake._sheets;
    return sheets.flatMap((s) => [...s.notes.values()]);
  }
  protected _wrap(n: NoteModel) {
    return new FNote(this._c, { now: n });
  }
  add(cellAddress: unknown, content: string): FNote {
    return new FNote(this._c, this._from((t) => {
      const { sheet, address } = cellTarget(this._c, cellAddress, t.sheet);
      if (typeof content !== 'string' || content.length > 32767) throw err('InvalidArgument', 'Bad note content.');
      protectedSheet(sheet, 'NoteCollection.add');
      occupied(sheet, address);
      const n: NoteModel = { alive: true, sheet, address, content, author: this._c._fake.author };
      sheet.notes.set(address, n);
      return n;
    }), 200 + bytesOf(content));
  }
  getItem(key: string): FNote {
    return new FNote(this._c, this._from((t) => {
      const { sheet, address } = cellTarget(this._c, key, t.sheet);
      const n = sheet.notes.get(address);
      if (!n) throw err('ItemNotFound', `No note at ${key}.`);
      return n;
    }));
  }
  getItemOrNullObject(key: string): FNote {
    return new FNote(this._c, this._from((t) => {
      const { sheet, address } = cellTarget(this._c, key, t.sheet);
      return sheet.notes.get(address) ?? null;
    }));
  }
}

class FNote extends FObj<NoteModel> {
  constructor(c: FakeRequestContext, r: Resolve<NoteModel>, bytes?: number) {
    super(c, 'Note', r, bytes);
  }
  protected override _scalars() {
    return { content: (n: NoteModel) => n.content, authorName: (n: NoteModel) => n.author };
  }
  get content(): string {
    return this._get('content');
  }
  set content(v: string) {
    this._set('content', v, (n, x) => (n.content = String(x)));
  }
  get authorName(): string {
    return this._get('authorName');
  }
  delete(): void {
    this._do('delete', [], (n) => {
      n.sheet.notes.delete(n.address);
      n.alive = false;
    });
  }
  getLocation(): FRange {
    return new FRange(this._c, this._from((n) => ({ sheet: n.sheet, rect: parseAddress(n.address) })));
  }
}

class FComments extends FColl<FakeExcel, CommentModel, FComment> {
  constructor(c: FakeRequestContext, f: FakeExcel) {
    super(c, 'CommentCollection', { now: f });
  }
  protected _list(f: FakeExcel) {
    return f._sheets.flatMap((s) => [...s.comments.values()]);
  }
  protected _wrap(m: CommentModel) {
    return new FComment(this._c, { now: m });
  }
  add(cellAddress: unknown, content: string, contentType?: string): FComment {
    return new FComment(this._c, this._from((f) => {
      const { sheet, address } = cellTarget(this._c, cellAddress, null);
      if (contentType !== undefined && contentType !== 'Plain') throw err('NotImplemented', 'Only plain comments.');
      if (typeof content !== 'string') throw err('InvalidArgument', 'Bad comment content.');
      protectedSheet(sheet, 'CommentCollection.add');
      occupied(sheet, address);
      const m: CommentModel = { alive: true, id: f._nextId('comment'), sheet, address, content, author: f.author, replies: [] };
      sheet.comments.set(address, m);
      return m;
    }), 200 + bytesOf(content));
  }
  getItem(id: string): FComment {
    return new FComment(this._c, this._from((f) => {
      for (const s of f._sheets) for (const m of s.comments.values()) if (m.id === id) return m;
      throw err('ItemNotFound', `No comment ${id}.`);
    }), 160 + bytesOf(id));
  }
  getItemByCell(cellAddress: unknown): FComment {
    return new FComment(this._c, this._from(() => {
      const { sheet, address } = cellTarget(this._c, cellAddress, null);
      const m = sheet.comments.get(address);
      if (!m) throw err('ItemNotFound', 'No comment on that cell.');
      return m;
    }));
  }
}

class FComment extends FObj<CommentModel> {
  constructor(c: FakeRequestContext, r: Resolve<CommentModel>, bytes?: number) {
    super(c, 'Comment', r, bytes);
  }
  protected override _scalars() {
    return { id: (m: CommentModel) => m.id, content: (m: CommentModel) => m.content, authorName: (m: CommentModel) => m.author };
  }
  get id(): string {
    return this._get('id');
  }
  get content(): string {
    return this._get('content');
  }
  set content(v: string) {
    this._set('content', v, (m, x) => (m.content = String(x)));
  }
  get authorName(): string {
    return this._get('authorName');
  }
  /** The thread's replies (ExcelApi 1.10). */
  get replies(): FCommentReplies {
    return this._kid('replies', () => new FCommentReplies(this._c, this._from((m) => m)));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  protected override _navs(): Record<string, () => FObj<any> | undefined> {
    return { replies: () => this.replies };
  }
  /** Deleting a comment deletes its whole thread, replies and all (as Excel does). */
  delete(): void {
    this._do('delete', [], (m) => {
      m.sheet.comments.delete(m.address);
      m.alive = false;
    });
  }
  getLocation(): FRange {
    return new FRange(this._c, this._from((m) => ({ sheet: m.sheet, rect: parseAddress(m.address) })));
  }
}

type ReplyModel = CommentModel['replies'][number] & { alive?: boolean };

class FCommentReplies extends FColl<CommentModel, ReplyModel, FCommentReply> {
  constructor(c: FakeRequestContext, r: Resolve<CommentModel>) {
    super(c, 'CommentReplyCollection', r);
  }
  protected _list(m: CommentModel) {
    return m.replies;
  }
  protected _wrap(r: ReplyModel) {
    return new FCommentReply(this._c, { now: r });
  }
}

class FCommentReply extends FObj<ReplyModel> {
  constructor(c: FakeRequestContext, r: Resolve<ReplyModel>) {
    super(c, 'CommentReply', r);
  }
  protected override _scalars() {
    return { id: (r: ReplyModel) => r.id, content: (r: ReplyModel) => r.content, authorName: (r: ReplyModel) => r.author };
  }
  get id(): string {
    return this._get('id');
  }
  get content(): string {
    return this._get('content');
  }
}

// ---- Names, freeze panes, page layout ---------------------------------------------------

function checkName(name: string): void {
  if (
    !/^[A-Za-z_\\\u0080-\uFFFF][A-Za-z0-9_.\\\u0080-\uFFFF]{0,254}$/.test(name) ||
    /^[A-Za-z]{1,3}\d{1,7}$/.test(name) ||
    /^[RrCc]$/.test(name) ||
    /^R\d*C\d*$/i.test(name)
  ) {
    throw err('InvalidArgument', `'${name}' is not a valid defined name.`);
  }
}

class FNames extends FColl<FakeExcel, NameModel, FNamedItem> {
  constructor(c: FakeRequestContext, f: FakeExcel) {
    super(c, 'NamedItemCollection', { now: f });
  }
  protected _list(f: FakeExcel) {
    return f._names.filter((n) => n.alive);
  }
  protected _wrap(n: NameModel) {
    return new FNamedItem(this._c, { now: n });
  }
  add(name: string, reference: unknown, comment?: string): FNamedItem {
    this._need('1.4', 'NamedItemCollection.add');
    return new FNamedItem(this._c, this._from((f) => {
      void comment;
      checkName(name);
      if (f._names.some((n) => n.alive && n.name.toUpperCase() === name.toUpperCase())) {
        throw err('ItemAlreadyExists', `The name '${name}' already exists.`);
      }
      let m: RangeModel;
      if (reference instanceof FRange) {
        const t = reference._live();
        if (!t) throw err('InvalidArgument', 'The reference is a null object.');
        m = t;
      } else if (typeof reference === 'string') {
        const parts = /^=?(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(reference);
        const sheet = parts ? f._findSheet((parts[1] ?? parts[2] ?? '').replace(/''/g, "'")) : undefined;
        if (!parts || !sheet) throw err('InvalidArgument', `Bad reference ${reference}.`);
        m = { sheet, rect: parseAddress(parts[3] as string) };
      } else throw err('InvalidArgument', 'A name refers to a Range or a string.');
      const n: NameModel = { alive: true, name, sheet: m.sheet, rect: { ...m.rect } };
      f._names.push(n);
      return n;
    }), 200 + bytesOf(name));
  }
  getItem(name: string): FNamedItem {
    return new FNamedItem(this._c, this._from((f) => {
      const n = f._names.find((x) => x.alive && x.name.toUpperCase() === name.toUpperCase());
      if (!n) throw err('ItemNotFound', `No name ${name}.`);
      return n;
    }));
  }
  getItemOrNullObject(name: string): FNamedItem {
    this._need('1.4', 'NamedItemCollection.getItemOrNullObject');
    return new FNamedItem(this._c, this._from((f) => f._names.find((x) => x.alive && x.name.toUpperCase() === name.toUpperCase()) ?? null));
  }
}

function nameFormula(n: NameModel): string {
  return n.sheet && n.sheet.alive ? `=${refSheet(n.sheet.name)}!${rectAddress(n.rect, true)}` : `=#REF!${rectAddress(n.rect, true)}`;
}

class FNamedItem extends FObj<NameModel> {
  constructor(c: FakeRequestContext, r: Resolve<NameModel>, bytes?: number) {
    super(c, 'NamedItem', r, bytes);
  }
  protected override _scalars() {
    return {
      name: (n: NameModel) => n.name,
      type: (n: NameModel) => (n.sheet?.alive ? 'Range' : 'Error'),
      value: (n: NameModel) => nameFormula(n).slice(1),
      visible: () => true,
      formula: (n: NameModel) => {
        this._need('1.7', 'NamedItem.formula');
        return nameFormula(n);
      },
    };
  }
  get name(): string {
    return this._get('name');
  }
  get type(): string {
    return this._get('type');
  }
  get value(): string {
    return this._get('value');
  }
  get formula(): string {
    return this._get('formula');
  }
  delete(): void {
    this._do('delete', [], (n) => {
      n.alive = false;
      const list = this._c._fake._names;
      list.splice(list.indexOf(n), 1);
    });
  }
}

class FFreeze extends FObj<SheetModel> {
  constructor(c: FakeRequestContext, r: Resolve<SheetModel>) {
    super(c, 'WorksheetFreezePanes', r);
  }
  freezeRows(count?: number): void {
    this._do('freezeRows', [count], (s) => (s.freeze = { rows: count ?? 1, cols: 0 }));
  }
  freezeColumns(count?: number): void {
    this._do('freezeColumns', [count], (s) => (s.freeze = { rows: 0, cols: count ?? 1 }));
  }
  freezeAt(frozenRange: unknown): void {
    this._do('freezeAt', [frozenRange], (s) => {
      const rect = frozenRange instanceof FRange ? frozenRange._live()?.rect : parseAddress(String(frozenRange));
      if (!rect) throw err('InvalidArgument', 'Bad frozen range.');
      s.freeze = { rows: rect.r2 === MAX_ROW ? 0 : rect.r2, cols: rect.c2 === MAX_COL ? 0 : rect.c2 };
    });
  }
  unfreeze(): void {
    this._do('unfreeze', [], (s) => (s.freeze = null));
  }
}

class FPageLayout extends FObj<SheetModel> {
  constructor(c: FakeRequestContext, r: Resolve<SheetModel>) {
    super(c, 'PageLayout', r);
  }
  protected override _scalars() {
    return {
      orientation: (s: SheetModel) => s.page.orientation,
      paperSize: (s: SheetModel) => s.page.paperSize,
      zoom: (s: SheetModel) => s.page.zoom,
      centerHorizontally: (s: SheetModel) => s.page.centerHorizontally,
    };
  }
  set orientation(v: string) {
    this._set('orientation', v, (s, x) => {
      if (x !== 'Portrait' && x !== 'Landscape') throw err('InvalidArgument', 'Bad orientation.');
      s.page.orientation = x;
    });
  }
  get orientation(): string {
    return this._get('orientation');
  }
  set paperSize(v: string) {
    this._set('paperSize', v, (s, x) => {
      if (!PAPER.includes(x as string)) throw err('InvalidArgument', 'Bad paper size.');
      s.page.paperSize = x as string;
    });
  }
  get paperSize(): string {
    return this._get('paperSize');
  }
  set zoom(v: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this._set('zoom', v, (s, x) => {
      const z = x as FakePageLayout['zoom'];
      if (z.scale !== undefined && (z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined)) {
        throw err('InvalidArgument', 'Zoom is either a scale or fit-to-pages.');
      }
      s.page.zoom = z;
    });
  }
  get zoom(): FakePageLayout['zoom'] {
    return this._get('zoom');
  }
  set centerHorizontally(v: boolean) {
    this._set('centerHorizontally', v, (s, x) => (s.page.centerHorizontally = Boolean(x)));
  }
  private _margin(name: string, v: number): void {
    this._set(name, v, (s, x) => {
      if (typeof x !== 'number' || x < 0 || x > 1584) throw err('InvalidArgument', `Bad ${name}.`);
      s.page.margins[name] = x;
    });
  }
  set leftMargin(v: number) {
    this._margin('leftMargin', v);
  }
  set rightMargin(v: number) {
    this._margin('rightMargin', v);
  }
  set topMargin(v: number) {
    this._margin('topMargin', v);
  }
  set bottomMargin(v: number) {
    this._margin('bottomMargin', v);
  }
  set headerMargin(v: number) {
    this._margin('headerMargin', v);
  }
  set footerMargin(v: number) {
    this._margin('footerMargin', v);
  }
  setPrintTitleRows(rows: unknown): void {
    this._do('setPrintTitleRows', [rows], (s) => {
      const rect = rows instanceof FRange ? rows._live()?.rect : parseAddress(String(rows));
      if (!rect || rect.c1 !== 1 || rect.c2 !== MAX_COL) throw err('InvalidArgument', 'Print title rows are whole rows like $1:$4.');
      s.page.printTitleRows = `$${rect.r1}:$${rect.r2}`;
    });
  }
}

// ---------------------------------------------------------------------------------------
// Context, run, and the fake itself

export class FakeRequestContext {
  readonly workbook: FWorkbook;
  private _queue: Array<{ bytes: number; run: () => void }> = [];
  private _syncing = false;
  _closed = false;
  /** Estimated response bytes of the sync being run. */
  _responseBytes = 0;

  _apiNotFound(api: string, version: string): never {
    throw err('ApiNotFound', `${api} requires ExcelApi ${version}; this Excel has ${this._fake.excelApiVersion}.`);
  }

  constructor(readonly _fake: FakeExcel) {
    this.workbook = new FWorkbook(this);
  }

  get _hasPending(): boolean {
    return this._queue.length > 0;
  }

  _enqueue(bytes: number, run: () => void): void {
    if (this._closed) {
      throw err('InvalidRequestContext', 'This object belongs to an Excel.run that has already finished.');
    }
    if (this._syncing) run();
    else this._queue.push({ bytes, run });
  }

  async sync(): Promise<void> {
    if (this._closed) throw err('InvalidRequestContext', 'context.sync() after Excel.run finished.');
    const ops = this._queue;
    this._queue = [];
    const f = this._fake;
    const bytes = ops.reduce((n, op) => n + op.bytes, 0);
    f.syncCount++;
    f.payloads.push(bytes);
    await Promise.resolve();
    if (f._editModeSyncs > 0) {
      f._editModeSyncs--;
      f.rejectedSyncs++;
      throw err(f._editModeCode, 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
    }
    if (bytes > f.payloadLimit) {
      f.rejectedSyncs++;
      throw err('RequestPayloadSizeLimitExceeded', `The request payload (${bytes} bytes) exceeds the limit of ${f.payloadLimit} bytes.`);
    }
    this._syncing = true;
    this._responseBytes = 0;
    try {
      for (const op of ops) op.run();
    } catch (e) {
      f.rejectedSyncs++;
      throw e;
    } finally {
      this._syncing = false;
      f.responses.push(this._responseBytes);
    }
    if (this._responseBytes > f.responseLimit) {
      // Excel has done the work; the answer is too large to come back.
      f.rejectedSyncs++;
      throw err('ResponsePayloadSizeLimitExceeded', `The response (${this._responseBytes} bytes) exceeds the limit of ${f.responseLimit} bytes.`);
    }
  }
}

export interface FakeChangedArgs {
  type: 'WorksheetChanged';
  worksheetId: string;
  address: string;
  changeType: 'RangeEdited';
  source: 'Local';
}

export interface FakeEventResult {
  context: FakeRequestContext;
  remove: () => void;
}

export interface FakeExcelOptions {
  snapshot?: WorkbookSnapshot;
  /** e.g. { ExcelApi: '1.7' }. Default: ExcelApi 1.18. */
  requirementSets?: Record<string, string>;
  /** Request payload limit in bytes (Excel on the web: 5 MB). */
  payloadLimit?: number;
  /** Response payload limit in bytes (Excel on the web: 5 MB). */
  responseLimit?: number;
  /** Author of notes and comments the add-in writes: Excel writes them under the signed-in user's name (default 王五), never the add-in's. */
  author?: string;
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export interface FakeSheetState {
  name: string;
  cells: Record<string, FakeCell>;
  colWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  merges: string[];
  conditionalFormats: FakeConditionalFormat[];
  notes: FakeNote[];
  comments: FakeNote[];
  freeze: { rows: number; cols: number } | null;
  pageLayout: FakePageLayout;
  tabColor: string;
  showGridlines: boolean;
}

export class FakeExcel {
  /** Every context.sync() call, including refused ones. */
  syncCount = 0;
  /** Syncs refused (cell-edit mode, payload too large, an operation failed). */
  rejectedSyncs = 0;
  /** Estimated request payload of each sync, in bytes. */
  payloads: number[] = [];
  /** Estimated response size of each sync that ran, in bytes (JSON of the loaded values). */
  responses: number[] = [];
  payloadLimit: number;
  responseLimit: number;
  /** Workbook structure protection: no sheet added, deleted, renamed, hidden or shown. */
  structureProtected = false;
  author: string;
  selection: { sheet: string; address: string } | null = null;

  _sheets: SheetModel[] = [];
  _names: NameModel[] = [];
  _active!: SheetModel;
  _editModeSyncs = 0;
  _editModeCode = 'InvalidOperationInCellEditMode';
  /** The options each Excel.run was called with (undefined: none). */
  runOptions: unknown[] = [];
  _listeners: Array<{ sheet: SheetModel | null; handler: (args: FakeChangedArgs) => Promise<unknown>; alive: boolean }> = [];
  /** Events delivered so far (each handler call). */
  eventsDelivered = 0;
  private readonly _sets: Record<string, string>;
  private _ids = 0;

  constructor(options: FakeExcelOptions = {}) {
    this._sets = Object.fromEntries(
      Object.entries(options.requirementSets ?? { ExcelApi: '1.18' }).map(([k, v]) => [k.toLowerCase(), v]),
    );
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.responseLimit = options.responseLimit ?? 5 * 1024 * 1024;
    this.author = options.author ?? '王五';
    this.seed(options.snapshot ?? { sheets: [{ name: 'Sheet1', cells: {} }], names: [] });
  }

  // ---- what the host sees ----

  /** Excel.run: one request context per call; pending work is synced at the end. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T> => {
    this.runOptions.push(options);
    const ctx = new FakeRequestContext(this);
    try {
      const p = batch(ctx as unknown as Excel.RequestContext);
      if (!p || typeof (p as { then?: unknown }).then !== 'function') {
        throw err('RunMustReturnPromise', 'The batch function passed to Excel.run must return a promise.');
      }
      const result = await p;
      if (ctx._hasPending) await ctx.sync();
      return result;
    } finally {
      ctx._closed = true;
    }
  };

  /** Excel.run(context, batch): a batch on an earlier run's context (to remove its event handlers). */
  runIn = async <T>(context: unknown, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    if (!(context instanceof FakeRequestContext) || context._fake !== this) throw err('InvalidArgument', 'Not a context of this workbook.');
    context._closed = false;
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context._hasPending) await context.sync();
      return result;
    } finally {
      context._closed = true;
    }
  };

  /** How many onChanged handlers are registered. */
  get listenerCount(): number {
    return this._listeners.length;
  }

  /** A change event for `sheet`, delivered after the current task like Excel's. */
  _changed(sheet: SheetModel, address: string): void {
    for (const l of this._listeners) {
      if (l.sheet !== sheet) continue;
      const args: FakeChangedArgs = { type: 'WorksheetChanged', worksheetId: sheet.id, address, changeType: 'RangeEdited', source: 'Local' };
      void Promise.resolve().then(() => {
        if (!l.alive) return;
        this.eventsDelivered++;
        return l.handler(args);
      });
    }
  }

  isSetSupported = (name: string, version?: string): boolean => {
    const have = this._sets[name.toLowerCase()];
    return have !== undefined && versionAtLeast(have, version ?? '1.1');
  };

  get excelApiVersion(): string {
    return this._sets['excelapi'] ?? '1.1';
  }

  supports(excelApi: string): boolean {
    return this.isSetSupported('ExcelApi', excelApi);
  }

  /**
   * The next `syncs` calls to context.sync() fail with InvalidOperationInCellEditMode (or,
   * as some Excel builds are said to report it, InvalidOperation with the same message).
   */
  enterCellEditMode(syncs: number, code: 'InvalidOperationInCellEditMode' | 'InvalidOperation' = 'InvalidOperationInCellEditMode'): void {
    this._editModeSyncs = syncs;
    this._editModeCode = code;
  }

  get maxPayload(): number {
    return this.payloads.reduce((a, b) => Math.max(a, b), 0);
  }

  get maxResponse(): number {
    return this.responses.reduce((a, b) => Math.max(a, b), 0);
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.rejectedSyncs = 0;
    this.payloads = [];
    this.responses = [];
  }

  // ---- seeding and export ----

  seed(snapshot: WorkbookSnapshot): void {
    this._sheets = [];
    this._names = [];
    for (const s of snapshot.sheets) {
      const sheet = this._addSheet(s.name);
      for (const [addr, data] of Object.entries(s.cells)) {
        const cell = this._cell(sheet, addr);
        cell.value = data.error !== undefined ? null : data.v;
        if (data.f !== undefined) cell.formula = data.f;
        if (data.error !== undefined) cell.error = data.error;
      }
    }
    if (this._sheets.length === 0) this._addSheet('Sheet1');
    this._active = this._sheets[0] as SheetModel;
    for (const n of snapshot.names) {
      const sheet = this._findSheet(n.sheet);
      if (!sheet) throw new Error(`fake-excel seed: name ${n.name} points at missing sheet ${n.sheet}`);
      this._names.push({ alive: true, name: n.name, sheet, rect: parseAddress(n.address) });
    }
  }

  toSnapshot(): WorkbookSnapshot {
    return {
      sheets: this._sheets.map((s) => {
        const cells: WorkbookSnapshot['sheets'][number]['cells'] = {};
        for (const [k, c] of s.cells) {
          if (c.value === null && c.formula === undefined && c.error === undefined) continue;
          if (c.value === '' && c.formula === undefined) continue;
          cells[k] = {
            v: c.error !== undefined ? null : c.value,
            ...(c.formula !== undefined ? { f: c.formula } : {}),
            ...(c.error !== undefined ? { error: c.error } : {}),
          };
        }
        return { name: s.name, cells };
      }),
      names: this._names
        .filter((n) => n.alive && n.sheet?.alive && cellsIn(n.rect) === 1)
        .map((n) => ({ name: n.name, sheet: (n.sheet as SheetModel).name, address: rectAddress(n.rect) })),
    };
  }

  // ---- accessors for assertions ----

  sheetNames(): string[] {
    return this._sheets.map((s) => s.name);
  }
  get activeSheet(): string {
    return this._active.name;
  }
  cell(sheet: string, address: string): FakeCell | undefined {
    return clone(this._sheet(sheet).cells.get(address.replace(/\$/g, '').toUpperCase()));
  }
  format(sheet: string, address: string): FakeFormat {
    return this.cell(sheet, address)?.format ?? {};
  }
  validation(sheet: string, address: string): FakeValidation | undefined {
    return this.cell(sheet, address)?.validation;
  }
  conditionalFormats(sheet: string): FakeConditionalFormat[] {
    return this._sheet(sheet).cfs.map((cf) => ({
      id: cf.id,
      type: cf.type,
      range: rectAddress(cf.rect),
      ...(cf.formula !== undefined ? { formula: `=${cf.formula}` } : {}),
      ...(cf.fill !== undefined ? { fill: cf.fill } : {}),
      ...(cf.fontColor !== undefined ? { fontColor: cf.fontColor } : {}),
      ...(cf.bold !== undefined ? { bold: cf.bold } : {}),
      ...(cf.barColor !== undefined ? { barColor: cf.barColor } : {}),
    }));
  }
  notes(sheet: string): FakeNote[] {
    return [...this._sheet(sheet).notes.values()].map((n) => ({ address: n.address, content: n.content, author: n.author }));
  }
  comments(sheet: string): FakeNote[] {
    return [...this._sheet(sheet).comments.values()].map((n) => ({ address: n.address, content: n.content, author: n.author, ...(n.replies.length ? { replies: n.replies.map((r) => r.content) } : {}) }));
  }
  merges(sheet: string): string[] {
    return this._sheet(sheet).merges.map((r) => rectAddress(r));
  }
  columnWidth(sheet: string, col: number): number | undefined {
    return this._sheet(sheet).colWidths.get(col);
  }
  rowHeight(sheet: string, row: number): number | undefined {
    return this._sheet(sheet).rowHeights.get(row);
  }
  /** Whether a row was fitted to its contents. */
  rowFitted(sheet: string, row: number): boolean {
    return this._sheet(sheet).fittedRows.has(row);
  }
  freeze(sheet: string): { rows: number; cols: number } | null {
    return clone(this._sheet(sheet).freeze);
  }
  pageLayout(sheet: string): FakePageLayout {
    return clone(this._sheet(sheet).page);
  }
  tabColor(sheet: string): string {
    return this._sheet(sheet).tabColor;
  }
  showGridlines(sheet: string): boolean {
    return this._sheet(sheet).showGridlines;
  }
  names(): Array<{ name: string; formula: string }> {
    return this._names.filter((n) => n.alive).map((n) => ({ name: n.name, formula: nameFormula(n) }));
  }
  /** Everything about one sheet, as plain data, for before/after comparisons. */
  sheetState(name: string): FakeSheetState {
    const s = this._sheet(name);
    return clone({
      name: s.name,
      cells: Object.fromEntries(s.cells),
      colWidths: Object.fromEntries(s.colWidths),
      rowHeights: Object.fromEntries(s.rowHeights),
      merges: s.merges.map((r) => rectAddress(r)),
      conditionalFormats: this.conditionalFormats(name),
      notes: this.notes(name),
      comments: this.comments(name),
      freeze: s.freeze,
      pageLayout: s.page,
      tabColor: s.tabColor,
      showGridlines: s.showGridlines,
    });
  }

  // ---- direct edits, as a user would make them (no sync involved) ----

  setCell(sheet: string, address: string, typed: Scalar): void {
    enter(this._cell(this._sheet(sheet), address), typed === null ? '' : typed);
  }
  /** The user types into a cell: like setCell, and the sheet's onChanged handlers hear of it. */
  userEdit(sheet: string, address: string, typed: Scalar): void {
    this.setCell(sheet, address, typed);
    this._changed(this._sheet(sheet), rectAddress(parseAddress(address)));
  }
  setFormat(sheet: string, address: string, format: FakeFormat): void {
    const cell = this._cell(this._sheet(sheet), address);
    cell.format = { ...cell.format, ...clone(format) };
  }
  setNumberFormat(sheet: string, address: string, numberFormat: string): void {
    this._cell(this._sheet(sheet), address).numberFormat = numberFormat;
  }
  addNote(sheet: string, address: string, content: string, author = '张三'): void {
    const s = this._sheet(sheet);
    const a = rectAddress(parseAddress(address));
    occupied(s, a);
    s.notes.set(a, { alive: true, sheet: s, address: a, content, author });
  }
  addComment(sheet: string, address: string, content: string, author = '张三'): void {
    const s = this._sheet(sheet);
    const a = rectAddress(parseAddress(address));
    occupied(s, a);
    s.comments.set(a, { alive: true, id: this._nextId('comment'), sheet: s, address: a, content, author, replies: [] });
  }
  /** The user edits a cell's note in Excel (its author stays). */
  editNote(sheet: string, address: string, content: string): void {
    const n = this._sheet(sheet).notes.get(rectAddress(parseAddress(address)));
    if (!n) throw new Error(`fake-excel: no note at ${sheet}!${address}`);
    n.content = content;
  }
  /** Someone replies in a cell's comment thread. */
  addReply(sheet: string, address: string, content: string, author = '张三'): void {
    const m = this._sheet(sheet).comments.get(rectAddress(parseAddress(address)));
    if (!m) throw new Error(`fake-excel: no comment at ${sheet}!${address}`);
    m.replies.push({ id: this._nextId('reply'), content, author });
  }
  addConditionalFormat(sheet: string, range: string, cf: Omit<FakeConditionalFormat, 'id' | 'range'>): void {
    const s = this._sheet(sheet);
    s.cfs.push({
      alive: true,
      id: this._nextId('cf'),
      sheet: s,
      type: cf.type,
      rect: parseAddress(range),
      ...(cf.formula !== undefined ? { formula: cf.formula.replace(/^=/, '') } : {}),
      ...(cf.fill !== undefined ? { fill: cf.fill } : {}),
      ...(cf.fontColor !== undefined ? { fontColor: cf.fontColor } : {}),
      ...(cf.bold !== undefined ? { bold: cf.bold } : {}),
      ...(cf.barColor !== undefined ? { barColor: cf.barColor } : {}),
    });
  }
  addSheet(name: string): void {
    this._addSheet(name);
  }
  /** Review › Protect Sheet (no password in the fake). */
  protectSheet(name: string, on = true): void {
    this._sheet(name).protected = on;
  }
  /** Review › Protect Workbook (structure). */
  protectStructure(on = true): void {
    this.structureProtected = on;
  }
  /** Hide (or very hide, as only VBA can) a sheet. */
  hideSheet(name: string, visibility: 'Hidden' | 'VeryHidden' | 'Visible' = 'Hidden'): void {
    const s = this._sheet(name);
    s.visibility = visibility;
    if (this._active === s && visibility !== 'Visible') {
      const next = this._sheets.find((o) => o.visibility === 'Visible');
      if (next) this._active = next;
    }
  }
  isProtected(name: string): boolean {
    return this._sheet(name).protected;
  }
  visibility(name: string): string {
    return this._sheet(name).visibility;
  }
  renameSheet(from: string, to: string): void {
    this._rename(this._sheet(from), to);
  }
  moveSheet(name: string, position: number): void {
    const s = this._sheet(name);
    this._sheets.splice(this._sheets.indexOf(s), 1);
    this._sheets.splice(position, 0, s);
  }

  // ---- model internals used by the proxies ----

  _nextId(prefix: string): string {
    return `${prefix}-${++this._ids}`;
  }
  _findSheet(name: string): SheetModel | undefined {
    const n = name.toUpperCase();
    return this._sheets.find((s) => s.name.toUpperCase() === n);
  }
  private _sheet(name: string): SheetModel {
    const s = this._findSheet(name);
    if (!s) throw new Error(`fake-excel: no sheet ${name}`);
    return s;
  }
  _cell(sheet: SheetModel, address: string): FakeCell {
    const k = rectAddress(parseAddress(address));
    let c = sheet.cells.get(k);
    if (!c) {
      c = { value: null, numberFormat: 'General', format: {} };
      sheet.cells.set(k, c);
    }
    return c;
  }
  private _checkSheetName(name: string, except?: SheetModel): void {
    if (name.trim() === '' || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
      throw err('InvalidArgument', `'${name}' is not a valid worksheet name.`);
    }
    const other = this._findSheet(name);
    if (other && other !== except) throw err('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
  }
  _addSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined) {
      let i = this._sheets.length + 1;
      while (this._findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    this._checkSheetName(n);
    const s: SheetModel = {
      alive: true,
      id: this._nextId('sheet'),
      name: n,
      cells: new Map(),
      colWidths: new Map(),
      rowHeights: new Map(),
      fittedRows: new Set(),
      merges: [],
      cfs: [],
      notes: new Map(),
      comments: new Map(),
      freeze: null,
      page: blankPage(),
      tabColor: '',
      showGridlines: true,
      protected: false,
      visibility: 'Visible',
    };
    this._sheets.push(s);
    return s;
  }
  _rename(s: SheetModel, name: string): void {
    this._checkSheetName(name, s);
    s.name = name;
  }
  /** Workbook structure protection refuses `what`. */
  _structure(what: string): void {
    if (this.structureProtected) throw err('AccessDenied', `The workbook structure is protected: cannot ${what}.`);
  }
  _deleteSheet(s: SheetModel): void {
    if (s.visibility === 'VeryHidden') throw err('InvalidOperation', `The very hidden worksheet '${s.name}' cannot be deleted.`);
    if (this._sheets.every((o) => o === s || o.visibility !== 'Visible')) {
      throw err('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    const i = this._sheets.indexOf(s);
    this._sheets.splice(i, 1);
    s.alive = false;
    if (this._active === s) this._active = this._sheets[Math.max(0, i - 1)] as SheetModel;
    if (this.selection?.sheet === s.name) this.selection = null;
  }
  _activate(s: SheetModel): void {
    if (s.visibility !== 'Visible') throw err('InvalidOperation', `The hidden worksheet '${s.name}' cannot be activated.`);
    this._active = s;
  }
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  return new FakeExcel(options);
}

// ---------------------------------------------------------------------------------------
// Globals for a page: Office and Excel as the task pane expects them

export interface InstallOptions {
  displayLanguage?: string;
  platform?: string;
}

/** Defines global Office, Excel and OfficeExtension backed by `fake`; returns an undo. */
export function installFakeOffice(target: object, fake: FakeExcel, options: InstallOptions = {}): () => void {
  const g = target as Record<string, unknown>;
  const previous = { Office: g.Office, Excel: g.Excel, OfficeExtension: g.OfficeExtension };
  const HostType = {
    Word: 'Word', Excel: 'Excel', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote',
    Project: 'Project', Access: 'Access',
  };
  const PlatformType = {
    PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal',
  };
  const info = { host: HostType.Excel, platform: options.platform ?? PlatformType.OfficeOnline };
  const displayLanguage = options.displayLanguage ?? 'zh-CN';
  g.Office = {
    HostType,
    PlatformType,
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      host: info.host,
      platform: info.platform,
      displayLanguage,
      contentLanguage: displayLanguage,
      requirements: { isSetSupported: fake.isSetSupported },
    },
  };
  // Excel.run as office.js overloads it: (batch), (options, batch), (context or object, batch).
  const run = (a: unknown, b?: unknown): Promise<unknown> => {
    if (typeof a === 'function') return fake.run(a as (c: Excel.RequestContext) => Promise<unknown>);
    const batch = b as (c: Excel.RequestContext) => Promise<unknown>;
    if (a instanceof FakeRequestContext) return fake.runIn(a, batch);
    const ctx = (a as { context?: unknown } | null)?.context;
    if (ctx instanceof FakeRequestContext) return fake.runIn(ctx, batch);
    return fake.run(batch, a as Excel.RunOptions);
  };
  g.Excel = {
    run,
    ConditionalFormatType: { custom: 'Custom', dataBar: 'DataBar' },
    ErrorCodes: {
      apiNotFound: 'ApiNotFound',
      invalidArgument: 'InvalidArgument',
      itemNotFound: 'ItemNotFound',
      itemAlreadyExists: 'ItemAlreadyExists',
      invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
    },
  };
  g.OfficeExtension = { Error: FakeOfficeError };
  return () => {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
  };
}
