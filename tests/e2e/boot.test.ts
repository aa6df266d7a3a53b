/**
 * How the pane starts in a real browser (Chromium against dist/): office.js never holds file
 * mode back, and an office.js that does arrive (the strict fake, served as office.js itself)
 * still brings Excel mode, late or not; the language it starts in and the header's switch
 * (the open file and the work in it kept); the pane at 320 px.
 *
 * office.js is routed by the test: held (a firewall that drops packets: the request stays
 * pending until the test answers it) or answered with the fake. The tests assert the order of
 * events — file mode while the office.js request is still unanswered — never elapsed time.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { OFFICE_JS, watchCsp } from './support/browser';
import { formatFinding } from '../../src/core';
import { districtsText } from '../../src/taskpane/districts-text';
import { TAB_IDS, uiText } from '../../src/taskpane/ui-text';
import { DEMO_FILE, recheck, type Demo } from './support/demo';
import { VIEWPORT, explain, type FakeSetup } from './support/pane';
import type { StaticServer } from './support/server';
import { startSuite, stopSuite, type Suite } from './support/suite';

const HOST_INFO = '_host_Info=Excel$Win32$16.01$zh-CN$$$$0';

let browser: Browser;
let server: StaticServer;
let demo: Demo;
let fakeBundle: string;
let open: Booted | undefined;

let suite: Suite | undefined;

beforeAll(async () => {
  suite = await startSuite();
  ({ browser, server, demo, fakeBundle } = suite);
}, 240_000);

afterEach(async () => {
  await open?.close();
  open = undefined;
});

afterAll(() => stopSuite(suite));

interface Booted {
  context: BrowserContext;
  page: Page;
  /** What happened, in order: 'office.js requested', 'office.js answered', and what the test notes. */
  events: string[];
  /** Answers the held office.js request with this script (once; waits for the request if need be). */
  answer(body: string): Promise<void>;
  /** True while the office.js request is held unanswered. */
  pending(): boolean;
  /** Requests outside the page's origin but office.js; page errors; CSP violations. */
  problems(): Promise<{ leaks: string[]; errors: string[]; csp: string[] }>;
  close(): Promise<void>;
}

/**
 * Opens taskpane.html (with `query`) with office.js held: the request reaches the route and
 * gets no answer until the test calls answer(). `setup` goes to the fake, if it is served.
 */
async function boot(
  query = '',
  setup: FakeSetup = { displayLanguage: 'zh-CN' },
  options: { viewport?: { width: number; height: number }; locale?: string; stored?: string; refuse?: boolean } = {},
): Promise<Booted> {
  const context = await browser.newContext({
    viewport: options.viewport ?? VIEWPORT,
    deviceScaleFactor: 1,
    locale: options.locale ?? 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const events: string[] = [];
  const leaks: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const csp = await watchCsp(page);
  await page.addInitScript((s) => {
    (window as unknown as { __BRA_FAKE__: unknown }).__BRA_FAKE__ = s;
  }, setup);
  if (options.stored !== undefined) {
    // a choice made on an earlier visit (only before the first load: a reload keeps what the page stored)
    await page.addInitScript((l) => {
      if (!sessionStorage.getItem('test-stored')) {
        localStorage.setItem('bra.locale', l);
        sessionStorage.setItem('test-stored', '1');
      }
    }, options.stored);
  }
  let held: Route | null = null;
  let answered = false;
  let requested: (route: Route) => void = () => undefined;
  const request = new Promise<Route>((resolve) => (requested = resolve));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.url}/`) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    if (OFFICE_JS.test(url)) {
      events.push('office.js requested');
      if (options.refuse === true) return route.abort('connectionrefused'); // a firewall that refuses at once
      held = route; // no answer: a firewall that drops the packets
      requested(route);
      return undefined;
    }
    leaks.push(url);
    return route.abort('blockedbyclient');
  });
  await page.goto(`${server.url}/taskpane.html${query}`, { waitUntil: 'commit' });
  return {
    context,
    page,
    events,
    pending: () => held !== null && !answered,
    answer: async (body) => {
      if (answered) throw new Error('office.js was answered already');
      const route = await request; // the page asks for office.js as soon as it reads <head>
      answered = true;
      events.push('office.js answered');
      await route.fulfill({ status: 200, contentType: 'text/javascript', body });
    },
    problems: async () => ({ leaks, errors, csp: await csp() }),
    close: () => context.close(),
  };
}

const marks = (page: Page) => page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n.startsWith('bra:')));

const clean = { leaks: [], errors: [], csp: [] };

describe('office.js never holds file mode back', () => {
  test('a plain browser, office.js hanging: file mode while its request is still pending, and the pane works', async () => {
    open = await boot();
    const { page } = open;
    await page.waitForSelector('.app[data-mode="file"]');
    open.events.push('file mode');
    expect(open.pending()).toBe(true);
    expect(open.events).toEqual(['office.js requested', 'file mode']);

    // a file opens and is checked with office.js still unanswered
    await page.setInputFiles('[data-action="open"] input[type="file"]', demo.path);
    await page.waitForSelector('[data-finding-code]');
    expect(open.pending()).toBe(true);
    expect(await page.textContent('.dropzone-file')).toContain(DEMO_FILE);
    expect(await marks(page)).toContain('bra:mode-file');
    expect(await open.problems()).toEqual(clean);
  });

  test('office.js after file mode, no work started: the pane switches to Excel', async () => {
    open = await boot();
    const { page } = open;
    await page.waitForSelector('.app[data-mode="file"]');
    open.events.push('file mode');
    await open.answer(fakeBundle);
    await page.waitForSelector('.app[data-mode="excel"]');
    open.events.push('excel mode');
    expect(open.events).toEqual(['office.js requested', 'file mode', 'office.js answered', 'excel mode']);
    expect(await marks(page)).toEqual(['bra:mode-file', 'bra:mode-excel']);
    expect(await page.locator('.dropzone').count()).toBe(0);
    expect(await open.problems()).toEqual(clean);
  });

  test('office.js after a file was opened: the file and its findings stay', async () => {
    open = await boot();
    const { page } = open;
    await page.waitForSelector('.app[data-mode="file"]');
    await page.setInputFiles('[data-action="open"] input[type="file"]', demo.path);
    await page.waitForSelector('[data-finding-code]');
    const before = await page.locator('[data-finding-code]').count();
    await open.answer(fakeBundle);
    await page.waitForFunction(() => performance.getEntriesByName('bra:office-late-kept').length > 0);
    expect(await page.getAttribute('.app', 'data-mode')).toBe('file');
    expect(await page.textContent('.dropzone-file')).toContain(DEMO_FILE);
    expect(await page.locator('[data-finding-code]').count()).toBe(before);
    // in the order they happened
    expect(await marks(page)).toEqual(['bra:mode-file', 'bra:file-chosen', 'bra:findings-shown', 'bra:office-late-kept']);
    expect(await open.problems()).toEqual(clean);
  });

  test('opened by Office, office.js refused: the failure is seen (even before the pane listens) and file mode follows', async () => {
    open = await boot(`?${HOST_INFO}`, { displayLanguage: 'zh-CN' }, { refuse: true });
    const { page } = open;
    await page.waitForSelector('.app[data-mode="file"]');
    expect(await page.evaluate(() => (window as unknown as { __braBootCheck: { office: { failed: boolean } } }).__braBootCheck.office.failed)).toBe(true);
    expect(await marks(page)).toEqual(['bra:mode-file']);
    expect(await open.problems()).toEqual(clean);
  });

  test('opened by Office (_host_Info), office.js answered by the fake: Excel mode, never file mode on the way', async () => {
    open = await boot(`?${HOST_INFO}`);
    const { page } = open;
    await page.waitForSelector('.app[data-mode="loading"]');
    open.events.push('loading');
    await open.answer(fakeBundle);
    await page.waitForSelector('.app[data-mode="excel"]');
    open.events.push('excel mode');
    expect(open.events).toEqual(['office.js requested', 'loading', 'office.js answered', 'excel mode']);
    expect(await marks(page)).toEqual(['bra:mode-excel']);
    expect(await open.problems()).toEqual(clean);
  });
});

// ---- a narrow pane ----------------------------------------------------------------------------

/** Horizontal overflow of the page: scrollWidth beyond clientWidth (0 when nothing sticks out). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

describe('the pane at 320 px (the narrowest Office task pane)', () => {
  test.each(['zh-CN', 'en-US'])('%s: body text 14 px, and no horizontal scroll on any tab with the demo open', async (locale) => {
    open = await boot('', { displayLanguage: locale }, { viewport: { width: 320, height: 800 }, locale });
    const { page } = open;
    await page.waitForSelector('.app[data-mode="file"]');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.setInputFiles('[data-action="open"] input[type="file"]', demo.path);
    await page.waitForSelector('[data-finding-code]');
    expect(await page.getAttribute('html', 'lang')).toBe(locale);

    // Fluent's body size for what a person reads; caption size only beside a finding
    const sizes = await page.evaluate(() => {
      const size = (selector: string) => {
        const node = document.querySelector(selector);
        return node ? getComputedStyle(node).fontSize : 'missing';
      };
      return {
        body: size('body'),
        hint: size('.mode-hint'),
        intro: size('#panel-check .panel-intro'),
        dropHint: size('.dropzone-hint'),
        message: size('.finding-message'),
        severity: size('.severity-title'),
        explain: size('.explain-label'),
        button: size('button[data-action="check"]'),
        form: size('.form-title'),
        meta: size('.finding-meta'),
      };
    });
    expect(sizes).toEqual({
      body: '14px',
      hint: '14px',
      intro: '14px',
      dropHint: '14px',
      message: '14px',
      severity: '14px',
      explain: '14px',
      button: '14px',
      form: '16px',
      meta: '12px',
    });

    for (const tab of TAB_IDS) {
      await page.click(`[role="tab"][data-tab="${tab}"]`);
      await page.waitForSelector(`#panel-${tab}:not([hidden])`);
      expect({ tab, overflow: await overflow(page) }).toEqual({ tab, overflow: 0 });
    }
    expect(await open.problems()).toEqual(clean);
  });
});

// ---- the pane's language ----------------------------------------------------------------------

describe('the pane’s language', () => {
  test('switching to English keeps the open file and the work in it; the choice is remembered', async () => {
    open = await boot();
    const { page } = open;
    await page.waitForSelector('.app[data-mode="file"]');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.setInputFiles('[data-action="open"] input[type="file"]', demo.path);
    await page.waitForSelector('[data-finding-code]');
    await idleControls(page);

    // work in the file: an explanation typed into a warning's 说明
    const why = '2025年新增公益律师团队，活动场次大幅增加';
    await explain(page, 'LAW_PRO_BONO', why);
    await page.waitForSelector('[data-finding-code="LAW_PRO_BONO"][data-explained="true"]');
    const input = page.locator('[data-finding-code="LAW_PRO_BONO"] [data-action="explain"]');
    const codes = await shownCodes(page);

    await page.click('[data-action="locale"][data-locale="en-US"]');
    await page.waitForSelector('html[lang="en-US"] .app[lang="en-US"]');
    await idleControls(page);

    // English words: the shell, the banner, every finding as the engine words it in en-US
    const en = uiText('en-US');
    expect(await page.textContent('.app-title')).toBe(en.appTitle);
    expect(await page.getAttribute('[data-action="locale"][data-locale="en-US"]', 'aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-locale'))).toBe('en-US');
    expect(((await page.textContent('.banner .banner-text')) ?? '').trim()).toBe(en.bannerNotReady(3, 2));
    const { report } = await recheck(demo.bytes);
    const counsel = report.findings.find((f) => f.code === 'LEG_COUNSEL');
    if (!counsel) throw new Error('the demo has no LEG_COUNSEL finding');
    expect(((await page.textContent('[data-finding-code="LEG_COUNSEL"] .finding-message')) ?? '').trim()).toBe(formatFinding(counsel, 'en-US'));

    // the same file, the same findings, the explanation still there
    expect(await page.textContent('.dropzone-file')).toContain(DEMO_FILE);
    expect(await shownCodes(page)).toEqual(codes);
    expect(await page.getAttribute('[data-finding-code="LAW_PRO_BONO"]', 'data-explained')).toBe('true');
    expect(await input.inputValue()).toBe(why);
    expect(await page.evaluate(() => localStorage.getItem('bra.locale'))).toBe('en-US');

    // a tab drawn lazily (下级汇总) comes in the language chosen
    await page.click('[role="tab"][data-tab="districts"]');
    await page.waitForSelector('#panel-districts .file-button-text');
    expect(await page.textContent('#panel-districts .file-button-text')).toBe(districtsText('en-US').chooseFiles);
    await page.click('[role="tab"][data-tab="check"]');

    // and back: the Chinese words again, still the same file
    await page.click('[data-action="locale"][data-locale="zh-CN"]');
    await page.waitForSelector('html[lang="zh-CN"] .app[lang="zh-CN"]');
    expect(((await page.textContent('[data-finding-code="LEG_COUNSEL"] .finding-message')) ?? '').trim()).toBe(formatFinding(counsel, 'zh-CN'));
    expect(await page.textContent('.dropzone-file')).toContain(DEMO_FILE);
    await page.click('[role="tab"][data-tab="districts"]');
    await page.waitForSelector('#panel-districts .file-button-text');
    expect(await page.textContent('#panel-districts .file-button-text')).toBe(districtsText('zh-CN').chooseFiles);
    expect(await page.locator('#panel-districts .file-button-text').count()).toBe(1);

    // the next visit opens in the language chosen last
    await page.click('[data-action="locale"][data-locale="en-US"]');
    await page.reload({ waitUntil: 'commit' });
    await page.waitForSelector('.app[data-mode="file"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en-US');
    expect(await open.problems()).toEqual(clean);
  });

  test('an English browser starts in English; a stored choice wins over it', async () => {
    open = await boot('', { displayLanguage: 'zh-CN' }, { locale: 'en-US' });
    await open.page.waitForSelector('.app[data-mode="file"]');
    expect(await open.page.getAttribute('html', 'lang')).toBe('en-US');
    await open.close();

    open = await boot('', { displayLanguage: 'zh-CN' }, { locale: 'en-US', stored: 'zh-CN' });
    await open.page.waitForSelector('.app[data-mode="file"]');
    expect(await open.page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await open.problems()).toEqual(clean);
  });

  test('in Excel, Office’s display language is the default, and a stored choice wins over it', async () => {
    open = await boot(`?${HOST_INFO}`, { displayLanguage: 'en-US' });
    await open.answer(fakeBundle);
    await open.page.waitForSelector('.app[data-mode="excel"]');
    expect(await open.page.getAttribute('html', 'lang')).toBe('en-US');
    await open.close();

    open = await boot(`?${HOST_INFO}`, { displayLanguage: 'en-US' }, { stored: 'zh-CN' });
    await open.answer(fakeBundle);
    await open.page.waitForSelector('.app[data-mode="excel"]');
    expect(await open.page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await open.problems()).toEqual(clean);
  });
});

/** Waits until no action runs (every action disables the controls while it runs). */
async function idleControls(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const b = document.querySelector<HTMLButtonElement>('button[data-action="check"]');
    return b !== null && !b.disabled;
  });
}

const shownCodes = (page: Page) =>
  page.$$eval('[data-finding-code]', (rows) => rows.map((r) => `${r.getAttribute('data-finding-code')} ${r.getAttribute('data-explained') ?? ''}`));
