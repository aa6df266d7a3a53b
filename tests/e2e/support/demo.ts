/**
 * The demo workbook the browser tests open: made by the command line's own `demo`
 * (annual-2025-demo.xlsx, the annual sample with six planted slips), plus variants made
 * with the xlsx host, and a way to check bytes that came back from the page.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { run } from '../../../src/cli/main';
import { nodeIo, type Io } from '../../../src/cli/io';
import { checkWorkbook } from '../../../src/core';
import type { Report } from '../../../src/core';
// Read with ExcelJS, a reader that is not the product's own; variants patched by the product's host.
import { loadWorkbook, snapshotOf } from '../../support/exceljs-host';
import { applyCellEdits, openWorkbook } from '../../../src/hosts/xlsx';
import type { Scalar, WorkbookSnapshot } from '../../../src/workbook/snapshot';

export const DEMO_FILE = 'annual-2025-demo.xlsx';

/** The demo's findings as the pane lists them (code, severity, explained). */
export const DEMO_FINDINGS = [
  ['LEG_COUNSEL', 'error', false],
  ['LA_CASES', 'error', false],
  ['AR_SETTLE_RATE', 'error', false],
  ['PL_POSTS', 'warning', false],
  ['LAW_PRO_BONO', 'warning', false],
  ['CC_VISIT_RATE', 'warning', false],
  ['LA_PER_100K', 'warning', true],
] as const;

export const XSS = '<img src=x onerror=alert(1)>';

export interface Demo {
  dir: string;
  /** annual-2025-demo.xlsx on disk. */
  path: string;
  bytes: Buffer;
  snapshot: WorkbookSnapshot;
  /** Writes a variant of the demo into `dir` and returns its path. */
  variant(name: string, values: Record<string, Scalar>): Promise<string>;
  remove(): void;
}

const quiet: Io = { ...nodeIo, out: () => undefined };

/** Where a defined name points in a snapshot. */
export function cellOf(snapshot: WorkbookSnapshot, name: string): { sheet: string; address: string } {
  const n = snapshot.names.find((x) => x.name === name);
  if (!n) throw new Error(`the demo has no name ${name}`);
  return { sheet: n.sheet, address: n.address };
}

/** The value of a named cell in a snapshot. */
export function valueOf(snapshot: WorkbookSnapshot, name: string): Scalar | undefined {
  const { sheet, address } = cellOf(snapshot, name);
  return snapshot.sheets.find((s) => s.name === sheet)?.cells[address]?.v;
}

/** A copy of the snapshot with named cells set (plain values, as a user would type them). */
export function withValues(snapshot: WorkbookSnapshot, values: Record<string, Scalar>): WorkbookSnapshot {
  const copy = JSON.parse(JSON.stringify(snapshot)) as WorkbookSnapshot;
  for (const [name, v] of Object.entries(values)) {
    const { sheet, address } = cellOf(copy, name);
    const s = copy.sheets.find((x) => x.name === sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    s.cells[address] = { v };
  }
  return copy;
}

export async function makeDemo(): Promise<Demo> {
  const dir = mkdtempSync(join(tmpdir(), 'bra-e2e-'));
  const status = await run(['demo', '--out', dir], quiet);
  if (status !== 0) throw new Error(`demo exited ${status}`);
  const path = join(dir, DEMO_FILE);
  const bytes = readFileSync(path);
  const wb = await loadWorkbook(bytes);
  const snapshot = snapshotOf(wb);
  return {
    dir,
    path,
    bytes,
    snapshot,
    async variant(name, values) {
      const copy = openWorkbook(new Uint8Array(bytes));
      applyCellEdits(
        copy,
        Object.entries(values).map(([n, value]) => ({ ...cellOf(snapshot, n), value })),
      );
      const out = join(dir, name);
      writeFileSync(out, copy.toBytes());
      return out;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Rechecked {
  snapshot: WorkbookSnapshot;
  report: Report;
  sheets: string[];
}

/** Reads bytes the page handed out and checks them with the engine, in Node. */
export async function recheck(bytes: Uint8Array): Promise<Rechecked> {
  const wb = await loadWorkbook(bytes);
  const snapshot = snapshotOf(wb);
  return { snapshot, report: checkWorkbook(snapshot).report, sheets: wb.worksheets.map((w) => w.name) };
}
