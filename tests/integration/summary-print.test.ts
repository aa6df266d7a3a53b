/**
 * The 领导参阅 sheet as LibreOffice prints it: two or three A4 pages, like the Word document
 * (whose page count the core estimates, tests/unit/summary-pages.test.ts). The sheet's rows
 * have the heights the plan gives them and the print is fitted to the page width, so the page
 * count does not hang on which CJK face the machine has. In CI a missing LibreOffice fails the
 * run (tests/support/pytools.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { fillWorkbook, makeTemplate, summaryFiles } from '../../src/cli/workbooks';
import { decodeCsv } from '../../src/cli/decode';
import { openWorkbook } from '../../src/hosts/xlsx';
import { SHEETS } from '../../src/core/template/layout';
import { hasSoffice, hasWriter, tmp } from '../support/pytools';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample');

/** The demo's summary workbook, the other sheets removed (LibreOffice prints every sheet). */
async function summaryOnly(slips: boolean): Promise<Uint8Array> {
  const wb = makeTemplate('annual', { unit: '示例市司法局', period: '2025', locale: 'zh-CN' });
  fillWorkbook(wb, decodeCsv(readFileSync(join(SAMPLE, 'annual-2025.csv'))), undefined);
  if (slips) fillWorkbook(wb, decodeCsv(readFileSync(join(SAMPLE, 'slips.csv'))), undefined);
  const { xlsx } = await summaryFiles(openWorkbook(wb.toBytes()), 'zh-CN', false);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(xlsx) as unknown as Parameters<typeof book.xlsx.load>[0]);
  for (const ws of [...book.worksheets]) if (ws.name !== SHEETS.summary) book.removeWorksheet(ws.id);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function printedPages(bytes: Uint8Array, ext: 'xlsx' | 'docx' = 'xlsx'): number {
  const dir = tmp();
  const file = join(dir, `summary.${ext}`);
  writeFileSync(file, bytes);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120000 });
  const pdf = readFileSync(join(dir, 'summary.pdf')).toString('latin1');
  return (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

describe('the 领导参阅 sheet in print', () => {
  (hasSoffice() ? it : it.skip).each([
    ['the sample, ready to submit', false],
    ['the sample with its six slips', true],
  ])('%s: two or three pages', async (_label, slips) => {
    const pages = printedPages(await summaryOnly(slips));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
  }, 180000);
});

/** The demo's Word summary, as the command line writes it. */
async function summaryDocxOf(slips: boolean, locale: 'zh-CN' | 'en-US'): Promise<Uint8Array> {
  const wb = makeTemplate('annual', { unit: '示例市司法局', period: '2025', locale });
  fillWorkbook(wb, decodeCsv(readFileSync(join(SAMPLE, 'annual-2025.csv'))), undefined);
  if (slips) fillWorkbook(wb, decodeCsv(readFileSync(join(SAMPLE, 'slips.csv'))), undefined);
  const { docx } = await summaryFiles(openWorkbook(wb.toBytes()), locale, true);
  if (!docx) throw new Error('no docx');
  return docx;
}

describe('the Word summary in print (LibreOffice Writer): what the core estimates, confirmed', () => {
  (hasWriter() ? it : it.skip).each([
    ['the sample, zh-CN', false, 'zh-CN'],
    ['the sample with its six slips, zh-CN', true, 'zh-CN'],
    ['the sample, en-US', false, 'en-US'],
    ['the sample with its six slips, en-US', true, 'en-US'],
  ] as const)('%s: two or three pages', async (_label, slips, locale) => {
    const pages = printedPages(await summaryDocxOf(slips, locale), 'docx');
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(3);
  }, 180000);
});
