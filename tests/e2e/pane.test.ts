/**
 * The pane in a real browser: Debian's Chromium (playwright-core) against the production
 * build in dist/, served on 127.0.0.1. One browser for the file, a fresh context per test.
 *
 *  - file mode: office.js unreachable, the demo workbook opened by the file input and by a
 *    drop, a suggestion accepted, a warning explained, the flagged copy downloaded and checked
 *    again in Node; an .xls refused in words;
 *  - Excel mode: the strict fake Excel installed before the pane loads; check, go to a cell,
 *    accept, explain, mark (2 syncs), clear (the user's own formatting back exactly); an
 *    older Excel (ExcelApi 1.7); an English Excel;
 *  - workbook text shown as text (no markup), no request outside the page's origin but
 *    office.js, the Content-Security-Policy in force without a violation, keyboard and names.
 *
 * Every test ends with expectClean: no leak, no CSP violation, no dialog, no page error.
 * Screenshots of both modes go to docs/screenshots/ on every run.
 */
import { readFileSync, statSync } from 'fs';
import { join } from 'path';
import type { Browser } from 'playwright-core';
import { ROOT } from './support/build';
import { DEMO_FILE, DEMO_FINDINGS, XSS, cellOf, recheck, valueOf, withValues, type Demo } from './support/demo';
import { banner, expectClean, explain, findings, idle, notice, openFileMode, openOfficeMode, row, type Pane } from './support/pane';
import type { StaticServer } from './support/server';
import { startSuite, stopSuite, type Suite } from './support/suite';

const SHOTS = join(ROOT, 'docs', 'screenshots');
const MAX_SHOT_BYTES = 300 * 1024;

let browser: Browser;
let server: StaticServer;
let demo: Demo;
let fakeBundle: string;
let pane: Pane | undefined;

let suite: Suite | undefined;

beforeAll(async () => {
  suite = await startSuite();
  ({ browser, server, demo, fakeBundle } = suite);
}, 240_000);

afterEach(async () => {
  await pane?.close();
  pane = undefined;
});

afterAll(() => stopSuite(suite));

/** Findings as sorted "CODE severity [explained]" lines (the pane orders them by form, then severity). */
const sorted = (xs: { code: string; severity: string; explained: boolean }[]) =>
  xs.map((x) => `${x.code} ${x.severity}${x.explained ? ' explained' : ''}`).sort();
const DEMO_ROWS = DEMO_FINDINGS.map(([code, severity, explained]) => `${code} ${severity}${explained ? ' explained' : ''}`).sort();

async function shot(p: Pane, name: string): Promise<void> {
  const path = join(SHOTS, name);
  await p.page.evaluate(() => window.scrollTo(0, 0));
  await p.page.screenshot({ path, type: 'png' });
  expect(statSync(path).size).toBeLessThan(MAX_SHOT_BYTES);
}

/** A finding's rule id, from its row. */
const ruleOf = (p: Pane, code: string) => row(p.page, code).getAttribute('data-rule');

// ---- file mode ------------------------------------------------------------------------------

describe('file mode (office.js unreachable)', () => {
  test('open the demo, accept 24000, explain a warning, download the flagged copy and check it again in Node', async () => {
    pane = await openFileMode(browser, server);
    const { page } = pane;
    expect(pane.guard.office.length).toBe(1); // asked for, aborted
    await page.hover('[data-action="open"]'); // a person at work: the pane warms its chunks
    await page.setInputFiles('[data-action="open"] input[type="file"]', demo.path);
    await page.waitForSelector('[data-finding-code]');
    await idle(page);

    expect(await banner(page)).toBe('不可报送：3 个错误，3 个待说明');
    expect(sorted(await findings(page))).toEqual(DEMO_ROWS);
    expect(await ruleOf(pane, 'LEG_COUNSEL')).toBe('C02');
    expect(await ruleOf(pane, 'LA_CASES')).toBe('R01');
    expect(await ruleOf(pane, 'AR_SETTLE_RATE')).toBe('C05');
    expect(await page.textContent('.dropzone-file')).toContain(DEMO_FILE);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    expect(marks).toEqual(expect.arrayContaining(['bra:file-chosen', 'bra:findings-shown']));
    await shot(pane, 'file-mode.png');

    // accept the suggestion of the C02 finding
    const adopt = row(page, 'LEG_COUNSEL').locator('[data-action="adopt"]');
    expect(await adopt.textContent()).toContain('24000');
    await adopt.click();
    await idle(page);
    expect(await notice(page)).toContain('24000');
    expect(await row(page, 'LEG_COUNSEL').count()).toBe(0);
    expect(await banner(page)).toBe('不可报送：2 个错误，3 个待说明');

    // explain the A1 warning
    const why = '2025年新增公益律师团队，活动场次大幅增加';
    await explain(page, 'LAW_PRO_BONO', why);
    expect(await notice(page)).toBe('已写入说明。');
    expect(await row(page, 'LAW_PRO_BONO').getAttribute('data-explained')).toBe('true');
    expect(await row(page, 'LAW_PRO_BONO').locator('[data-action="explain"]').inputValue()).toBe(why);
    expect(await banner(page)).toBe('不可报送：2 个错误，2 个待说明');

    // download the flagged copy and check it again with the engine, in Node
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#panel-check [data-action="download-flagged"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^annual-2025-demo.*\.xlsx$/);
    await idle(page);
    const path = await download.path();
    const bytes = readFileSync(path);
    const again = await recheck(bytes);
    expect(valueOf(again.snapshot, 'LEG_COUNSEL')).toBe(24000);
    expect(valueOf(again.snapshot, 'LAW_PRO_BONO_NOTE')).toBe(why);
    const before = await recheck(demo.bytes);
    expect(before.report.counts.error).toBe(3);
    expect(again.report.counts.error).toBe(before.report.counts.error - 1);
    expect(again.report.explained).toBe(before.report.explained + 1);
    expect(again.sheets).toContain('问题清单');
    expect(again.report.findings.map((f) => f.code)).not.toContain('LEG_COUNSEL');

    await expectClean(pane);
  });

  test('a workbook dropped on the zone is opened', async () => {
    pane = await openFileMode(browser, server);
    const { page } = pane;
    const b64 = demo.bytes.toString('base64');
    const dataTransfer = await page.evaluateHandle(
      ({ data, name }) => {
        const raw = atob(data);
        const bytes = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
        return dt;
      },
      { data: b64, name: DEMO_FILE },
    );
    const zone = page.locator('.dropzone');
    await zone.dispatchEvent('dragenter', { dataTransfer });
    expect(await zone.getAttribute('data-state')).toBe('over');
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
    await page.waitForSelector('[data-finding-code]');
    await idle(page);
    expect(await zone.getAttribute('data-state')).toBe('idle');
    expect(await banner(page)).toBe('不可报送：3 个错误，3 个待说明');
    expect(sorted(await findings(page))).toEqual(DEMO_ROWS);
    await expectClean(pane);
  });

  test('an .xls file is refused in words, and the pane stays usable', async () => {
    pane = await openFileMode(browser, server);
    const { page } = pane;
    // An OLE2 compound file, as Excel 97–2003 writes it.
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    await page.setInputFiles('[data-action="open"] input[type="file"]', { name: '2025年报.xls', mimeType: 'application/vnd.ms-excel', buffer: ole });
    const message = page.locator('.status [role="alert"] .error-message');
    await message.waitFor();
    expect(await message.textContent()).toBe('这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再试');
    expect(await page.locator('[data-finding-code]').count()).toBe(0);
    // the next, good file opens
    await page.setInputFiles('[data-action="open"] input[type="file"]', demo.path);
    await page.waitForSelector('[data-finding-code]');
    await idle(page);
    expect(await page.locator('.status [role="alert"]').count()).toBe(0);
    expect(await banner(page)).toBe('不可报送：3 个错误，3 个待说明');
    await expectClean(pane);
  });
});

// ---- Excel mode -----------------------------------------------------------------------------

interface FakeView {
  syncCount: number;
  selection: { sheet: string; address: string } | null;
  sheets: string[];
  value: unknown;
  notes: Record<string, { address: string; content: string }[]>;
  cfs: Record<string, { range: string; formula?: string }[]>;
}

/** What the fake Excel holds now (read in the page; `cell` is a named cell's value). */
function fakeView(p: Pane, cell?: { sheet: string; address: string }): Promise<FakeView> {
  return p.page.evaluate((c) => {
    const f = (window as unknown as { __braFake: import('../fakes/fake-excel').FakeExcel }).__braFake;
    const sheets = f.sheetNames();
    return {
      syncCount: f.syncCount,
      selection: f.selection,
      sheets,
      value: c ? f.cell(c.sheet, c.address)?.value : undefined,
      notes: Object.fromEntries(sheets.map((s) => [s, f.notes(s)])),
      cfs: Object.fromEntries(sheets.map((s) => [s, f.conditionalFormats(s)])),
    };
  }, cell);
}

function sheetStates(p: Pane, sheets: string[]): Promise<unknown[]> {
  return p.page.evaluate((names) => {
    const f = (window as unknown as { __braFake: import('../fakes/fake-excel').FakeExcel }).__braFake;
    return names.map((n) => f.sheetState(n));
  }, sheets);
}

const ours = (v: FakeView) => ({
  cfs: Object.values(v.cfs).flat().filter((cf) => cf.formula?.includes('BRA-MARK')).length,
  notes: Object.values(v.notes).flat().filter((n) => n.content.startsWith('【报表助手】')).length,
});

describe('Excel mode (the strict fake, installed before the pane loads)', () => {
  test('check, go to a cell, accept, explain, mark in 2 syncs, clear back to the user’s own formatting', async () => {
    pane = await openOfficeMode(browser, server, fakeBundle, { snapshot: demo.snapshot, requirementSets: { ExcelApi: '1.18' }, displayLanguage: 'zh-CN' });
    const { page } = pane;
    expect(pane.guard.office.length).toBe(1);
    expect(await page.locator('.dropzone').count()).toBe(0);

    // the user's own formatting on cells the add-in will flag (a note comes later: see below)
    const counsel = cellOf(demo.snapshot, 'LEG_COUNSEL');
    const la = cellOf(demo.snapshot, 'LA_CASES');
    await page.evaluate(
      ({ fill, cf }) => {
        const f = (window as unknown as { __braFake: import('../fakes/fake-excel').FakeExcel }).__braFake;
        f.setFormat(fill.sheet, fill.address, { fill: 'FFF2CC', bold: true });
        f.setNumberFormat(fill.sheet, fill.address, '#,##0');
        f.setFormat(cf.sheet, cf.address, { fill: 'DDEBF7' });
        f.addConditionalFormat(cf.sheet, cf.address, { type: 'Custom', formula: '=E4>1000', fill: 'E2EFDA' });
      },
      { fill: counsel, cf: la },
    );

    const s0 = (await fakeView(pane)).syncCount;
    await page.click('[data-action="check"]');
    await page.waitForSelector('[data-finding-code]');
    await idle(page);
    expect((await fakeView(pane)).syncCount - s0).toBe(2);
    expect(await banner(page)).toBe('不可报送：3 个错误，3 个待说明');
    expect(sorted(await findings(page))).toEqual(DEMO_ROWS);
    await shot(pane, 'office-mode.png');

    // a click on a finding selects its cell in Excel
    await row(page, 'LA_CASES').locator('.finding-message').click();
    await page.waitForFunction(() => (window as unknown as { __braFake: { selection: unknown } }).__braFake.selection !== null);
    expect((await fakeView(pane)).selection).toEqual(cellOf(demo.snapshot, 'LA_CASES'));
    expect(await row(page, 'LA_CASES').getAttribute('aria-current')).toBe('true');

    // accept the suggestion: the cell holds the number
    await row(page, 'LEG_COUNSEL').locator('[data-action="adopt"]').click();
    await idle(page);
    expect((await fakeView(pane, counsel)).value).toBe(24000);
    expect(await banner(page)).toBe('不可报送：2 个错误，3 个待说明');

    // explain a warning: the 说明 cell holds the text
    const why = '新增普法公众号，发布条数统计口径调整';
    await explain(page, 'PL_POSTS', why);
    expect((await fakeView(pane, cellOf(demo.snapshot, 'PL_POSTS_NOTE'))).value).toBe(why);
    expect(await row(page, 'PL_POSTS').getAttribute('data-explained')).toBe('true');
    expect(await banner(page)).toBe('不可报送：2 个错误，2 个待说明');

    // what the workbook looks like before marking
    const sheetsBefore = (await fakeView(pane)).sheets;
    const before = await sheetStates(pane, sheetsBefore);

    // 标记: check + mark in two round trips
    await page.click('[data-tab="marks"]');
    const s1 = (await fakeView(pane)).syncCount;
    await page.click('[data-action="mark"]');
    await idle(page);
    const marked = await fakeView(pane);
    expect(marked.syncCount - s1).toBe(3);
    expect(await notice(page)).toMatch(/^已标记 \d+ 个单元格/);
    expect(marked.sheets).toContain('问题清单');
    expect(ours(marked)).toEqual({ cfs: 6, notes: 6 }); // LEG_COUNSEL was fixed; LA_PER_100K and PL_POSTS are explained warnings
    expect(marked.cfs[counsel.sheet]?.filter((cf) => cf.range === counsel.address && cf.formula?.includes('BRA-MARK'))).toEqual([]);
    expect(marked.cfs[la.sheet]?.some((cf) => cf.range === la.address && cf.formula?.includes('BRA-MARK:error'))).toBe(true);
    expect(marked.cfs[la.sheet]?.some((cf) => cf.range === la.address && cf.formula === '=E4>1000')).toBe(true);
    expect(marked.notes[la.sheet]?.some((n) => n.address === la.address && n.content.startsWith('【报表助手】'))).toBe(true);

    // clear: ours gone, the user's fill, number format and conditional format exactly as before
    await page.click('[data-action="clear-marks"]');
    await idle(page);
    expect(await notice(page)).toMatch(/^已清除 \d+ 处标记。$/);
    expect(ours(await fakeView(pane))).toEqual({ cfs: 0, notes: 0 });
    expect(await sheetStates(pane, sheetsBefore)).toEqual(before);

    // with a note of the user's on a flagged cell: it is kept, ours goes beside it in 问题清单 only
    const userNote = cellOf(demo.snapshot, 'AR_SETTLE_RATE');
    await page.evaluate((note) => {
      const f = (window as unknown as { __braFake: import('../fakes/fake-excel').FakeExcel }).__braFake;
      f.addNote(note.sheet, note.address, '复议口径见附件', '张三');
    }, userNote);
    const withNote = await sheetStates(pane, sheetsBefore);
    const s2 = (await fakeView(pane)).syncCount;
    await page.click('[data-action="mark"]');
    await idle(page);
    const again = await fakeView(pane);
    // where the user's notes are is learnt with a clear first: two more round trips
    expect(again.syncCount - s2).toBe(3);
    expect(again.notes[userNote.sheet]?.filter((n) => n.address === userNote.address)).toEqual([
      { address: userNote.address, content: '复议口径见附件', author: '张三' },
    ]);
    expect(ours(again)).toEqual({ cfs: 6, notes: 5 });
    await page.click('[data-action="clear-marks"]');
    await idle(page);
    expect(await sheetStates(pane, sheetsBefore)).toEqual(withNote);
    await expectClean(pane);
  });

  test('an older Excel (ExcelApi 1.7): the same flow works, marks have no notes and the pane says where the reasons went', async () => {
    pane = await openOfficeMode(browser, server, fakeBundle, { snapshot: demo.snapshot, requirementSets: { ExcelApi: '1.7' } });
    const { page } = pane;
    await page.click('[data-action="check"]');
    await page.waitForSelector('[data-finding-code]');
    await idle(page);
    expect(await banner(page)).toBe('不可报送：3 个错误，3 个待说明');
    expect(sorted(await findings(page))).toEqual(DEMO_ROWS);

    // the same edits as in a current Excel
    await row(page, 'LA_CASES').locator('.finding-message').click();
    await page.waitForFunction(() => (window as unknown as { __braFake: { selection: unknown } }).__braFake.selection !== null);
    expect((await fakeView(pane)).selection).toEqual(cellOf(demo.snapshot, 'LA_CASES'));
    await row(page, 'LEG_COUNSEL').locator('[data-action="adopt"]').click();
    await idle(page);
    expect((await fakeView(pane, cellOf(demo.snapshot, 'LEG_COUNSEL'))).value).toBe(24000);
    await explain(page, 'CC_VISIT_RATE', '2名对象长期住院，已电话查访');
    expect((await fakeView(pane, cellOf(demo.snapshot, 'CC_VISIT_RATE_NOTE'))).value).toBe('2名对象长期住院，已电话查访');
    expect(await banner(page)).toBe('不可报送：2 个错误，2 个待说明');

    await page.click('[data-tab="marks"]');
    const s1 = (await fakeView(pane)).syncCount;
    await page.click('[data-action="mark"]');
    await idle(page);
    const marked = await fakeView(pane);
    expect(marked.syncCount - s1).toBe(3);
    expect(await page.locator('.status [role="alert"]').count()).toBe(0);
    const said = await notice(page);
    expect(said).toMatch(/^已标记 \d+ 个单元格。/);
    expect(said).toContain('问题清单'); // no notes or comments before ExcelApi 1.10: the reasons are there
    expect(marked.sheets).toContain('问题清单');
    expect(ours(marked)).toEqual({ cfs: 6, notes: 0 });
    expect(Object.values(marked.notes).flat()).toEqual([]);

    await page.click('[data-action="clear-marks"]');
    await idle(page);
    expect(ours(await fakeView(pane)).cfs).toBe(0);
    await expectClean(pane);
  });

  test('an English Excel: the pane speaks en-US', async () => {
    pane = await openOfficeMode(browser, server, fakeBundle, { snapshot: demo.snapshot, displayLanguage: 'en-US' });
    const { page } = pane;
    expect(await page.getAttribute('html', 'lang')).toBe('en-US');
    await page.click('[data-action="check"]');
    await page.waitForSelector('[data-finding-code]');
    await idle(page);
    expect(await banner(page)).toBe('Not ready to submit: 3 errors, 3 to explain');
    expect(sorted(await findings(page))).toEqual(DEMO_ROWS);
    await shot(pane, 'office-mode-en.png');
    await expectClean(pane);
  });
});

// ---- workbook text is text ------------------------------------------------------------------

describe('text from the workbook is shown as text', () => {
  /** The markup in the explanation and in a number cell (its C02 message quotes it). */
  const planted = { LA_PER_100K_NOTE: XSS, LEG_COUNSEL: XSS };

  async function expectInert(p: Pane): Promise<void> {
    const { page } = p;
    expect(await page.locator('#app img').count()).toBe(0);
    expect(await page.locator('[onerror]').count()).toBe(0);
    // the explanation, in its field and visible
    const field = row(page, 'LA_PER_100K').locator('[data-action="explain"]');
    expect(await field.inputValue()).toBe(XSS);
    expect(await field.isVisible()).toBe(true);
    expect(await row(page, 'LA_PER_100K').getAttribute('data-explained')).toBe('true');
    // the typed text, quoted in a visible message
    const message = row(page, 'LEG_COUNSEL').locator('.finding-message');
    expect(await message.textContent()).toContain(XSS);
    expect(await message.isVisible()).toBe(true);
    await page.waitForTimeout(200); // an onerror would have fired by now
    expect(p.dialogs).toEqual([]);
  }

  test('file mode', async () => {
    const file = await demo.variant('xss.xlsx', planted);
    pane = await openFileMode(browser, server);
    await pane.page.setInputFiles('[data-action="open"] input[type="file"]', file);
    await pane.page.waitForSelector('[data-finding-code]');
    await idle(pane.page);
    await expectInert(pane);
    // typed into the pane, it goes into the workbook as text too
    await explain(pane.page, 'PL_POSTS', XSS);
    expect(await row(pane.page, 'PL_POSTS').locator('[data-action="explain"]').inputValue()).toBe(XSS);
    expect(await pane.page.locator('#app img').count()).toBe(0);
    await expectClean(pane);
  });

  test('Excel mode', async () => {
    pane = await openOfficeMode(browser, server, fakeBundle, { snapshot: withValues(demo.snapshot, planted) });
    await pane.page.click('[data-action="check"]');
    await pane.page.waitForSelector('[data-finding-code]');
    await idle(pane.page);
    await expectInert(pane);
    await expectClean(pane);
  });
});

// ---- network and CSP ------------------------------------------------------------------------

describe('no network but the page’s own origin (and office.js)', () => {
  test('file mode: every request is to 127.0.0.1 or office.js, the CSP is in force and never violated', async () => {
    const seen = server.requests.length;
    pane = await openFileMode(browser, server);
    const { page } = pane;
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    await page.hover('[data-action="open"]');
    await page.setInputFiles('[data-action="open"] input[type="file"]', demo.path);
    await page.waitForSelector('[data-finding-code]');
    await idle(page);
    await page.click('[data-tab="summary"]');
    const [docx] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-docx"]')]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    await idle(page);
    // the edit plans are fetched a moment after the findings show: let that finish first
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /plans\.chunk\.js$/.test(r.name) && (r as PerformanceResourceTiming).responseEnd > 0));
    await page.waitForLoadState('networkidle');

    const origin = server.url;
    for (const url of pane.guard.requests) expect(url.startsWith(`${origin}/`) || /^https:\/\/appsforoffice\.microsoft\.com\//.test(url)).toBe(true);
    expect(pane.guard.office).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    // everything fetched from the origin was answered by our server, and nothing else reached it
    const fetched = pane.guard.requests.filter((u) => u.startsWith(`${origin}/`)).map((u) => new URL(u).pathname);
    expect([...new Set(server.requests.slice(seen))].sort()).toEqual([...new Set(fetched)].sort());
    expect(fetched).toEqual(expect.arrayContaining(['/taskpane.html', '/taskpane.js', '/taskpane.css']));
    expect(fetched.some((p) => /xlsx-host/.test(p))).toBe(true);
    expect(fetched.some((p) => /exceljs/i.test(p))).toBe(false); // the page never downloads ExcelJS
    await expectClean(pane);

    // and the CSP is what stops a request elsewhere: it is refused and reported, never sent
    const blocked = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
          void fetch('https://example.invalid/x').catch(() => undefined);
        }),
    );
    expect(blocked).toBe('connect-src');
    expect(pane.guard.leaks).toEqual([]);
  });

  test('Excel mode: the same, with office.js answered', async () => {
    pane = await openOfficeMode(browser, server, fakeBundle, { snapshot: demo.snapshot });
    await pane.page.click('[data-action="check"]');
    await pane.page.waitForSelector('[data-finding-code]');
    await idle(pane.page);
    await pane.page.click('[data-tab="marks"]');
    await pane.page.click('[data-action="mark"]');
    await idle(pane.page);
    expect(pane.guard.office).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    expect(pane.guard.requests.some((u) => /exceljs/.test(u))).toBe(false); // Excel mode never needs ExcelJS
    await expectClean(pane);
  });
});

// ---- keyboard and names ---------------------------------------------------------------------

describe('accessibility basics', () => {
  test('findings are a list of focusable rows that arrow keys move through; every control has a name', async () => {
    pane = await openFileMode(browser, server);
    const { page } = pane;
    await page.setInputFiles('[data-action="open"] input[type="file"]', demo.path);
    await page.waitForSelector('[data-finding-code]');
    await idle(page);

    expect(await page.locator('.findings [role="list"]').count()).toBeGreaterThan(0);
    const rows = page.locator('[data-finding-code]');
    const n = await rows.count();
    expect(n).toBe(7);
    expect(await page.locator('[data-finding-code][role="listitem"]').count()).toBe(n);
    expect(await page.locator('[data-finding-code][tabindex="0"]').count()).toBe(1);

    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-finding-code') ?? null);
    const order = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-finding-code')));
    await rows.first().focus();
    expect(await focused()).toBe(order[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(order[1]);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(order[2]);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(order[1]);
    await page.keyboard.press('End');
    expect(await focused()).toBe(order[n - 1]);
    await page.keyboard.press('Home');
    expect(await focused()).toBe(order[0]);
    // Tab leaves the list from the focused row, not through every row
    expect(await page.locator('[data-finding-code][tabindex="0"]').count()).toBe(1);

    // every button, tab and field has an accessible name
    const nameless = await page.evaluate(() => {
      const nameOf = (e: Element): string => {
        const aria = e.getAttribute('aria-label');
        if (aria) return aria;
        const by = e.getAttribute('aria-labelledby');
        if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
        const label = e.closest('label') ?? (e.id ? document.querySelector(`label[for="${e.id}"]`) : null);
        const own = e instanceof HTMLInputElement ? '' : (e.textContent ?? '');
        return (own || label?.textContent || e.getAttribute('title') || '').trim();
      };
      return [...document.querySelectorAll('button, [role="tab"], input, select, textarea, a[href]')]
        .filter((e) => !nameOf(e))
        .map((e) => e.outerHTML.slice(0, 120));
    });
    expect(nameless).toEqual([]);
    expect(await page.locator('[role="tablist"] [role="tab"]').count()).toBe(6);
    await expectClean(pane);
  });
});
