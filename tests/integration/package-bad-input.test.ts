/** The bad-input corpus (tests/fixtures/bad, issue 12) through XlsxPackage.open and snapshot(). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core';
import { XlsxInputError, XlsxPackage } from '../../src/hosts/xlsx/package';
import { loadWorkbook, snapshotOf } from '../support/exceljs-host';

const DIR = join(__dirname, '..', 'fixtures', 'bad');
const WANT = { names: () => true, sheets: ['历史数据'] as const };
const read = (f: string) => new Uint8Array(readFileSync(join(DIR, f)));

function outcome(file: string): string {
  try {
    const pkg = XlsxPackage.open(read(file));
    pkg.snapshot(WANT);
    return 'opened';
  } catch (e) {
    if (!(e instanceof XlsxInputError)) throw e;
    expect(e.text('zh-CN')).not.toContain('\n');
    return e.reason;
  }
}

describe('bad input is refused with the reason a user can act on', () => {
  it.each([
    ['empty.xlsx', 'empty'],
    ['random.xlsx', 'not-xlsx'],
    ['truncated.xlsx', 'corrupt'],
    ['not-workbook.xlsx', 'not-xlsx'],
    ['renamed-docx.xlsx', 'not-xlsx'],
    ['html.xls', 'not-xlsx'],
    ['ods.xlsx', 'not-xlsx'],
    ['binary.xls', 'legacy-xls'],
    ['encrypted.xlsx', 'encrypted'],
    ['not-template.xlsx', 'opened'],
    ['error-values.xlsx', 'opened'],
    ['merged-inputs.xlsx', 'opened'],
    ['macro.xlsm', 'opened'],
    ['report.xlsx', 'opened'],
  ])('%s → %s', (file, reason) => {
    expect(outcome(file)).toBe(reason);
  });

  it('reads error values as errors and skips cells under a merge, as the ExcelJS reader did', () => {
    const errors = XlsxPackage.open(read('error-values.xlsx')).snapshot(WANT);
    const js01 = errors.sheets.find((s) => s.name === 'JS01 法律援助')?.cells ?? {};
    expect(js01.E4).toEqual({ v: null, error: '#DIV/0!' });
    expect(js01.E5).toEqual({ v: null, error: '#N/A' });
    expect(js01.F6).toEqual({ v: null, error: '#NUM!' });
    const merged = XlsxPackage.open(read('merged-inputs.xlsx')).snapshot(WANT);
    expect(merged.sheets.find((s) => s.name === 'JS01 法律援助')?.cells.E6).toBeUndefined();
    expect(checkWorkbook(merged).report.findings.length).toBeGreaterThan(0);
    expect(XlsxPackage.open(read('macro.xlsm')).macroEnabled).toBe(true);
  });

  it.each(['error-values.xlsx', 'merged-inputs.xlsx', 'formula-text.xlsx', 'no-period-name.xlsx', 'macro.xlsm', 'report.xlsx'])(
    '%s: the same findings as through the ExcelJS reader',
    async (file) => {
      const old = checkWorkbook(snapshotOf(await loadWorkbook(read(file)))).report;
      expect(checkWorkbook(XlsxPackage.open(read(file)).snapshot(WANT)).report).toEqual(old);
    },
  );
});
