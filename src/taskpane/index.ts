/**
 * The pane's entry. It draws the shell at once and only then asks whether Office is there:
 * office.js loads asynchronously from Microsoft's CDN, so an unreachable CDN or a page opened
 * outside Excel must not leave a blank pane — after a timeout the pane runs in file mode.
 * Wiring to the engine and the hosts belongs elsewhere; rendering lives in view.ts.
 */
import { localeFrom } from '../i18n/locale';
import type { Locale } from '../i18n/locale';
import { mount, renderFindings, renderShell, setMode } from './view';
import type { Shell } from './view';
import type { PaneMode } from './ui-text';

/** How long to wait for office.js before starting in file mode. */
const OFFICE_TIMEOUT_MS = 8000;

interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  context?: { displayLanguage?: string };
}

export interface OfficeState {
  /** 'Excel' inside Excel; null in a plain browser or when office.js did not load. */
  host: string | null;
  displayLanguage: string | null;
}

const NO_OFFICE: OfficeState = { host: null, displayLanguage: null };

/**
 * Resolves when office.js is ready, fails, or `timeoutMs` passes. If Office turns up after the
 * timeout (a slow network), `onLate` is called with its state.
 */
export function waitForOffice(
  win: Window,
  timeoutMs: number,
  onLate?: (state: OfficeState) => void,
): Promise<OfficeState> {
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
    const ask = (): boolean => {
      const office = (win as unknown as { Office?: OfficeLike }).Office;
      if (asked || !office || typeof office.onReady !== 'function') return asked;
      asked = true;
      window.clearInterval(poll);
      office.onReady().then(
        (info) =>
          settle({
            host: typeof info.host === 'string' ? info.host : null,
            displayLanguage: office.context?.displayLanguage ?? null,
          }),
        () => settle(NO_OFFICE),
      );
      return true;
    };

    const poll = window.setInterval(ask, 100);
    window.setTimeout(() => {
      settle(NO_OFFICE); // keep polling a while longer for a late office.js
      window.setTimeout(() => window.clearInterval(poll), 4 * timeoutMs);
    }, timeoutMs);
    const script = win.document.getElementById('office-js');
    if (script?.getAttribute('data-failed') === 'true') settle(NO_OFFICE);
    script?.addEventListener('error', () => settle(NO_OFFICE));
    script?.addEventListener('load', () => ask());
    ask();
  });
}

function show(app: HTMLElement, locale: Locale, mode: PaneMode, previous?: Shell): Shell {
  const shell = renderShell(document, locale, mode, {}, previous?.selected ?? 'check');
  mount(shell.bodies.check, renderFindings(document, [], locale));
  document.documentElement.setAttribute('lang', locale);
  mount(app, shell.root);
  return shell;
}

async function start(): Promise<void> {
  const app = document.getElementById('app');
  if (!app) return;
  let locale = localeFrom(navigator.language);
  let shell = show(app, locale, 'loading');

  const enter = (state: OfficeState): void => {
    const mode: PaneMode = state.host === 'Excel' ? 'excel' : 'file';
    const wanted = localeFrom(state.displayLanguage ?? navigator.language);
    if (wanted !== locale) {
      locale = wanted;
      shell = show(app, locale, mode, shell);
    } else {
      setMode(shell, mode, locale);
    }
  };
  enter(await waitForOffice(window, OFFICE_TIMEOUT_MS, enter));
}

void start();
