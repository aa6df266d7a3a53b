/**
 * The .xlsx file host: the user's workbook as a package of parts (src/hosts/xlsx/package),
 * read only as far as the report needs and written by patching exactly what a plan names.
 * It runs in Node (the command line) and in the browser (the web page); file I/O belongs to
 * the caller, which hands over and receives bytes. No ExcelJS.
 */
import { isReportName, SHEETS, type CellEdit, type WorkbookPlan } from '../../core';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { XlsxPackage } from './package';

export { XlsxPackage, XlsxInputError, PACKAGE_LIMITS, type PackageLimits, type XlsxInputReason } from './package';

/** Opens .xlsx bytes; throws XlsxInputError (an AppError with words for the user) for anything else. */
export function openWorkbook(bytes: Uint8Array | ArrayBuffer): XlsxPackage {
  return XlsxPackage.open(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
}

/** What the core needs of a workbook: the sheets the report's names point into, and 历史数据. */
export function reportSnapshot(pkg: XlsxPackage): WorkbookSnapshot {
  return pkg.snapshot({ names: isReportName, sheets: [SHEETS.history] });
}

/** Cell edits, and Excel asked to recalculate on open (cached results are only a courtesy). */
export function applyCellEdits(pkg: XlsxPackage, edits: CellEdit[]): void {
  if (edits.length === 0) return;
  pkg.applyCellEdits(edits);
  pkg.requestFullCalcOnLoad();
}

/** A plan's sheets (replacing the tool's own sheets of the same name) and names. */
export function applyWorkbookPlan(pkg: XlsxPackage, plan: WorkbookPlan): void {
  pkg.addSheets(plan.sheets);
  if (plan.names.length) pkg.setNames(plan.names);
  if (plan.sheets.some((s) => s.cells.some((c) => c.formula !== undefined))) pkg.requestFullCalcOnLoad();
}

/** A new workbook holding a plan (the blank template, a merged total). */
export function newReportWorkbook(plan: WorkbookPlan): XlsxPackage {
  const pkg = XlsxPackage.fromPlan(plan);
  pkg.requestFullCalcOnLoad();
  return pkg;
}
