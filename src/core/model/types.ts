/**
 * The report as the rules see it: each indicator's figures this period and last, where
 * they sit in the workbook, and the explanation typed beside them. Built from a snapshot
 * by locate.ts; every rule family reads only this.
 */
import type { CellRef, Scalar } from '../../workbook/snapshot';

export type TemplateId = 'annual' | 'half-year';

export interface Figure {
  code: string;
  /** This period's number; null when the cell is blank or holds text (see currentRaw). */
  current: number | null;
  /** Last year's same-period number (上年同期); null when blank or text. */
  previous: number | null;
  /** The cell's value as read, for text-in-number findings. */
  currentRaw: Scalar;
  previousRaw: Scalar;
  /** An Excel error value (`#DIV/0!`, `#N/A` …) in the current or last year's cell. */
  currentError?: string;
  previousError?: string;
  /** The current / last year's cell lies inside a merged range (not its top-left cell, or covering others). */
  currentMerged?: string;
  previousMerged?: string;
  /** True when the current cell holds a formula (a derived cell left as the template made it). */
  currentIsFormula: boolean;
  cell?: CellRef;
  prevCell?: CellRef;
  /** The 说明 cell beside the figure. */
  noteCell?: CellRef;
  explanation?: string;
}

export interface HistoryPoint {
  /** `2023`, `2024H1` … */
  label: string;
  value: number;
}

export interface ReportModel {
  template: TemplateId;
  unit: string;
  period: string;
  figures: ReadonlyMap<string, Figure>;
  /** Earlier periods from the 历史数据 sheet, oldest first, by indicator code. */
  history: ReadonlyMap<string, HistoryPoint[]>;
  /** Indicator codes whose defined name is missing from the workbook. */
  missing: string[];
  /** Header names (RPT_UNIT, RPT_PERIOD, RPT_TEMPLATE) missing from the workbook. */
  missingHeader?: string[];
  /** The cover's header cells, where their names are found. */
  headerCells?: { unit?: CellRef; period?: CellRef; template?: CellRef };
}
