/**
 * The pane's entry. It draws the shell at once and only then asks whether Office is there:
 * office.js loads `async` from Microsoft's CDN, so an unreachable CDN or a page opened
 * outside Excel must not leave a blank pane. boot.ts waits for office.js a short while in a
 * plain browser (file mode within a second when the request hangs) and longer when Office
 * opened the page; an office.js that answers later still switches to Excel mode, unless the
 * person has started work in file mode.
 *
 * Then it picks the host (the open workbook, or a file held in memory), makes the controller
 * and wires the views to it. Everything heavy — the core, ExcelJS, the Office.js host, the
 * Word writer — is loaded when an action first needs it.
 */
import { localeFrom, type Locale } from '../core';
import { officeWaitMs, waitForOffice, type OfficeState } from './boot';
import { Controller } from './controller';
import { saveBytes } from './download';
import { ExcelPaneHost } from './excel-pane-host';
import { FilePaneHost, readXlsxSnapshot, xlsxHost } from './file-pane-host';
import type { PaneHost } from './pane-host';
import { describeError, mount, mountPane, renderError, renderProgress, renderShell } from './view';
import type { Shell } from './view';
import type { PaneMode } from './ui-text';

/** Signs of a person at work (file mode): the first one starts fetching the engine and ExcelJS. */
const WARM_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'dragenter'] as const;

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
  // 下级汇总 (districts tab): its own lazy chunk, mounted into the tab's panel when first opened.
  let districts: Promise<unknown> | undefined;
  const openDistricts = (): void => {
    districts ??= import(/* webpackChunkName: "districts-pane" */ './districts-pane')
      .then((m) =>
        m.mountDistricts(document, { actions: shell.actions.districts, body: shell.bodies.districts }, {
          locale,
          mode,
          host,
          engine: () => controller.engine(),
          save: (bytes, name, mime) => saveBytes(document, bytes, name, mime),
          xlsx: xlsxHost,
          readXlsx: readXlsxSnapshot,
          view: { describeError, renderError, renderProgress },
        }),
      )
      .catch(() => (districts = undefined));
  };
  const shell = renderShell(document, locale, mode, { onTab: (id) => (id === 'template' ? void controller.prepareTemplate() : id === 'districts' ? openDistricts() : undefined) }, previous.selected);
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
    onFindingsShown: () => {
      performance.mark('bra:findings-shown');
      // With the findings on screen, fetch what the next click needs (the edit plans).
      window.setTimeout(() => void controller.plans().catch(() => undefined), 300);
    },
  });
  view.update(controller.state);
  if (shell.selected === 'template') void controller.prepareTemplate();
  if (shell.selected === 'districts') openDistricts();

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
    if (current && (mode === currentMode || current.hasWork())) {
      performance.mark('bra:office-late-kept');
      return;
    }
    locale = localeFrom(state.displayLanguage ?? navigator.language);
    current = runPane(app, locale, mode, shell);
    shell = current.shell;
    currentMode = mode;
    performance.mark(`bra:mode-${mode}`);
  };
  enter(await waitForOffice(window, officeWaitMs(window), enter));
}

void start();
