/**
 * The pane's entry. It draws the shell at once and only then asks whether Office is there:
 * office.js loads from Microsoft's CDN, so an unreachable CDN or a page opened outside Excel
 * must not leave a blank pane. taskpane.html loads office.js with `defer` before this script,
 * so when this script runs office.js has either run or failed: no `Office` then means file
 * mode at once. (Loaded any other way, a timeout decides.)
 *
 * Then it picks the host (the open workbook, or a file held in memory), makes the controller
 * and wires the views to it. Everything heavy — the core, ExcelJS, the Office.js host, the
 * Word writer — is loaded when an action first needs it.
 */
import { localeFrom, type Locale } from '../core';
import { Controller } from './controller';
import { saveBytes } from './download';
import { ExcelPaneHost } from './excel-pane-host';
import { FilePaneHost, readXlsxSnapshot, xlsxHost } from './file-pane-host';
import type { PaneHost } from './pane-host';
import { mount, mountPane, renderShell } from './view';
import type { Shell } from './view';
import type { PaneMode } from './ui-text';

/** Signs of a person at work (file mode): the first one starts fetching the engine and ExcelJS. */
const WARM_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'dragenter'] as const;

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
    // A deferred office.js ahead of this script has run by now, or failed to load.
    const deferred = script?.hasAttribute('defer') === true && !script.hasAttribute('async');
    if (script?.getAttribute('data-failed') === 'true' || (deferred && !(win as unknown as { Office?: unknown }).Office)) settle(NO_OFFICE);
    script?.addEventListener('error', () => settle(NO_OFFICE));
    script?.addEventListener('load', () => ask());
    ask();
  });
}

/** The shell while Office is looked for: tabs, no actions yet. */
function show(app: HTMLElement, locale: Locale, mode: PaneMode): Shell {
  const shell = renderShell(document, locale, mode);
  document.documentElement.setAttribute('lang', locale);
  mount(app, shell.root);
  return shell;
}

/** Runs the pane in one mode: a host, a controller, the views. */
function runPane(app: HTMLElement, locale: Locale, mode: 'excel' | 'file', previous: Shell): { shell: Shell; hasWork: () => boolean } {
  const host: PaneHost = mode === 'excel' ? new ExcelPaneHost() : new FilePaneHost();
  const controller = new Controller({
    host,
    locale,
    render: (state) => view.update(state),
    engine: () => import(/* webpackChunkName: "engine" */ './engine').then((m) => m.engine),
    readXlsx: readXlsxSnapshot,
    save: (bytes, name, mime) => saveBytes(document, bytes, name, mime),
    docx: async (summary, paragraphs, lang) => (await import(/* webpackChunkName: "docx" */ '../hosts/docx')).summaryDocx(summary, paragraphs, lang),
  });
  const shell = renderShell(document, locale, mode, { onTab: (id) => id === 'template' && void controller.prepareTemplate() }, previous.selected);
  document.documentElement.setAttribute('lang', locale);
  mount(app, shell.root);

  const view = mountPane(document, shell, locale, mode, {
    onOpenFile: (file) => {
      performance.mark('bra:file-chosen');
      void controller.openFile(file);
    },
    onCheck: () => void controller.check(),
    onLiveCheck: (on) => void controller.setLiveCheck(on),
    onMark: () => void controller.mark(),
    onClearMarks: () => void controller.clearMarks(),
    onDownloadFlagged: () => void controller.downloadFlagged(),
    onTemplate: (choice) => void controller.insertTemplate(choice),
    onPrevious: (file) => void controller.fillPrevious(file),
    onRewriteYoy: () => void controller.rewriteYoy(),
    onSummary: () => void controller.buildSummary(),
    onDownloadSummary: () => void controller.downloadSummaryXlsx(),
    onDownloadDocx: () => void controller.downloadDocx(),
    onAdopt: (id) => void controller.accept(id),
    onExplain: (id, text) => void controller.explain(id, text),
    onSelect: (id) => void controller.select(id),
    onDownloadClean: () => void controller.downloadClean(),
    onUndo: (id) => void controller.undo(id),
    onReference: (file) => void controller.setReference(file),
    onClearReference: () => void controller.clearReference(),
    onConfirmOpen: () => void controller.confirmOpen(),
    onCancelOpen: () => controller.cancelOpen(),
    onFindingsShown: () => performance.mark('bra:findings-shown'),
  });
  view.update(controller.state);
  if (shell.selected === 'template') void controller.prepareTemplate();

  if (mode === 'file') {
    // Closing or reloading the page with changes no download holds: the browser asks first.
    window.addEventListener('beforeunload', (event) => {
      if (!controller.hasUnsavedWork()) return;
      event.preventDefault();
      event.returnValue = ''; // older browsers want a value set
    });
    // A file dropped beside the zone must not replace the pane with the file.
    for (const type of ['dragover', 'drop']) document.addEventListener(type, (event) => event.preventDefault());
    // The first sign of a person at work starts fetching what opening a file needs.
    const warm = (): void => {
      for (const type of WARM_EVENTS) window.removeEventListener(type, warm, true);
      void controller.engine().catch(() => undefined);
      void xlsxHost().catch(() => undefined);
    };
    for (const type of WARM_EVENTS) window.addEventListener(type, warm, true);
  }
  return { shell, hasWork: () => controller.state.file !== null || controller.state.report !== null };
}

async function start(): Promise<void> {
  const app = document.getElementById('app');
  if (!app) return;
  let locale = localeFrom(navigator.language);
  let shell = show(app, locale, 'loading');
  let current: ReturnType<typeof runPane> | null = null;
  let currentMode: PaneMode = 'loading';

  const enter = (state: OfficeState): void => {
    const mode: 'excel' | 'file' = state.host === 'Excel' ? 'excel' : 'file';
    // Office turning up late must not throw away a file the user is already working on.
    if (current && (mode === currentMode || current.hasWork())) return;
    locale = localeFrom(state.displayLanguage ?? navigator.language);
    current = runPane(app, locale, mode, shell);
    shell = current.shell;
    currentMode = mode;
  };
  enter(await waitForOffice(window, OFFICE_TIMEOUT_MS, enter));
}

void start();
