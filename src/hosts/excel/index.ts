/** The Office.js host: what the task pane may use. */
export {
  ExcelHost,
  ExcelHostError,
  API,
  FONT_FACES,
  MARK_TOKEN,
  NOTE_MARKER,
  PAYLOAD_BUDGET,
  RESPONSE_BUDGET,
  ROW_COLUMNS,
  SHEET_CAP,
  cellInput,
  isCellEditModeError,
  markFormula,
  planMarkBatch,
  rangeToCells,
  rowBands,
  sheetNameProblem,
} from './host';
export type { ExcelHostDeps, ExcelHostErrorCode, MarkDecision, MarkOutcome, SheetInfo, Survey } from './host';
export { EXCEL_HOST_MESSAGES, excelHostMessage } from './messages';
export * as a1 from './address';
