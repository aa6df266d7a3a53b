/**
 * Plans: what the core asks a host to write. A host (the ExcelJS host or the Excel host) carries a plan
 * out in one batch and decides nothing; the same plan gives the same sheet in both.
 */
import type { Scalar } from '../../workbook/snapshot';
import type { Severity } from '../report/types';

/** Colours are 6-digit hex RGB without '#'. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Point size. */
  size?: number;
  /** Font role: `title` = a Hei (黑体) face, `body` = a Song (宋体) face, `text` = Fangsong (仿宋). */
  font?: 'title' | 'body' | 'text';
  color?: string;
  fill?: string;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
  numFmt?: string;
  /** Unlocked cells are the ones a user fills in. */
  unlocked?: boolean;
}

export interface Validation {
  type: 'whole' | 'decimal';
  min?: number;
  max?: number;
  /** Title and message shown when a typed value is refused (already localised). */
  errorTitle: string;
  error: string;
  prompt?: string;
}

export interface PlannedCell {
  address: string;
  value?: Scalar;
  /** Formula without '='. */
  formula?: string;
  /** Cached result written with the formula (so a reader that does not calculate sees it). */
  result?: Scalar;
  /** Internal link (`#'Sheet'!E7`) shown as the cell text. */
  link?: string;
  style?: CellStyle;
  validation?: Validation;
}

export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  paper: 'A4';
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, e.g. [1, 4]. */
  titleRows?: [number, number];
  /** Margins in inches. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally?: boolean;
}

export interface DataBar {
  /** A1 range, e.g. `F5:F20`. */
  range: string;
  color: string;
}

export interface SheetPlan {
  name: string;
  /** Column widths in characters, from column A. */
  columns: number[];
  cells: PlannedCell[];
  merges: string[];
  /** Row heights in points, by 1-based row number: fixed (the row does not grow with its text). */
  rowHeights?: Record<number, number>;
  /**
   * Heights rows start at but that grow with wrapped text (a 说明 typed later prints whole):
   * written as a height a reader may fit again, never a fixed one. A host that cannot write
   * such a height leaves the row to fit itself.
   */
  minRowHeights?: Record<number, number>;
  /** Hidden (Format › Unhide shows it): a sheet of data for the tool, left out when the workbook is printed. */
  hidden?: boolean;
  freeze?: { rows: number; cols: number };
  print?: PrintSetup;
  dataBars?: DataBar[];
  tabColor?: string;
  /** Hide the grid lines (summary pages look like paper). */
  hideGridLines?: boolean;
}

export interface NamePlan {
  name: string;
  sheet: string;
  address: string;
}

/** A set of new sheets and the workbook names that point into them. */
export interface WorkbookPlan {
  sheets: SheetPlan[];
  names: NamePlan[];
}

/** A change to one existing cell (a suggestion accepted, an explanation, a YoY formula). */
export interface CellEdit {
  sheet: string;
  address: string;
  value?: Scalar;
  formula?: string;
  result?: Scalar;
  /**
   * The row should be at least this tall (points) for the wrapped text to show, and print,
   * whole: an estimate at the template's column width. A host that can measure fits the row
   * to its text instead; none lowers a row.
   */
  rowHeight?: number;
}

/** One flagged cell. The host draws it as an overlay that can be removed without trace. */
export interface Mark {
  sheet: string;
  address: string;
  severity: Severity;
  rule: string;
  /** The note text (message, rule id, suggestion), already localised. */
  note: string;
}

export interface MarkPlan {
  marks: Mark[];
  /** The 问题清单 sheet listing every finding with a link to its cell. */
  issueSheet: SheetPlan;
}

/** Font faces for the plan's font roles, by the names Chinese Windows and WPS list them under. */
export const FONT_FACES: Record<NonNullable<CellStyle['font']>, string> = {
  title: '黑体',
  body: '宋体',
  text: '仿宋',
};

/**
 * The mark contract every host writes and recognises, so marks made by one host are cleared by
 * another: an overlay is a conditional format whose formula is markFormula(severity) (always
 * TRUE, carrying MARK_TOKEN); a note of the tool's starts with NOTE_MARKER and has NOTE_AUTHOR.
 */
export const MARK_TOKEN = 'BRA-MARK';
export const NOTE_MARKER = '【报表助手】';
export const NOTE_AUTHOR = '报表助手';

/** The overlay's formula, without the leading '=' (a host adds it where its API wants one). */
export function markFormula(severity: Severity): string {
  return `ISTEXT("${MARK_TOKEN}:${severity}")`;
}

/** Fill and font colours per severity (Excel's own Bad / Neutral / a light blue). */
export const SEVERITY_COLORS: Record<Severity, { fill: string; font: string }> = {
  error: { fill: 'FFC7CE', font: '9C0006' },
  warning: { fill: 'FFEB9C', font: '9C5700' },
  info: { fill: 'DDEBF7', font: '1F4E79' },
};
