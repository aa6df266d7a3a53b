/**
 * The Office.js host: the only place Excel.run appears (the summary's chart included). It
 * reads the workbook into a snapshot and carries out the core's plans, deciding nothing
 * about the report itself.
 *
 * Why it looks the way it does:
 *  - it reads by names, not by used ranges: the workbook's defined names, the rows A..I of
 *    the cells they name, and the 历史数据 sheet. The user's own data elsewhere (a sheet
 *    of 100k rows) is never requested, so the read's response stays far under Excel on the
 *    web's 5 MB limit. Reading takes two syncs in one Excel.run: names first (their cells
 *    cannot be asked for before Excel has said where they are), then the cells, the
 *    conditional formats of the report's sheets and where each note and comment sits;
 *  - the read is also the pre-flight of the writes: sheet protection, visibility,
 *    workbook structure protection, which annotation API exists, which cells already
 *    carry an annotation, and where our own marks are. A write batch is planned from
 *    that, so it contains only calls that Excel will accept (every API guarded by the
 *    requirement set the typings give it); marking is then one sync;
 *  - Excel runs a batch in order and stops at the first failing call, keeping what came
 *    before; so a batch never depends on a temporary sheet (no `~bra…` orphans) and puts
 *    the removal of our own old marks first;
 *  - a batch refused because the user is typing in a cell is retried with a back-off (in
 *    one place: `batch`), and asks Excel to wait for the edit where it can (delayForCellEdit);
 *  - marks are overlays we can take back without trace, by the core's mark contract
 *    (src/core/marks/contract.ts), the same as the file host's: a conditional format whose
 *    rule carries MARK_TOKEN, a note built by the core (NOTE_MARKER … closing line) and told
 *    from the user's by classifyNote — a reply the user typed into one of our notes is kept
 *    as the user's note (Note.content is set: ExcelApi 1.18, the level notes need at all) —
 *    and a 问题清单 the hidden name ISSUES_NAME points at. The user's own fills, number
 *    formats, notes and comments are never touched. Below ExcelApi 1.18 the user's notes
 *    cannot be seen, and a comment cannot share a cell with a note, so no comment is
 *    written there: the reasons are in 问题清单. A comment of ours from an earlier version
 *    is deleted only while nobody has replied in its thread; with replies it is kept (the
 *    thread is the user's conversation) and listed in lastDegraded.
 */
import type { NameRef, Scalar, SheetSnapshot, WorkbookSnapshot, CellData, CellRef } from '../../workbook/snapshot';
import { AppError, classifyNote, isLegacyOverlay, FONT_FACES, freeIssueSheetName, isIssueSheetNamed, isMarkFormula, ISSUE_SHEET_PROBE, ISSUES_NAME, MARK_TOKEN, markNoteText, NOTE_MARKER, markFormula as coreMarkFormula, SEVERITY_COLORS, SHEETS, toolIssueSheets, type CellEdit, type CellStyle, type ErrorParams, type Mark, type MarkPlan, type PlannedCell, type Severity, type SheetPlan, type Validation, type WorkbookPlan } from '../../core';
import {
  charsToPoints,
  coalesce,
  indexToCol,
  parseCell,
  parseNameFormula,
  parseRect,
  rectToA1,
  splitSheetAddress,
  toA1,
  type Rect,
} from './address';
import type { ExcelHostErrorCode } from './messages';
import { queueYoyChart, yoyRows, type YoyChartText } from './summary-chart';

export type { ExcelHostErrorCode } from './messages';

// ---------------------------------------------------------------------------------------
// Public constants

/** The core's mark contract (src/core/plan/types.ts); Office.js wants the formula with its '='. */
export { MARK_TOKEN, NOTE_MARKER };
export function markFormula(severity: Severity): string {
  return `=${coreMarkFormula(severity)}`;
}
/** Kept for callers of the old chain reader; the host no longer walks sheets in pages. */
export const SHEET_CAP = 60;
/** Request size at which a batch is split (Excel on the web refuses requests over 5 MB). */
export const PAYLOAD_BUDGET = 4.5 * 1024 * 1024;
/** Response size one read sync may ask for (Excel on the web refuses responses over 5 MB). */
export const RESPONSE_BUDGET = 2 * 1024 * 1024;
/** Columns read on each row holding a named cell: A (序号) .. I (说明) of a form sheet. */
export const ROW_COLUMNS = 9;

/** ExcelApi requirement set of each feature the host uses (from @types/office-js). */
export const API = {
  /** Worksheets, ranges, values, formats, names (value), charts, worksheet.visibility (read). */
  base: '1.1',
  /** Column widths, row heights, merges, getUsedRange(valuesOnly), worksheet protection. */
  layout: '1.2',
  /** getItemOrNullObject, getUsedRangeOrNullObject, names.add: the floor for templates. */
  nullObjects: '1.4',
  /** Conditional formats: the mark overlays and data bars; ConditionalFormat.id. */
  conditionalFormats: '1.6',
  /** Hyperlinks, freeze panes, tab colour, NamedItem.formula, workbook protection. */
  hyperlinks: '1.7',
  /** Data validation, hiding gridlines. */
  dataValidation: '1.8',
  /** Page layout: orientation, A4, print titles, fit to width, margins. */
  pageLayout: '1.9',
  /** Threaded comments: read (and our old ones removed), never written (see above). */
  comments: '1.10',
  /** Excel.run({ delayForCellEdit }) (Microsoft's docs; the typings give no set). */
  delayForCellEdit: '1.11',
  /** Cell notes. */
  notes: '1.18',
} as const;

/** Font faces: the core's (FONT_FACES in src/core/plan/types.ts). */
export { FONT_FACES };

// ---------------------------------------------------------------------------------------
// API

export interface ExcelHostDeps {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions) => Promise<T>;
  isSetSupported: (name: string, version: string) => boolean;
  /** Waits between retries in cell-edit mode (tests pass a no-op). */
  sleep: (ms: number) => Promise<void>;
  /** Retries after the first attempt when Excel is in cell-edit mode. */
  retries: number;
  /** First back-off; doubles on each retry. */
  retryDelayMs: number;
  /** Bytes per request before a batch is split. */
  payloadBudget: number;
  /** Estimated response bytes per read sync before the cell reads are split. */
  responseBudget: number;
  /** Excel.run(context, batch): removing event handlers needs the context that added them. */
  runIn: <T>(context: unknown, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** Timers for the live re-check's debounce (tests pass their own). */
  setTimer: (f: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  now: () => number;
}

/** How the live re-check behaves. */
export interface WatchOptions {
  /** Quiet time after the last change before the re-check (default 800 ms). */
  debounceMs?: number;
  /** Changes within this time after one of our own writes are ours, not the user's (default 1500 ms). */
  ownWriteMs?: number;
}

export interface MarkOutcome {
  /** Where the reasons went: notes on the cells, or (`none`) only 问题清单. */
  notes: 'notes' | 'comments' | 'none';
  marked: number;
  /** Sheets with findings left unmarked because they are protected. */
  protectedSheets: string[];
}

/** What the pre-flight learnt about one sheet. */
export interface SheetInfo {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** null: unknown (ExcelApi below 1.2). */
  protected: boolean | null;
}

/** A refusal the pane can explain: an AppError whose words are in messages.ts. */
export class ExcelHostError extends AppError {
  override name = 'ExcelHostError';
  constructor(
    override readonly code: ExcelHostErrorCode,
    params: ErrorParams = {},
    options?: { cause?: unknown },
  ) {
    super(code, params, options);
  }
}

const CELL_EDIT_MODE = 'InvalidOperationInCellEditMode';

/**
 * Excel in cell-edit mode: `InvalidOperationInCellEditMode`, or (seen in some builds, per
 * the issue) `InvalidOperation` whose debug message speaks of cell edit mode.
 */
export function isCellEditModeError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const x = e as { code?: unknown; message?: unknown; debugInfo?: { code?: unknown; message?: unknown } };
  if (x.code === CELL_EDIT_MODE || x.debugInfo?.code === CELL_EDIT_MODE) return true;
  if (x.code !== 'InvalidOperation' && x.debugInfo?.code !== 'InvalidOperation') return false;
  const text = `${String(x.debugInfo?.message ?? '')} ${String(x.message ?? '')}`;
  return /cell[\s-]?edit/i.test(text);
}

function codeOf(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const x = e as { code?: unknown; debugInfo?: { code?: unknown } };
  const c = x.code ?? x.debugInfo?.code;
  return typeof c === 'string' ? c : undefined;
}

// ---------------------------------------------------------------------------------------
// Small pure helpers (exported for tests)

/**
 * A plan value as it must be written so Excel stores exactly it. Text that Excel would
 * turn into a formula, a number, a date, a boolean or an error gets a leading apostrophe
 * (stored as text, not shown): formula injection (`=cmd|...`) is impossible.
 */
export function cellInput(v: Scalar): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (v === '') return '';
  const risky =
    /^[=+\-@'#\s\uFF1D\uFF0B\uFF0D]/.test(v) || /[0-9\uFF10-\uFF19]/.test(v) || /^(true|false)$/i.test(v.trim());
  return risky ? `'${v}` : v;
}

const encoder = new TextEncoder();
function utf8Bytes(s: string): number {
  return encoder.encode(s).length;
}

/** Rough request bytes of one API call (object path + action), on the generous side. */
const OP_BYTES = 200;
function cost(ops: number, ...data: unknown[]): number {
  let n = ops * OP_BYTES;
  for (const d of data) n += d === undefined ? 0 : utf8Bytes(JSON.stringify(d) ?? '');
  return n;
}

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** A used range as Excel returns it → sparse snapshot cells. */
export function rangeToCells(
  address: string,
  values: unknown[][],
  formulas: unknown[][],
  valueTypes?: string[][],
): Record<string, CellData> {
  const split = splitSheetAddress(address);
  const rect = parseRect(split ? split.address : address);
  const cells: Record<string, CellData> = {};
  if (!rect) return cells;
  values.forEach((row, i) => {
    row.forEach((raw, j) => {
      const f = formulas[i]?.[j];
      const type = valueTypes?.[i]?.[j];
      // A text cell that begins with '=' reports that text as its formula too.
      const isFormula = typeof f === 'string' && f.startsWith('=') && f.length > 1 && !(typeof raw === 'string' && raw === f);
      const isError = type !== undefined ? type === 'Error' : typeof raw === 'string' && ERROR_TEXT.test(raw);
      let cell: CellData;
      if (isError) cell = { v: null, error: String(raw) };
      else {
        const v: Scalar = raw === '' || raw === null || raw === undefined ? null : (raw as Scalar);
        if (v === null && !isFormula) return;
        cell = { v };
      }
      if (isFormula) cell.f = (f as string).slice(1);
      cells[toA1(rect.r1 + i, rect.c1 + j)] = cell;
    });
  });
  return cells;
}

/** Excel's rules for worksheet names, checked before anything is written. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === '') return '工作表名称不能为空';
  if (name.length > 31) return '工作表名称不能超过 31 个字符';
  if (/[:\\/?*[\]]/.test(name)) return '工作表名称不能包含 : \\ / ? * [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return '工作表名称不能以单引号开头或结尾';
  if (name.toLowerCase() === 'history') return '“History” 是 Excel 保留的名称';
  return null;
}

const NOTE_LIMIT = 30000;

function normAddress(a: string): string {
  const c = parseCell(a);
  return c ? toA1(c.row, c.col) : a.replace(/\$/g, '').toUpperCase();
}

const cellKey = (sheet: string, address: string) => `${sheet.toUpperCase()}!${normAddress(address)}`;

// ---------------------------------------------------------------------------------------
// Batches and steps: queue work, split by payload only when it must

class Batch {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  constructor(readonly ctx: Excel.RequestContext) {}
  get wb(): Excel.Workbook {
    return this.ctx.workbook;
  }
  sheet(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) {
      ws = this.wb.worksheets.getItem(name);
      this.sheets.set(name, ws);
    }
    return ws;
  }
  remember(name: string, ws: Excel.Worksheet): void {
    this.sheets.set(name, ws);
  }
}

interface Step {
  cost: number;
  run: (b: Batch) => void;
}

function chunk(steps: Step[], budget: number): Step[][] {
  const out: Step[][] = [];
  let cur: Step[] = [];
  let size = 0;
  for (const s of steps) {
    if (cur.length > 0 && size + s.cost > budget) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(s);
    size += s.cost;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

interface Caps {
  v12: boolean;
  nullObjects: boolean;
  cf: boolean;
  v17: boolean;
  v18: boolean;
  pageLayout: boolean;
  comments: boolean;
  delayForCellEdit: boolean;
  notes: boolean;
}

/** Everything the pre-flight knows; the write batches are planned from it alone. */
export interface Survey {
  /** Every sheet, in workbook order. */
  sheets: SheetInfo[];
  /** Workbook structure protection; null: unknown (below ExcelApi 1.7). */
  structureProtected: boolean | null;
  /** Sheets (upper case) whose conditional formats and annotations were looked at. */
  looked: Set<string>;
  /** Our conditional formats on those sheets, by id (ExcelApi 1.6). */
  ourFormats: Array<{ sheet: string; id: string }>;
  /** Our notes (ExcelApi 1.18), by cell. */
  ourNotes: Array<{ sheet: string; address: string }>;
  /** Our comments (ExcelApi 1.10, from earlier versions of the add-in) with no reply, by id. */
  ourComments: Array<{ sheet: string; id: string }>;
  /** Our comments someone has replied to: kept (the thread is the user's). */
  keptComments: Array<{ sheet: string; address: string }>;
  /** Our notes with the user's words typed in: they keep only those words (as the user's note). */
  replyNotes: Array<{ sheet: string; address: string; userText: string }>;
  /** The tool's 问题清单 sheets (normally none or one). */
  issueSheets: string[];
  /** The workbook has the name ISSUES_NAME (it may point nowhere once its sheet is gone). */
  issuesName: boolean;
  /** Cells (cellKey) that carry a user's note or comment. */
  userAnnotated: Set<string>;
}

/** One named cell's place. */
interface Named {
  name: string;
  sheet: string;
  address: string;
  row: number;
  col: number;
}

/** Row bands to read on one sheet: consecutive rows holding named cells, columns A..c2. */
export function rowBands(cells: ReadonlyArray<{ row: number; col: number }>, columns = ROW_COLUMNS): Rect[] {
  const rows = [...new Set(cells.map((c) => c.row))].sort((a, b) => a - b);
  const c2 = Math.max(columns, ...cells.map((c) => c.col));
  const out: Rect[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.r2 === r - 1) last.r2 = r;
    else out.push({ r1: r, r2: r, c1: 1, c2 });
  }
  return out;
}

/** Rough response bytes of loading values, formulas and valueTypes of `cells` cells. */
const READ_BYTES_PER_CELL = 60;

const upper = (s: string) => s.toUpperCase();

// ---------------------------------------------------------------------------------------

export class ExcelHost {
  private readonly deps: ExcelHostDeps;
  private readonly supported = new Map<string, boolean>();
  private survey: Survey | null = null;
  /** Features skipped by the last call because this Excel lacks them (for the pane). */
  lastDegraded: string[] = [];

  constructor(deps: Partial<ExcelHostDeps> = {}) {
    this.deps = {
      run:
        deps.run ??
        (<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions) =>
          options ? Excel.run(options, batch) : Excel.run(batch)),
      isSetSupported:
        deps.isSetSupported ??
        ((name, version) =>
          typeof Office !== 'undefined' && Office.context.requirements.isSetSupported(name, version)),
      sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      retries: deps.retries ?? 4,
      retryDelayMs: deps.retryDelayMs ?? 150,
      payloadBudget: deps.payloadBudget ?? PAYLOAD_BUDGET,
      responseBudget: deps.responseBudget ?? RESPONSE_BUDGET,
      runIn: deps.runIn ?? (<T>(context: unknown, batch: (c: Excel.RequestContext) => Promise<T>) => Excel.run(context as OfficeExtension.ClientRequestContext, batch)),
      setTimer: deps.setTimer ?? ((f, ms) => setTimeout(f, ms)),
      clearTimer: deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)),
      now: deps.now ?? (() => Date.now()),
    };
  }

  // ---- live re-check ------------------------------------------------------------------

  private watching: { results: Array<{ context: unknown; remove: () => void }>; timer: unknown } | null = null;
  /** Until when a change event is taken for the echo of our own write. */
  private ownWriteUntil = 0;
  private ownWriteMs = 1500;

  /**
   * Live re-check: calls `onChange` once the report's sheets (those of the last read) have
   * been quiet for `debounceMs` after a change by the user. Worksheet.onChanged is ExcelApi
   * 1.7; false when this Excel lacks it or nothing has been read yet. One sync to register;
   * a second call replaces the first; `unwatch` removes the handlers (one sync).
   */
  async watch(onChange: () => void, options: WatchOptions = {}): Promise<boolean> {
    await this.unwatch();
    const sheets = this.reportSheetNames;
    if (!this.has(API.hyperlinks) || sheets.length === 0) return false;
    const debounce = options.debounceMs ?? 800;
    this.ownWriteMs = options.ownWriteMs ?? 1500;
    const state: { results: Array<{ context: unknown; remove: () => void }>; timer: unknown } = { results: [], timer: null };
    const handler = async (): Promise<void> => {
      if (this.watching !== state || this.deps.now() < this.ownWriteUntil) return;
      if (state.timer !== null) this.deps.clearTimer(state.timer);
      state.timer = this.deps.setTimer(() => {
        state.timer = null;
        if (this.watching === state) onChange();
      }, debounce);
    };
    state.results = await this.batch(async (ctx) => {
      const out = sheets.map((name) => ctx.workbook.worksheets.getItem(name).onChanged.add(handler));
      await ctx.sync();
      return out;
    });
    this.watching = state;
    return true;
  }

  /** Stops the live re-check (nothing to do when it is not on). */
  async unwatch(): Promise<void> {
    const w = this.watching;
    this.watching = null;
    if (!w) return;
    if (w.timer !== null) this.deps.clearTimer(w.timer);
    const first = w.results[0];
    if (!first) return;
    await this.deps.runIn(first.context, async (ctx) => {
      for (const r of w.results) r.remove();
      await ctx.sync();
    });
  }

  get isWatching(): boolean {
    return this.watching !== null;
  }

  /** What the last read or write learnt about the workbook (for tests and the pane). */
  get knownState(): Readonly<Survey> | null {
    return this.survey;
  }

  // ---- reading ------------------------------------------------------------------------

  /**
   * The named cells with their rows (A..I), and 历史数据: two syncs in one Excel.run.
   * Every sheet is listed; sheets without named cells come without cells.
   */
  async readSnapshot(): Promise<WorkbookSnapshot> {
    const { snapshot } = await this.inspect(true, []);
    return snapshot;
  }

  /**
   * Sheets whose cells the report reads (those holding named cells, and 历史数据): the
   * sheets whose changes a live re-check listens to.
   */
  reportSheets(): string[] {
    return this.reportSheetNames;
  }
  private reportSheetNames: string[] = [];
  /** Where the last full read found the report: its names, and the row bands it read. */
  private layout: { names: string; bands: Array<{ sheet: string; rect: Rect }>; history: string | null } | null = null;

  /**
   * The live re-check's read: one sync when the names and sheets are as the last full read
   * found them (the same row bands and 历史数据 are read again, with the names to prove
   * it). The annotations are not looked at again; a marking after this still cannot
   * collide (a refused note makes it look again and write once more). Otherwise, or
   * without a full read before, it is readSnapshot (two syncs).
   */
  async recheckSnapshot(): Promise<WorkbookSnapshot> {
    const layout = this.layout;
    const sv = this.survey;
    if (!layout || !sv) return this.readSnapshot();
    const caps = this.caps();
    const quick = await this.batch(async (ctx) => {
      const wb = ctx.workbook;
      const names = wb.names.load(caps.v17 ? 'items/name,items/type,items/formula' : 'items/name,items/type,items/value');
      const sheetColl = wb.worksheets.load(caps.v12 ? 'items/name,items/visibility,items/protection/protected' : 'items/name,items/visibility');
      const bands = layout.bands.map((b) => ({ sheet: b.sheet, range: wb.worksheets.getItem(b.sheet).getRange(rectToA1(b.rect)).load('address,values,formulas,valueTypes') }));
      const history = layout.history ? usedRangeOf(wb.worksheets.getItem(layout.history), caps).load('address,values,formulas,valueTypes') : null;
      await ctx.sync();
      const refs = namedRefs(names, caps, sheetColl.items.map((w) => w.name));
      if (JSON.stringify(refs) !== layout.names) return null;
      const cells = new Map<string, Record<string, CellData>>();
      for (const b of bands) cells.set(b.sheet, { ...(cells.get(b.sheet) ?? {}), ...rangeToCells(b.range.address, b.range.values, b.range.formulas, b.range.valueTypes) });
      if (layout.history && history && !history.isNullObject) {
        cells.set(layout.history, { ...(cells.get(layout.history) ?? {}), ...rangeToCells(history.address, history.values, history.formulas, history.valueTypes) });
      }
      const sheets: SheetInfo[] = sheetColl.items.map((ws) => ({
        name: ws.name,
        visibility: String(ws.visibility) as SheetInfo['visibility'],
        protected: caps.v12 ? ws.protection.protected : null,
      }));
      return { snapshot: { sheets: sheets.map((x) => ({ name: x.name, cells: cells.get(x.name) ?? {} })), names: refs }, sheets };
    }).catch((e: unknown) => {
      // A sheet of the layout deleted or renamed since: read afresh.
      if (codeOf(e) === 'ItemNotFound') return null;
      throw e;
    });
    if (!quick) return this.readSnapshot();
    sv.sheets = quick.sheets;
    return quick.snapshot;
  }

  private async inspect(values: boolean, extraSheets: string[], allSheets = false): Promise<{ snapshot: WorkbookSnapshot; survey: Survey }> {
    const caps = this.caps();
    try {
      const out = await this.batch((ctx) => this.inspectIn(ctx, caps, values, extraSheets, allSheets));
      this.survey = out.survey;
      return out;
    } catch (e) {
      if (codeOf(e) === 'ResponsePayloadSizeLimitExceeded') throw new ExcelHostError('READ_TOO_LARGE', {}, { cause: e });
      throw e;
    }
  }

  private async inspectIn(
    ctx: Excel.RequestContext,
    caps: Caps,
    values: boolean,
    extraSheets: string[],
    allSheets = false,
  ): Promise<{ snapshot: WorkbookSnapshot; survey: Survey }> {
    const wb = ctx.workbook;
    // Sync 1: names, sheets (visibility, protection), workbook protection, annotations.
    const names = wb.names.load(caps.v17 ? 'items/name,items/type,items/formula' : 'items/name,items/type,items/value');
    const sheetColl = wb.worksheets.load(caps.v12 ? 'items/name,items/visibility,items/protection/protected' : 'items/name,items/visibility');
    const wbProtection = caps.v17 ? wb.protection.load('protected') : null;
    const notes = caps.notes ? wb.notes.load('items/content,items/authorName') : null;
    const comments = caps.comments ? wb.comments.load('items/id,items/content,items/authorName') : null;
    await ctx.sync();

    const sheets: SheetInfo[] = sheetColl.items.map((ws) => ({
      name: ws.name,
      visibility: (String(ws.visibility) as SheetInfo['visibility']) ?? 'Visible',
      protected: caps.v12 ? ws.protection.protected : null,
    }));
    const byUpper = new Map(sheets.map((s) => [upper(s.name), s]));
    const refs = namedRefs(names, caps, sheets.map((x) => x.name));
    const named: Named[] = refs.map((r) => ({ ...r, ...(parseCell(r.address) as { row: number; col: number }) }));
    const history = byUpper.get(upper(SHEETS.history));
    const report = new Set(named.map((n) => upper(n.sheet)));
    if (history) report.add(upper(history.name));
    this.reportSheetNames = sheets.filter((s) => report.has(upper(s.name))).map((s) => s.name);
    const looked = new Set([...report, ...extraSheets.map(upper), ...(allSheets ? sheets.map((x) => upper(x.name)) : [])].filter((s) => byUpper.has(s)));

    // Sync 2 (more only past the response budget): the cells, our overlays, where the
    // annotations are.
    const cells = new Map<string, Record<string, CellData>>();
    const reads: Array<{ sheet: string; rect: Rect; range: Excel.Range; bytes: number }> = [];
    if (values) {
      const bySheet = new Map<string, Named[]>();
      for (const n of named) bySheet.set(n.sheet, [...(bySheet.get(n.sheet) ?? []), n]);
      for (const [sheet, list] of bySheet) {
        for (const band of rowBands(list)) {
          const range = wb.worksheets.getItem(sheet).getRange(rectToA1(band));
          reads.push({ sheet, rect: band, range, bytes: (band.r2 - band.r1 + 1) * (band.c2 - band.c1 + 1) * READ_BYTES_PER_CELL });
        }
      }
    }
    const formats = caps.cf
      ? sheets
          .filter((s) => looked.has(upper(s.name)))
          .map((s) => ({
            sheet: s.name,
            cfs: wb.worksheets.getItem(s.name).getRange().conditionalFormats.load('items/id,items/type,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color'),
          }))
      : [];
    // Whose each note and comment is, by the core's contract; where each sits; whether
    // anyone replied to a comment of ours.
    const located = [
      ...(notes?.items ?? []).map((n) => ({ kind: 'note' as const, owner: classifyNote(n.content, n.authorName), id: '', at: n.getLocation().load('address'), replies: null })),
      ...(comments?.items ?? []).map((c) => {
        const owner = classifyNote(c.content, c.authorName);
        return { kind: 'comment' as const, owner, id: c.id, at: c.getLocation().load('address'), replies: owner.kind === 'user' ? null : c.replies.load('items/id') };
      }),
    ];
    // 问题清单 of an earlier flagged copy (no name points at it): its title and header row.
    const probes = sheets.filter((x) => isIssueSheetNamed(x.name)).map((x) => ({ sheet: x.name, range: wb.worksheets.getItem(x.name).getRange(ISSUE_SHEET_PROBE).load('values') }));
    const historyRange = values && history ? usedRangeOf(wb.worksheets.getItem(history.name), caps) : null;
    historyRange?.load('address,values,formulas,valueTypes');

    let budget = this.deps.responseBudget - located.length * 400;
    for (const r of reads) {
      if (budget - r.bytes < 0 && budget < this.deps.responseBudget) {
        await ctx.sync();
        budget = this.deps.responseBudget;
      }
      r.range.load('address,values,formulas,valueTypes');
      budget -= r.bytes;
    }
    await ctx.sync();

    for (const r of reads) {
      const got = rangeToCells(r.range.address, r.range.values, r.range.formulas, r.range.valueTypes);
      cells.set(r.sheet, { ...(cells.get(r.sheet) ?? {}), ...got });
    }
    if (history && historyRange && !historyRange.isNullObject) {
      const got = rangeToCells(historyRange.address, historyRange.values, historyRange.formulas, historyRange.valueTypes);
      cells.set(history.name, { ...(cells.get(history.name) ?? {}), ...got });
    }

    const probed = new Map(probes.map((p) => [p.sheet, p.range.values]));
    const survey: Survey = {
      sheets,
      structureProtected: wbProtection ? wbProtection.protected : null,
      looked,
      ourFormats: [],
      ourNotes: [],
      ourComments: [],
      keptComments: [],
      replyNotes: [],
      issueSheets: toolIssueSheets({
        sheets: sheets.map((x) => x.name),
        names: issueNameRefs(names, caps, sheets.map((x) => x.name)),
        probe: (sheet, address) => {
          const at = parseCell(address);
          return at ? (probed.get(sheet)?.[at.row - 1]?.[at.col - 1] as Scalar | undefined) : undefined;
        },
      }),
      issuesName: names.items.some((n) => upper(n.name) === ISSUES_NAME),
      userAnnotated: new Set(),
    };
    for (const f of formats) {
      for (const cf of f.cfs.items) if (isOurFormat(cf)) survey.ourFormats.push({ sheet: f.sheet, id: cf.id });
    }
    for (const a of located) {
      const split = splitSheetAddress(a.at.address);
      if (!split) continue;
      const sheet = byUpper.get(upper(split.sheet))?.name ?? split.sheet;
      const address = normAddress(split.address);
      const o = a.owner;
      // After our marks go, a cell whose note is (or becomes) the user's is the user's.
      if (o.kind !== 'tool' || (a.kind === 'comment' && (a.replies?.items.length ?? 0) > 0)) survey.userAnnotated.add(cellKey(sheet, address));
      if (a.kind === 'note') {
        if (o.kind === 'tool') survey.ourNotes.push({ sheet, address });
        else if (o.kind === 'reply') survey.replyNotes.push({ sheet, address, userText: o.userText });
      } else if (o.kind !== 'user') {
        if ((a.replies?.items.length ?? 0) > 0 || o.kind === 'reply') survey.keptComments.push({ sheet, address });
        else survey.ourComments.push({ sheet, id: a.id });
      }
    }
    const snapshot: WorkbookSnapshot = {
      sheets: sheets.map((s): SheetSnapshot => ({ name: s.name, cells: cells.get(s.name) ?? {} })),
      names: refs,
    };
    if (values) {
      this.layout = {
        names: JSON.stringify(refs),
        bands: reads.map((r) => ({ sheet: r.sheet, rect: r.rect })),
        history: history ? history.name : null,
      };
    }
    return { snapshot, survey };
  }

  // ---- marks --------------------------------------------------------------------------

  /**
   * Draws each marked cell's overlay and note and writes the issue sheet in one sync,
   * removing our earlier marks in the same batch. Planned from what the last read learnt
   * (protection, visibility, annotations); without a read that saw the plan's sheets, it
   * looks first (two read-only syncs, no cell values).
   */
  async applyMarks(plan: MarkPlan): Promise<MarkOutcome> {
    const wanted = [...new Set(plan.marks.map((m) => m.sheet))];
    let sv = this.survey;
    if (!sv || wanted.some((s) => !sv?.looked.has(upper(s)) && sv?.sheets.some((x) => upper(x.name) === upper(s)))) {
      sv = (await this.inspect(false, wanted)).survey;
    }
    try {
      return await this.writeMarks(plan, sv);
    } catch (e) {
      // Something changed since we looked (a note added, a sheet protected): look again,
      // then write once more. The first batch removed at most our own old marks.
      if (e instanceof AppError || isCellEditModeError(e)) throw e;
      sv = (await this.inspect(false, wanted)).survey;
      try {
        return await this.writeMarks(plan, sv);
      } catch (again) {
        // Below ExcelApi 1.7 structure protection cannot be seen before it refuses the sheet.
        if (codeOf(again) === 'AccessDenied') throw new ExcelHostError('WORKBOOK_PROTECTED', {}, { cause: again });
        throw again;
      }
    }
  }

  /**
   * Removes what the tool added, by the core's mark contract, and nothing of the user's: our
   * overlays, our notes (one the user typed into keeps the user's words), our comments nobody
   * replied to, our 问题清单 and its name. Three syncs: the two of the read, one write.
   * Protected sheets are left, and so is what this Excel cannot do; both go to lastDegraded.
   */
  async clearMarks(): Promise<number> {
    const caps = this.caps();
    const sv = (await this.inspect(false, [], true)).survey;
    const degraded: string[] = [];
    const info = new Map(sv.sheets.map((x) => [upper(x.name), x]));
    const free = (x: { sheet: string }) => info.get(upper(x.sheet))?.protected !== true;
    const formats = sv.ourFormats.filter(free);
    const notes = sv.ourNotes.filter(free);
    const replies = sv.replyNotes.filter(free);
    const comments = sv.ourComments.filter(free);
    const locked = [...new Set([...sv.ourFormats, ...sv.ourNotes, ...sv.replyNotes, ...sv.ourComments].filter((x) => !free(x)).map((x) => info.get(upper(x.sheet))?.name ?? x.sheet))];
    if (locked.length > 0) degraded.push(`protected: ${locked.join(', ')}`);
    if (sv.keptComments.length > 0) degraded.push(`comments kept (replied to): ${sv.keptComments.map((c) => `${c.sheet}!${c.address}`).join(', ')}`);
    const steps: Step[] = [
      ...dropSteps(formats, notes, comments),
      ...replies.map((r): Step => ({ cost: cost(4, r), run: (b) => void (b.sheet(r.sheet).notes.getItem(r.address).content = r.userText) })),
    ];
    const issue = issueSheetSteps(sv, caps, degraded);
    steps.push(...issue.steps);
    try {
      await this.runSteps(steps);
    } catch (e) {
      // Below ExcelApi 1.7 structure protection shows only when it refuses the sheet (the last step).
      if (codeOf(e) !== 'AccessDenied' || issue.steps.length === 0) throw e;
      degraded.push('workbook protected: 问题清单');
      issue.removed = [];
    }
    this.lastDegraded = degraded;
    const goneFormats = new Set(formats.map((f) => f.id));
    const goneNotes = new Set([...notes, ...replies].map((n) => cellKey(n.sheet, n.address)));
    const goneComments = new Set(comments.map((c) => c.id));
    sv.ourFormats = sv.ourFormats.filter((f) => !goneFormats.has(f.id));
    sv.ourNotes = sv.ourNotes.filter((n) => !goneNotes.has(cellKey(n.sheet, n.address)));
    for (const n of notes) sv.userAnnotated.delete(cellKey(n.sheet, n.address));
    sv.replyNotes = sv.replyNotes.filter((n) => !goneNotes.has(cellKey(n.sheet, n.address)));
    sv.ourComments = sv.ourComments.filter((c) => !goneComments.has(c.id));
    const goneSheets = new Set(issue.removed.map(upper));
    sv.sheets = sv.sheets.filter((x) => !goneSheets.has(upper(x.name)));
    sv.issueSheets = sv.issueSheets.filter((x) => !goneSheets.has(upper(x)));
    if (issue.removed.length > 0 && issue.nameDropped) sv.issuesName = false;
    return Math.max(formats.length, notes.length + replies.length);
  }

  private async writeMarks(plan: MarkPlan, sv: Survey): Promise<MarkOutcome> {
    const caps = this.caps();
    const degraded: string[] = [];
    const decision = planMarkBatch(plan, sv, caps, degraded);
    const issuePlan = { ...plan.issueSheet, name: decision.issueSheet };
    const issueName = issuePlan.name;

    // 1. Our old marks go first: if anything later fails, only they are gone. A note the
    //    user typed into keeps the user's words.
    const steps: Step[] = [
      ...dropSteps(decision.dropFormats, decision.dropNotes, decision.dropComments),
      ...decision.replyNotes.map((r): Step => ({ cost: cost(4, r), run: (b) => void (b.sheet(r.sheet).notes.getItem(r.address).content = r.userText) })),
    ];
    if (sv.keptComments.length > 0) degraded.push(`comments kept (replied to): ${sv.keptComments.map((c) => `${c.sheet}!${c.address}`).join(', ')}`);
    // 2. The issue sheet: the old one and its name go, the new one comes under a free name
    //    (no temporary sheet to orphan), with the name that says it is the tool's.
    const olds = decision.oldIssueSheets;
    const dropName = sv.issuesName && caps.nullObjects;
    steps.push({
      cost: cost(6, issueName, olds),
      run: (b) => {
        if (dropName) b.wb.names.getItem(ISSUES_NAME).delete();
        for (const old of olds) b.wb.worksheets.getItem(old).delete();
        b.remember(issueName, b.wb.worksheets.add(issueName));
      },
    });
    steps.push(...sheetSteps(issuePlan, caps, degraded));
    if (caps.nullObjects) {
      steps.push({
        cost: cost(6, ISSUES_NAME, issueName),
        run: (b) => {
          b.wb.names.add(ISSUES_NAME, b.sheet(issueName).getRange('A1')).visible = false;
        },
      });
    } else degraded.push(`names (ExcelApi ${API.nullObjects})`);
    // 3. Overlays and notes on the cells.
    const added: Array<{ sheet: string; cf: Excel.ConditionalFormat | null }> = [];
    if (caps.cf) {
      for (const g of decision.groups) {
        const colors = SEVERITY_COLORS[g.severity];
        const formula = markFormula(g.severity);
        steps.push({
          cost: cost(15, g.sheet, g.address, formula, colors),
          run: (b) => {
            const cf = b.sheet(g.sheet).getRange(g.address).conditionalFormats.add('Custom');
            cf.custom.rule.formula = formula;
            cf.custom.format.fill.color = `#${colors.fill}`;
            cf.custom.format.font.color = `#${colors.font}`;
            cf.priority = 0;
            const slot = { sheet: g.sheet, cf: cf.load('id') };
            added.push(slot);
          },
        });
      }
    }
    const notesAdded: Array<{ sheet: string; address: string }> = [];
    if (decision.mode === 'notes') {
      for (const g of decision.noted) {
        const text = markNoteText(g.notes, NOTE_LIMIT);
        steps.push({
          cost: cost(5, g.sheet, g.address, text),
          run: (b) => {
            b.sheet(g.sheet).notes.add(g.address, text);
            notesAdded.push({ sheet: g.sheet, address: g.address });
          },
        });
      }
    }
    await this.runSteps(steps);
    this.lastDegraded = degraded;

    // What is in the workbook now: the next marking needs no read.
    const gone = new Set(decision.dropFormats.map((f) => f.id));
    sv.ourFormats = [...sv.ourFormats.filter((f) => !gone.has(f.id)), ...added.map((a) => ({ sheet: a.sheet, id: (a.cf as Excel.ConditionalFormat).id }))];
    const goneNotes = new Set(decision.dropNotes.map((n) => cellKey(n.sheet, n.address)));
    sv.ourNotes = [...sv.ourNotes.filter((n) => !goneNotes.has(cellKey(n.sheet, n.address))), ...notesAdded];
    const goneComments = new Set(decision.dropComments.map((c) => c.id));
    sv.ourComments = sv.ourComments.filter((c) => !goneComments.has(c.id));
    const rewritten = new Set(decision.replyNotes.map((n) => cellKey(n.sheet, n.address)));
    sv.replyNotes = sv.replyNotes.filter((n) => !rewritten.has(cellKey(n.sheet, n.address)));
    const goneSheets = new Set([...olds, issueName].map(upper));
    sv.sheets = [...sv.sheets.filter((s) => !goneSheets.has(upper(s.name))), { name: issueName, visibility: 'Visible', protected: caps.v12 ? false : null }];
    sv.issueSheets = [issueName];
    sv.issuesName = caps.nullObjects;
    sv.looked.add(upper(issueName));
    return { notes: decision.mode, marked: caps.cf ? decision.groups.length : 0, protectedSheets: decision.protectedSheets };
  }

  // ---- writing ------------------------------------------------------------------------

  /**
   * Inserts a template: new sheets, their cells, formats and names. Two syncs. A sheet that
   * already exists stops everything, unless `replaceSheets` says the plan's sheets are the
   * add-in's own generated pages (领导参阅), which are then deleted and written anew.
   */
  async applyWorkbookPlan(plan: WorkbookPlan, options: { replaceSheets?: boolean } = {}): Promise<void> {
    const caps = this.caps();
    if (!caps.nullObjects) throw new ExcelHostError('UNSUPPORTED', { set: API.nullObjects });
    const seen = new Set<string>();
    for (const s of plan.sheets) {
      if (sheetNameProblem(s.name)) throw new ExcelHostError('BAD_SHEET_NAME', { sheet: s.name });
      if (seen.has(upper(s.name))) throw new ExcelHostError('SHEET_EXISTS', { sheet: s.name });
      seen.add(upper(s.name));
    }

    // Sync 1: nothing is written until we know no sheet or name is taken, and that the
    // workbook's structure may change.
    const clash = await this.batch(async (ctx) => {
      const wb = ctx.workbook;
      const sheets = plan.sheets.map((s) => ({ name: s.name, ws: wb.worksheets.getItemOrNullObject(s.name).load('name,visibility') }));
      const names = plan.names.map((n) => ({ name: n.name, item: wb.names.getItemOrNullObject(n.name) }));
      const protection = caps.v17 ? wb.protection.load('protected') : null;
      await ctx.sync();
      const found = sheets.filter((s) => !s.ws.isNullObject);
      return {
        sheets: found.map((s) => s.ws.name),
        veryHidden: found.filter((s) => String(s.ws.visibility) === 'VeryHidden').map((s) => s.ws.name),
        names: names.filter((n) => !n.item.isNullObject).map((n) => n.name),
        structureProtected: protection?.protected === true,
      };
    });
    if (clash.structureProtected) throw new ExcelHostError('WORKBOOK_PROTECTED');
    if (clash.sheets.length > 0 && !options.replaceSheets) {
      throw new ExcelHostError('SHEET_EXISTS', { sheet: clash.sheets.join('、') });
    }
    if (clash.veryHidden.length > 0) throw new ExcelHostError('SHEET_HIDDEN', { sheet: clash.veryHidden.join('、') });
    if (clash.names.length > 0) throw new ExcelHostError('NAME_EXISTS', { name: clash.names.join('、') });

    // Sync 2 (more only past the payload budget): everything else.
    const degraded: string[] = [];
    const steps: Step[] = [];
    if (options.replaceSheets) {
      for (const name of clash.sheets) steps.push({ cost: cost(2, name), run: (b) => b.wb.worksheets.getItem(name).delete() });
    }
    for (const s of plan.sheets) {
      steps.push({
        cost: cost(3, s.name),
        run: (b) => b.remember(s.name, b.wb.worksheets.add(s.name)),
      });
    }
    for (const n of plan.names) {
      steps.push({
        cost: cost(4, n),
        run: (b) => void b.wb.names.add(n.name, b.sheet(n.sheet).getRange(n.address)),
      });
    }
    for (const s of plan.sheets) steps.push(...sheetSteps(s, caps, degraded));
    const first = plan.sheets[0];
    if (first) steps.push({ cost: cost(2), run: (b) => b.sheet(first.name).activate() });
    try {
      await this.runSteps(steps);
    } catch (e) {
      await this.rollback(plan).catch(() => undefined);
      throw e;
    }
    this.lastDegraded = degraded;
    if (this.survey) {
      const sv = this.survey;
      const added = new Set(plan.sheets.map((s) => upper(s.name)));
      sv.sheets = [...sv.sheets.filter((s) => !added.has(upper(s.name))), ...plan.sheets.map((s): SheetInfo => ({ name: s.name, visibility: s.hidden && caps.v12 ? 'Hidden' : 'Visible', protected: false }))];
    }
  }

  /**
   * The native YoY chart beside the 领导参阅 table (sheet already written): one batch, one
   * sync, with the same cell-edit handling as every other batch. False when there is
   * nothing to chart.
   */
  async addYoyChart(sheet: SheetPlan, text: YoyChartText): Promise<boolean> {
    const rows = yoyRows(sheet);
    if (!rows || !this.has(API.base)) return false;
    const caps = this.caps();
    return this.batch(async (ctx) => {
      queueYoyChart(ctx, sheet.name, rows, text, caps.v17);
      await ctx.sync();
      return true;
    });
  }

  /**
   * Writes accepted suggestions, explanations and formulas into existing cells. One sync.
   * A sheet the last read found protected is refused before anything is written.
   */
  async applyCellEdits(edits: CellEdit[]): Promise<void> {
    const locked = edits.find((e) => this.sheetInfo(e.sheet)?.protected === true);
    if (locked) throw new ExcelHostError('SHEET_PROTECTED', { sheet: locked.sheet });
    const steps: Step[] = [];
    const fitRows = this.has(API.layout);
    for (const e of edits) {
      let input: string | number | boolean;
      if (e.formula !== undefined) input = `=${e.formula}`;
      else if (e.value !== undefined) input = cellInput(e.value);
      else continue;
      // A long 说明: the row is fitted to its text (Excel measures; the hint is for readers that cannot).
      const fit = e.rowHeight !== undefined && fitRows;
      steps.push({
        cost: cost(fit ? 5 : 3, e.sheet, e.address, input),
        run: (b) => {
          const r = b.sheet(e.sheet).getRange(e.address);
          if (e.formula !== undefined) r.formulas = [[input]];
          else r.values = [[input]];
          if (fit) r.format.autofitRows();
        },
      });
    }
    try {
      await this.runSteps(steps);
    } catch (e) {
      // Protected since we looked (Excel refuses the first locked cell, before any write
      // that follows it; the edits before it are written, as they would be by hand).
      if (codeOf(e) === 'AccessDenied') throw new ExcelHostError('SHEET_PROTECTED', { sheet: edits[0]?.sheet ?? '' }, { cause: e });
      throw e;
    }
  }

  /** Shows a finding's cell: activates its sheet and selects it. One sync. */
  async selectCell(ref: CellRef): Promise<void> {
    const info = this.sheetInfo(ref.sheet);
    if (info && info.visibility !== 'Visible') throw new ExcelHostError('SHEET_HIDDEN', { sheet: info.name });
    try {
      await this.batch(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(ref.sheet);
        ws.activate();
        ws.getRange(ref.address).select();
        await ctx.sync();
      });
    } catch (e) {
      if (codeOf(e) === 'InvalidOperation' || codeOf(e) === 'InvalidSelection') {
        throw new ExcelHostError('SHEET_HIDDEN', { sheet: ref.sheet }, { cause: e });
      }
      throw e;
    }
  }

  // ---- plumbing -----------------------------------------------------------------------

  private sheetInfo(name: string): SheetInfo | undefined {
    return this.survey?.sheets.find((s) => upper(s.name) === upper(name));
  }

  private has(v: string): boolean {
    let ok = this.supported.get(v);
    if (ok === undefined) {
      try {
        ok = this.deps.isSetSupported('ExcelApi', v);
      } catch {
        ok = false;
      }
      this.supported.set(v, ok);
    }
    return ok;
  }

  private caps(): Caps {
    const has = (v: string) => this.has(v);
    return {
      v12: has(API.layout),
      nullObjects: has(API.nullObjects),
      cf: has(API.conditionalFormats),
      v17: has(API.hyperlinks),
      v18: has(API.dataValidation),
      pageLayout: has(API.pageLayout),
      comments: has(API.comments),
      delayForCellEdit: has(API.delayForCellEdit),
      notes: has(API.notes),
    };
  }

  /**
   * One Excel.run: the only place cell-edit mode is handled. Where Excel supports it, it is
   * asked to hold the batch until the user leaves the cell; a refusal all the same is
   * retried with a growing back-off, then explained.
   */
  private async batch<T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    const options: Excel.RunOptions | undefined = this.caps().delayForCellEdit ? { delayForCellEdit: true } : undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.deps.run(fn, options);
      } catch (e) {
        if (!isCellEditModeError(e)) throw e;
        if (attempt >= this.deps.retries) throw new ExcelHostError('CELL_EDIT_MODE', {}, { cause: e });
        await this.deps.sleep(this.deps.retryDelayMs * 2 ** attempt);
      }
    }
  }

  /** Runs steps in as few syncs as the payload budget allows (normally one). */
  private async runSteps(steps: Step[]): Promise<void> {
    // Excel reports our own writes as changes too; the live re-check must not chase them.
    this.ownWriteUntil = Number.POSITIVE_INFINITY;
    try {
      await this.runParts(steps);
    } finally {
      this.ownWriteUntil = this.deps.now() + this.ownWriteMs;
    }
  }

  private async runParts(steps: Step[]): Promise<void> {
    for (const part of chunk(steps, this.deps.payloadBudget)) {
      // Only past the budget is there more than one part; each is its own request.
      await this.batch(async (ctx) => {
        const b = new Batch(ctx);
        for (const s of part) s.run(b);
        await ctx.sync();
      });
    }
  }

  private async rollback(plan: WorkbookPlan): Promise<void> {
    await this.batch(async (ctx) => {
      const wb = ctx.workbook;
      for (const n of plan.names) wb.names.getItemOrNullObject(n.name).delete();
      for (const s of plan.sheets) wb.worksheets.getItemOrNullObject(s.name).delete();
      await ctx.sync();
    });
  }
}

// ---------------------------------------------------------------------------------------
// The marking decision (pure: survey + plan + caps → what the batch does)

export interface MarkDecision {
  mode: MarkOutcome['notes'];
  /** Cells to overlay (worst severity each). */
  groups: MarkGroup[];
  /** Cells that also get a note. */
  noted: MarkGroup[];
  dropFormats: Array<{ sheet: string; id: string }>;
  dropNotes: Array<{ sheet: string; address: string }>;
  dropComments: Array<{ sheet: string; id: string }>;
  /** Our notes the user typed into: rewritten to the user's words. */
  replyNotes: Array<{ sheet: string; address: string; userText: string }>;
  /** The tool's existing 问题清单 sheets, deleted before the new one is added. */
  oldIssueSheets: string[];
  /** The new 问题清单's name: free among the sheets that stay (a user's 问题清单 stays). */
  issueSheet: string;
  protectedSheets: string[];
}

/**
 * Decides the marking batch before anything is written: refuses what Excel would refuse
 * halfway (structure protection, a very hidden issue sheet), leaves protected sheets
 * unmarked, and writes a note only where the cell is known to be free.
 */
export function planMarkBatch(plan: MarkPlan, sv: Survey, caps: Pick<Caps, 'cf' | 'notes' | 'comments'>, degraded: string[]): MarkDecision {
  const byUpper = new Map(sv.sheets.map((s) => [upper(s.name), s]));
  const olds = sv.issueSheets.map((n) => byUpper.get(upper(n))).filter((s): s is SheetInfo => s !== undefined);
  if (sv.structureProtected === true) throw new ExcelHostError('WORKBOOK_PROTECTED');
  const veryHidden = olds.find((s) => s.visibility === 'VeryHidden');
  if (veryHidden) throw new ExcelHostError('SHEET_HIDDEN', { sheet: veryHidden.name });
  if (olds.length > 0 && !sv.sheets.some((s) => !olds.includes(s) && s.visibility === 'Visible')) {
    // Deleting the only visible sheet is refused; a workbook with nothing else visible
    // has no report to mark either.
    throw new ExcelHostError('SHEET_HIDDEN', { sheet: sv.sheets.filter((s) => !olds.includes(s)).map((s) => s.name).join('、') });
  }
  const issueSheet = freeIssueSheetName(sv.sheets.filter((s) => !olds.includes(s)).map((s) => s.name));
  const issueSheets = new Set([...olds.map((s) => upper(s.name)), upper(issueSheet)]);
  const all = groupMarks(plan.marks)
    .filter((g) => !issueSheets.has(upper(g.sheet)))
    .map((g) => ({ ...g, sheet: byUpper.get(upper(g.sheet))?.name ?? g.sheet }))
    .filter((g) => byUpper.has(upper(g.sheet)));
  const isLocked = (sheet: string) => byUpper.get(upper(sheet))?.protected === true;
  const protectedSheets = [...new Set(all.filter((g) => isLocked(g.sheet)).map((g) => g.sheet))];
  const groups = all.filter((g) => !isLocked(g.sheet));
  const free = (s: { sheet: string }) => !isLocked(s.sheet);
  const mode: MarkOutcome['notes'] = caps.notes ? 'notes' : 'none';
  if (!caps.cf) degraded.push(`conditionalFormats (ExcelApi ${API.conditionalFormats})`);
  if (!caps.notes) degraded.push(`notes (ExcelApi ${API.notes})`);
  if (protectedSheets.length > 0) degraded.push(`protected: ${protectedSheets.join(', ')}`);
  const noted =
    mode === 'notes'
      ? groups.filter((g) => sv.looked.has(upper(g.sheet)) && !sv.userAnnotated.has(cellKey(g.sheet, g.address)))
      : [];
  return {
    mode,
    groups,
    noted,
    dropFormats: caps.cf ? sv.ourFormats.filter(free) : [],
    dropNotes: caps.notes ? sv.ourNotes.filter(free) : [],
    dropComments: caps.comments ? sv.ourComments.filter(free) : [],
    replyNotes: caps.notes ? sv.replyNotes.filter(free) : [],
    oldIssueSheets: olds.map((s) => s.name),
    issueSheet,
    protectedSheets,
  };
}

/** Deletes our overlays, notes and comments (the first steps of a marking or clearing batch). */
function dropSteps(formats: Array<{ sheet: string; id: string }>, notes: Array<{ sheet: string; address: string }>, comments: Array<{ sheet: string; id: string }>): Step[] {
  return [
    ...formats.map((f): Step => ({ cost: cost(3, f), run: (b) => b.sheet(f.sheet).getRange().conditionalFormats.getItem(f.id).delete() })),
    ...notes.map((n): Step => ({ cost: cost(3, n), run: (b) => b.sheet(n.sheet).notes.getItem(n.address).delete() })),
    ...comments.map((c): Step => ({ cost: cost(2, c), run: (b) => b.wb.comments.getItem(c.id).delete() })),
  ];
}

/**
 * Clearing's removal of the tool's 问题清单 and its name, or (in lastDegraded) why not: a
 * protected workbook structure, a very hidden sheet, no other visible sheet. Last in the batch.
 */
function issueSheetSteps(sv: Survey, caps: Caps, degraded: string[]): { steps: Step[]; removed: string[]; nameDropped: boolean } {
  const byUpper = new Map(sv.sheets.map((s) => [upper(s.name), s]));
  const targets = sv.issueSheets.map((n) => byUpper.get(upper(n))).filter((s): s is SheetInfo => s !== undefined);
  const none = { steps: [], removed: [], nameDropped: false };
  let removable = targets.filter((s) => s.visibility !== 'VeryHidden');
  if (removable.length < targets.length) degraded.push(`very hidden: ${targets.filter((s) => !removable.includes(s)).map((s) => s.name).join(', ')}`);
  if (sv.structureProtected === true && removable.length > 0) {
    degraded.push(`workbook protected: ${removable.map((s) => s.name).join(', ')}`);
    return none;
  }
  if (removable.length > 0 && !sv.sheets.some((s) => !removable.includes(s) && s.visibility === 'Visible')) {
    degraded.push(`only visible sheet: ${removable.map((s) => s.name).join(', ')}`);
    removable = [];
  }
  // The name goes with the sheets; one that points nowhere any more goes on its own.
  const nameDropped = sv.issuesName && caps.nullObjects && (removable.length > 0 || targets.length === 0);
  if (sv.issuesName && !caps.nullObjects) degraded.push(`names (ExcelApi ${API.nullObjects})`);
  const steps: Step[] = [];
  if (nameDropped) steps.push({ cost: cost(2, ISSUES_NAME), run: (b) => b.wb.names.getItem(ISSUES_NAME).delete() });
  for (const s of removable) steps.push({ cost: cost(2, s.name), run: (b) => b.wb.worksheets.getItem(s.name).delete() });
  return { steps, removed: removable.map((s) => s.name), nameDropped };
}

// ---------------------------------------------------------------------------------------
// Reading helpers

/** The used range of `ws` with the calls this Excel has (valuesOnly is 1.2, OrNullObject 1.4). */
function usedRangeOf(ws: Excel.Worksheet, caps: Caps): Excel.Range {
  if (caps.nullObjects) return ws.getUsedRangeOrNullObject(true);
  return caps.v12 ? ws.getUsedRange(true) : ws.getUsedRange();
}

/**
 * Workbook names that point at one cell of an existing sheet (the sheet's own spelling); the
 * mark contract's ISSUES_NAME is the tool's, not the report's (issueNameRefs).
 */
function namedRefs(names: Excel.NamedItemCollection, caps: Pick<Caps, 'v17'>, sheetNames: string[], issues = false): NameRef[] {
  const byUpper = new Map(sheetNames.map((n) => [upper(n), n]));
  const refs: NameRef[] = [];
  for (const n of names.items) {
    if (String(n.type) !== 'Range' || (upper(n.name) === ISSUES_NAME) !== issues) continue;
    const at = parseNameFormula(caps.v17 ? String(n.formula) : `=${String(n.value)}`);
    const sheet = at ? byUpper.get(upper(at.sheet)) : undefined;
    if (!at || !sheet) continue;
    refs.push({ name: n.name, sheet, address: at.address });
  }
  return refs;
}

/** Where ISSUES_NAME points (the tool's 问题清单). */
function issueNameRefs(names: Excel.NamedItemCollection, caps: Pick<Caps, 'v17'>, sheetNames: string[]): NameRef[] {
  return namedRefs(names, caps, sheetNames, true);
}

/**
 * Our overlay by the core's contract; also one of the earliest versions (formula TRUE in a
 * severity colour: its range is not looked at here, which would take one more round trip).
 */
function isOurFormat(cf: Excel.ConditionalFormat): boolean {
  if (cf.type !== 'Custom' || cf.customOrNullObject.isNullObject) return false;
  const formula = String(cf.customOrNullObject.rule.formula ?? '');
  return isMarkFormula(formula) || isLegacyOverlay(formula, cf.customOrNullObject.format.fill.color);
}

// ---------------------------------------------------------------------------------------
// Marks

interface MarkGroup {
  sheet: string;
  address: string;
  severity: Severity;
  notes: string[];
}

/** planMarks already gives one mark per cell (the worst severity, every note): one group each. */
function groupMarks(marks: readonly Mark[]): MarkGroup[] {
  return marks.map((m) => ({ sheet: m.sheet, address: normAddress(m.address), severity: m.severity, notes: [m.note] }));
}

// ---------------------------------------------------------------------------------------
// Writing one planned sheet

/** Rows per value write are cut here so no single call approaches the budget. */
const BAND_BYTES = 512 * 1024;

function runsOf(entries: Array<[number, number]>): Array<{ from: number; to: number; value: number }> {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const runs: Array<{ from: number; to: number; value: number }> = [];
  for (const [i, v] of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.to === i - 1 && last.value === v) last.to = i;
    else runs.push({ from: i, to: i, value: v });
  }
  return runs;
}

function linkTarget(link: string): string {
  return link.replace(/^#/, '');
}

function cellText(c: PlannedCell): string | number | boolean | undefined {
  if (c.formula !== undefined) return `=${c.formula}`;
  if (c.value !== undefined) return cellInput(c.value);
  if (c.link !== undefined) return cellInput(linkTarget(c.link));
  return undefined;
}

function fill2d<V>(r: Rect, v: V): V[][] {
  return Array.from({ length: r.r2 - r.r1 + 1 }, () => Array.from({ length: r.c2 - r.c1 + 1 }, () => v));
}

function groupRects<T>(cells: Array<{ pos: { row: number; col: number }; key: string; value: T }>) {
  const by = new Map<string, { value: T; pos: Array<{ row: number; col: number }> }>();
  for (const c of cells) {
    const g = by.get(c.key);
    if (g) g.pos.push(c.pos);
    else by.set(c.key, { value: c.value, pos: [c.pos] });
  }
  return [...by.values()].map((g) => ({ value: g.value, rects: coalesce(g.pos) }));
}

function styleOps(s: CellStyle): number {
  return Object.keys(s).length * 4 + (s.border ? 24 : 0);
}

function applyStyle(range: Excel.Range, s: CellStyle, r: Rect, v12: boolean): void {
  const f = range.format;
  if (s.font !== undefined) f.font.name = FONT_FACES[s.font];
  if (s.size !== undefined) f.font.size = s.size;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.color !== undefined) f.font.color = `#${s.color}`;
  if (s.fill !== undefined) f.fill.color = `#${s.fill}`;
  if (s.align !== undefined) f.horizontalAlignment = ({ left: 'Left', center: 'Center', right: 'Right' } as const)[s.align];
  if (s.valign !== undefined) f.verticalAlignment = ({ top: 'Top', middle: 'Center', bottom: 'Bottom' } as const)[s.valign];
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.border) {
    const edges: Array<'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical'> = [
      'EdgeTop',
      'EdgeBottom',
      'EdgeLeft',
      'EdgeRight',
    ];
    if (r.r2 > r.r1) edges.push('InsideHorizontal');
    if (r.c2 > r.c1) edges.push('InsideVertical');
    for (const e of edges) {
      const b = f.borders.getItem(e);
      b.style = 'Continuous';
      b.weight = 'Thin';
    }
  }
  // RangeFormat.protection is ExcelApi 1.2; templates need 1.4 anyway.
  if (s.unlocked && v12) f.protection.locked = false;
}

function validationRule(v: Validation): Excel.DataValidationRule {
  const body: Excel.BasicDataValidation =
    v.min !== undefined && v.max !== undefined
      ? { formula1: v.min, formula2: v.max, operator: 'Between' }
      : v.min !== undefined
        ? { formula1: v.min, operator: 'GreaterThanOrEqualTo' }
        : v.max !== undefined
          ? { formula1: v.max, operator: 'LessThanOrEqualTo' }
          : { formula1: -1e15, formula2: 1e15, operator: 'Between' };
  return v.type === 'whole' ? { wholeNumber: body } : { decimal: body };
}

/** The steps that write one planned sheet (the sheet itself is added by the caller). */
function sheetSteps(p: SheetPlan, caps: Caps, degraded: string[]): Step[] {
  const steps: Step[] = [];
  const ws = (b: Batch) => b.sheet(p.name);
  const positioned = p.cells
    .map((c) => ({ c, pos: parseCell(c.address) }))
    .filter((x): x is { c: PlannedCell; pos: { row: number; col: number } } => x.pos !== null);

  // Column widths and row heights, equal neighbours in one call.
  // Column widths, row heights and merges are ExcelApi 1.2. Rows the plan lets grow
  // (minRowHeights) are left to fit themselves: a height set through the API is a fixed one.
  if (!caps.v12 && (p.columns.length > 0 || Object.keys(p.rowHeights ?? {}).length > 0 || p.merges.length > 0)) {
    degraded.push(`columnWidth / rowHeight / merge (ExcelApi ${API.layout})`);
  }
  const cols = caps.v12 ? runsOf(p.columns.map((w, i) => [i + 1, w] as [number, number])) : [];
  if (cols.length > 0) {
    steps.push({
      cost: cost(cols.length * 4),
      run: (b) => {
        for (const r of cols) {
          ws(b).getRange(`${indexToCol(r.from)}:${indexToCol(r.to)}`).format.columnWidth = charsToPoints(r.value);
        }
      },
    });
  }
  const rows = caps.v12 ? runsOf(Object.entries(p.rowHeights ?? {}).map(([k, v]) => [Number(k), v] as [number, number])) : [];
  if (rows.length > 0) {
    steps.push({
      cost: cost(rows.length * 4),
      run: (b) => {
        for (const r of rows) ws(b).getRange(`${r.from}:${r.to}`).format.rowHeight = r.value;
      },
    });
  }

  // Values and formulas: one rectangular write per band of consecutive rows.
  const byRow = new Map<number, Array<{ col: number; input: string | number | boolean }>>();
  for (const { c, pos } of positioned) {
    const input = cellText(c);
    if (input === undefined) continue;
    const list = byRow.get(pos.row) ?? [];
    list.push({ col: pos.col, input });
    byRow.set(pos.row, list);
  }
  const rowNums = [...byRow.keys()].sort((a, b) => a - b);
  let band: number[] = [];
  let bandBytes = 0;
  const flush = () => {
    if (band.length === 0) return;
    const entries = band.flatMap((r) => (byRow.get(r) ?? []).map((e) => ({ row: r, ...e })));
    const rect: Rect = {
      r1: band[0] as number,
      r2: band[band.length - 1] as number,
      c1: Math.min(...entries.map((e) => e.col)),
      c2: Math.max(...entries.map((e) => e.col)),
    };
    const grid = fill2d<string | number | boolean | null>(rect, null);
    for (const e of entries) (grid[e.row - rect.r1] as Array<string | number | boolean | null>)[e.col - rect.c1] = e.input;
    const address = rectToA1(rect);
    steps.push({ cost: cost(3, grid), run: (b) => void (ws(b).getRange(address).formulas = grid) });
    band = [];
    bandBytes = 0;
  };
  for (const r of rowNums) {
    const bytes = cost(0, byRow.get(r));
    const prev = band[band.length - 1];
    if (prev !== undefined && (prev !== r - 1 || bandBytes + bytes > BAND_BYTES)) flush();
    band.push(r);
    bandBytes += bytes;
  }
  flush();

  // Number formats, then styles, grouped into rectangles.
  const fmts = groupRects(
    positioned.filter((x) => x.c.style?.numFmt !== undefined).map((x) => ({ pos: x.pos, key: x.c.style?.numFmt as string, value: x.c.style?.numFmt as string })),
  );
  for (const g of fmts) {
    for (const r of g.rects) {
      const grid = fill2d(r, g.value);
      steps.push({ cost: cost(3, grid), run: (b) => void (ws(b).getRange(rectToA1(r)).numberFormat = grid) });
    }
  }
  const styled = positioned
    .map((x) => {
      const { numFmt: _numFmt, ...rest } = x.c.style ?? {};
      void _numFmt;
      return { pos: x.pos, key: JSON.stringify(rest), value: rest as CellStyle };
    })
    .filter((x) => x.key !== '{}');
  for (const g of groupRects(styled)) {
    for (const r of g.rects) {
      steps.push({ cost: cost(styleOps(g.value) + 2, g.value), run: (b) => applyStyle(ws(b).getRange(rectToA1(r)), g.value, r, caps.v12) });
    }
  }

  if (p.merges.length > 0 && caps.v12) {
    steps.push({
      cost: cost(p.merges.length * 3, p.merges),
      run: (b) => {
        for (const m of p.merges) ws(b).getRange(m).merge(false);
      },
    });
  }

  // Data validation (ExcelApi 1.8).
  const validated = positioned.filter((x) => x.c.validation !== undefined);
  if (validated.length > 0 && !caps.v18) degraded.push(`dataValidation (ExcelApi ${API.dataValidation})`);
  if (validated.length > 0 && caps.v18) {
    const groups = groupRects(validated.map((x) => ({ pos: x.pos, key: JSON.stringify(x.c.validation), value: x.c.validation as Validation })));
    for (const g of groups) {
      const v = g.value;
      const rule = validationRule(v);
      const alert: Excel.DataValidationErrorAlert = {
        showAlert: true,
        style: 'Stop',
        title: v.errorTitle.slice(0, 32),
        message: v.error.slice(0, 225),
      };
      const prompt: Excel.DataValidationPrompt | null =
        v.prompt !== undefined ? { showPrompt: true, title: '', message: v.prompt.slice(0, 255) } : null;
      for (const r of g.rects) {
        steps.push({
          cost: cost(8, rule, alert, prompt ?? undefined),
          run: (b) => {
            const dv = ws(b).getRange(rectToA1(r)).dataValidation;
            dv.rule = rule;
            dv.errorAlert = alert;
            if (prompt) dv.prompt = prompt;
          },
        });
      }
    }
  }

  // Internal links (ExcelApi 1.7); without them the cell keeps its text.
  const linked = p.cells.filter((c) => c.link !== undefined);
  if (linked.length > 0 && !caps.v17) degraded.push(`hyperlinks (ExcelApi ${API.hyperlinks})`);
  if (linked.length > 0 && caps.v17) {
    for (const c of linked) {
      const link: Excel.RangeHyperlink = {
        documentReference: linkTarget(c.link as string),
        textToDisplay: c.value === undefined || c.value === null ? linkTarget(c.link as string) : String(c.value),
      };
      steps.push({ cost: cost(3, link), run: (b) => void (ws(b).getRange(c.address).hyperlink = link) });
    }
  }

  const sheetOnly: Array<(b: Batch) => void> = [];
  let sheetOps = 0;
  if (p.freeze && (p.freeze.rows > 0 || p.freeze.cols > 0)) {
    if (!caps.v17) degraded.push(`freezePanes (ExcelApi ${API.hyperlinks})`);
    else {
      const { rows: fr, cols: fc } = p.freeze;
      sheetOps += 4;
      sheetOnly.push((b) => {
        const fp = ws(b).freezePanes;
        if (fr > 0 && fc > 0) fp.freezeAt(ws(b).getRange(rectToA1({ r1: 1, c1: 1, r2: fr, c2: fc })));
        else if (fr > 0) fp.freezeRows(fr);
        else fp.freezeColumns(fc);
      });
    }
  }
  if (p.hidden) {
    // Worksheet.visibility can be set from ExcelApi 1.2 (read from 1.1).
    if (!caps.v12) degraded.push(`hidden sheet (ExcelApi ${API.layout})`);
    else {
      sheetOps += 2;
      sheetOnly.push((b) => void (ws(b).visibility = 'Hidden'));
    }
  }
  if (p.tabColor !== undefined) {
    if (!caps.v17) degraded.push(`tabColor (ExcelApi ${API.hyperlinks})`);
    else {
      const color = `#${p.tabColor}`;
      sheetOps += 2;
      sheetOnly.push((b) => void (ws(b).tabColor = color));
    }
  }
  if (p.hideGridLines) {
    if (!caps.v18) degraded.push(`showGridlines (ExcelApi ${API.dataValidation})`);
    else {
      sheetOps += 2;
      sheetOnly.push((b) => void (ws(b).showGridlines = false));
    }
  }
  if (p.print) {
    if (!caps.pageLayout) degraded.push(`pageLayout (ExcelApi ${API.pageLayout})`);
    else {
      const pr = p.print;
      sheetOps += 16;
      sheetOnly.push((b) => {
        const pl = ws(b).pageLayout;
        pl.orientation = pr.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        pl.paperSize = 'A4';
        if (pr.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (pr.titleRows) pl.setPrintTitleRows(`$${pr.titleRows[0]}:$${pr.titleRows[1]}`);
        if (pr.margins) {
          const m = pr.margins;
          const pt = (inches: number) => Math.round(inches * 7200) / 100;
          pl.leftMargin = pt(m.left);
          pl.rightMargin = pt(m.right);
          pl.topMargin = pt(m.top);
          pl.bottomMargin = pt(m.bottom);
          pl.headerMargin = pt(m.header);
          pl.footerMargin = pt(m.footer);
        }
        if (pr.centerHorizontally !== undefined) pl.centerHorizontally = pr.centerHorizontally;
      });
    }
  }
  if (p.dataBars && p.dataBars.length > 0) {
    if (!caps.cf) degraded.push(`dataBars (ExcelApi ${API.conditionalFormats})`);
    else {
      const bars = p.dataBars;
      sheetOps += bars.length * 6;
      sheetOnly.push((b) => {
        for (const bar of bars) {
          const cf = ws(b).getRange(bar.range).conditionalFormats.add('DataBar');
          cf.dataBar.positiveFormat.fillColor = `#${bar.color}`;
        }
      });
    }
  }
  if (sheetOnly.length > 0) {
    steps.push({ cost: cost(sheetOps), run: (b) => sheetOnly.forEach((f) => f(b)) });
  }
  return steps;
}
