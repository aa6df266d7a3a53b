/**
 * What the pane needs from a workbook, whichever it is: the open Excel workbook (through
 * src/hosts/excel) or an .xlsx file held in memory (through src/hosts/xlsx). The controller
 * talks only to this interface, so both modes run the same actions with the same core calls;
 * an implementation carries plans out and decides nothing.
 */
import type { CellEdit, MarkPlan, SheetPlan, WorkbookPlan } from '../core';
import type { CellRef, WorkbookSnapshot } from '../workbook/snapshot';

/** How marking went: cells given an overlay, and where the reasons were written. */
export interface MarkResult {
  marked: number;
  /** `none`: this Excel has neither notes nor comments; the reasons are only in 问题清单. */
  notes: 'notes' | 'comments' | 'none';
}

/** Wording for the native chart beside the summary (Excel mode only). */
export interface ChartText {
  title: string;
  series: string;
}

export interface SummaryResult {
  /** True when a native YoY chart was added next to the key-indicator table. */
  chart: boolean;
}

export interface PaneHost {
  readonly kind: 'excel' | 'file';
  /**
   * True when the workbook recalculates its own formulas (Excel). A file held in memory does
   * not, so after an edit the controller asks the core for fresh cached results (planRecalc),
   * as the command line does.
   */
  readonly recalculates: boolean;
  readSnapshot(): Promise<WorkbookSnapshot>;
  applyMarks(plan: MarkPlan): Promise<MarkResult>;
  /** Removes the add-in's marks; resolves to how many were removed. */
  clearMarks(): Promise<number>;
  applyCellEdits(edits: CellEdit[]): Promise<void>;
  insertTemplate(plan: WorkbookPlan): Promise<void>;
  /** Shows the cell in the workbook; false when this host cannot (a file: the pane highlights the row). */
  selectCell(ref: CellRef): Promise<boolean>;
  /** Adds (Excel) or prepares for download (file) the 领导参阅 sheet. */
  addSummary(sheet: SheetPlan, chart: ChartText): Promise<SummaryResult>;
  /**
   * Excel only: re-run `recheck` when the user changes a cell of the report's sheets (debounced,
   * the add-in's own writes ignored); false when this Excel cannot. Calling again replaces it.
   */
  watch?(recheck: () => void): Promise<boolean>;
  /** Excel only: the live re-check's switch (off removes the handlers). */
  setLiveCheck?(on: boolean): Promise<void>;
  /** Formatting the last write left out because this Excel lacks it (technical names), if any. */
  skipped?(): Promise<string[]>;
}

/** File mode: a workbook opened from bytes, and the copies the user downloads. */
export interface FileHost extends PaneHost {
  readonly kind: 'file';
  /**
   * Reads .xlsx bytes; throws an AppError (with words for the user) for anything else.
   * Resolves to whether the file is a flagged copy (its old marks go from every copy handed out).
   */
  open(bytes: ArrayBuffer | Uint8Array, name: string): Promise<boolean>;
  readonly fileName: string | null;
  /** The current workbook with the marks of the last applyMarks: the flagged copy. */
  flaggedCopy(): Promise<Uint8Array>;
  /** The current workbook with its edits and no marks: the file to hand in (报送文件). */
  cleanCopy(): Promise<Uint8Array>;
  /** The current workbook with the 领导参阅 sheet of the last addSummary, opening on it. */
  summaryCopy(): Promise<Uint8Array>;
  /** A new workbook holding only the template. */
  templateBytes(plan: WorkbookPlan): Promise<Uint8Array>;
}

export function isFileHost(host: PaneHost): host is FileHost {
  return host.kind === 'file';
}
