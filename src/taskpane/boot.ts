/**
 * How the pane starts: whether Office is there (and how long to wait for office.js to say
 * so), and which language the pane speaks. No DOM beyond the window's own properties, so
 * the unit tests pass a small fake window and drive the clock with fake timers.
 *
 * office.js comes from Microsoft's CDN and is loaded `async` (taskpane.html): it never holds
 * up the pane's own script. A firewall that drops its packets leaves the request pending for
 * as long as the network stack cares to wait, and Office.onReady never resolves when the
 * library is blocked (Microsoft's "Load the DOM and runtime environment"), so the pane does
 * not wait on it for long. How long depends on whether the page was opened by Office:
 *
 *  - opened by Office (see openedByOffice): office.js is what the pane needs, so a slow CDN
 *    is worth OFFICE_WAIT_MS.office;
 *  - a plain browser: office.js would only say "no Office", so file mode comes after at most
 *    OFFICE_WAIT_MS.browser (a quick office.js that says "Excel" after all still wins).
 *
 * Either way, an office.js that turns up later (onLate) still switches the pane to Excel,
 * unless the person has started work in file mode (index.ts).
 */
import { localeFrom, type Locale } from '../core';

/** How long to wait for office.js before starting in file mode. */
export const OFFICE_WAIT_MS = { office: 8000, browser: 1000 } as const;

/** After the wait, office.js is still looked for this many times as long (a late CDN). */
const LATE_POLL_FACTOR = 4;
const POLL_MS = 100;

interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  context?: { displayLanguage?: string };
}

export interface OfficeState {
  /** 'Excel' inside Excel; null in a plain browser or when office.js did not load. */
  host: string | null;
  displayLanguage: string | null;
}

export const NO_OFFICE: OfficeState = { host: null, displayLanguage: null };

/** What of the window the start-up reads (a real Window in the browser, a small fake in tests). */
export interface BootWindow {
  location: { search: string };
  name?: string;
  sessionStorage?: Storage;
  localStorage?: Storage;
  external?: unknown;
  chrome?: { webview?: unknown };
  document: { getElementById(id: string): EventTarget | null };
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number): void;
  setInterval(handler: () => void, ms: number): number;
  clearInterval(id: number): void;
}

/** A storage that may be absent, or throw on any use (sandboxed frames, some webviews, private modes). */
function storage(get: () => Storage | undefined): Storage | null {
  try {
    return get() ?? null;
  } catch {
    return null;
  }
}

/**
 * True when the page was, by every sign office.js itself reads, opened by an Office
 * application: the `_host_Info` query parameter Office adds to the add-in's address; the
 * host information some Office versions put in window.name; what office.js stored in this
 * tab's sessionStorage on an earlier load (a reload keeps it); the old desktop hosts'
 * window.external.GetHostInfo / GetContext. Also a WebView2 control (window.chrome.webview),
 * which a plain browser does not have: at worst it lengthens the wait in some other app.
 */
export function openedByOffice(win: BootWindow): boolean {
  if (/[?&]_host_info=/i.test(win.location.search)) return true;
  try {
    if (typeof win.name === 'string' && win.name.includes('"hostInfo"')) return true;
  } catch {
    // ignore: a window name that cannot be read says nothing
  }
  try {
    if (storage(() => win.sessionStorage)?.getItem('hostInfoValue')) return true;
  } catch {
    // ignore: a storage that throws says nothing
  }
  try {
    const external = win.external as { GetHostInfo?: unknown; GetContext?: unknown } | undefined;
    if (external && (typeof external.GetHostInfo !== 'undefined' || typeof external.GetContext !== 'undefined')) return true;
  } catch {
    // ignore: IE's window.external can throw on property access
  }
  return win.chrome?.webview !== undefined;
}

/** How long to wait for office.js in this window. */
export function officeWaitMs(win: BootWindow): number {
  return openedByOffice(win) ? OFFICE_WAIT_MS.office : OFFICE_WAIT_MS.browser;
}

/**
 * Resolves when office.js is ready, fails to load, or `timeoutMs` passes. If Office turns up
 * after that (a slow network), `onLate` is called with its state.
 *
 * office.js is the `async` script #office-js: it may run before this is called or after. A
 * failure before (a firewall that refuses at once) was recorded by boot-check.js, which runs
 * before the script element exists (window.__braBootCheck.office).
 */
export function waitForOffice(win: BootWindow, timeoutMs: number, onLate?: (state: OfficeState) => void): Promise<OfficeState> {
  return new Promise((resolve) => {
    let settled = false;
    let asked = false;
    const settle = (state: OfficeState): void => {
      if (!settled) {
        settled = true;
        resolve(state);
      } else if (state.host !== null) {
        onLate?.(state);
      }
    };
    const ask = (): void => {
      const office = (win as unknown as { Office?: OfficeLike }).Office;
      if (asked || !office || typeof office.onReady !== 'function') return;
      asked = true;
      win.clearInterval(poll);
      office.onReady().then(
        (info) =>
          settle({
            host: typeof info.host === 'string' ? info.host : null,
            displayLanguage: office.context?.displayLanguage ?? null,
          }),
        () => settle(NO_OFFICE),
      );
    };

    const poll = win.setInterval(ask, POLL_MS);
    win.setTimeout(() => {
      settle(NO_OFFICE); // keep looking a while longer for a late office.js
      win.setTimeout(() => win.clearInterval(poll), LATE_POLL_FACTOR * timeoutMs);
    }, timeoutMs);
    const script = win.document.getElementById('office-js');
    script?.addEventListener('error', () => settle(NO_OFFICE));
    script?.addEventListener('load', () => ask());
    const early = (win as unknown as { __braBootCheck?: { office?: { failed?: boolean } } }).__braBootCheck;
    if (early?.office?.failed === true) settle(NO_OFFICE);
    ask();
  });
}

// ---- the pane's language ----------------------------------------------------------------------

const LOCALE_KEY = 'bra.locale';

/** The language the person chose in the pane, remembered in localStorage where it works. */
export interface LocaleChoice {
  /** The chosen language, or null when none was chosen. */
  get(): Locale | null;
  /** Remembers a choice (in this page at least, in localStorage too where it works). */
  set(locale: Locale): void;
}

function asLocale(value: string | null | undefined): Locale | null {
  return value === 'zh-CN' || value === 'en-US' ? value : null;
}

export function localeChoice(win: Pick<BootWindow, 'localStorage'>): LocaleChoice {
  let chosen: Locale | null = null;
  try {
    chosen = asLocale(storage(() => win.localStorage)?.getItem(LOCALE_KEY));
  } catch {
    chosen = null;
  }
  return {
    get: () => chosen,
    set: (locale) => {
      chosen = locale;
      try {
        storage(() => win.localStorage)?.setItem(LOCALE_KEY, locale);
      } catch {
        // a webview without storage: the choice lasts as long as the page
      }
    },
  };
}

/** The pane's language: the person's choice, else Office's display language, else the browser's. */
export function paneLocale(chosen: Locale | null, officeLanguage: string | null, browserLanguage: string | undefined): Locale {
  return chosen ?? localeFrom(officeLanguage ?? browserLanguage);
}
