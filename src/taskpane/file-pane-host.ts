/**
 * File mode: the workbook is an .xlsx opened from the user's disk and held in memory as a
 * package of parts (src/hosts/xlsx), patched in place. Edits (accepted suggestions, explanations, last year's figures, YoY
 * formulas) go into that workbook; marks and the summary go only into the copies the user
 * downloads, so marking twice never stacks overlays and the working copy stays clean. The
 * original file is never written: the browser cannot, and the pane would not.
 *
 * The xlsx host is loaded on first use (its own chunk); the pane's startup script does not
 * carry it, and no ExcelJS is fetched at all.
 */
import type { CellEdit, MarkPlan, SheetPlan, WorkbookPlan } from '../core';
import type { CellRef, WorkbookSnapshot } from '../workbook/snapshot';
import type { XlsxPackage } from '../hosts/xlsx';
import type { ChartText, FileHost, MarkResult, SummaryResult } from './pane-host';

type XlsxHost = typeof import('../hosts/xlsx');
type Workbook = XlsxPackage;

let xlsxModule: Promise<XlsxHost> | undefined;

/** The xlsx host, loaded once. */
export function xlsxHost(): Promise<XlsxHost> {
  if (!xlsxModule) {
    xlsxModule = import(/* webpackChunkName: "xlsx-host" */ '../hosts/xlsx').catch((e: unknown) => {
      xlsxModule = undefined;
      throw e;
    });
  }
  return xlsxModule;
}

/** An .xlsx file's report cells and names, e.g. last year's report (used in Excel mode too). */
export async function readXlsxSnapshot(bytes: ArrayBuffer | Uint8Array): Promise<WorkbookSnapshot> {
  const x = await xlsxHost();
  return x.reportSnapshot(x.openWorkbook(bytes));
}

export class FilePaneHost implements FileHost {
  readonly kind = 'file' as const;
  readonly recalculates = false;
  private wb: Workbook | null = null;
  private name: string | null = null;
  private marks: MarkPlan | null = null;
  private summary: SheetPlan | null = null;

  get fileName(): string | null {
    return this.name;
  }

  /**
   * Opens a workbook. Old marks of a flagged copy (of this page, the command line or Excel) never
   * reach a download: every copy handed out clears them on the copy (the flagged copy is then
   * marked afresh from the current check). Clearing reads every sheet, so it is not done here,
   * where only the report's sheets are read; resolves to whether the file is a flagged copy.
   */
  async open(bytes: ArrayBuffer | Uint8Array, name: string): Promise<boolean> {
    const x = await xlsxHost();
    const wb = x.openWorkbook(bytes); // throws XlsxInputError; the old workbook stays open
    const flagged = wb.hasIssueSheet();
    this.wb = wb;
    this.name = name;
    this.marks = null;
    this.summary = null;
    return flagged;
  }

  private workbook(): Workbook {
    if (!this.wb) throw new NoFileError();
    return this.wb;
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    const x = await xlsxHost();
    return x.reportSnapshot(this.workbook());
  }

  async applyCellEdits(edits: CellEdit[]): Promise<void> {
    const x = await xlsxHost();
    x.applyCellEdits(this.workbook(), edits);
  }

  /** Kept for the flagged copy; the working workbook is not touched. */
  async applyMarks(plan: MarkPlan): Promise<MarkResult> {
    this.workbook();
    this.marks = plan;
    return { marked: plan.marks.length, notes: 'notes' };
  }

  async clearMarks(): Promise<number> {
    const n = this.marks?.marks.length ?? 0;
    this.marks = null;
    return n;
  }

  /** File mode builds templates for download (templateBytes); nothing is inserted in a file. */
  async insertTemplate(plan: WorkbookPlan): Promise<void> {
    const x = await xlsxHost();
    x.applyWorkbookPlan(this.workbook(), plan);
  }

  async selectCell(_ref: CellRef): Promise<boolean> {
    return false;
  }

  async addSummary(sheet: SheetPlan, _chart: ChartText): Promise<SummaryResult> {
    this.workbook();
    this.summary = sheet;
    return { chart: false };
  }

  /** A fresh copy of the working workbook, for a download: the same parts, patched apart. */
  private async copy(): Promise<Workbook> {
    const x = await xlsxHost();
    return x.openWorkbook(this.workbook().toBytes());
  }

  async flaggedCopy(): Promise<Uint8Array> {
    const wb = await this.copy();
    if (this.marks) wb.applyMarks(this.marks);
    return wb.toBytes();
  }

  /** The file to hand in: the working workbook with its edits, no mark and no 问题清单. */
  async cleanCopy(): Promise<Uint8Array> {
    const wb = await this.copy();
    wb.clearMarks();
    return wb.toBytes();
  }

  async summaryCopy(): Promise<Uint8Array> {
    const x = await xlsxHost();
    const wb = await this.copy();
    wb.clearMarks(); // leaders get no marks, also from a flagged copy
    if (this.summary) {
      x.applyWorkbookPlan(wb, { sheets: [this.summary], names: [] });
      // The summary is the page leaders open first (as the command line writes it).
      wb.activate(this.summary.name);
    }
    return wb.toBytes();
  }

  async templateBytes(plan: WorkbookPlan): Promise<Uint8Array> {
    const x = await xlsxHost();
    return x.newReportWorkbook(plan).toBytes();
  }
}

/** An action that needs a workbook was asked for before a file was opened. */
export class NoFileError extends Error {
  override readonly name = 'NoFileError';
  constructor() {
    super('no file is open');
  }
}
