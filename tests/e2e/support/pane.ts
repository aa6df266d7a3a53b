/**
 * Opening the pane in a fresh browser context, in either mode, with everything a test
 * asserts at the end recorded: requests (guard), CSP violations, dialogs, page errors.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { guard, watchCsp, type Guard } from './browser';
import type { StaticServer } from './server';

export const VIEWPORT = { width: 360, height: 900 };

export interface FakeSetup {
  snapshot?: WorkbookSnapshot;
  requirementSets?: Record<string, string>;
  displayLanguage?: string;
}

export interface Pane {
  context: BrowserContext;
  page: Page;
  guard: Guard;
  /** Messages of dialogs the page opened (each is dismissed). */
  dialogs: string[];
  /** Uncaught errors in the page. */
  errors: string[];
  csp(): Promise<string[]>;
  close(): Promise<void>;
}

async function newPane(browser: Browser, locale: string): Promise<Omit<Pane, 'guard'> & { page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale, acceptDownloads: true });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const csp = await watchCsp(page);
  return { context, page, dialogs, errors, csp, close: () => context.close() };
}

/** A plain browser: office.js cannot be reached, so the pane starts in file mode. */
export async function openFileMode(browser: Browser, server: StaticServer, locale = 'zh-CN'): Promise<Pane> {
  const pane = await newPane(browser, locale);
  const g = await guard(pane.page, server.url, 'abort');
  await pane.page.goto(`${server.url}/taskpane.html`);
  await pane.page.waitForSelector('.app[data-mode="file"]');
  return { ...pane, guard: g };
}

/**
 * Inside "Excel": the strict fake is installed by init scripts before any of the page's own
 * code runs (first its options, then the bundle), and office.js is answered with an empty
 * script, so the pane finds a ready Office whose Excel is the fake (window.__braFake).
 */
export async function openOfficeMode(browser: Browser, server: StaticServer, fakeBundle: string, setup: FakeSetup): Promise<Pane> {
  const pane = await newPane(browser, 'zh-CN');
  await pane.page.addInitScript((s) => {
    (window as unknown as { __BRA_FAKE__: unknown }).__BRA_FAKE__ = s;
  }, setup);
  await pane.page.addInitScript({ content: fakeBundle });
  const g = await guard(pane.page, server.url, '/* office.js: the fake was installed by an init script */');
  await pane.page.goto(`${server.url}/taskpane.html`);
  await pane.page.waitForSelector('.app[data-mode="excel"]');
  return { ...pane, guard: g };
}

/** Waits until no action runs (every action disables the controls while it runs). */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const b = document.querySelector<HTMLButtonElement>('button[data-action="check"]');
    return b !== null && !b.disabled;
  });
}

export interface ShownFinding {
  code: string;
  severity: string;
  explained: boolean;
}

export function findings(page: Page): Promise<ShownFinding[]> {
  return page.$$eval('[data-finding-code][data-severity]', (rows) =>
    rows.map((r) => ({
      code: r.getAttribute('data-finding-code') ?? '',
      severity: r.getAttribute('data-severity') ?? '',
      explained: r.getAttribute('data-explained') === 'true',
    })),
  );
}

export async function banner(page: Page): Promise<string> {
  return ((await page.textContent('.banner .banner-text')) ?? '').trim();
}

/** The status line's notice (after an action), once there is one. */
export async function notice(page: Page): Promise<string> {
  const n = page.locator('.status .notice');
  await n.waitFor();
  return ((await n.textContent()) ?? '').trim();
}

/** A row's locator by indicator code. */
export function row(page: Page, code: string) {
  return page.locator(`[data-finding-code="${code}"]`);
}

/** Types an explanation into a warning's 说明 box and commits it (change fires when the box loses focus). */
export async function explain(page: Page, code: string, text: string): Promise<void> {
  const input = row(page, code).locator('[data-action="explain"]');
  await input.fill(text);
  await input.press('Tab');
  await idle(page);
}

/** Everything that must hold at the end of every test: no leak, no CSP violation, no dialog, no page error. */
export async function expectClean(pane: Pane): Promise<void> {
  const origin = new URL(pane.page.url()).origin;
  const foreign = pane.guard.requests.filter((u) => !u.startsWith(`${origin}/`) && !/^https:\/\/appsforoffice\.microsoft\.com\//.test(u) && !/^(blob|data):/.test(u));
  expect({ leaks: pane.guard.leaks, foreign, csp: await pane.csp(), dialogs: pane.dialogs, errors: pane.errors }).toEqual({
    leaks: [],
    foreign: [],
    csp: [],
    dialogs: [],
    errors: [],
  });
}
