/**
 * What several commands do to workbooks, in one place: read a report, make a template, fill
 * it, refresh its cached results, add the leadership summary and open on it. The commands
 * call these; none of them calls another command. The only module of the command line that
 * talks to the file host.
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
  type CellEdit,
  type Locale,
  type TemplateId,
} from '../core';
import { activateSheet, applyCellEdits, applyWorkbookPlan, loadWorkbook, newReportWorkbook, requestFullCalcOnLoad, snapshotOf, toBytes, type Workbook } from '../hosts/xlsx';
import type { Io } from './io';

const decoder = new TextDecoder('utf-8');

export async function readWorkbook(io: Io, path: string): Promise<Workbook> {
  return loadWorkbook(io.read(path));
}

export function readText(io: Io, path: string): string {
  return decoder.decode(io.read(path));
}

/** After inputs change, the template's formulas carry fresh cached results, and Excel recalculates on open. */
export function recalc(wb: Workbook): void {
  applyCellEdits(wb, planRecalc(snapshotOf(wb)));
  requestFullCalcOnLoad(wb);
}

export async function makeTemplate(template: TemplateId, options: { unit: string; period: string; locale: Locale }): Promise<Workbook> {
  return newReportWorkbook(buildTemplatePlan(template, options));
}

export function fillWorkbook(wb: Workbook, csv: string | undefined, previous: Workbook | undefined): void {
  const edits: CellEdit[] = [];
  if (csv !== undefined) edits.push(...planImport(csv, snapshotOf(wb)));
  applyCellEdits(wb, edits);
  if (previous) applyCellEdits(wb, planPrevious(snapshotOf(wb), snapshotOf(previous)));
  recalc(wb);
}

/** The workbook with 领导参阅 added and opening on it, and the Word text of the same summary. */
export async function summaryFiles(wb: Workbook, locale: Locale, wantDocx: boolean): Promise<{ xlsx: Uint8Array; docx?: Uint8Array }> {
  const { report, model } = checkWorkbook(snapshotOf(wb));
  const summary = buildSummary(report, model, { locale });
  const paragraphs = narrate(summary, model, locale);
  applyWorkbookPlan(wb, { sheets: [summarySheetPlan(summary, paragraphs, locale)], names: [] });
  // The summary is the page leaders open first.
  activateSheet(wb, SHEETS.summary);
  const xlsx = await toBytes(wb);
  if (!wantDocx) return { xlsx };
  // Loaded on demand: the Word writer is large and `check` should not pay for it.
  const { summaryDocx } = await import('../hosts/docx');
  return { xlsx, docx: await summaryDocx(summary, paragraphs, locale) };
}
