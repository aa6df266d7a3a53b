/**
 * What several commands do to workbooks, in one place: read a report, make a template, fill
 * it, refresh its cached results, add the leadership summary and open on it. The commands
 * call these; none of them calls another command. The only module of the command line that
 * talks to the file host, whose workbooks are packages patched in place (src/hosts/xlsx).
 */
import {
  buildSummary,
  buildTemplatePlan,
  checkWorkbook,
  narrate,
  planImport,
  planPrevious,
  planRecalc,
  summarySheetPlan,
  SHEETS,
  type Locale,
  type TemplateId,
} from '../core';
import { applyCellEdits, applyWorkbookPlan, newReportWorkbook, openWorkbook, reportSnapshot, type XlsxPackage } from '../hosts/xlsx';
import type { Io } from './io';

export type Workbook = XlsxPackage;
export { reportSnapshot };

export function readWorkbook(io: Io, path: string): Workbook {
  return openWorkbook(io.read(path));
}

/** After inputs change, the template's formulas carry fresh cached results, and Excel recalculates on open. */
export function recalc(wb: Workbook): void {
  applyCellEdits(wb, planRecalc(reportSnapshot(wb)));
  wb.requestFullCalcOnLoad();
}

export function makeTemplate(template: TemplateId, options: { unit: string; period: string; locale: Locale }): Workbook {
  return newReportWorkbook(buildTemplatePlan(template, options));
}

export function fillWorkbook(wb: Workbook, csv: string | undefined, previous: Workbook | undefined): void {
  if (csv !== undefined) applyCellEdits(wb, planImport(csv, reportSnapshot(wb)));
  if (previous) applyCellEdits(wb, planPrevious(reportSnapshot(wb), reportSnapshot(previous)));
  recalc(wb);
}

/** The workbook with 领导参阅 added and opening on it, and the Word text of the same summary. */
export async function summaryFiles(wb: Workbook, locale: Locale, wantDocx: boolean): Promise<{ xlsx: Uint8Array; docx?: Uint8Array }> {
  const { report, model } = checkWorkbook(reportSnapshot(wb));
  const summary = buildSummary(report, model, { locale });
  const paragraphs = narrate(summary, model, locale);
  applyWorkbookPlan(wb, { sheets: [summarySheetPlan(summary, paragraphs, locale)], names: [] });
  // The summary is the page leaders open first.
  wb.activate(SHEETS.summary);
  const xlsx = wb.toBytes();
  if (!wantDocx) return { xlsx };
  // Loaded on demand: the Word writer is large and `check` should not pay for it.
  const { summaryDocx } = await import('../hosts/docx');
  return { xlsx, docx: await summaryDocx(summary, paragraphs, locale) };
}
