/**
 * Debian's Chromium driven by playwright-core (the project never downloads a browser of its
 * own). The flags keep a headless Chromium from reaching for the network at start.
 */
import { existsSync } from 'fs';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const OFFICE_JS = /^https:\/\/appsforoffice\.microsoft\.com\//;

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--disable-domain-reliability',
      '--no-pings',
    ],
  });
}

export interface Guard {
  /** Requests to anywhere but the page's origin and office.js: aborted, and a failure. */
  leaks: string[];
  /** Every request the page made (as Chromium saw it), in order. */
  requests: string[];
  /** Requests for office.js. */
  office: string[];
}

/**
 * Routes every request: the page's own origin passes, office.js is served by `office`
 * (aborted = unreachable CDN; a string = the script's body), anything else is recorded as a
 * leak and aborted.
 */
export async function guard(page: Page, origin: string, office: 'abort' | string): Promise<Guard> {
  const g: Guard = { leaks: [], requests: [], office: [] };
  page.on('request', (request) => {
    g.requests.push(request.url());
  });
  await page.route('**/*', (route: Route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    if (OFFICE_JS.test(url)) {
      g.office.push(url);
      return office === 'abort' ? route.abort('internetdisconnected') : route.fulfill({ status: 200, contentType: 'text/javascript', body: office });
    }
    g.leaks.push(url);
    return route.abort('blockedbyclient');
  });
  return g;
}

/** Collects CSP violations (from an init script, so it listens before any of the page's code). */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) fromConsole.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return async () => [
    ...fromConsole,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
  ];
}
