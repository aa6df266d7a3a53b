/**
 * The ExcelJS file host the product used before the package host (src/hosts/xlsx): kept only as
 * a test yardstick — a reader that is not ours to compare snapshots with, and the maker of the
 * "flagged by the old host" fixtures. Nothing in src/ uses it.
 */
export { exceljs, newWorkbook } from './exceljs';
export type { ExcelJSModule, Workbook, Worksheet } from './exceljs';
export { XlsxInputError, loadWorkbook, snapshotOf } from './read';
export type { XlsxInputReason } from './read';
export { applyWorkbookPlan, applyCellEdits, toBytes, activateSheet, requestFullCalcOnLoad, newReportWorkbook, CREATOR } from './write';
export { applyMarks } from './marks';

// ---- the report made as the command line made it before the package host ----------------------
import { buildTemplatePlan, planImport, planPrevious, planRecalc, type Locale, type TemplateId } from '../../../src/core';
import { newReportWorkbook as newBook, applyCellEdits as edit, requestFullCalcOnLoad as calc } from './write';
import { snapshotOf as snap } from './read';
import type { Workbook as Book } from './exceljs';

export async function makeTemplate(template: TemplateId, options: { unit: string; period: string; locale?: Locale }): Promise<Book> {
  return newBook(buildTemplatePlan(template, { locale: 'zh-CN', ...options }));
}

export function fillWorkbook(wb: Book, csv: string | undefined, previous: Book | undefined): void {
  if (csv !== undefined) edit(wb, planImport(csv, snap(wb)));
  if (previous) edit(wb, planPrevious(snap(wb), snap(previous)));
  edit(wb, planRecalc(snap(wb)));
  calc(wb);
}
