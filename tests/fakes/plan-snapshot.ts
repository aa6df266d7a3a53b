/**
 * Test helper: renders a WorkbookPlan straight into a WorkbookSnapshot and applies
 * CellEdits to it, so core tests run on exactly what a host would have written, without
 * ExcelJS or Excel. Formula cells carry the plan's cached result.
 */
import type { CellEdit, WorkbookPlan } from '../../src/core/plan/types';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

export function snapshotFromPlan(plan: WorkbookPlan): WorkbookSnapshot {
  return {
    sheets: plan.sheets.map((s) => ({
      name: s.name,
      cells: Object.fromEntries(
        s.cells
          .filter((c) => c.value !== undefined || c.formula !== undefined)
          .map((c) => [c.address, c.formula !== undefined ? { v: c.result ?? null, f: c.formula } : { v: c.value ?? null }]),
      ),
    })),
    names: plan.names.map((n) => ({ ...n })),
  };
}

export function applyEdits(snapshot: WorkbookSnapshot, edits: CellEdit[]): WorkbookSnapshot {
  const out: WorkbookSnapshot = { names: snapshot.names, sheets: snapshot.sheets.map((s) => ({ name: s.name, cells: { ...s.cells } })) };
  for (const e of edits) {
    const sheet = out.sheets.find((s) => s.name === e.sheet);
    if (!sheet) throw new Error(`no sheet ${e.sheet}`);
    if (e.formula !== undefined) sheet.cells[e.address] = { v: e.result ?? null, f: e.formula };
    else if (e.value === null || e.value === undefined) delete sheet.cells[e.address];
    else sheet.cells[e.address] = { v: e.value };
  }
  return out;
}
