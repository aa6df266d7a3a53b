/**
 * How tall a form row must be for its 说明 to show, and print, whole: the hint an explanation's
 * CellEdit carries (readers that do not fit rows when they open a file print what the file says).
 */
import { estimateRowHeight } from '../summary/format';
import { FORM_COLUMN_WIDTHS, FORM_ROW_HEIGHT, FORM_TEXT_SIZE } from './layout';

const NOTE_WIDTH = FORM_COLUMN_WIDTHS[FORM_COLUMN_WIDTHS.length - 1] as number;

/** Points for `text` wrapped in the 说明 column; undefined when it fits on one line. */
export function explanationRowHeight(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const h = estimateRowHeight(text, NOTE_WIDTH, FORM_TEXT_SIZE);
  const oneLine = estimateRowHeight('说', NOTE_WIDTH, FORM_TEXT_SIZE);
  return h > oneLine ? Math.min(Math.max(h, FORM_ROW_HEIGHT), 409) : undefined;
}
