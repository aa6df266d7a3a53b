/**
 * The pane's state and actions, with no DOM: it asks the core (through the lazily loaded
 * engine) for a report or a plan and has a PaneHost carry the plan out. Both modes run the
 * same code; where they differ it is because the host says so (a file does not recalculate,
 * a file cannot show a cell, a file's marks and summary go into downloaded copies).
 *
 * One action runs at a time; each ends in exactly one of: a notice, an error in words, or
 * nothing (a check, whose result is the findings list). Every change calls `render`.
 */
import type { CellEdit, Finding, Locale, Paragraph, Report, ReportModel, SummaryModel, TemplateId } from '../core';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { Engine } from './engine';

type Plans = Awaited<ReturnType<Engine['plans']>>;
import type { MarkResult, PaneHost } from './pane-host';
import { isFileHost } from './pane-host';
import { uiText, type BusyAction, type UiText } from './ui-text';
import { PaneError, describeError, findingRow, type ChangeRow, type PaneViewState } from './view';

/** The pane's state: what the view renders (PaneViewState, documented in view.ts) and more. */
export interface PaneState extends PaneViewState {
  locale: Locale;
  report: Report | null;
  /** The last marking, until marks are cleared. */
  marks: MarkResult | null;
  /** Default period per template, once the engine is loaded. */
  templateDefaults: Record<TemplateId, string> | null;
  /** File mode: a summary was built and can be downloaded. */
  summaryReady: boolean;
  title: { unit: string; period: string; template: string } | null;
  changes: ChangeRow[];
  unsaved: boolean;
  pendingOpen: { name: string } | null;
  reference: { name: string } | null;
  skipped: string[];
  fieldError: { field: 'period'; message: string } | null;
}

/** One change the pane made to the workbook, with what puts it back. */
interface ChangeEntry {
  id: string;
  kind: ChangeRow['kind'];
  undo: CellEdit[];
  /** The change in words, in whichever language the pane speaks (a switch re-words it). */
  words: (t: UiText) => string;
}

export interface TemplateRequest {
  template: TemplateId;
  unit: string;
  /** Blank means the default period (the last complete one). */
  period: string;
}

/** What the user chose in a file picker or dropped: a name and a way to get the bytes. */
export interface ChosenFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ControllerDeps {
  host: PaneHost;
  locale: Locale;
  render: (state: Readonly<PaneState>) => void;
  /** The core functions the pane uses (a lazy chunk in the browser). */
  engine: () => Promise<Engine>;
  /** Reads an .xlsx file into a snapshot (last year's report), in either mode. */
  readXlsx: (bytes: ArrayBuffer | Uint8Array) => Promise<WorkbookSnapshot>;
  /** Hands bytes to the user as a download. */
  save: (bytes: Uint8Array, name: string, mime: string) => void;
  /** The Word summary (lazily loaded docx writer in the browser). */
  docx: (summary: SummaryModel, paragraphs: Paragraph[], locale: Locale) => Promise<Uint8Array>;
  now?: () => Date;
}

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * `annual-2025-demo.xlsx` → `annual-2025-demo`; a copy this pane made loses its suffix, so
 * the 报送文件 of `x-已标记.xlsx` is `x-报送.xlsx`, not `x-已标记-报送.xlsx`.
 */
export function fileStem(name: string | null | undefined): string {
  const base = (name ?? '')
    .replace(/^.*[\\/]/, '')
    .replace(/\.xlsx$/i, '')
    .replace(/\s*\(\d+\)$/, '') // a browser's "x (1).xlsx" for a second download
    .replace(/-(已标记|报送|领导参阅|flagged|to-submit|summary)$/i, '')
    .trim();
  return base || 'report';
}

export class Controller {
  readonly state: PaneState;
  private readonly deps: ControllerDeps;
  private model: ReportModel | null = null;
  private findings = new Map<string, Finding>();
  /** The workbook as the last check read it: what an undo puts back. */
  private lastSnapshot: WorkbookSnapshot | null = null;
  /** The other report of the same year, for R08 (annual ↔ half-year). */
  private referenceSnapshot: WorkbookSnapshot | null = null;
  private changeLog: ChangeEntry[] = [];
  private changeSeq = 0;
  /** File mode: a file chosen while work was unsaved, until the user says what to do. */
  private pendingFile: ChosenFile | null = null;
  private engineLoad: Promise<Engine> | undefined;
  private plansLoad: Promise<Plans> | undefined;
  private seq = 0;

  constructor(deps: ControllerDeps) {
    this.deps = deps;
    this.state = {
      mode: deps.host.kind,
      locale: deps.locale,
      file: null,
      report: null,
      rows: [],
      reportSeq: 0,
      reportFileSeq: 0,
      busy: null,
      error: null,
      notice: null,
      marks: null,
      explanations: {},
      selected: null,
      templateDefaults: null,
      summaryReady: false,
      live: false,
      title: null,
      changes: [],
      unsaved: false,
      pendingOpen: null,
      reference: null,
      skipped: [],
      fieldError: null,
    };
  }

  private get t() {
    return uiText(this.state.locale);
  }

  private emit(): void {
    this.deps.render(this.state);
  }

  /** The engine, loaded once (a failed load is tried again next time). */
  engine(): Promise<Engine> {
    if (!this.engineLoad) {
      this.engineLoad = this.deps.engine().catch((e: unknown) => {
        this.engineLoad = undefined;
        throw e;
      });
    }
    return this.engineLoad;
  }

  /** The edit plans, loaded once after the engine (a chunk of their own). */
  plans(): Promise<Plans> {
    if (!this.plansLoad) {
      this.plansLoad = this.engine()
        .then((e) => e.plans())
        .catch((e: unknown) => {
          this.plansLoad = undefined;
          throw e;
        });
    }
    return this.plansLoad;
  }

  /** The pane's language changed: the findings, the report's title and what did not run are worded again in it (no new check). */
  async setLocale(locale: Locale): Promise<void> {
    this.state.locale = locale;
    const report = this.state.report;
    if (report) {
      const engine = await this.engine();
      if (this.state.report !== report || this.state.locale !== locale) return; // a newer check or choice
      this.state.rows = report.findings.map((f, i) => findingRow(f, i, engine.formatFinding(f, locale), engine.formName(f.form, locale)));
      if (this.model) this.state.title = engine.reportTitle(this.model, locale);
      this.state.skipped = report.skipped.map((k) => engine.formatSkipped(k, locale));
      this.state.reportSeq += 1;
    }
    this.showChanges();
    this.emit();
  }

  /** Runs one action: busy while it runs, its error in words when it fails. */
  private async run(action: BusyAction, work: () => Promise<string | null | void>): Promise<boolean> {
    if (this.state.busy) return false;
    this.state.busy = { action, seq: ++this.seq };
    this.state.error = null;
    this.state.notice = null;
    this.state.fieldError = null;
    this.emit();
    let ok = true;
    try {
      const notice = await work();
      if (typeof notice === 'string') this.state.notice = notice;
      if (this.state.fieldError) ok = false; // said at the field
    } catch (e) {
      ok = false;
      this.state.error = describeError(e, this.state.locale);
    } finally {
      this.state.busy = null;
      this.emit();
    }
    return ok;
  }

  // ---- reading and checking -----------------------------------------------------------------

  /** Reads the workbook and checks it; the findings replace the previous ones. */
  private async checkNow(): Promise<{ report: Report; model: ReportModel; snapshot: WorkbookSnapshot }> {
    const [engine, snapshot] = await Promise.all([this.engine(), this.deps.host.readSnapshot()]);
    let result;
    try {
      result = engine.checkWorkbook(snapshot, this.referenceSnapshot ? { reference: this.referenceSnapshot } : {});
    } catch (e) {
      this.forget();
      throw e;
    }
    const { report, model } = result;
    const locale = this.state.locale;
    const rows = report.findings.map((f, i) => findingRow(f, i, engine.formatFinding(f, locale), engine.formName(f.form, locale)));
    this.model = model;
    this.lastSnapshot = snapshot;
    this.state.title = engine.reportTitle(model, locale);
    this.state.skipped = report.skipped.map((k) => engine.formatSkipped(k, locale));
    this.findings = new Map(rows.map((r, i) => [r.id, report.findings[i] as Finding]));
    this.state.report = report;
    this.state.rows = rows;
    this.state.reportSeq += 1;
    this.state.reportFileSeq = this.state.file?.seq ?? 0;
    if (this.state.selected !== null && !this.findings.has(this.state.selected)) this.state.selected = null;
    return { report, model, snapshot };
  }

  private forget(): void {
    this.model = null;
    this.lastSnapshot = null;
    this.findings = new Map();
    this.state.title = null;
    this.state.skipped = [];
    this.state.report = null;
    this.state.rows = [];
    this.state.reportSeq += 1;
    this.state.selected = null;
  }

  /**
   * File mode: opens a chosen .xlsx (one load, one snapshot, one check). While the open file
   * has changes not yet downloaded, the new file waits for the user's word (confirmOpen or
   * cancelOpen) instead of replacing it.
   */
  async openFile(file: ChosenFile): Promise<boolean> {
    const host = this.deps.host;
    if (!isFileHost(host) || this.state.busy) return false;
    if (this.state.unsaved) {
      this.pendingFile = file;
      this.state.pendingOpen = { name: file.name };
      this.state.notice = null;
      this.state.error = null;
      this.emit();
      return false;
    }
    return this.openNow(file);
  }

  /** Opens the file that was waiting, dropping the unsaved changes. */
  confirmOpen(): Promise<boolean> {
    const file = this.pendingFile;
    this.pendingFile = null;
    this.state.pendingOpen = null;
    if (!file) {
      this.emit();
      return Promise.resolve(false);
    }
    return this.openNow(file);
  }

  /** Keeps the open file; the chosen one is not opened. */
  cancelOpen(): void {
    this.pendingFile = null;
    this.state.pendingOpen = null;
    this.emit();
  }

  private openNow(file: ChosenFile): Promise<boolean> {
    const host = this.deps.host;
    if (!isFileHost(host)) return Promise.resolve(false);
    return this.run('open', async () => {
      // The workbook and the engine load side by side.
      const [flagged] = await Promise.all([file.arrayBuffer().then((bytes) => host.open(bytes, file.name)), this.engine()]);
      this.state.file = { name: file.name, seq: (this.state.file?.seq ?? 0) + 1 };
      this.state.explanations = {};
      this.state.marks = null;
      this.state.summaryReady = false;
      this.changeLog = [];
      this.showChanges();
      this.state.unsaved = false;
      this.referenceSnapshot = null;
      this.state.reference = null;
      this.forget();
      await this.checkNow();
      return flagged ? this.t.notices.staleMarksRemoved : null;
    });
  }

  /** Work in this pane that no download holds yet (file mode): what the page warns about before it is lost. */
  hasUnsavedWork(): boolean {
    return this.state.unsaved;
  }

  /** After an edit: file mode has work to lose until the next download of the workbook. */
  private edited(): void {
    if (isFileHost(this.deps.host)) this.state.unsaved = true;
  }

  /** The other report of the same year (half-year for an annual report, or the reverse), for R08. */
  setReference(file: ChosenFile): Promise<boolean> {
    return this.run('reference', async () => {
      this.needWorkbook();
      const bytes = await file.arrayBuffer();
      this.referenceSnapshot = await this.deps.readXlsx(bytes);
      this.state.reference = { name: file.name };
      await this.checkNow();
      return this.t.notices.referenceSet(file.name);
    });
  }

  clearReference(): Promise<boolean> {
    return this.run('reference', async () => {
      this.referenceSnapshot = null;
      this.state.reference = null;
      if (this.state.report) await this.checkNow();
    });
  }

  check(): Promise<boolean> {
    return this.run('check', async () => {
      this.needWorkbook();
      await this.checkNow();
    });
  }

  private needWorkbook(): void {
    const host = this.deps.host;
    if (isFileHost(host) && host.fileName === null) throw new PaneError(this.t.errors.noFile);
  }

  /**
   * After cells were written: a file gets fresh cached results for its formulas (Excel
   * recalculates by itself), then the workbook is checked again.
   */
  private async afterEdit(): Promise<void> {
    const host = this.deps.host;
    if (!host.recalculates) {
      const [plans, snapshot] = await Promise.all([this.plans(), host.readSnapshot()]);
      await host.applyCellEdits(plans.planRecalc(snapshot));
    }
    await this.checkNow();
  }

  // ---- findings -----------------------------------------------------------------------------

  /**
   * Writes a finding's suggested number into its cell (a derived cell gets its formula back),
   * then checks again. The change is listed with an undo.
   */
  accept(rowId: string): Promise<boolean> {
    return this.run('accept', async () => {
      const f = this.findings.get(rowId);
      if (!f || !f.cell) return null;
      const plans = await this.plans();
      const edits = plans.planAcceptSuggestion(f);
      if (edits.length === 0) return null;
      const before = this.lastSnapshot ?? (await this.deps.host.readSnapshot());
      const undo = plans.planUndo(before, edits);
      await this.deps.host.applyCellEdits(edits);
      const where = `${f.cell.sheet}!${f.cell.address}`;
      const value = f.suggestion?.value;
      const to = value === null || value === undefined ? '' : String(value);
      const old = before.sheets.find((sh) => sh.name === f.cell?.sheet)?.cells[f.cell.address];
      const from = old === undefined || old.v === null ? '' : String(old.v);
      const formula = f.suggestion?.formula !== undefined;
      this.record((t) => (formula ? t.changes.formula(where, to) : t.changes.accepted(where, from, to)), formula ? 'formula' : 'accept', undo);
      this.edited();
      await this.afterEdit();
      return formula ? this.t.notices.formulaRestored(where, to) : this.t.notices.accepted(where, to);
    });
  }

  private record(words: (t: UiText) => string, kind: ChangeRow['kind'], undo: CellEdit[]): void {
    this.changeLog.push({ id: `change-${++this.changeSeq}`, kind, undo, words });
    this.showChanges();
  }

  /** The change list as the view shows it, worded in the pane's language now. */
  private showChanges(): void {
    const t = this.t;
    this.state.changes = this.changeLog.map((c) => ({ id: c.id, kind: c.kind, text: c.words(t) }));
  }

  /** Puts back what one listed change overwrote, then checks again. */
  undo(changeId: string): Promise<boolean> {
    return this.run('undo', async () => {
      const entry = this.changeLog.find((c) => c.id === changeId);
      if (!entry) return null;
      await this.deps.host.applyCellEdits(entry.undo);
      this.changeLog = this.changeLog.filter((c) => c !== entry);
      this.showChanges();
      this.edited();
      await this.afterEdit();
      return this.t.notices.undone(entry.words(this.t));
    });
  }

  /** Writes (or clears, for empty text) a warning's explanation in its 说明 cell, then checks again. */
  explain(rowId: string, text: string): Promise<boolean> {
    return this.run('explain', async () => {
      const f = this.findings.get(rowId);
      if (!f || !this.model) return null;
      const plans = await this.plans();
      const clean = text.trim();
      const edits: CellEdit[] = plans.planExplanation(this.model, f.code, clean);
      if (edits.length === 0) return null;
      await this.deps.host.applyCellEdits(edits);
      if (isFileHost(this.deps.host)) {
        if (clean) this.state.explanations[f.code] = clean;
        else delete this.state.explanations[f.code];
      }
      this.edited();
      await this.afterEdit();
      return clean ? this.t.notices.explained : this.t.notices.explanationCleared;
    });
  }

  /** Shows a finding's cell in Excel; in a file the row is highlighted instead. */
  async select(rowId: string): Promise<void> {
    const f = this.findings.get(rowId);
    if (!f) return;
    this.state.selected = rowId;
    this.emit();
    if (!f.cell || this.state.busy) return;
    try {
      await this.deps.host.selectCell(f.cell);
    } catch (e) {
      this.state.error = describeError(e, this.state.locale);
      this.emit();
    }
  }

  // ---- marks --------------------------------------------------------------------------------

  /** Checks, then marks every finding's cell and writes 问题清单 (2 syncs in Excel). */
  mark(): Promise<boolean> {
    return this.run('mark', () => this.markNow());
  }

  private async markNow(): Promise<string> {
    this.needWorkbook();
    const { report } = await this.checkNow();
    const plans = await this.plans();
    const result = await this.deps.host.applyMarks(plans.planMarks(report, this.state.locale));
    this.state.marks = result;
    const n = this.t.notices;
    if (isFileHost(this.deps.host)) return n.markedFile(result.marked);
    if (result.marked === 0 && report.findings.some((f) => f.cell)) return n.markedNoColors;
    return result.notes === 'none' ? n.markedNoNotes(result.marked) : n.marked(result.marked);
  }

  /**
   * Excel: the live re-check. On, the report is checked again (one read) whenever the user
   * changes one of its cells; off removes the handlers. Off until the user turns it on, so a
   * check and its marks keep their round trips.
   */
  setLiveCheck(on: boolean): Promise<boolean> {
    const host = this.deps.host;
    return this.run('check', async () => {
      if (!host.setLiveCheck || !host.watch) return null;
      await host.setLiveCheck(on);
      this.state.live = on ? await host.watch(() => void this.check()) : false;
      if (on && !this.state.live) return this.t.notices.liveUnavailable;
      return on ? this.t.notices.liveOn : this.t.notices.liveOff;
    });
  }

  clearMarks(): Promise<boolean> {
    return this.run('clear', async () => {
      const removed = await this.deps.host.clearMarks();
      this.state.marks = null;
      return isFileHost(this.deps.host) ? this.t.notices.clearedFile : this.t.notices.cleared(removed);
    });
  }

  /** File mode: the current workbook with its marks, as a download. */
  downloadFlagged(): Promise<boolean> {
    const host = this.deps.host;
    if (!isFileHost(host)) return Promise.resolve(false);
    return this.run('flagged', async () => {
      await this.markNow();
      const name = this.t.fileNames.flagged(fileStem(host.fileName));
      this.deps.save(await host.flaggedCopy(), name, MIME.xlsx);
      this.state.unsaved = false;
      return this.t.notices.downloaded(name);
    });
  }

  /**
   * File mode: the file to hand in — the workbook with the accepted figures and the 说明
   * written, without any mark or 问题清单 (also when the opened file was a flagged copy).
   */
  downloadClean(): Promise<boolean> {
    const host = this.deps.host;
    if (!isFileHost(host)) return Promise.resolve(false);
    const next = this.pendingFile;
    this.pendingFile = null;
    this.state.pendingOpen = null;
    return this.run('clean', async () => {
      this.needWorkbook();
      const name = this.t.fileNames.clean(fileStem(host.fileName));
      this.deps.save(await host.cleanCopy(), name, MIME.xlsx);
      this.state.unsaved = false;
      return this.t.notices.downloadedClean(name);
    }).then(async (ok) => (ok && next ? this.openNow(next) : ok));
  }

  // ---- template -----------------------------------------------------------------------------

  /**
   * Loads the engine for the template tab and fills in the default periods. Quietly: opening
   * a tab is not an action, so it neither shows progress nor clears a notice; a failed load
   * is met again (and explained) when the template is asked for.
   */
  async prepareTemplate(): Promise<boolean> {
    if (this.state.templateDefaults) return true;
    try {
      const engine = await this.engine();
      const today = (this.deps.now ?? (() => new Date()))();
      this.state.templateDefaults = {
        annual: engine.defaultPeriod('annual', today),
        'half-year': engine.defaultPeriod('half-year', today),
      };
    } catch {
      return false;
    }
    this.emit();
    return true;
  }

  /** Excel: inserts the template into this workbook. File: downloads a blank template. */
  insertTemplate(request: TemplateRequest): Promise<boolean> {
    return this.run('template', async () => {
      const engine = await this.engine();
      const locale = this.state.locale;
      const today = (this.deps.now ?? (() => new Date()))();
      const period = engine.readPeriod(request.template, request.period) || engine.defaultPeriod(request.template, today);
      const name = engine.templateName(request.template, locale);
      if (!engine.periodFits(request.template, period)) {
        this.state.fieldError = { field: 'period', message: this.t.errors.badPeriod(name, engine.defaultPeriod(request.template, today)) };
        return null;
      }
      const plan = (await this.plans()).buildTemplatePlan(request.template, { unit: request.unit.trim(), period, locale });
      const host = this.deps.host;
      if (isFileHost(host)) {
        const file = this.t.fileNames.template(name, period);
        this.deps.save(await host.templateBytes(plan), file, MIME.xlsx);
        return this.t.notices.templateDownloaded(file);
      }
      await host.insertTemplate(plan);
      return this.withSkipped(this.t.notices.templateInserted(name));
    });
  }

  /** A notice, plus what this Excel could not draw, when it could not. */
  private async withSkipped(notice: string): Promise<string> {
    const skipped = (await this.deps.host.skipped?.()) ?? [];
    return skipped.length > 0 ? `${notice}${this.t.notices.skipped(skipped.join(', '))}` : notice;
  }

  // ---- year on year -------------------------------------------------------------------------

  /** Last year's figures from a chosen .xlsx into the _PREV cells, plus the YoY formulas. */
  fillPrevious(file: ChosenFile): Promise<boolean> {
    return this.run('previous', async () => {
      this.needWorkbook();
      const [plans, bytes] = await Promise.all([this.plans(), file.arrayBuffer()]);
      const [previous, current] = await Promise.all([this.deps.readXlsx(bytes), this.deps.host.readSnapshot()]);
      // Refuses another unit's, another template's or a not-earlier period's file, in words.
      const prevEdits = plans.planPrevious(current, previous);
      const edits = [...prevEdits, ...plans.planYoyFormulas(current)];
      const undo = plans.planUndo(current, edits);
      await this.deps.host.applyCellEdits(edits);
      const prevCells = new Set(current.names.filter((n) => n.name.toUpperCase().endsWith('_PREV')).map((n) => `${n.sheet}!${n.address}`));
      const filled = prevEdits.filter((e) => prevCells.has(`${e.sheet}!${e.address}`)).length;
      this.record((t) => t.changes.previous(file.name, filled), 'previous', undo);
      this.edited();
      await this.afterEdit();
      return this.t.notices.previousFilled(filled, file.name);
    });
  }

  rewriteYoy(): Promise<boolean> {
    return this.run('yoy', async () => {
      this.needWorkbook();
      const [plans, current] = await Promise.all([this.plans(), this.deps.host.readSnapshot()]);
      const edits = plans.planYoyFormulas(current);
      await this.deps.host.applyCellEdits(edits);
      this.edited();
      await this.afterEdit();
      return this.t.notices.yoyWritten(edits.length);
    });
  }

  // ---- summary ------------------------------------------------------------------------------

  private async summaryNow(): Promise<{ summary: SummaryModel; paragraphs: Paragraph[] }> {
    this.needWorkbook();
    const { report, model } = await this.checkNow();
    const engine = await this.engine();
    const locale = this.state.locale;
    const s = await engine.summary();
    const summary = s.buildSummary(report, model, { locale });
    return { summary, paragraphs: s.narrate(summary, model, locale) };
  }

  /** Excel: adds 领导参阅 (and its chart). File: prepares it for the summary download. */
  buildSummary(): Promise<boolean> {
    return this.run('summary', async () => {
      const { summary, paragraphs } = await this.summaryNow();
      const engine = await this.engine();
      const sheet = (await engine.summary()).summarySheetPlan(summary, paragraphs, this.state.locale);
      const result = await this.deps.host.addSummary(sheet, this.t.chart);
      if (isFileHost(this.deps.host)) {
        this.state.summaryReady = true;
        return this.t.notices.summaryReadyFile;
      }
      return this.withSkipped(this.t.notices.summaryAdded(result.chart));
    });
  }

  /** File mode: the workbook with 领导参阅 added, as a download (built afresh from the current figures). */
  downloadSummaryXlsx(): Promise<boolean> {
    const host = this.deps.host;
    if (!isFileHost(host)) return Promise.resolve(false);
    return this.run('summaryXlsx', async () => {
      const { summary, paragraphs } = await this.summaryNow();
      const engine = await this.engine();
      await host.addSummary((await engine.summary()).summarySheetPlan(summary, paragraphs, this.state.locale), this.t.chart);
      this.state.summaryReady = true;
      const name = this.t.fileNames.summary(fileStem(host.fileName));
      this.deps.save(await host.summaryCopy(), name, MIME.xlsx);
      this.state.unsaved = false;
      return this.t.notices.downloaded(name);
    });
  }

  /** The summary as a Word document, in either mode. */
  downloadDocx(): Promise<boolean> {
    return this.run('docx', async () => {
      const { summary, paragraphs } = await this.summaryNow();
      const host = this.deps.host;
      const stem = isFileHost(host) ? fileStem(host.fileName) : fileStem(summary.title);
      const name = this.t.fileNames.docx(stem);
      this.deps.save(await this.deps.docx(summary, paragraphs, this.state.locale), name, MIME.docx);
      return this.t.notices.downloaded(name);
    });
  }
}
