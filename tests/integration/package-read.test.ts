/**
 * The package reader against the ExcelJS reader on every report fixture: the same findings,
 * and the same cell data for the cells it returns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isReportName } from '../../src/core';
import { HISTORY_ROWS } from '../../src/hosts/xlsx/package/read';
import { fillHistory } from '../support/big-workbook';
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

describe('历史数据 is read only as far as A6 needs', () => {
  it(`reads the first ${HISTORY_ROWS} rows of a long history sheet, and the whole of a short one`, () => {
    const report = new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'bad', 'report.xlsx')));
    const long = XlsxPackage.open(fillHistory(report, { rows: HISTORY_ROWS + 2000 }));
    const rows = (snap: ReturnType<XlsxPackage['snapshotAll']>) =>
      Object.keys(snap.sheets.find((s) => s.name === '历史数据')?.cells ?? {}).map((a) => Number(/\d+$/.exec(a)?.[0]));
    const got = rows(long.snapshot({ names: isReportName, sheets: ['历史数据'] }));
    expect(Math.max(...got)).toBe(HISTORY_ROWS);
    const short = XlsxPackage.open(fillHistory(report, { rows: 500 }));
    expect(Math.max(...rows(short.snapshot({ names: isReportName, sheets: ['历史数据'] })))).toBe(501);
  });
});
