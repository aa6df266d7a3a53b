/**
 * A1 arithmetic for the Office.js host: the core's (src/core/a1.ts), plus the one conversion
 * only Office.js needs (column widths in points).
 */
import { a1 } from '../../core';

export type CellPos = a1.CellPos;
export type Rect = a1.Rect;
export const { colToIndex, indexToCol, parseCell, toA1, parseRect, rectToA1, quoteSheet, splitSheetAddress, parseNameFormula, coalesce } = a1;

/**
 * Column width in characters (as a plan and ExcelJS give it) → points (what Office.js
 * wants): a character of the default font is 7 px plus 5 px padding; 1 px = 0.75 pt.
 */
export function charsToPoints(chars: number): number {
  return Math.round((Math.trunc(chars * 7 + 5) * 0.75) * 100) / 100;
}
