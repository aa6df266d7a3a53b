/**
 * The check → fix → submit loop in file mode, in Chromium, as a clerk runs it: open a report
 * with a text number, a constant typed over a derived cell and several warnings; accept, undo,
 * accept; explain every warning; download the 报送文件 and open it again — ready, no marks,
 * the derived cell's formula back. A flagged copy corrected and checked again keeps no stale
 * mark or note. Unsaved work is not replaced by another file, nor closed, without a word.
 *
 * Screenshots of the loop go to docs/screenshots/loop-*.png (the README shows them).
 */
import { readFileSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from './support/build';
import { cellOf, type Demo } from './support/demo';
import { banner, expectClean, explain, idle, notice, openFileMode, row, type Pane } from './support/pane';
import type { StaticServer } from './support/server';
import { startSuite, stopSuite, type Suite } from './support/suite';
import { checkWorkbook } from '../../src/core';
import { openWorkbook, reportSnapshot } from '../../src/hosts/xlsx';

const SHOTS = join(ROOT, 'docs', 'screenshots');

let browser: Browser;
let server: StaticServer;
let demo: Demo;
let pane: Pane | undefined;

let suite: Suite | undefined;

beforeAll(async () => {
  suite = await startSuite();
  ({ browser, server, demo } = suite);
}, 240_000);

afterEach(async () => {
  await pane?.close();
  pane = undefined;
});

afterAll(() => stopSuite(suite));

async function shot(page: Page, name: string): Promise<void> {
  const path = join(SHOTS, name);
  await page.screenshot({ path, type: 'png', fullPage: true });
  expect(statSync(path).size).toBeLessThan(600 * 1024);
}

async function open(page: Page, path: string): Promise<void> {
  await page.setInputFiles('[data-action="open"] input[type="file"]', path);
  await page.waitForSelector('.report-title');
  await idle(page);
}

/** Everything of the tool's marks a package can carry, by part. */
function marksIn(bytes: Uint8Array): { overlays: string[]; notes: string[]; issueSheet: boolean } {
  const files = unzipSync(bytes);
  const overlays: string[] = [];
  const notes: string[] = [];
  for (const [path, data] of Object.entries(files)) {
    const text = strFromU8(data);
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(path)) {
      for (const m of text.matchAll(/<conditionalFormatting[^>]*sqref="([^"]+)"[\s\S]*?<\/conditionalFormatting>/g)) {
        if (m[0].includes('BRA-MARK')) overlays.push(`${path}!${m[1]}`);
      }
    }
    if (/^xl\/comments\d*\.xml$/.test(path)) {
      for (const m of text.matchAll(/<comment\b[^>]*ref="([^"]+)"[\s\S]*?<\/comment>/g)) {
        if (m[0].includes('【报表助手】')) notes.push(`${path}!${m[1]}:${m[0].replace(/<[^>]+>/g, '')}`);
      }
    }
  }
  const book = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
  // worksheet part → sheet name, so places read "JS05 法治政府建设!E9"
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels'] ?? new Uint8Array());
  const partOf = new Map([...rels.matchAll(/<Relationship\b[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], `xl/${(m[2] ?? '').replace(/^\/?xl\//, '')}`]));
  const nameOf = new Map([...book.matchAll(/<sheet\b[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => [partOf.get(m[2] ?? ''), m[1]]));
  // a comments part → the worksheet that refers to it
  for (const [path, data] of Object.entries(files)) {
    const m = /^xl\/worksheets\/_rels\/(sheet\d+\.xml)\.rels$/.exec(path);
    if (!m) continue;
    for (const t of strFromU8(data).matchAll(/Target="\.\.\/(comments\d*\.xml)"/g)) nameOf.set(`xl/${t[1]}`, nameOf.get(`xl/worksheets/${m[1]}`));
  }
  const named = (place: string) => place.replace(/^([^!]+)!/, (_, part: string) => `${nameOf.get(part) ?? part}!`);
  return { overlays: overlays.map(named), notes: notes.map(named), issueSheet: book.includes('name="问题清单"') };
}

const WARNINGS: Record<string, string> = {
  PL_POSTS: '2025年起普法信息按条目统计（原按专栏统计），口径调整',
  LAW_PRO_BONO: '2025年新增公益律师团队，活动场次大幅增加',
  CC_VISIT_RATE: '2名对象长期住院，\n已电话查访并报县局备案',
};

describe('file mode: check → fix → submit', () => {
  test('accept, undo, accept; restore a formula; explain every warning; the 报送文件 opens ready, unmarked, with its formula', async () => {
    // The demo without its R01 slip: what is left can be fixed in the page alone.
    const path = await demo.variant('loop-2025.xlsx', { LA_CASES_ADMIN: 65 });
    pane = await openFileMode(browser, server);
    const { page } = pane;
    await open(page, path);

    // The report is named at the top, and focus is there.
    expect(await page.textContent('.report-title')).toBe('示例市司法局 · 2025年 · 年报');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('report-title');
    expect(await banner(page)).toBe('不可报送：2 个错误，3 个待说明');
    // R08 did not run, and the page says so, with a way to give the other report.
    expect(await page.textContent('.not-run')).toContain('未核对');
    expect(await page.locator('[data-action="reference"]').count()).toBe(1);
    await shot(page, 'loop-1-opened.png');

    // accept the text number's suggestion, undo it, accept again
    await row(page, 'LEG_COUNSEL').locator('[data-action="adopt"]').click();
    await idle(page);
    expect(await notice(page)).toContain('24000');
    expect(await row(page, 'LEG_COUNSEL').count()).toBe(0);
    expect(await page.locator('.change').count()).toBe(1);
    expect(await page.textContent('.change-text')).toContain('约2.4万');
    await shot(page, 'loop-2-accepted.png');
    await page.locator('.change [data-action="undo"]').click();
    await idle(page);
    expect(await notice(page)).toContain('已撤销');
    expect(await row(page, 'LEG_COUNSEL').count()).toBe(1);
    expect(await page.locator('.change').count()).toBe(0);
    await row(page, 'LEG_COUNSEL').locator('[data-action="adopt"]').click();
    await idle(page);

    // the constant typed over 调解和解率: its formula comes back
    const restore = row(page, 'AR_SETTLE_RATE').locator('[data-action="adopt"]');
    expect(await restore.textContent()).toBe('恢复计算公式（得 24.38）');
    await restore.click();
    await idle(page);
    expect(await notice(page)).toContain('计算公式');
    expect(await banner(page)).toBe('不可报送：0 个错误，3 个待说明');

    // explain every warning (one explanation on two lines)
    for (const [code, why] of Object.entries(WARNINGS)) await explain(page, code, why);
    expect(await banner(page)).toBe('可以报送');
    await shot(page, 'loop-3-explained.png');

    // download the file to submit
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-clean"]')]);
    expect(download.suggestedFilename()).toBe('loop-2025-报送.xlsx');
    await idle(page);
    expect(await notice(page)).toContain('报送文件');
    const bytes = new Uint8Array(readFileSync(await download.path()));

    // in Node: no mark of any kind, the figures and 说明 in, the formula back
    expect(marksIn(bytes)).toEqual({ overlays: [], notes: [], issueSheet: false });
    const snap = reportSnapshot(openWorkbook(bytes));
    const at = (name: string) => {
      const c = cellOf(snap, name);
      return snap.sheets.find((s) => s.name === c.sheet)?.cells[c.address];
    };
    expect(at('LEG_COUNSEL')?.v).toBe(24000);
    expect(at('AR_SETTLE_RATE')?.f).toMatch(/AR_SETTLED/);
    expect(at('AR_SETTLE_RATE')?.v).toBeCloseTo(24.38, 2);
    for (const [code, why] of Object.entries(WARNINGS)) expect(at(`${code}_NOTE`)?.v).toBe(why);
    expect(checkWorkbook(snap).report.ready).toBe(true);

    // and in the page again: ready, nothing to fix
    const again = join(demo.dir, 'loop-2025-报送.xlsx');
    writeFileSync(again, bytes);
    await open(page, again);
    expect(await banner(page)).toBe('可以报送');
    expect(await page.locator('[data-finding-code][data-severity="error"]').count()).toBe(0);
    expect(await page.locator('.status .notice').count()).toBe(0); // no "old marks removed": there were none
    await shot(page, 'loop-4-submitted.png');
    await expectClean(pane);
  });

  test('a flagged copy corrected and checked again keeps no stale mark or note', async () => {
    pane = await openFileMode(browser, server);
    const { page } = pane;
    const flagged = join(demo.dir, 'annual-2025-demo-flagged.xlsx');
    const before = marksIn(new Uint8Array(readFileSync(flagged)));
    const c = cellOf(demo.snapshot, 'LEG_COUNSEL');
    const counsel = `${c.sheet}!${c.address}`;
    expect(before.notes.some((n) => n.startsWith(`${counsel}:`) && n.includes('2.4万'))).toBe(true);
    expect(before.overlays).toContain(counsel);

    await open(page, flagged);
    expect(await notice(page)).toContain('标记副本');
    await row(page, 'LEG_COUNSEL').locator('[data-action="adopt"]').click();
    await idle(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#panel-check [data-action="download-flagged"]')]);
    expect(download.suggestedFilename()).toBe('annual-2025-demo-已标记.xlsx');
    const bytes = new Uint8Array(readFileSync(await download.path()));
    const after = marksIn(bytes);
    // The corrected cell has neither overlay nor note; the others are marked once each.
    expect(after.notes.filter((n) => n.includes('2.4万'))).toEqual([]);
    expect(after.overlays).not.toContain(counsel);
    expect(after.notes.filter((n) => n.startsWith(`${counsel}:`))).toEqual([]);
    expect(after.issueSheet).toBe(true);
    // Exactly one overlay per cell with a finding now: nothing left over from the old marks.
    const report = checkWorkbook(reportSnapshot(openWorkbook(bytes))).report;
    const cells = [...new Set(report.findings.filter((f) => f.cell).map((f) => `${f.cell?.sheet}!${f.cell?.address}`))].sort();
    expect([...after.overlays].sort()).toEqual(cells);
    await expectClean(pane);
  });

  test('unsaved work: another file waits for the user’s word, and closing the page asks first', async () => {
    pane = await openFileMode(browser, server);
    const { page } = pane;
    await open(page, demo.path);
    await row(page, 'LEG_COUNSEL').locator('[data-action="adopt"]').click();
    await idle(page);

    // another file: the pane asks; keeping the work leaves everything as it was
    const other = await demo.variant('other-2025.xlsx', { LA_CASES_ADMIN: 65 });
    await page.setInputFiles('[data-action="open"] input[type="file"]', other);
    await page.waitForSelector('.confirm-box');
    expect(await page.textContent('.confirm-text')).toContain('other-2025.xlsx');
    await shot(page, 'loop-5-unsaved.png');
    await page.click('[data-action="cancel-open"]');
    expect(await page.locator('.confirm-box').count()).toBe(0);
    expect(await page.textContent('.dropzone-file')).toContain('annual-2025-demo.xlsx');
    expect(await page.locator('.change').count()).toBe(1);

    // closing the tab: the browser's own question (beforeunload)
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => resolve(d.type())));
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    pane.dialogs.length = 0; // that one was expected
    expect(page.isClosed()).toBe(false); // dismissed: the page stays

    // download first, then the waiting file opens
    await page.setInputFiles('[data-action="open"] input[type="file"]', other);
    await page.waitForSelector('.confirm-box');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-clean-first"]')]);
    expect(download.suggestedFilename()).toBe('annual-2025-demo-报送.xlsx');
    await page.waitForFunction(() => document.querySelector('.dropzone-file')?.textContent?.includes('other-2025.xlsx'));
    await idle(page);
    expect(await page.locator('.change').count()).toBe(0);
    await expectClean(pane);
  });

  test('last year’s file must be the same unit’s, same template’s, one year earlier', async () => {
    pane = await openFileMode(browser, server);
    const { page } = pane;
    await open(page, demo.path);
    await page.click('[data-tab="yoy"]');
    // the same 2025 report as its own "last year"
    await page.setInputFiles('[data-action="previous"] input[type="file"]', demo.path);
    await idle(page);
    expect(await page.textContent('.error-message')).toBe('所选文件是2025年的报表，本报表是2025年，上年同期应为2024年；请选择2024年的年报');
    expect(await page.locator('.change').count()).toBe(0);
    await expectClean(pane);
  });
});
