/**
 * Excel mode: the pane's host interface over src/hosts/excel (the only place Excel.run is
 * called, the chart's included). Each method is one ExcelHost call; the summary adds the
 * native YoY chart after its sheet. The Office.js host is loaded on first use, so the pane's startup script stays
 * small in both modes.
 */
import type { CellEdit, MarkPlan, SheetPlan, WorkbookPlan } from '../core';
import type { CellRef, WorkbookSnapshot } from '../workbook/snapshot';
import type { ExcelHost, ExcelHostDeps } from '../hosts/excel/host';
import type { ChartText, MarkResult, PaneHost, SummaryResult } from './pane-host';

export type ExcelPaneDeps = Partial<ExcelHostDeps>;

export class ExcelPaneHost implements PaneHost {
  readonly kind = 'excel' as const;
  readonly recalculates = true;
  private host: Promise<ExcelHost> | undefined;
  /** Why the last summary has no chart, when it has none (for the details line). */
  chartProblem: unknown = null;
  /** Sheets the last marking left unmarked because they are protected (for a notice). */
  protectedSheets: string[] = [];

  constructor(private readonly deps: ExcelPaneDeps = {}) {}

  private excel(): Promise<ExcelHost> {
    if (!this.host) {
      this.host = import(/* webpackChunkName: "excel-host" */ '../hosts/excel/host').then(
        (m) => new m.ExcelHost(this.deps),
        (e: unknown) => {
          this.host = undefined;
          throw e;
        },
      );
    }
    return this.host;
  }

  /** Features the last write skipped because this Excel lacks them. */
  async skipped(): Promise<string[]> {
    return [...(await this.excel()).lastDegraded];
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return (await this.excel()).readSnapshot();
  }

  // ---- live re-check (for the controller; see the README) ----------------------------

  /** The switch: when off, `watch` registers nothing and removes what was registered. */
  liveCheck = false;

  /**
   * After a successful check: re-run `recheck` whenever the user changes a cell of the
   * report's sheets (debounced; our own writes are ignored). Resolves to false when off,
   * or when this Excel cannot (ExcelApi below 1.7). Calling it again replaces the handler.
   */
  async watch(recheck: () => void, debounceMs?: number): Promise<boolean> {
    const host = await this.excel();
    if (!this.liveCheck) {
      await host.unwatch();
      return false;
    }
    return host.watch(recheck, debounceMs === undefined ? {} : { debounceMs });
  }

  /** Turns the live re-check off (and removes its handlers) or back on (call watch again). */
  async setLiveCheck(on: boolean): Promise<void> {
    this.liveCheck = on;
    if (!on && this.host) await (await this.excel()).unwatch();
  }

  /** The live re-check's read: one sync while the report's names are where they were. */
  async recheckSnapshot(): Promise<WorkbookSnapshot> {
    return (await this.excel()).recheckSnapshot();
  }

  async applyMarks(plan: MarkPlan): Promise<MarkResult> {
    const outcome = await (await this.excel()).applyMarks(plan);
    this.protectedSheets = outcome.protectedSheets;
    return { marked: outcome.marked, notes: outcome.notes };
  }

  async clearMarks(): Promise<number> {
    return (await this.excel()).clearMarks();
  }

  async applyCellEdits(edits: CellEdit[]): Promise<void> {
    if (edits.length === 0) return;
    await (await this.excel()).applyCellEdits(edits);
  }

  async insertTemplate(plan: WorkbookPlan): Promise<void> {
    await (await this.excel()).applyWorkbookPlan(plan);
  }

  async selectCell(ref: CellRef): Promise<boolean> {
    await (await this.excel()).selectCell(ref);
    return true;
  }

  /** The sheet, then the chart (both batches in the host); a chart Excel refuses does not undo the sheet. */
  async addSummary(sheet: SheetPlan, chart: ChartText): Promise<SummaryResult> {
    const host = await this.excel();
    await host.applyWorkbookPlan({ sheets: [sheet], names: [] }, { replaceSheets: true });
    this.chartProblem = null;
    try {
      return { chart: await host.addYoyChart(sheet, chart) };
    } catch (e) {
      this.chartProblem = e;
      return { chart: false };
    }
  }
}
