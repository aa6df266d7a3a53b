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
import type { Locale } from '../core';
import { localeChoice, officeWaitMs, paneLocale, waitForOffice, type LocaleChoice, type OfficeState } from './boot';
import { Controller } from './controller';
import { saveBytes } from './download';
import { ExcelPaneHost } from './excel-pane-host';
import { FilePaneHost, readXlsxSnapshot, xlsxHost } from './file-pane-host';
import type { PaneHost } from './pane-host';
import { describeError, mount, mountPane, renderError, renderProgress, renderShell } from './view';
import type { PaneHandlers, PaneView, Shell, ShellHandlers } from './view';
import type { PaneMode, TabId } from './ui-text';

/** Signs of a person at work (file mode): the first one starts fetching the engine and ExcelJS. */
const WARM_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'dragenter'] as const;

/** Draws a shell (header, tabs, no actions yet) into the app and gives the page its language. */
function show(app: HTMLElement, locale: Locale, mode: PaneMode, handlers: ShellHandlers, selected?: TabId): Shell {
  const shell = renderShell(document, locale, mode, handlers, selected);
  document.documentElement.setAttribute('lang', locale);
  mount(app, shell.root);
  return shell;
}

/** After the language switch redrew the pane: focus back on the switch (its chosen button). */
function refocusLanguage(shell: Shell): void {
  shell.root.querySelector<HTMLElement>('[data-action="locale"][aria-pressed="true"]')?.focus();
}

interface Running {
  /** The tab shown now (the next pane opens on it). */
  selected: () => TabId;
  /** The person has opened a file or checked: a late Office must not replace the pane. */
  hasWork: () => boolean;
}

/**
 * Runs the pane in one mode: a host, a controller, the views. The language switch redraws
 * the shell and the views in the chosen language around the same host and controller, so
 * the open file, its findings and everything typed into the workbook stay.
 */
function runPane(app: HTMLElement, locale: Locale, mode: 'excel' | 'file', selected: TabId, choice: LocaleChoice): Running {
  const host: PaneHost = mode === 'excel' ? new ExcelPaneHost() : new FilePaneHost();
  let view: PaneView | undefined;
  const controller = new Controller({
    host,
    locale,
    render: (state) => view?.update(state),
    engine: () => import(/* webpackChunkName: "engine" */ './engine').then((m) => m.engine),
    readXlsx: readXlsxSnapshot,
    save: (bytes, name, mime) => saveBytes(document, bytes, name, mime),
    docx: async (summary, paragraphs, lang) => (await import(/* webpackChunkName: "docx" */ '../hosts/docx')).summaryDocx(summary, paragraphs, lang),
  });
  let shell: Shell;
  let lang = locale;
  // 下级汇总 (districts tab): its own lazy chunk, mounted into the tab's panel when first opened
  // (and again, in the new language, when the language switch has drawn a new shell).
  let districts: Promise<unknown> | undefined;
  const openDistricts = (): void => {
    const panel = { actions: shell.actions.districts, body: shell.bodies.districts };
    const at = lang;
    districts ??= import(/* webpackChunkName: "districts-pane" */ './districts-pane')
      .then((m) =>
        m.mountDistricts(document, panel, {
          locale: at,
          mode,
          host,
          engine: () => controller.engine(),
          save: (bytes, name, mime) => saveBytes(document, bytes, name, mime),
          xlsx: xlsxHost,
          readXlsx: readXlsxSnapshot,
          view: { describeError, renderError, renderProgress },
        }),
      )
      .catch((e: unknown) => {
        // Say so in the tab (a chunk the network did not deliver); opening the tab again retries.
        districts = undefined;
        mount(panel.body, renderError(document, describeError(e, at), at));
      });
  };
  const handlers: PaneHandlers = {
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
  };

  const draw = (next: Locale, tab: TabId): void => {
    lang = next;
    districts = undefined; // a new shell: its 下级汇总 panel is mounted again when shown
    const shellHandlers: ShellHandlers = {
      onTab: (id) => (id === 'template' ? void controller.prepareTemplate() : id === 'districts' ? openDistricts() : undefined),
      onLocale: (chosen) => {
        choice.set(chosen);
        draw(chosen, shell.selected);
        refocusLanguage(shell);
        void controller.setLocale(chosen);
      },
    };
    shell = show(app, next, mode, shellHandlers, tab);
    view = mountPane(document, shell, next, mode, handlers);
    view.update(controller.state);
    if (tab === 'districts') openDistricts();
  };
  draw(locale, selected);
  if (selected === 'template') void controller.prepareTemplate();

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
  return { selected: () => shell.selected, hasWork: () => controller.state.file !== null || controller.state.report !== null };
}

async function start(): Promise<void> {
  const app = document.getElementById('app');
  if (!app) return;
  // The person's choice of language wins; until Office answers, the browser's is the default.
  const choice = localeChoice(window);
  let current: Running | null = null;
  let currentMode: PaneMode = 'loading';
  let loading: Shell;
  const showLoading = (lang: Locale, tab?: TabId): void => {
    const onLocale = (next: Locale): void => {
      choice.set(next);
      if (current) return;
      showLoading(next, loading.selected);
      refocusLanguage(loading);
    };
    loading = show(app, lang, 'loading', { onLocale }, tab);
  };
  showLoading(paneLocale(choice.get(), null, navigator.language));

  const enter = (state: OfficeState): void => {
    const mode: 'excel' | 'file' = state.host === 'Excel' ? 'excel' : 'file';
    // Office turning up late must not throw away a file the user is already working on.
    if (current && (mode === currentMode || current.hasWork())) {
      performance.mark('bra:office-late-kept');
      return;
    }
    const locale = paneLocale(choice.get(), state.displayLanguage, navigator.language);
    current = runPane(app, locale, mode, current ? current.selected() : loading.selected, choice);
    currentMode = mode;
    performance.mark(`bra:mode-${mode}`);
  };
  enter(await waitForOffice(window, officeWaitMs(window), enter));
}

void start();
