/**
 * Where things are in a template workbook. Readers find figures by defined names, never by
 * position; these constants are what the writer uses and what names a reader looks for.
 */

/** Defined names beside each indicator code: `LA_CASES`, `LA_CASES_PREV`, `LA_CASES_NOTE`. */
export const PREV_SUFFIX = '_PREV';
export const NOTE_SUFFIX = '_NOTE';

/** Header block (封面) names. */
export const META_NAMES = {
  template: 'RPT_TEMPLATE',
  unit: 'RPT_UNIT',
  period: 'RPT_PERIOD',
  filler: 'RPT_FILLER',
  phone: 'RPT_PHONE',
  reviewer: 'RPT_REVIEWER',
  date: 'RPT_DATE',
} as const;

/** Sheet names the product writes (zh-CN; the standard's sheet names are Chinese). */
export const SHEETS = {
  cover: '封面',
  history: '历史数据',
  issues: '问题清单',
  summary: '领导参阅',
} as const;

/** Widths (characters) of a form sheet's columns A..I, and the text size of its cells. */
export const FORM_COLUMN_WIDTHS = [5, 34, 24, 10, 13, 13, 12, 10, 30] as const;
export const FORM_TEXT_SIZE = 10;
/** A form row's height (points) before its text makes it grow. */
export const FORM_ROW_HEIGHT = 20;

/** Columns of a form sheet. */
export const COLS = {
  seq: 'A',
  name: 'B',
  code: 'C',
  unit: 'D',
  current: 'E',
  previous: 'F',
  change: 'G',
  yoy: 'H',
  note: 'I',
} as const;

/** Form sheets: title row 1, unit/period row 2, column headers row 3, indicators from row 4. */
export const FORM_TITLE_ROW = 1;
export const FORM_HEADER_ROW = 3;
export const FORM_FIRST_ROW = 4;
