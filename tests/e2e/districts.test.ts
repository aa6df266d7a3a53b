/**
 * The 下级汇总 tab in a real browser (Debian's Chromium against the production build in dist/):
 * three district files made from the sample (甲区 × 1, 乙区 × 2 with a slip, 丙区 × 3) picked at
 * once, a line each, the total downloaded and opened in Node with the package host (a sum, the
 * 分地区对比 sheet), and the city's own report reconciled with them — in file mode (the file
 * opened above) and in Excel mode (the workbook, through the strict fake).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { openWorkbook, reportSnapshot } from '../../src/hosts/xlsx';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { districtBytes } from '../support/district-files';
import { ROOT } from './support/build';
import { XSS, valueOf } from './support/demo';
import { expectClean, idle, openFileMode, openOfficeMode, type Pane } from './support/pane';
import type { StaticServer } from './support/server';
import { startSuite, stopSuite, type Suite } from './support/suite';

/** The tab after a run (rewritten on every run, as pane.test.ts does with its screenshots). */
const SHOT = join(ROOT, 'docs', 'screenshots', 'districts-file-mode.png');

let browser: Browser;
let server: StaticServer;
let fakeBundle: string;
let dir: string;
let pane: Pane | undefined;
let suite: Suite | undefined;
const files: string[] = [];
let cityPath: string;
let citySnapshot: WorkbookSnapshot;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bra-e2e-districts-'));
  const write = (name: string, bytes: Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  files.push(write('甲区.xlsx', districtBytes('甲区司法局', 1)));
  files.push(write('乙区.xlsx', districtBytes('乙区司法局', 2, { LA_CASES_CIVIL: 820 * 2 - 30 })));
  files.push(write('丙区.xlsx', districtBytes('丙区司法局', 3)));
  // The city's own report: the sample × 6 (what the districts add up to, but for 乙区's slip),
  // with its own figure for legal-aid consultations.
  const city = districtBytes('示例市司法局（本级）', 6, { LA_CONSULTS: 1 });
  cityPath = write('本级.xlsx', city);
  citySnapshot = reportSnapshot(openWorkbook(city));
  suite = await startSuite();
  ({ browser, server, fakeBundle } = suite);
}, 240_000);

afterEach(async () => {
  await pane?.close();
  pane = undefined;
});

afterAll(async () => {
  await stopSuite(suite);
  rmSync(dir, { recursive: true, force: true });
});

/** Waits until the districts tab runs no action (its picker is enabled again). */
async function districtsIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const input = document.querySelector<HTMLInputElement>('[data-action="choose-districts"] input[type="file"]');
    return input !== null && !input.disabled;
  });
}

/** Opens the tab, picks the three district files and waits for their lines. */
async function pickDistricts(page: Page): Promise<{ file: string | null; status: string | null; text: string }[]> {
  await page.click('[data-tab="districts"]');
  const input = page.locator('[data-action="choose-districts"] input[type="file"]');
  await input.waitFor({ state: 'attached' });
  await input.setInputFiles(files);
  await page.waitForSelector('.district-batch-total');
  await districtsIdle(page);
  return page.$$eval('.district-line', (items) =>
    items.map((li) => ({ file: li.getAttribute('data-file'), status: li.getAttribute('data-status'), text: (li.textContent ?? '').trim() })),
  );
}

async function districtFindings(page: Page, section: string): Promise<string[]> {
  return page.$$eval(`${section} [data-rule]`, (items) => items.map((li) => `${li.getAttribute('data-rule')}:${li.getAttribute('data-code')}`));
}

describe('下级汇总', () => {
  test('file mode: three district files, a line each, the total downloaded and read back in Node, the city reconciled', async () => {
    pane = await openFileMode(browser, server);
    const { page } = pane;
    const lines = await pickDistricts(page);
    expect(lines.map((l) => [l.file, l.status])).toEqual([
      ['甲区.xlsx', 'ready'],
      ['乙区.xlsx', 'errors'],
      ['丙区.xlsx', 'ready'],
    ]);
    expect(lines[0]?.text).toContain('可以报送');
    expect(lines[0]?.text).toContain('甲区司法局（甲区.xlsx）');
    expect(lines[1]?.text).toMatch(/有错误 \d+/);
    expect(await page.textContent('.district-batch-total')).toMatch(/^合计：3 个文件，可以报送 2 个，有错误 1 个，无法读取 0 个/);
    expect(await page.textContent('.district-with-errors')).toContain('乙区司法局（乙区.xlsx）');
    // The bar went to 3 of 3 and is gone once every file is read.
    expect(await page.locator('.district-status [role="progressbar"]').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-total"]')]);
    expect(download.suggestedFilename()).toBe('下级汇总-2025.xlsx');
    await districtsIdle(page);
    const bytes = readFileSync(await download.path());
    const total = openWorkbook(bytes);
    const snap = reportSnapshot(total);
    expect(valueOf(snap, 'LA_CASES')).toBe(1985 * 6);
    expect(valueOf(snap, 'LA_CASES_CIVIL')).toBe(820 * 6 - 30);
    expect(valueOf(snap, 'RPT_UNIT')).toBe('合计');
    const sheet = total.snapshot({ names: () => false, sheets: ['分地区对比'] }).sheets.find((s) => s.name === '分地区对比');
    expect(sheet).toBeDefined();
    expect(['A4', 'A5', 'A6', 'A7'].map((a) => sheet?.cells[a]?.v)).toEqual(['甲区司法局', '乙区司法局', '丙区司法局', '合计']);
    // The total's findings in the pane: 乙区's figures unverified (D03).
    const shown = await districtFindings(page, '.district-total');
    expect(shown).toContain('D03:LA_CASES');
    expect(await page.locator('.district-total [data-rule="D03"]').first().textContent()).toContain('乙区司法局');

    // The city's own report opened above, then reconciled: exactly its two differences.
    await page.setInputFiles('[data-action="open"] input[type="file"]', cityPath);
    // Its own check is listed on the 校验 tab (hidden while this tab is shown).
    await page.waitForSelector('[data-finding-code]', { state: 'attached' });
    await idle(page);
    await page.click('[data-action="reconcile"]');
    await page.waitForSelector('.district-reconcile-summary');
    expect((await districtFindings(page, '.district-reconcile')).sort()).toEqual(['D02:LA_CASES_CIVIL', 'D02:LA_CONSULTS']);
    expect(await page.textContent('.district-reconcile-summary')).toBe('2 项与所辖 3 个地区的合计不一致：');
    expect(await page.locator('.district-reconcile [data-code="LA_CONSULTS"]').textContent()).toContain(`合计 ${15600 * 6}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SHOT, type: 'png', fullPage: true });
    expect(statSync(SHOT).size).toBeLessThan(600 * 1024);
    await expectClean(pane);
  });

  test('Excel mode: the same files; the open workbook is the city report', async () => {
    pane = await openOfficeMode(browser, server, fakeBundle, { snapshot: citySnapshot });
    const { page } = pane;
    const lines = await pickDistricts(page);
    expect(lines.map((l) => l.status)).toEqual(['ready', 'errors', 'ready']);
    await page.click('[data-action="reconcile"]');
    await page.waitForSelector('.district-reconcile-summary');
    expect((await districtFindings(page, '.district-reconcile')).sort()).toEqual(['D02:LA_CASES_CIVIL', 'D02:LA_CONSULTS']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-total"]')]);
    expect(download.suggestedFilename()).toBe('下级汇总-2025.xlsx');
    await districtsIdle(page);
    expect(valueOf(reportSnapshot(openWorkbook(readFileSync(await download.path()))), 'LA_CASES')).toBe(1985 * 6);
    // Excel mode never needs ExcelJS; the district code came in its own chunks.
    expect(pane.guard.requests.some((u) => /exceljs/.test(u))).toBe(false);
    expect(pane.guard.requests.some((u) => /districts/.test(u))).toBe(true);
    await expectClean(pane);
  });

  test('files dropped on the zone: one unit twice is refused in words naming both files, and no total is offered', async () => {
    pane = await openFileMode(browser, server);
    const { page } = pane;
    await page.click('[data-tab="districts"]');
    await page.locator('[data-action="choose-districts"]').waitFor();
    const dropped = [
      { name: '甲区.xlsx', data: readFileSync(files[0] as string).toString('base64') },
      { name: '丙区.xlsx', data: readFileSync(files[2] as string).toString('base64') },
      { name: '甲区-重报.xlsx', data: readFileSync(files[0] as string).toString('base64') },
    ];
    const dataTransfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const { name, data } of list) {
        const raw = atob(data);
        const bytes = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
        dt.items.add(new File([bytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      }
      return dt;
    }, dropped);
    await page.dispatchEvent('.district-drop', 'dragenter', { dataTransfer });
    expect(await page.getAttribute('.district-drop', 'data-state')).toBe('over');
    await page.dispatchEvent('.district-drop', 'drop', { dataTransfer });
    await page.waitForSelector('.district-refusal');
    await districtsIdle(page);
    expect(await page.$$eval('.district-line', (items) => items.map((li) => li.getAttribute('data-file')))).toEqual(['甲区.xlsx', '丙区.xlsx', '甲区-重报.xlsx']);
    expect(await page.textContent('.district-refusal .error-message')).toBe('填报单位“甲区司法局”出现两次：甲区.xlsx 与 甲区-重报.xlsx；同一单位只能计入一次');
    expect(await page.isDisabled('[data-action="download-total"]')).toBe(true);
    expect(await page.isDisabled('[data-action="reconcile"]')).toBe(true);
    await expectClean(pane);
  });

  test('a unit name from a workbook is shown as text, never as markup', async () => {
    const xss = join(dir, 'xss.xlsx');
    writeFileSync(xss, districtBytes(XSS, 1));
    pane = await openFileMode(browser, server);
    const { page } = pane;
    await page.click('[data-tab="districts"]');
    const input = page.locator('[data-action="choose-districts"] input[type="file"]');
    await input.waitFor({ state: 'attached' });
    await input.setInputFiles([xss, files[2] as string]);
    await page.waitForSelector('.district-batch-total');
    await districtsIdle(page);
    expect(await page.textContent('.district-line[data-file="xss.xlsx"] .district-unit')).toBe(`${XSS}（xss.xlsx）`);
    expect(await page.locator('#panel-districts img').count()).toBe(0);
    await expectClean(pane);
  });

  test('the district code is not in the startup script: nothing of it is fetched until the tab is opened', async () => {
    pane = await openFileMode(browser, server);
    const { page } = pane;
    await page.waitForLoadState('networkidle');
    expect(pane.guard.requests.filter((u) => /districts/.test(u))).toEqual([]);
    await page.click('[data-tab="districts"]');
    await page.locator('[data-action="choose-districts"]').waitFor();
    expect(pane.guard.requests.some((u) => /districts-pane/.test(u))).toBe(true);
    // Every control of the tab has an accessible name (its text, or the label around it).
    const nameless = await page.$$eval('#panel-districts button, #panel-districts input', (els) =>
      els.filter((e) => !((e instanceof HTMLInputElement ? '' : e.textContent) || e.closest('label')?.textContent || '').trim()).map((e) => e.outerHTML.slice(0, 120)),
    );
    expect(nameless).toEqual([]);
    expect(await page.locator('#panel-districts button').count()).toBe(2);
    await expectClean(pane);
  });

  test('the tab\'s code not delivered (a dropped request): the tab says so, and opening it again tries again', async () => {
    pane = await openFileMode(browser, server);
    const { page } = pane;
    let refuse = true;
    await page.route(/districts-pane/, (route) => (refuse ? route.abort() : route.fallback()));
    await page.click('[data-tab="districts"]');
    await page.locator('#panel-districts .error-box').waitFor();
    expect(await page.textContent('#panel-districts .error-message')).toContain('没有加载成功');
    refuse = false;
    await page.click('[data-tab="check"]');
    await page.click('[data-tab="districts"]');
    await page.locator('[data-action="choose-districts"]').waitFor();
    expect(await page.locator('#panel-districts .error-box').count()).toBe(0);
    pane.errors.length = 0; // the aborted chunk is reported as a page error by the loader: that one was ours
    await expectClean(pane);
  });
});
