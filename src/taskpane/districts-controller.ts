/**
 * The 下级汇总 tab's state and actions, with no DOM (issue 13, the pane's part): the district
 * reports chosen as .xlsx files are read and checked one by one (a line each, a determinate
 * progress), refused in words when they cannot be added up (mixed templates or periods, one
 * unit twice), added into the total the core plans (planMergedWorkbook: the same workbook the
 * command line's `merge` writes) and handed out as a download, and reconciled with the city's
 * own report open in the pane (D02, the districts' sum shown).
 *
 * Both modes run the same code: district files are always files (read through `readXlsx`),
 * the total is always a new workbook (`newWorkbook`, the xlsx host), and the city report is
 * whatever the pane has open (`cityReport`: the file in file mode, the workbook in Excel).
 * One action runs at a time; every change calls `render`.
 */
import type { BatchResult, CellEdit, Counts, DistrictInput, Finding, Locale, MergedDistricts, Severity, WorkbookPlan } from '../core';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { districtsText, type DistrictStatus } from './districts-text';
import type { Engine } from './engine';
import type { ErrorInfo } from './view';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the user chose in the file picker or dropped: a name and a way to get the bytes. */
export interface ChosenFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** One district file as the tab lists it. */
export interface DistrictLine {
  file: string;
  /** `pending`: not read yet. */
  status: DistrictStatus | 'pending';
  /** The unit on its cover (the file name when the cover leaves it blank). */
  unit?: string;
  errors?: number;
  warnings?: number;
  /** Warnings with an explanation in their 说明 cell. */
  explained?: number;
  /** `unusable`: why, in words. */
  reason?: string;
}

/** A finding of the total or of the reconciliation, already in words. */
export interface FindingLine {
  rule: string;
  code: string;
  severity: Severity;
  message: string;
}

export type DistrictsBusy = 'read' | 'total' | 'reconcile';

export interface DistrictsState {
  locale: Locale;
  mode: 'excel' | 'file';
  busy: DistrictsBusy | null;
  /** While the files are read and checked: how many are done of how many. */
  progress: { done: number; total: number } | null;
  lines: DistrictLine[];
  /** The batch's total line, once every file was read. */
  batchTotal: string | null;
  /** Why these files cannot be added up (naming the files), or null. */
  refusal: string | null;
  /** The districts whose reports have errors (their figures in the total are unverified). */
  withErrors: string | null;
  /** True when the readable files can be added up: the total and the reconciliation are offered. */
  canMerge: boolean;
  /** The last total handed out: its file name, its counts and its findings. */
  total: { file: string; counts: Counts; findings: FindingLine[] } | null;
  /** The last reconciliation: D02 findings (empty: the city agrees with its districts). */
  reconcile: { city: string; districts: number; findings: FindingLine[] } | null;
  error: ErrorInfo | null;
  notice: string | null;
}

/** The new workbook the total is written into (the xlsx host in both modes). */
export interface TotalWorkbook {
  applyCellEdits(edits: CellEdit[]): void;
  /** The report cells as they now are. */
  snapshot(): WorkbookSnapshot;
  toBytes(): Uint8Array;
}

/** The city's own report open in the pane, and how to name it in messages. */
export interface CityReport {
  snapshot: WorkbookSnapshot;
  name: string;
}

export interface DistrictsDeps {
  locale: Locale;
  mode: 'excel' | 'file';
  render: (state: Readonly<DistrictsState>) => void;
  /** The core functions the pane uses (a lazy chunk in the browser); the district ones load from it. */
  engine: () => Promise<Engine>;
  /** Reads .xlsx bytes into a snapshot; throws (with words) for anything else. */
  readXlsx: (bytes: ArrayBuffer | Uint8Array) => Promise<WorkbookSnapshot>;
  /** A new workbook holding a plan. */
  newWorkbook: (plan: WorkbookPlan) => Promise<TotalWorkbook>;
  /** The report open in the pane; null when there is none (file mode, no file opened). */
  cityReport: () => Promise<CityReport | null>;
  save: (bytes: Uint8Array, name: string, mime: string) => void;
  /** Anything thrown by the hosts or the core, in plain words (the pane's describeError). */
  describeError: (error: unknown, locale: Locale) => ErrorInfo;
}

/** An action that cannot go on, already in the tab's words. */
class Refused extends Error {
  override readonly name = 'Refused';
}

type DistrictsEngine = Awaited<ReturnType<Engine['districts']>>;

export class DistrictsController {
  readonly state: DistrictsState;
  private readonly deps: DistrictsDeps;
  private inputs: DistrictInput[] = [];
  private merged: MergedDistricts | null = null;

  constructor(deps: DistrictsDeps) {
    this.deps = deps;
    this.state = {
      locale: deps.locale,
      mode: deps.mode,
      busy: null,
      progress: null,
      lines: [],
      batchTotal: null,
      refusal: null,
      withErrors: null,
      canMerge: false,
      total: null,
      reconcile: null,
      error: null,
      notice: null,
    };
  }

  private get t() {
    return districtsText(this.state.locale);
  }

  private emit(): void {
    this.deps.render(this.state);
  }

  private async parts(): Promise<{ engine: Engine; d: DistrictsEngine }> {
    const engine = await this.deps.engine();
    return { engine, d: await engine.districts() };
  }

  /** Runs one action: busy while it runs, its error in words when it fails. */
  private async run(action: DistrictsBusy, work: () => Promise<string | null | void>): Promise<boolean> {
    if (this.state.busy) return false;
    this.state.busy = action;
    this.state.error = null;
    this.state.notice = null;
    this.emit();
    let ok = true;
    try {
      const notice = await work();
      if (typeof notice === 'string') this.state.notice = notice;
    } catch (e) {
      ok = false;
      this.state.error = e instanceof Refused ? { message: e.message } : this.deps.describeError(e, this.state.locale);
    } finally {
      this.state.busy = null;
      this.state.progress = null;
      this.emit();
    }
    return ok;
  }

  private lines(findings: readonly Finding[], engine: Engine): FindingLine[] {
    return findings.map((f) => ({ rule: f.rule, code: f.code, severity: f.severity, message: engine.formatFinding(f, this.state.locale) }));
  }

  /**
   * Reads and checks the chosen files one by one, a line each; a file that cannot be read gets
   * its line with the reason and the rest go on. Then whether they can be added up.
   */
  choose(files: readonly ChosenFile[]): Promise<boolean> {
    return this.run('read', async () => {
      const s = this.state;
      this.inputs = [];
      this.merged = null;
      Object.assign(s, { batchTotal: null, refusal: null, withErrors: null, canMerge: false, total: null, reconcile: null });
      s.lines = files.map((f) => ({ file: f.name, status: 'pending' as const }));
      if (files.length === 0) return null;
      s.progress = { done: 0, total: files.length };
      this.emit();
      const { d } = await this.parts();
      const results: BatchResult[] = [];
      for (const [i, file] of files.entries()) {
        let line: DistrictLine;
        try {
          const input = d.districtInput(file.name, await this.deps.readXlsx(await file.arrayBuffer()));
          const result = { file: file.name, report: input.report };
          results.push(result);
          this.inputs.push(input);
          const status = d.batchSummary([result]).lines[0]?.status ?? 'open';
          line = { file: file.name, status, unit: input.model.unit.trim() || file.name, errors: input.report.counts.error, warnings: input.report.counts.warning, explained: input.report.explained };
        } catch (error) {
          results.push({ file: file.name, error });
          line = { file: file.name, status: 'unusable', reason: this.deps.describeError(error, s.locale).message };
        }
        s.lines[i] = line;
        s.progress = { done: i + 1, total: files.length };
        this.emit();
      }
      const { total } = d.batchSummary(results);
      s.batchTotal = this.t.batchTotal(total.files, total.ready, total.withErrors, total.unusable, total.counts.error, total.counts.warning);
      if (this.inputs.length === 0) {
        s.refusal = this.t.noneReadable;
        return null;
      }
      try {
        this.merged = d.mergeDistricts(this.inputs, { locale: s.locale });
      } catch (e) {
        s.refusal = this.deps.describeError(e, s.locale).message;
        return null;
      }
      s.canMerge = true;
      const unverified = this.merged.withErrors.map((w) => this.t.lineUnit(w.unit, w.file));
      s.withErrors = unverified.length > 0 ? this.t.withErrors(unverified.join(this.t.listJoin)) : null;
      return null;
    });
  }

  private needMerged(): MergedDistricts {
    if (!this.merged) throw new Refused(this.state.refusal ?? this.t.needDistricts);
    return this.merged;
  }

  /**
   * The total as the core plans it, written into a new workbook (the sums and 说明, fresh
   * cached results), checked with the district findings, and handed out as a download.
   */
  downloadTotal(): Promise<boolean> {
    return this.run('total', async () => {
      const merged = this.needMerged();
      const { engine, d } = await this.parts();
      const locale = this.state.locale;
      const plan = d.planMergedWorkbook(merged, { unit: this.t.totalUnit, locale });
      const wb = await this.deps.newWorkbook(plan.workbook);
      wb.applyCellEdits(plan.edits);
      wb.applyCellEdits((await engine.plans()).planRecalc(wb.snapshot()));
      const { report } = d.checkMergedTotal(wb.snapshot(), plan);
      const file = this.t.totalFile(merged.period);
      this.deps.save(wb.toBytes(), file, XLSX_MIME);
      // The districts' findings (outliers, unverified figures) first, then the total's own.
      const district = report.findings.filter((f) => f.rule.startsWith('D'));
      const own = report.findings.filter((f) => !f.rule.startsWith('D'));
      this.state.total = { file, counts: report.counts, findings: this.lines([...district, ...own], engine) };
      return this.t.totalDone(file);
    });
  }

  /** The city's own report against the districts' sum: a D02 finding per differing figure. */
  reconcile(): Promise<boolean> {
    return this.run('reconcile', async () => {
      this.needMerged();
      const city = await this.deps.cityReport();
      if (!city) throw new Refused(this.t.needReport);
      const { engine, d } = await this.parts();
      const model = d.locate(city.snapshot);
      const findings = d.reconcile(
        model,
        this.inputs.map((i) => i.model),
        { files: { city: city.name, districts: this.inputs.map((i) => i.file) } },
      );
      this.state.reconcile = { city: city.name, districts: this.inputs.length, findings: this.lines(findings, engine) };
      return null;
    });
  }
}
