/**
 * File mode: the workbook is an .xlsx opened from the user's disk and held in memory as an
 * ExcelJS workbook. Edits (accepted suggestions, explanations, last year's figures, YoY
 * formulas) go into that workbook; marks and the summary go only into the copies the user
 * downloads, so marking twice never stacks overlays and the working copy stays clean. The
 * original file is never written: the browser cannot, and the pane would not.
 *
 * ExcelJS and the xlsx host are loaded on first use (their own chunks); the pane's startup
 * script carries neither.
 */
import type { CellEdit, MarkPlan, SheetPlan, WorkbookPlan } from '../core';
import type { CellRef, WorkbookSnapshot } from '../workbook/snapshot';
import { exceljs, type Workbook } from '../hosts/xlsx/exceljs';
import type { ChartText, FileHost, MarkResult, SummaryResult } from './pane-host';

type XlsxHost = typeof import('../hosts/xlsx');

let xlsxModule: Promise<XlsxHost> | undefined;

/** The xlsx host, loaded once; ExcelJS is fetched at the same time, not after it. */
export function xlsxHost(): Promise<XlsxHost> {
  if (!xlsxModule) {
    void exceljs().catch(() => undefined); // start the big download now, in parallel
    xlsxModule = import(/* webpackChunkName: "xlsx-host" */ '../hosts/xlsx').catch((e: unknown) => {
      xlsxModule = undefined;
      throw e;
    });
  }
  return xlsxModule;
}

/** An .xlsx file's cells and names, e.g. last year's report (used in Excel mode too). */
export async function readXlsxSnapshot(bytes: ArrayBuffer | Uint8Array): Promise<WorkbookSnapshot> {
  const x = await xlsxHost();
  return x.snapshotOf(await x.loadWorkbook(bytes));
}

/** For the benchmark: a bare ExcelJS load of the bytes, in milliseconds (module load excluded). */
export async function bareExceljsLoadMs(bytes: ArrayBuffer | Uint8Array): Promise<number> {
  const ExcelJS = await exceljs();
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const t0 = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return performance.now() - t0;
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

  async open(bytes: ArrayBuffer | Uint8Array, name: string): Promise<void> {
    const x = await xlsxHost();
    const wb = await x.loadWorkbook(bytes); // throws XlsxInputError; the old workbook stays open
    this.wb = wb;
    this.name = name;
    this.marks = null;
    this.summary = null;
  }

  private workbook(): Workbook {
    if (!this.wb) throw new NoFileError();
    return this.wb;
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    const x = await xlsxHost();
    return x.snapshotOf(this.workbook());
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

  /** A fresh copy of the working workbook (written and read back), for a download. */
  private async copy(): Promise<Workbook> {
    const x = await xlsxHost();
    return x.loadWorkbook(await x.toBytes(this.workbook()));
  }

  async flaggedCopy(): Promise<Uint8Array> {
    const x = await xlsxHost();
    const wb = await this.copy();
    if (this.marks) x.applyMarks(wb, this.marks);
    return x.toBytes(wb);
  }

  async summaryCopy(): Promise<Uint8Array> {
    const x = await xlsxHost();
    const wb = await this.copy();
    if (this.summary) {
      x.applyWorkbookPlan(wb, { sheets: [this.summary], names: [] });
      // The summary is the page leaders open first (as the command line writes it).
      const sheet = wb.worksheets.find((w) => w.name === this.summary?.name);
      if (sheet) {
        wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: wb.worksheets.indexOf(sheet), visibility: 'visible' }];
      }
    }
    return x.toBytes(wb);
  }

  async templateBytes(plan: WorkbookPlan): Promise<Uint8Array> {
    const x = await xlsxHost();
    const wb = await x.newWorkbook();
    wb.creator = '司法行政报表助手';
    wb.created = new Date();
    x.applyWorkbookPlan(wb, plan);
    wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
    return x.toBytes(wb);
  }
}

/** An action that needs a workbook was asked for before a file was opened. */
export class NoFileError extends Error {
  override readonly name = 'NoFileError';
  constructor() {
    super('no file is open');
  }
}
