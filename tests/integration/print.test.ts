/**
 * The printed copy (issue 10, point 9): printing the whole workbook leaves out 历史数据 (a hidden
 * sheet of codes for the tool), and a 说明 row grows with its text. Checked in the plan, in both
 * hosts, and in LibreOffice headless (PDF pages; the row heights LibreOffice lays the rows out at).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { buildTemplatePlan, locate, planExplanation, planImport, SHEETS } from '../../src/core';
import { FORM_ROW_HEIGHT } from '../../src/core/template/layout';
import { ExcelHost } from '../../src/hosts/excel';
import { XlsxPackage } from '../../src/hosts/xlsx/package';
import { createFakeExcel } from '../fakes/fake-excel';
import { text } from '../support/package-fixtures';
import { hasSoffice, sofficeRoundTrip, tmp } from '../support/pytools';

const LONG =
  '本年度法律援助案件数下降，主要原因是2025年起部分案件改由公共法律服务中心窗口直接办理，统计口径随之调整；另有两个司法所合并，上年结转案件已在新所登记。经与市局业务处室核对，数据无误，特此说明。';
const WANT = { names: () => true, sheets: [SHEETS.history] };
const itSoffice = hasSoffice() ? it : it.skip;

function template(): XlsxPackage {
  return XlsxPackage.fromPlan(buildTemplatePlan('annual', { unit: '示例市司法局', period: '2025' }));
}

function explained(hint = true): { bytes: Uint8Array; sheet: string; row: number } {
  const pkg = template();
  const model = locate(pkg.snapshot(WANT));
  const edits = planExplanation(model, 'LA_CASES', LONG).map(({ rowHeight, ...e }) => (hint && rowHeight !== undefined ? { ...e, rowHeight } : e));
  pkg.applyCellEdits(edits);
  const e = edits[0];
  if (!e) throw new Error('no 说明 cell');
  return { bytes: pkg.toBytes(), sheet: e.sheet, row: Number(/\d+/.exec(e.address)?.[0]) };
}

/** The `<row>` tag of row `row` on the sheet called `sheet`, read from the XML. */
function rowTag(bytes: Uint8Array, sheet: string, row: number): string {
  const files = unzipSync(bytes);
  const book = text(files['xl/workbook.xml']);
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(book)?.[1];
  const rels = text(files['xl/_rels/workbook.xml.rels']);
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  const part = `xl/${(target?.[1] ?? target?.[2] ?? '').replace(/^\/?xl\//, '')}`;
  return new RegExp(`<row [^>]*r="${row}"[^>]*>`).exec(text(files[part]))?.[0] ?? '';
}

function pdfPages(bytes: Uint8Array): number {
  const dir = tmp();
  const f = join(dir, 'in.xlsx');
  writeFileSync(f, bytes);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, f], { stdio: 'ignore', timeout: 120000 });
  const pdf = readFileSync(join(dir, 'in.pdf')).toString('latin1');
  return (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe('历史数据 is not printed', () => {
  test('the template plan hides it; the file host writes it hidden, the Excel host hides it (ExcelApi 1.2, below the 1.4 every template insertion needs)', async () => {
    const plan = buildTemplatePlan('annual', { unit: '示例市司法局', period: '2025' });
    expect(plan.sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual([SHEETS.history]);
    const book = text(unzipSync(template().toBytes())['xl/workbook.xml']);
    expect(book).toMatch(new RegExp(`<sheet name="${SHEETS.history}" sheetId="\\d+" state="hidden"`));
    expect((book.match(/state="hidden"/g) ?? []).length).toBe(1);
    // the reader still finds its figures' history there
    expect(template().snapshot(WANT).sheets.some((s) => s.name === SHEETS.history && Object.keys(s.cells).length > 10)).toBe(true);

    for (const level of ['1.18', '1.4'] as const) {
      const fake = createFakeExcel({ requirementSets: { ExcelApi: level } });
      const host = new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, sleep: async () => undefined });
      await host.applyWorkbookPlan(plan);
      expect(fake.rejectedSyncs).toBe(0);
      expect(fake.visibility(SHEETS.history)).toBe('Hidden');
      expect(fake.visibility(SHEETS.cover)).toBe('Visible');
    }
    const old = createFakeExcel({ requirementSets: { ExcelApi: '1.1' } });
    const host = new ExcelHost({ run: old.run, isSetSupported: old.isSetSupported, sleep: async () => undefined });
    await expect(host.applyWorkbookPlan(plan)).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });

  itSoffice('LibreOffice prints fewer pages with it hidden than with it shown (the same workbook otherwise)', () => {
    const hidden = template().toBytes();
    const files = unzipSync(hidden);
    files['xl/workbook.xml'] = new TextEncoder().encode(text(files['xl/workbook.xml']).replace(' state="hidden"', ''));
    const shown = zipSync(files);
    const a = pdfPages(hidden);
    const b = pdfPages(shown);
    expect(a).toBeGreaterThan(0);
    expect(b - a).toBeGreaterThanOrEqual(1);
  }, 240000);
});

describe('说明 rows grow in the printed copy', () => {
  test('indicator rows are not fixed in the template; a long 说明 carries a height hint the file host writes', () => {
    const plan = buildTemplatePlan('annual', { unit: '示例市司法局', period: '2025' });
    const form = plan.sheets[1];
    expect(Object.keys(form?.rowHeights ?? {}).length).toBeLessThanOrEqual(3);
    expect(Object.values(form?.minRowHeights ?? {}).every((h) => h === FORM_ROW_HEIGHT)).toBe(true);
    const { bytes, sheet, row } = explained();
    const tag = rowTag(bytes, sheet, row);
    expect(tag).not.toContain('customHeight');
    expect(Number(/ht="([\d.]+)"/.exec(tag)?.[1])).toBeGreaterThan(FORM_ROW_HEIGHT * 2);
    // a one-line 说明 needs no hint
    const model = locate(template().snapshot(WANT));
    expect(planExplanation(model, 'LA_CASES', '口径调整')[0]?.rowHeight).toBeUndefined();
    // the import CSV's explanation gets the same hint
    const csv = `code,current,previous,explanation\nLA_CASES,1985,1862,${LONG}\n`;
    expect(planImport(csv, template().snapshot(WANT)).find((e) => e.value === LONG)?.rowHeight).toBeGreaterThan(FORM_ROW_HEIGHT * 2);
  });

  test('a workbook whose rows were fixed (an earlier template): writing a long 说明 makes its row tall enough', () => {
    const { sheet, row } = explained();
    const pkg = template();
    const files = unzipSync(pkg.toBytes());
    for (const k of Object.keys(files)) {
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(k)) {
        files[k] = new TextEncoder().encode(text(files[k]).replace(/<row r="(\d+)" ht="20">/g, '<row r="$1" ht="20" customHeight="1">'));
      }
    }
    const fixed = XlsxPackage.open(zipSync(files));
    expect(rowTag(fixed.toBytes(), sheet, row)).toContain('customHeight="1"');
    fixed.applyCellEdits(planExplanation(locate(fixed.snapshot(WANT)), 'LA_CASES', LONG));
    const tag = rowTag(fixed.toBytes(), sheet, row);
    expect(Number(/ht="([\d.]+)"/.exec(tag)?.[1])).toBeGreaterThan(FORM_ROW_HEIGHT * 2);
  });

  test('the Excel host fits the row of a long 说明 to its text', async () => {
    const pkg = template();
    const snapshot = pkg.snapshotAll();
    const fake = createFakeExcel({ snapshot });
    const host = new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, sleep: async () => undefined });
    const model = locate(await host.readSnapshot());
    const [long] = planExplanation(model, 'LA_CASES', LONG);
    const [short] = planExplanation(model, 'LA_STAFF', '口径调整');
    if (!long) throw new Error('no 说明 cell');
    await host.applyCellEdits([long, ...(short ? [short] : [])]);
    expect(fake.rejectedSyncs).toBe(0);
    expect(fake.cell(long.sheet, long.address)?.value).toBe(LONG);
    expect(fake.rowFitted(long.sheet, Number(/\d+/.exec(long.address)?.[0]))).toBe(true);
    if (short) expect(fake.rowFitted(short.sheet, Number(/\d+/.exec(short.address)?.[0]))).toBe(false);
  });

  // LibreOffice (like Excel) lays a file's rows out at the heights the file gives when it opens
  // it — a row that is not fixed grows only when its cell is edited there — so the hint is what
  // makes a 说明 written by the tool print whole: without it the row stays at 20 pt.
  itSoffice('LibreOffice lays the 说明 row out tall enough for the whole text (and without the hint it would not)', () => {
    const heights = [true, false].map((hint) => {
      const { bytes, sheet, row } = explained(hint);
      return Number(/ht="([\d.]+)"/.exec(rowTag(sofficeRoundTrip(bytes), sheet, row))?.[1]);
    });
    // 宋体 10 pt in a 30-character column: the text takes at least 4 lines of ≥ 12 pt
    expect(heights[0]).toBeGreaterThanOrEqual(48);
    expect(heights[1]).toBeLessThan(48);
  }, 240000);
});
