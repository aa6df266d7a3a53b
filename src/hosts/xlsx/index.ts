/**
 * The .xlsx host: bytes <-> the core's plain data, and the core's plans carried out with
 * ExcelJS. It runs in Node (the command line) and in the browser (the web page); file I/O
 * belongs to the caller, which hands over and receives bytes.
 */
export { exceljs, newWorkbook } from './exceljs';
export type { ExcelJSModule, Workbook, Worksheet } from './exceljs';
export { XlsxInputError, loadWorkbook, snapshotOf } from './read';
export type { XlsxInputReason } from './read';
export { applyWorkbookPlan, applyCellEdits, toBytes, activateSheet, requestFullCalcOnLoad, newReportWorkbook, CREATOR } from './write';
export { applyMarks } from './marks';
