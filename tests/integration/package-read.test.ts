/**
 * The package reader against the ExcelJS reader on every report fixture: the same findings,
 * and the same cell data for the cells it returns.
 */
import { checkWorkbook } from '../../src/core/check';
import { loadWorkbook, snapshotOf } from '../support/exceljs-host';
import { XlsxPackage } from '../../src/hosts/xlsx/package';
import { reportFixtures } from '../support/package-fixtures';

const WANT = { names: () => true, sheets: ['历史数据'] as const };

describe('package reader = ExcelJS reader on the report fixtures', () => {
  it('gives identical check reports and cell data', async () => {
    const fixtures = await reportFixtures();
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
    for (const f of fixtures) {
      const old = snapshotOf(await loadWorkbook(f.bytes));
      const pkg = XlsxPackage.open(f.bytes);
      const snap = pkg.snapshot(WANT);
      expect({ fixture: f.name, report: checkWorkbook(snap).report }).toEqual({ fixture: f.name, report: checkWorkbook(old).report });
      // every sheet the package loaded has exactly ExcelJS's cells
      const all = pkg.snapshotAll();
      expect(all.names).toEqual(old.names);
      expect(all.sheets.map((s) => s.name)).toEqual(old.sheets.map((s) => s.name));
      for (const s of all.sheets) {
        const o = old.sheets.find((x) => x.name === s.name);
        expect({ fixture: f.name, sheet: s.name, cells: s.cells }).toEqual({ fixture: f.name, sheet: s.name, cells: o?.cells });
      }
    }
  });
});
