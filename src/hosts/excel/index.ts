/** The Office.js host: what the task pane may use. */
export {
  ExcelHost,
  ExcelHostError,
  API,
  FONT_FACES,
  MARK_TOKEN,
  NOTE_MARKER,
  PAYLOAD_BUDGET,
  SHEET_CAP,
  cellInput,
  isCellEditModeError,
  markFormula,
  rangeToCells,
  sheetNameProblem,
} from './host';
export type { ExcelHostDeps, ExcelHostErrorCode, MarkOutcome } from './host';
export * as a1 from './address';
