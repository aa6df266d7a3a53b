/**
 * The Office.js host: the only place Excel.run appears. It reads the workbook into a
 * snapshot and carries out the core's plans, deciding nothing about the report itself.
 *
 * Why it looks the way it does:
 *  - every call queues its work and syncs once (a round trip to Excel on the web costs
 *    far more than anything done locally); work is split into several syncs only when one
 *    request would pass ~4.5 MB, under Excel on the web's 5 MB payload limit;
 *  - each API above ExcelApi 1.4 is feature-detected, and its absence degrades to less
 *    output, never to an exception (see API below for what needs which set);
 *  - a batch refused because the user is typing in a cell is retried with a back-off;
 *  - marks are overlays we can take back without trace: a conditional format whose rule
 *    carries MARK_TOKEN, and a note or comment starting with NOTE_MARKER. The user's own
 *    fills, number formats, notes and comments are never touched.
 */
import type { NameRef, Scalar, SheetSnapshot, WorkbookSnapshot, CellData, CellRef } from '../../workbook/snapshot';
import { SEVERITY_COLORS, type CellEdit, type CellStyle, type Mark, type MarkPlan, type PlannedCell, type Severity, type SheetPlan, type Validation, type WorkbookPlan } from '../../core';
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

// ---------------------------------------------------------------------------------------
// Public constants

/** Carried inside our conditional formats' rule formula; how clearMarks knows its own. */
export const MARK_TOKEN = 'BRA-MARK';
/** Always TRUE, and says which severity it draws. */
export function markFormula(severity: Severity): string {
  return `=ISTEXT("${MARK_TOKEN}:${severity}")`;
}
/** Prefix of every note or comment the add-in writes. */
export const NOTE_MARKER = '【报表助手】';
/** Sheets read per sync when walking the workbook without knowing its sheet names. */
export const SHEET_CAP = 60;
/** Request size at which a batch is split (Excel on the web refuses requests over 5 MB). */
export const PAYLOAD_BUDGET = 4.5 * 1024 * 1024;

/** ExcelApi requirement set of each feature the host uses. */
export const API = {
  /** getItemOrNullObject, getUsedRangeOrNullObject, names.add: the floor for writing. */
  nullObjects: '1.4',
  /** worksheets.getFirst / getNextOrNullObject: read every sheet in one sync. */
  sheetChain: '1.5',
  /** Conditional formats: the mark overlays and data bars. */
  conditionalFormats: '1.6',
  /** Hyperlinks, freeze panes, tab colour, NamedItem.formula. */
  hyperlinks: '1.7',
  /** Data validation, hiding gridlines. */
  dataValidation: '1.8',
  /** Page layout: orientation, A4, print titles, fit to width, margins. */
  pageLayout: '1.9',
  /** Threaded comments (fallback for notes). */
  comments: '1.10',
  /** Cell notes. */
  notes: '1.18',
} as const;

/** Font faces for the plan's font roles (a Hei, a Song and a Fangsong face). */
export const FONT_FACES: Record<NonNullable<CellStyle['font']>, string> = {
  title: '黑体',
  body: '宋体',
  text: '仿宋',
};

// ---------------------------------------------------------------------------------------
// API

export interface ExcelHostDeps {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  isSetSupported: (name: string, version: string) => boolean;
  /** Waits between retries in cell-edit mode (tests pass a no-op). */
  sleep: (ms: number) => Promise<void>;
  /** Retries after the first attempt when Excel is in cell-edit mode. */
  retries: number;
  /** First back-off; doubles on each retry. */
  retryDelayMs: number;
  /** Bytes per request before a batch is split. */
  payloadBudget: number;
}

export interface MarkOutcome {
  notes: 'notes' | 'comments' | 'none';
  marked: number;
}

export type ExcelHostErrorCode =
  | 'SHEET_EXISTS'
  | 'NAME_EXISTS'
  | 'BAD_SHEET_NAME'
  | 'CELL_EDIT_MODE'
  | 'UNSUPPORTED';

/** A misuse or a refusal the pane can explain; `code` + `params` are for i18n. */
export class ExcelHostError extends Error {
  constructor(
    readonly code: ExcelHostErrorCode,
    readonly params: Record<string, string | number>,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ExcelHostError';
  }
}

const CELL_EDIT_MODE = 'InvalidOperationInCellEditMode';

export function isCellEditModeError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const x = e as { code?: unknown; debugInfo?: { code?: unknown } };
  return x.code === CELL_EDIT_MODE || x.debugInfo?.code === CELL_EDIT_MODE;
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

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
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
  nullObjects: boolean;
  chain: boolean;
  cf: boolean;
  v17: boolean;
  v18: boolean;
  pageLayout: boolean;
  comments: boolean;
  notes: boolean;
}

interface MarkState {
  /** Our overlays, notes and comments known to be in the workbook. */
  ours: number;
  /** Cells holding a user's note or comment; null when they exist but where is unknown. */
  userCells: Set<string> | null;
  /** Sheet names as last seen (upper case). */
  sheets: Set<string>;
}

interface SheetProbe {
  ws: Excel.Worksheet;
  used: Excel.Range | null;
  cfs: Excel.ConditionalFormatCollection | null;
}

// ---------------------------------------------------------------------------------------

export class ExcelHost {
  private readonly deps: ExcelHostDeps;
  private readonly supported = new Map<string, boolean>();
  private markState: MarkState | null = null;
  /** Features skipped by the last call because this Excel lacks them (for the pane). */
  lastDegraded: string[] = [];

  constructor(deps: Partial<ExcelHostDeps> = {}) {
    this.deps = {
      run: deps.run ?? (<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch)),
      isSetSupported:
        deps.isSetSupported ??
        ((name, version) =>
          typeof Office !== 'undefined' && Office.context.requirements.isSetSupported(name, version)),
      sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      retries: deps.retries ?? 4,
      retryDelayMs: deps.retryDelayMs ?? 150,
      payloadBudget: deps.payloadBudget ?? PAYLOAD_BUDGET,
    };
  }

  // ---- reading ------------------------------------------------------------------------

  /** Every sheet's used cells and the workbook's single-cell names: one sync up to 60 sheets. */
  async readSnapshot(): Promise<WorkbookSnapshot> {
    const caps = this.caps();
    const sheets: SheetSnapshot[] = [];
    let names: Array<{ name: string; type: string; formula: string }> = [];
    let ours = 0;
    let userNotes = 0;

    const readProbes = (probes: SheetProbe[]): void => {
      for (const p of probes) {
        if (p.ws.isNullObject) break;
        const cells =
          p.used && !p.used.isNullObject
            ? rangeToCells(p.used.address, p.used.values, p.used.formulas, p.used.valueTypes)
            : {};
        sheets.push({ name: p.ws.name, cells });
        if (p.cfs) ours += countOurFormats(p.cfs);
      }
    };

    if (caps.chain) {
      // One sync per SHEET_CAP sheets; a workbook of more sheets takes one more per page.
      let after: string | null = null;
      for (;;) {
        const start: string | null = after;
        const page = await this.batch(async (ctx) => {
          const probes = chainSheets(ctx.workbook, start).map((ws) => probeSheet(ws, caps));
          const wb = start === null ? probeWorkbook(ctx.workbook, caps) : null;
          await ctx.sync();
          readProbes(probes);
          if (wb) {
            names = readNames(wb.names, caps);
            const n = countNotes(wb.notes, wb.comments);
            ours += n.ours;
            userNotes = n.user;
          }
          const last = probes[probes.length - 1] as SheetProbe;
          return last.ws.isNullObject ? null : last.ws.name;
        });
        if (page === null) break;
        after = page;
      }
    } else {
      // Before ExcelApi 1.5: learn the names first, then read each sheet (two syncs).
      const list = await this.batch(async (ctx) => {
        const all = ctx.workbook.worksheets.load('items/name');
        const wb = probeWorkbook(ctx.workbook, caps);
        await ctx.sync();
        names = readNames(wb.names, caps);
        const n = countNotes(wb.notes, wb.comments);
        ours += n.ours;
        userNotes = n.user;
        return all.items.map((s) => s.name);
      });
      await this.batch(async (ctx) => {
        const probes = list.map((n) => probeSheet(ctx.workbook.worksheets.getItem(n), caps));
        await ctx.sync();
        readProbes(probes);
      });
    }

    const sheetSet = new Set(sheets.map((s) => s.name.toUpperCase()));
    const refs: NameRef[] = [];
    for (const n of names) {
      if (n.type !== 'Range') continue;
      const at = parseNameFormula(n.formula);
      if (!at || !sheetSet.has(at.sheet.toUpperCase())) continue;
      const sheet = sheets.find((s) => s.name.toUpperCase() === at.sheet.toUpperCase()) as SheetSnapshot;
      refs.push({ name: n.name, sheet: sheet.name, address: at.address });
    }
    this.markState = { ours, userCells: userNotes === 0 ? new Set() : null, sheets: sheetSet };
    return { sheets, names: refs };
  }

  // ---- marks --------------------------------------------------------------------------

  /**
   * Draws each marked cell's overlay and note and writes the issue sheet in one sync. When
   * the host cannot be sure the workbook is free of earlier marks and of user notes on the
   * cells to mark (no readSnapshot or clearMarks before, or they found some), it first runs
   * clearMarks (two more syncs), so a re-check never stacks overlays or clobbers a note.
   */
  async applyMarks(plan: MarkPlan): Promise<MarkOutcome> {
    const st = this.markState;
    if (!st || st.ours > 0 || st.userCells === null) await this.clearMarks();
    try {
      return await this.writeMarks(plan);
    } catch (e) {
      // Partly applied (e.g. a user added a note since we looked): take back what we
      // wrote, relearn where the user's notes are, and write once more.
      if (e instanceof ExcelHostError) throw e;
      await this.clearMarks();
      return await this.writeMarks(plan);
    }
  }

  /** Removes our overlays, notes and comments only. At most two syncs (up to 60 sheets). */
  async clearMarks(): Promise<number> {
    const caps = this.caps();
    const result = await this.batch(async (ctx) => {
      const wb = ctx.workbook;
      const formats: Excel.ConditionalFormatCollection[] = [];
      const sheetNames: string[] = [];
      const notes = caps.notes ? wb.notes.load('items/content') : null;
      const comments = caps.comments ? wb.comments.load('items/content') : null;
      const all = caps.chain ? null : wb.worksheets.load('items/name');
      let after: string | null = null;
      for (;;) {
        // Normally once; a workbook of more than SHEET_CAP sheets needs one sync per page.
        const probes = chainSheets(wb, after, caps.chain).map((ws) => ({
          ws: ws.load('name'),
          cfs: caps.cf ? loadFormats(ws) : null,
        }));
        await ctx.sync();
        let full = true;
        for (const p of probes) {
          if (p.ws.isNullObject) {
            full = false;
            break;
          }
          sheetNames.push(p.ws.name);
          if (p.cfs) formats.push(p.cfs);
        }
        if (!full || !caps.chain) break;
        after = sheetNames[sheetNames.length - 1] as string;
      }
      if (all) sheetNames.push(...all.items.map((s) => s.name));

      let removedFormats = 0;
      for (const coll of formats) {
        for (const cf of coll.items) {
          if (isOurFormat(cf)) {
            cf.delete();
            removedFormats++;
          }
        }
      }
      let removedNotes = 0;
      const userLocations: Excel.Range[] = [];
      for (const item of [...(notes?.items ?? []), ...(comments?.items ?? [])]) {
        if (item.content.startsWith(NOTE_MARKER)) {
          item.delete();
          removedNotes++;
        } else {
          userLocations.push(item.getLocation().load('address'));
        }
      }
      if (removedFormats + removedNotes + userLocations.length > 0) await ctx.sync();
      const userCells = new Set<string>();
      for (const r of userLocations) {
        const at = splitSheetAddress(r.address);
        if (at) userCells.add(cellKey(at.sheet, at.address));
      }
      return { removed: Math.max(removedFormats, removedNotes), userCells, sheetNames };
    });
    this.markState = {
      ours: 0,
      userCells: result.userCells,
      sheets: new Set(result.sheetNames.map((s) => s.toUpperCase())),
    };
    return result.removed;
  }

  private async writeMarks(plan: MarkPlan): Promise<MarkOutcome> {
    const caps = this.caps();
    this.lastDegraded = [];
    const mode: MarkOutcome['notes'] = caps.notes ? 'notes' : caps.comments ? 'comments' : 'none';
    if (!caps.cf) this.lastDegraded.push(`conditionalFormats (ExcelApi ${API.conditionalFormats})`);
    if (mode === 'none') this.lastDegraded.push(`notes (ExcelApi ${API.notes}) / comments (ExcelApi ${API.comments})`);

    const st = this.markState;
    const issueName = plan.issueSheet.name;
    const groups = groupMarks(plan.marks).filter(
      (g) => g.sheet.toUpperCase() !== issueName.toUpperCase() && (!st || st.sheets.has(g.sheet.toUpperCase())),
    );

    const steps: Step[] = [
      {
        cost: cost(6, issueName),
        run: (b) => {
          // Add under a temporary name first: the old sheet may be the only one.
          const ws = b.wb.worksheets.add(`~bra${Date.now().toString(36)}`);
          b.wb.worksheets.getItemOrNullObject(issueName).delete();
          ws.name = issueName;
          b.remember(issueName, ws);
        },
      },
      ...sheetSteps(plan.issueSheet, caps, this.lastDegraded),
    ];
    if (caps.cf) {
      for (const g of groups) {
        const colors = SEVERITY_COLORS[g.severity];
        const formula = markFormula(g.severity);
        steps.push({
          cost: cost(14, g.sheet, g.address, formula, colors),
          run: (b) => {
            const cf = b.sheet(g.sheet).getRange(g.address).conditionalFormats.add('Custom');
            cf.custom.rule.formula = formula;
            cf.custom.format.fill.color = `#${colors.fill}`;
            cf.custom.format.font.color = `#${colors.font}`;
            cf.priority = 0;
          },
        });
      }
    }
    if (mode !== 'none') {
      for (const g of groups) {
        if (st?.userCells?.has(cellKey(g.sheet, g.address))) continue;
        const text = `${NOTE_MARKER}${g.notes.join('\n')}`.slice(0, NOTE_LIMIT);
        steps.push({
          cost: cost(5, g.sheet, g.address, text),
          run: (b) => {
            const ws = b.sheet(g.sheet);
            if (mode === 'notes') ws.notes.add(g.address, text);
            else b.wb.comments.add(ws.getRange(g.address), text, 'Plain');
          },
        });
      }
    }
    await this.runSteps(steps);
    if (this.markState) {
      this.markState.ours += groups.length;
      this.markState.sheets.add(issueName.toUpperCase());
    }
    return { notes: mode, marked: caps.cf ? groups.length : 0 };
  }

  // ---- writing ------------------------------------------------------------------------

  /**
   * Inserts a template: new sheets, their cells, formats and names. Two syncs. A sheet that
   * already exists stops everything, unless `replaceSheets` says the plan's sheets are the
   * add-in's own generated pages (领导参阅), which are then deleted and written anew.
   */
  async applyWorkbookPlan(plan: WorkbookPlan, options: { replaceSheets?: boolean } = {}): Promise<void> {
    const caps = this.caps();
    if (!caps.nullObjects) {
      throw new ExcelHostError('UNSUPPORTED', { set: API.nullObjects }, `插入模板需要 ExcelApi ${API.nullObjects} 或更高版本的 Excel。`);
    }
    const seen = new Set<string>();
    for (const s of plan.sheets) {
      const problem = sheetNameProblem(s.name);
      if (problem) throw new ExcelHostError('BAD_SHEET_NAME', { sheet: s.name }, `工作表名称“${s.name}”无效：${problem}`);
      if (seen.has(s.name.toUpperCase())) {
        throw new ExcelHostError('SHEET_EXISTS', { sheet: s.name }, `模板中工作表“${s.name}”重复。`);
      }
      seen.add(s.name.toUpperCase());
    }

    // Sync 1: nothing is written until we know no sheet or name is taken.
    const clash = await this.batch(async (ctx) => {
      const wb = ctx.workbook;
      const sheets = plan.sheets.map((s) => ({ name: s.name, ws: wb.worksheets.getItemOrNullObject(s.name) }));
      const names = plan.names.map((n) => ({ name: n.name, item: wb.names.getItemOrNullObject(n.name) }));
      await ctx.sync();
      return {
        sheets: sheets.filter((s) => !s.ws.isNullObject).map((s) => s.name),
        names: names.filter((n) => !n.item.isNullObject).map((n) => n.name),
      };
    });
    if (clash.sheets.length > 0 && !options.replaceSheets) {
      throw new ExcelHostError(
        'SHEET_EXISTS',
        { sheet: clash.sheets.join('、') },
        `工作簿中已有工作表“${clash.sheets.join('”“')}”，未做任何修改。请先重命名或删除后再插入模板。`,
      );
    }
    if (clash.names.length > 0) {
      throw new ExcelHostError(
        'NAME_EXISTS',
        { name: clash.names.join('、') },
        `工作簿中已有名称 ${clash.names.join('、')}，未做任何修改。`,
      );
    }

    // Sync 2 (more only past the payload budget): everything else.
    this.lastDegraded = [];
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
    for (const s of plan.sheets) steps.push(...sheetSteps(s, caps, this.lastDegraded));
    const first = plan.sheets[0];
    if (first) steps.push({ cost: cost(2), run: (b) => b.sheet(first.name).activate() });
    try {
      await this.runSteps(steps);
    } catch (e) {
      await this.rollback(plan).catch(() => undefined);
      throw e;
    }
    for (const s of plan.sheets) this.markState?.sheets.add(s.name.toUpperCase());
  }

  /** Writes accepted suggestions, explanations and formulas into existing cells. One sync. */
  async applyCellEdits(edits: CellEdit[]): Promise<void> {
    const steps: Step[] = [];
    for (const e of edits) {
      let input: string | number | boolean;
      if (e.formula !== undefined) input = `=${e.formula}`;
      else if (e.value !== undefined) input = cellInput(e.value);
      else continue;
      steps.push({
        cost: cost(3, e.sheet, e.address, input),
        run: (b) => {
          const r = b.sheet(e.sheet).getRange(e.address);
          if (e.formula !== undefined) r.formulas = [[input]];
          else r.values = [[input]];
        },
      });
    }
    await this.runSteps(steps);
  }

  /** Shows a finding's cell: activates its sheet and selects it. One sync. */
  async selectCell(ref: CellRef): Promise<void> {
    await this.batch(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(ref.sheet);
      ws.activate();
      ws.getRange(ref.address).select();
      await ctx.sync();
    });
  }

  // ---- plumbing -----------------------------------------------------------------------

  private caps(): Caps {
    const has = (v: string) => {
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
    };
    return {
      nullObjects: has(API.nullObjects),
      chain: has(API.sheetChain),
      cf: has(API.conditionalFormats),
      v17: has(API.hyperlinks),
      v18: has(API.dataValidation),
      pageLayout: has(API.pageLayout),
      comments: has(API.comments),
      notes: has(API.notes),
    };
  }

  /** One Excel.run, retried while Excel is in cell-edit mode. */
  private async batch<T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.deps.run(fn);
      } catch (e) {
        if (!isCellEditModeError(e)) throw e;
        if (attempt >= this.deps.retries) {
          throw new ExcelHostError(
            'CELL_EDIT_MODE',
            {},
            'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。',
            { cause: e },
          );
        }
        await this.deps.sleep(this.deps.retryDelayMs * 2 ** attempt);
      }
    }
  }

  /** Runs steps in as few syncs as the payload budget allows (normally one). */
  private async runSteps(steps: Step[]): Promise<void> {
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
// Reading helpers

/** SHEET_CAP sheet proxies after `after` (or from the first), found without their names. */
function chainSheets(wb: Excel.Workbook, after: string | null, chain = true): Excel.Worksheet[] {
  // Before ExcelApi 1.5 there is no chain (and no conditional formats to read either).
  if (!chain) return [];
  const out: Excel.Worksheet[] = [];
  let ws = after === null ? wb.worksheets.getFirst() : wb.worksheets.getItem(after).getNextOrNullObject();
  out.push(ws);
  for (let i = 1; i < SHEET_CAP; i++) {
    ws = ws.getNextOrNullObject();
    out.push(ws);
  }
  return out;
}

function loadFormats(ws: Excel.Worksheet): Excel.ConditionalFormatCollection {
  return ws.getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula');
}

function probeSheet(ws: Excel.Worksheet, caps: Caps): SheetProbe {
  ws.load('name');
  const used = caps.nullObjects ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange(true);
  used.load('address,values,formulas,valueTypes');
  return { ws, used, cfs: caps.cf ? loadFormats(ws) : null };
}

function probeWorkbook(wb: Excel.Workbook, caps: Caps) {
  return {
    names: wb.names.load(caps.v17 ? 'items/name,items/type,items/formula' : 'items/name,items/type,items/value'),
    notes: caps.notes ? wb.notes.load('items/content') : null,
    comments: caps.comments ? wb.comments.load('items/content') : null,
  };
}

function readNames(names: Excel.NamedItemCollection, caps: Caps) {
  return names.items.map((n) => ({
    name: n.name,
    type: String(n.type),
    formula: caps.v17 ? n.formula : `=${n.value as string}`,
  }));
}

function isOurFormat(cf: Excel.ConditionalFormat): boolean {
  return cf.type === 'Custom' && !cf.customOrNullObject.isNullObject &&
    String(cf.customOrNullObject.rule.formula ?? '').includes(MARK_TOKEN);
}

function countOurFormats(cfs: Excel.ConditionalFormatCollection): number {
  return cfs.items.filter(isOurFormat).length;
}

function countNotes(
  notes: Excel.NoteCollection | null,
  comments: Excel.CommentCollection | null,
): { ours: number; user: number } {
  let ours = 0;
  let user = 0;
  for (const item of [...(notes?.items ?? []), ...(comments?.items ?? [])]) {
    if (item.content.startsWith(NOTE_MARKER)) ours++;
    else user++;
  }
  return { ours, user };
}

// ---------------------------------------------------------------------------------------
// Marks

interface MarkGroup {
  sheet: string;
  address: string;
  severity: Severity;
  notes: string[];
}

/** One overlay and one note per cell: the worst severity, every note. */
function groupMarks(marks: readonly Mark[]): MarkGroup[] {
  const groups = new Map<string, MarkGroup>();
  for (const m of marks) {
    const k = cellKey(m.sheet, m.address);
    const g = groups.get(k);
    if (!g) groups.set(k, { sheet: m.sheet, address: normAddress(m.address), severity: m.severity, notes: [m.note] });
    else {
      if (SEVERITY_RANK[m.severity] > SEVERITY_RANK[g.severity]) g.severity = m.severity;
      if (!g.notes.includes(m.note)) g.notes.push(m.note);
    }
  }
  return [...groups.values()];
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

function applyStyle(range: Excel.Range, s: CellStyle, r: Rect): void {
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
  if (s.unlocked) f.protection.locked = false;
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
  const cols = runsOf(p.columns.map((w, i) => [i + 1, w] as [number, number]));
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
  const rows = runsOf(Object.entries(p.rowHeights ?? {}).map(([k, v]) => [Number(k), v] as [number, number]));
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
      steps.push({ cost: cost(styleOps(g.value) + 2, g.value), run: (b) => applyStyle(ws(b).getRange(rectToA1(r)), g.value, r) });
    }
  }

  if (p.merges.length > 0) {
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
