/**
 * The plain data a host hands the core: no Excel objects, no ExcelJS objects.
 * A host reads the workbook once into this shape; the core never asks for more.
 */

/** A cell's value as a host sees it. Errors (#DIV/0!) are values, not exceptions. */
export type Scalar = number | string | boolean | null;

export interface CellData {
  /** The value (for a formula cell, its cached result). */
  v: Scalar;
  /** Formula without the leading `=`, when the cell holds one. */
  f?: string;
  /** Excel error text such as `#DIV/0!` when the value is an error. */
  error?: string;
}

export interface SheetSnapshot {
  name: string;
  /** Sparse cells keyed by A1 address without `$` (`E7`). */
  cells: Record<string, CellData>;
  /** Merged ranges (`E4:F4`), where the host knows them. */
  merges?: string[];
}

/** A workbook-scoped defined name that refers to one cell. */
export interface NameRef {
  name: string;
  sheet: string;
  /** A1 address without `$`. */
  address: string;
}

export interface WorkbookSnapshot {
  /** Sheets in workbook order. */
  sheets: SheetSnapshot[];
  /** Workbook-scoped defined names that point at single cells. */
  names: NameRef[];
}

/** Where a cell is: sheet name plus A1 address. */
export interface CellRef {
  sheet: string;
  address: string;
}
