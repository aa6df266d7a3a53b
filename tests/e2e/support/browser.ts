/**
 * Debian's Chromium driven by playwright-core (the project never downloads a browser of its
 * own). The flags keep a headless Chromium from reaching for the network at start.
 */
import { existsSync } from 'fs';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const OFFICE_JS = /appsforoffice\.microsoft\.com/;

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * Routes every request: the page's own origin passes, office.js is served by `office`
 * (aborted = unreachable CDN), anything else is recorded as a leak and aborted.
 */
export async function guard(page: Page, origin: string, office: 'abort' | string): Promise<string[]> {
  const leaks: string[] = [];
  await page.route('**/*', (route: Route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    if (OFFICE_JS.test(url)) return office === 'abort' ? route.abort() : route.fulfill({ status: 200, contentType: 'text/javascript', body: office });
    leaks.push(url);
    return route.abort();
  });
  return leaks;
}
