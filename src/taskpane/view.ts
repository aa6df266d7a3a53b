/**
 * The pane's views: pure functions from plain data to DOM elements. They take the document
 * as a parameter (so tests can pass a small fake) and never read Office, the engine or state.
 *
 * Every piece of text that can come from a workbook (messages, sheet names, explanations,
 * error text) is set with textContent or a form control's value, never parsed as HTML.
 */
import { excelHostMessage } from '../hosts/excel/messages';
import { errorText, SEVERITIES, type ErrorParams, type Finding, type Locale, type Report, type Severity } from '../core';
import { makeDropZone } from './dropzone';
import { LOCALE_NAMES, TAB_IDS, uiText } from './ui-text';
import type { BusyAction, PaneMode, TabId } from './ui-text';

// ---- view data ------------------------------------------------------------------------------

/** One finding as the pane shows it; `message` is already formatted in the pane's language. */
export interface FindingRow {
  id: string;
  code: string;
  form: string;
  formName: string;
  severity: Severity;
  rule: string;
  message: string;
  sheet: string;
  cell: string;
  /** `formula`: accepting puts the derived cell's formula back (its result is `value`). */
  suggestion?: { value: number | null; approx: boolean; formula?: boolean };
  explanation?: string;
}

/** One change the pane made to the workbook (newest last), undoable. */
export interface ChangeRow {
  id: string;
  kind: 'accept' | 'formula' | 'previous';
  /** Already in the pane's words. */
  text: string;
}

export interface SeverityBucket {
  severity: Severity;
  rows: FindingRow[];
}

/** Findings of one form, split by severity (errors first). */
export interface FindingGroup {
  form: string;
  formName: string;
  buckets: SeverityBucket[];
}

export interface BannerState {
  ready: boolean;
  errors: number;
  /** Warnings without an explanation. */
  unexplained: number;
}

export interface ProgressState {
  /** Omit done/total for an indeterminate bar. */
  done?: number;
  total?: number;
  label?: string;
}

export interface ErrorInfo {
  /** Plain words for the person at the desk. */
  message: string;
  /** One line for support: the Office error code, where it happened, the original text. */
  details?: string;
}

export interface FindingHandlers {
  /** The row was clicked or Enter was pressed on it (e.g. go to the cell). */
  onSelect?: (row: FindingRow) => void;
  /** The "采纳建议" button was pressed. */
  onAdopt?: (row: FindingRow) => void;
  /** The 说明 field of a warning was changed (trimmed text, may be empty). */
  onExplain?: (row: FindingRow, text: string) => void;
}

// ---- from the report shape to view data -----------------------------------------------------

export function bannerState(report: Pick<Report, 'ready' | 'counts' | 'explained'>): BannerState {
  return {
    ready: report.ready,
    errors: report.counts.error,
    unexplained: Math.max(0, report.counts.warning - report.explained),
  };
}

/** A row for one finding; `message` and `formName` come from the caller's message tables. */
export function findingRow(finding: Finding, index: number, message: string, formName: string): FindingRow {
  const sheet = finding.cell?.sheet ?? '';
  const cell = finding.cell?.address ?? '';
  const row: FindingRow = {
    id: `${finding.rule}:${finding.code}:${sheet}!${cell}:${index}`,
    code: finding.code,
    form: finding.form,
    formName,
    severity: finding.severity,
    rule: finding.rule,
    message,
    sheet,
    cell,
  };
  if (finding.suggestion) {
    row.suggestion = { value: finding.suggestion.value, approx: finding.suggestion.approx };
    if (finding.suggestion.formula !== undefined) row.suggestion.formula = true;
  }
  if (finding.explanation !== undefined) row.explanation = finding.explanation;
  return row;
}

/** Groups rows by form (in form-id order), then by severity (error, warning, info). */
export function groupFindings(rows: readonly FindingRow[]): FindingGroup[] {
  const byForm = new Map<string, FindingRow[]>();
  for (const row of rows) {
    const list = byForm.get(row.form);
    if (list) list.push(row);
    else byForm.set(row.form, [row]);
  }
  return [...byForm.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((form) => {
      const formRows = byForm.get(form) ?? [];
      return {
        form,
        formName: formRows[0]?.formName ?? '',
        buckets: SEVERITIES.map((severity) => ({ severity, rows: formRows.filter((r) => r.severity === severity) })).filter(
          (b) => b.rows.length > 0,
        ),
      };
    });
}

/** An error whose message is already in the pane's words (e.g. a period in the wrong form). */
export class PaneError extends Error {
  override readonly name = 'PaneError';
}

/**
 * Turns anything thrown by Office.js, the hosts or the core into plain words plus a details
 * line. Typed errors are recognised by name, so this module imports none of their modules
 * (they live in lazily loaded chunks).
 */
export function describeError(error: unknown, locale: Locale): ErrorInfo {
  const t = uiText(locale);
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    code?: unknown;
    reason?: unknown;
    params?: Record<string, unknown>;
    message?: unknown;
    debugInfo?: { errorLocation?: unknown };
  };
  const name = typeof e.name === 'string' ? e.name : undefined;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const text = typeof e.message === 'string' ? e.message : typeof error === 'string' ? error : undefined;
  const location = typeof e.debugInfo?.errorLocation === 'string' ? e.debugInfo.errorLocation : undefined;

  // An AppError of the core or a file host: its code has words in the locale tables.
  if (code !== undefined && e.params !== undefined && typeof e.params === 'object') {
    const params = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, typeof v === 'number' ? v : String(v)]));
    const words = errorText(code, params, locale);
    if (words !== undefined) return { message: words };
  }

  let message: string | undefined;
  const parts: (string | undefined)[] = [code, location, text];
  switch (name) {
    case 'PaneError':
      return { message: text ?? t.unknownError };
    case 'NoFileError':
      return { message: t.errors.noFile };
    case 'ExcelHostError':
      // The Office.js host's own words, by its error code (src/hosts/excel/messages.ts).
      message = code !== undefined ? excelHostMessage(code, e.params as ErrorParams, locale) : undefined;
      if (message !== undefined) return { message };
      break;
    case 'ChunkLoadError':
      message = t.errors.loadFailed;
      break;
    default:
      break;
  }
  message ??= (code !== undefined ? t.officeErrors[code] : undefined) ?? t.unknownError;
  const details = parts.filter((p): p is string => typeof p === 'string' && p.length > 0);
  return details.length > 0 ? { message, details: details.join(' · ') } : { message };
}

// ---- small DOM helpers ----------------------------------------------------------------------

function el(doc: Document, tag: string, className?: string, text?: string): HTMLElement {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Replaces the children of `parent` with `children`. */
export function mount(parent: HTMLElement, ...children: HTMLElement[]): void {
  parent.textContent = '';
  for (const child of children) parent.appendChild(child);
}

// ---- the shell ------------------------------------------------------------------------------

export interface Shell {
  root: HTMLElement;
  modeLabel: HTMLElement;
  modeHint: HTMLElement;
  /** File mode: where the open-or-drop zone goes (hidden in Excel mode). */
  fileZone: HTMLElement;
  /** Above the tabs: errors and progress that concern the whole pane. */
  status: HTMLElement;
  tabs: Record<TabId, HTMLElement>;
  panels: Record<TabId, HTMLElement>;
  /** Per tab: where its buttons go. */
  actions: Record<TabId, HTMLElement>;
  /** Per tab: where its results go (the check tab: banner and findings). */
  bodies: Record<TabId, HTMLElement>;
  selected: TabId;
}

export interface ShellHandlers {
  onTab?: (id: TabId) => void;
  /** A language was chosen in the header (only ever another one than the shell's). */
  onLocale?: (locale: Locale) => void;
}

/**
 * The header's language switch: one toggle button per language, named in itself, the
 * current one pressed. Choosing the other asks for the pane in it (the caller redraws).
 */
function languageSwitch(doc: Document, locale: Locale, label: string, onLocale?: (locale: Locale) => void): HTMLElement {
  const group = el(doc, 'div', 'lang-switch');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', label);
  for (const [id, name] of LOCALE_NAMES) {
    const option = el(doc, 'button', 'lang-option', name);
    option.setAttribute('type', 'button');
    option.setAttribute('lang', id);
    option.setAttribute('data-action', 'locale');
    option.setAttribute('data-locale', id);
    option.setAttribute('aria-pressed', id === locale ? 'true' : 'false');
    option.addEventListener('click', () => {
      if (id !== locale) onLocale?.(id);
    });
    group.appendChild(option);
  }
  return group;
}

export function renderShell(
  doc: Document,
  locale: Locale,
  mode: PaneMode,
  handlers: ShellHandlers = {},
  selected: TabId = 'check',
): Shell {
  const t = uiText(locale);
  const root = el(doc, 'div', 'app');
  root.setAttribute('lang', locale);

  const header = el(doc, 'header', 'app-header');
  header.appendChild(el(doc, 'h1', 'app-title', t.appTitle));
  const side = el(doc, 'div', 'app-header-side');
  const modeLabel = el(doc, 'span', 'mode-badge');
  side.appendChild(modeLabel);
  side.appendChild(languageSwitch(doc, locale, t.languageSwitch, handlers.onLocale));
  header.appendChild(side);
  root.appendChild(header);

  const modeHint = el(doc, 'p', 'mode-hint', t.fileModeHint);
  root.appendChild(modeHint);

  const fileZone = el(doc, 'div', 'file-zone-slot');
  fileZone.setAttribute('hidden', '');
  root.appendChild(fileZone);

  const status = el(doc, 'div', 'status');
  status.setAttribute('aria-live', 'polite');
  root.appendChild(status);

  const tablist = el(doc, 'div', 'tablist');
  tablist.setAttribute('role', 'tablist');
  tablist.setAttribute('aria-label', t.appTitle);
  root.appendChild(tablist);

  const tabs = {} as Record<TabId, HTMLElement>;
  const panels = {} as Record<TabId, HTMLElement>;
  const actions = {} as Record<TabId, HTMLElement>;
  const bodies = {} as Record<TabId, HTMLElement>;
  const shell: Shell = { root, modeLabel, modeHint, fileZone, status, tabs, panels, actions, bodies, selected };

  TAB_IDS.forEach((id, index) => {
    const tab = el(doc, 'button', 'tab', t.tabs[id]);
    tab.setAttribute('type', 'button');
    tab.setAttribute('role', 'tab');
    tab.setAttribute('id', `tab-${id}`);
    tab.setAttribute('aria-controls', `panel-${id}`);
    tab.setAttribute('data-tab', id);
    tab.addEventListener('click', () => {
      selectTab(shell, id);
      handlers.onTab?.(id);
    });
    tab.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      const last = TAB_IDS.length - 1;
      const target =
        key === 'ArrowRight' ? (index + 1) % TAB_IDS.length
        : key === 'ArrowLeft' ? (index + last) % TAB_IDS.length
        : key === 'Home' ? 0
        : key === 'End' ? last
        : -1;
      const next = TAB_IDS[target];
      if (next === undefined) return;
      event.preventDefault();
      selectTab(shell, next);
      tabs[next].focus();
      handlers.onTab?.(next);
    });
    tablist.appendChild(tab);
    tabs[id] = tab;

    const panel = el(doc, 'section', 'panel');
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('id', `panel-${id}`);
    panel.setAttribute('aria-labelledby', `tab-${id}`);
    panel.setAttribute('data-tab', id);
    panel.appendChild(el(doc, 'p', 'panel-intro', t.tabIntro[id]));
    actions[id] = el(doc, 'div', 'panel-actions');
    bodies[id] = el(doc, 'div', 'panel-body');
    panel.appendChild(actions[id]);
    panel.appendChild(bodies[id]);
    root.appendChild(panel);
    panels[id] = panel;
  });

  selectTab(shell, selected);
  setMode(shell, mode, locale);
  return shell;
}

export function selectTab(shell: Shell, id: TabId): void {
  for (const other of TAB_IDS) {
    const on = other === id;
    shell.tabs[other].setAttribute('aria-selected', on ? 'true' : 'false');
    shell.tabs[other].setAttribute('tabindex', on ? '0' : '-1');
    if (on) shell.panels[other].removeAttribute('hidden');
    else shell.panels[other].setAttribute('hidden', '');
  }
  shell.selected = id;
}

export function setMode(shell: Shell, mode: PaneMode, locale: Locale): void {
  shell.root.setAttribute('data-mode', mode);
  shell.modeLabel.textContent = uiText(locale).mode[mode];
  for (const node of [shell.modeHint, shell.fileZone]) {
    if (mode === 'file') node.removeAttribute('hidden');
    else node.setAttribute('hidden', '');
  }
}

// ---- banner, progress, error ----------------------------------------------------------------

export function renderBanner(doc: Document, state: BannerState, locale: Locale): HTMLElement {
  const t = uiText(locale);
  const banner = el(doc, 'div', 'banner');
  banner.setAttribute('role', 'status');
  banner.setAttribute('data-state', state.ready ? 'ready' : 'blocked');
  const icon = el(doc, 'span', 'banner-icon', state.ready ? '✓' : '!');
  icon.setAttribute('aria-hidden', 'true');
  banner.appendChild(icon);
  banner.appendChild(
    el(doc, 'span', 'banner-text', state.ready ? t.bannerReady : t.bannerNotReady(state.errors, state.unexplained)),
  );
  return banner;
}

export function renderProgress(doc: Document, state: ProgressState, locale: Locale): HTMLElement {
  const t = uiText(locale);
  const known = state.done !== undefined && state.total !== undefined && state.total > 0;
  const done = state.done ?? 0;
  const total = state.total ?? 0;
  const label = state.label ?? (known ? t.progressOf(done, total) : t.progress);

  const box = el(doc, 'div', known ? 'progress' : 'progress is-indeterminate');
  box.setAttribute('role', 'progressbar');
  box.setAttribute('aria-label', label);
  box.setAttribute('aria-valuemin', '0');
  if (known) {
    box.setAttribute('aria-valuemax', String(total));
    box.setAttribute('aria-valuenow', String(Math.min(done, total)));
  }
  box.appendChild(el(doc, 'span', 'progress-label', label));
  const track = el(doc, 'div', 'progress-track');
  const bar = el(doc, 'div', 'progress-bar');
  if (known) setWidth(bar, `${Math.round((100 * Math.min(done, total)) / total)}%`);
  track.appendChild(bar);
  box.appendChild(track);
  return box;
}

/**
 * Sets a width through the CSS object model: the pane's Content-Security-Policy refuses inline
 * style attributes (style-src 'self'), but not styles set from script. A document without the
 * CSS object model (a test's small fake) gets the attribute.
 */
function setWidth(node: HTMLElement, width: string): void {
  const style = (node as { style?: CSSStyleDeclaration }).style;
  if (style) style.width = width;
  else node.setAttribute('style', `width: ${width}`);
}

export function renderError(doc: Document, info: ErrorInfo, locale: Locale): HTMLElement {
  const t = uiText(locale);
  const box = el(doc, 'div', 'error-box');
  box.setAttribute('role', 'alert');
  box.appendChild(el(doc, 'p', 'error-title', t.errorTitle));
  box.appendChild(el(doc, 'p', 'error-message', info.message));
  if (info.details) box.appendChild(el(doc, 'p', 'error-details', `${t.errorDetails}${info.details}`));
  return box;
}

// ---- findings -------------------------------------------------------------------------------

export function renderFindings(
  doc: Document,
  groups: readonly FindingGroup[],
  locale: Locale,
  handlers: FindingHandlers = {},
): HTMLElement {
  const t = uiText(locale);
  const section = el(doc, 'section', 'findings');
  section.setAttribute('aria-label', t.findingsLabel);

  const rows: HTMLElement[] = [];
  for (const group of groups) {
    const formBox = el(doc, 'div', 'form-group');
    formBox.setAttribute('data-form', group.form);
    formBox.appendChild(el(doc, 'h2', 'form-title', group.formName ? `${group.form} ${group.formName}` : group.form));
    for (const bucket of group.buckets) {
      formBox.appendChild(
        el(doc, 'h3', `severity-title severity-${bucket.severity}`, t.severityGroup(bucket.severity, bucket.rows.length)),
      );
      const list = el(doc, 'ul', 'finding-list');
      list.setAttribute('role', 'list');
      for (const row of bucket.rows) {
        const item = renderRow(doc, row, t, handlers);
        rows.push(item);
        list.appendChild(item);
      }
      formBox.appendChild(list);
    }
    section.appendChild(formBox);
  }

  if (rows.length === 0) {
    section.appendChild(el(doc, 'p', 'findings-empty', t.findingsEmpty));
    return section;
  }

  // Roving tabindex: one row is in the tab order; arrows move between rows.
  rows.forEach((item, index) => {
    item.setAttribute('tabindex', index === 0 ? '0' : '-1');
    item.addEventListener('keydown', (event) => {
      if (event.target !== item) return; // keys typed in the 说明 field stay there
      const key = (event as KeyboardEvent).key;
      const target =
        key === 'ArrowDown' ? Math.min(index + 1, rows.length - 1)
        : key === 'ArrowUp' ? Math.max(index - 1, 0)
        : key === 'Home' ? 0
        : key === 'End' ? rows.length - 1
        : -1;
      if (target < 0) return;
      event.preventDefault();
      const next = rows[target];
      if (!next || next === item) return;
      item.setAttribute('tabindex', '-1');
      next.setAttribute('tabindex', '0');
      next.focus();
    });
  });
  return section;
}

function renderRow(
  doc: Document,
  row: FindingRow,
  t: ReturnType<typeof uiText>,
  handlers: FindingHandlers,
): HTMLElement {
  const item = el(doc, 'li', `finding finding-${row.severity}`);
  item.setAttribute('role', 'listitem');
  item.setAttribute('data-finding-id', row.id);
  item.setAttribute('data-finding-code', row.code);
  item.setAttribute('data-severity', row.severity);
  item.setAttribute('data-rule', row.rule);
  if (row.explanation) item.setAttribute('data-explained', 'true');

  const meta = el(doc, 'div', 'finding-meta');
  meta.appendChild(el(doc, 'span', `badge badge-${row.severity}`, t.severity[row.severity]));
  const rule = el(doc, 'span', 'finding-rule', row.rule);
  rule.setAttribute('title', t.rule);
  meta.appendChild(rule);
  if (row.cell) {
    const where = el(doc, 'span', 'finding-cell', row.sheet ? `${row.sheet}!${row.cell}` : row.cell);
    where.setAttribute('title', t.cell);
    meta.appendChild(where);
  }
  if (row.explanation) meta.appendChild(el(doc, 'span', 'badge badge-explained', t.explained));
  item.appendChild(meta);

  item.appendChild(el(doc, 'p', 'finding-message', row.message));

  const actions = el(doc, 'div', 'finding-actions');
  if (row.suggestion) {
    const words = row.suggestion.formula ? t.adoptFormula(row.suggestion.value) : t.adopt(row.suggestion.value, row.suggestion.approx);
    const adopt = el(doc, 'button', 'button button-primary', words);
    adopt.setAttribute('type', 'button');
    adopt.setAttribute('data-action', 'adopt');
    adopt.addEventListener('click', (event) => {
      event.stopPropagation();
      handlers.onAdopt?.(row);
    });
    actions.appendChild(adopt);
  }
  if (row.severity === 'warning') {
    const label = el(doc, 'label', 'explain');
    label.addEventListener('click', (event) => event.stopPropagation()); // typing is not selecting
    label.appendChild(el(doc, 'span', 'explain-label', t.explain));
    // Several lines: an explanation is a sentence or two, and the box grows with it.
    const input = doc.createElement('textarea');
    input.setAttribute('rows', '2');
    input.setAttribute('maxlength', '500');
    input.setAttribute('placeholder', t.explainPlaceholder);
    input.setAttribute('data-action', 'explain');
    input.value = row.explanation ?? '';
    input.addEventListener('change', () => handlers.onExplain?.(row, input.value.trim()));
    // Enter starts a new line; Ctrl+Enter (⌘+Enter) writes the explanation, as leaving the box does.
    input.addEventListener('keydown', (event) => {
      const k = event as KeyboardEvent;
      if (k.key === 'Enter' && (k.ctrlKey || k.metaKey) && !k.isComposing) {
        event.preventDefault();
        input.blur();
      }
    });
    label.appendChild(input);
    actions.appendChild(label);
  }
  if (row.suggestion || row.severity === 'warning') item.appendChild(actions);

  item.addEventListener('click', () => handlers.onSelect?.(row));
  item.addEventListener('keydown', (event) => {
    if (event.target === item && (event as KeyboardEvent).key === 'Enter') {
      event.preventDefault();
      handlers.onSelect?.(row);
    }
  });
  return item;
}

/**
 * The annual/half-year comparison: the checks that did not run (with a way to give the other
 * report of the year), or the report given (with a way to stop using it). Null when neither.
 */
function renderReference(
  doc: Document,
  state: PaneViewState,
  t: ReturnType<typeof uiText>,
  handlers: PaneHandlers,
  busy: boolean,
): HTMLElement | null {
  const skipped = state.skipped ?? [];
  if (skipped.length === 0 && !state.reference) return null;
  const box = el(doc, 'div', 'panel-block reference');
  for (const reason of skipped) box.appendChild(el(doc, 'p', 'not-run', t.notRun(reason)));
  if (state.reference) {
    box.appendChild(el(doc, 'p', 'panel-note', t.reference.current(state.reference.name)));
    const stop = button(doc, t.actions.clearReference, 'clear-reference');
    (stop as HTMLButtonElement).disabled = busy;
    stop.addEventListener('click', () => handlers.onClearReference?.());
    box.appendChild(stop);
  } else {
    box.appendChild(el(doc, 'p', 'panel-note', t.reference.hint));
    const picker = filePicker(doc, t.actions.chooseReference, 'reference', (f) => handlers.onReference?.(f));
    picker.input.disabled = busy;
    box.appendChild(picker.label);
  }
  return box;
}

/** The changes made in the pane, newest first, each with its undo. Null when there are none. */
function renderChanges(
  doc: Document,
  changes: readonly ChangeRow[],
  t: ReturnType<typeof uiText>,
  handlers: PaneHandlers,
  busy: boolean,
): HTMLElement | null {
  if (changes.length === 0) return null;
  const box = el(doc, 'section', 'panel-block changes');
  box.setAttribute('aria-label', t.changes.title);
  box.appendChild(el(doc, 'h3', 'changes-title', t.changes.title));
  const list = el(doc, 'ul', 'change-list');
  for (const c of [...changes].reverse()) {
    const item = el(doc, 'li', 'change');
    item.setAttribute('data-change-id', c.id);
    item.setAttribute('data-kind', c.kind);
    item.appendChild(el(doc, 'span', 'change-text', c.text));
    const undo = button(doc, t.actions.undo, 'undo');
    undo.setAttribute('aria-label', `${t.actions.undo}：${c.text}`);
    (undo as HTMLButtonElement).disabled = busy;
    undo.addEventListener('click', () => handlers.onUndo?.(c.id));
    item.appendChild(undo);
    list.appendChild(item);
  }
  box.appendChild(list);
  box.appendChild(el(doc, 'p', 'field-hint', t.changes.hint));
  return box;
}

/** Another file was chosen while this one has changes no download holds: what now? */
function renderPendingOpen(doc: Document, current: string, next: string, t: ReturnType<typeof uiText>, handlers: PaneHandlers): HTMLElement {
  const box = el(doc, 'div', 'confirm-box');
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-labelledby', 'confirm-open-text');
  const text = el(doc, 'p', 'confirm-text', t.unsaved(current, next));
  text.setAttribute('id', 'confirm-open-text');
  box.appendChild(text);
  const first = button(doc, t.actions.downloadCleanFirst, 'download-clean-first', true);
  first.addEventListener('click', () => handlers.onDownloadClean?.());
  const discard = button(doc, t.actions.confirmOpen, 'confirm-open');
  discard.addEventListener('click', () => handlers.onConfirmOpen?.());
  const keep = button(doc, t.actions.cancelOpen, 'cancel-open');
  keep.addEventListener('click', () => handlers.onCancelOpen?.());
  const row = el(doc, 'div', 'confirm-actions');
  row.append(first, discard, keep);
  box.appendChild(row);
  return box;
}

// ---- the working pane -----------------------------------------------------------------------
//
// The tabs' controls are built once per mode and language and then updated in place from the
// controller's state, so a field a person is typing in (a unit name, an explanation) is never
// rebuilt under their hands. Only the findings list is rebuilt, and only after a new check.

/** The slice of the controller's state the pane renders (see controller.ts). */
export interface PaneViewState {
  mode: 'excel' | 'file';
  /** File mode: the open file; `seq` counts files opened. */
  file: { name: string; seq: number } | null;
  report: Pick<Report, 'ready' | 'counts' | 'explained'> | null;
  /** The report's findings as the view shows them, in report order. */
  rows: FindingRow[];
  /** Counts checks, so a view re-renders findings only when they changed. */
  reportSeq: number;
  /** The file (`file.seq`) the report was made from; 0 in Excel mode. */
  reportFileSeq: number;
  busy: { action: BusyAction; seq: number } | null;
  error: ErrorInfo | null;
  notice: string | null;
  /** File mode: explanations typed in the pane, by indicator code (also in the workbook copy). */
  explanations: Record<string, string>;
  /** The finding row last chosen (highlighted in the list). */
  selected: string | null;
  templateDefaults: Record<'annual' | 'half-year', string> | null;
  /** Excel: the live re-check is on. */
  live?: boolean;
  /** The open report, named (unit, period, template), once read. */
  title?: { unit: string; period: string; template: string } | null;
  /** Changes made in the pane (newest last), each undoable. */
  changes?: ChangeRow[];
  /** File mode: changes no download holds yet. */
  unsaved?: boolean;
  /** File mode: a file chosen while work was unsaved, waiting for the user's word. */
  pendingOpen?: { name: string } | null;
  /** The other report of the year, given for the annual/half-year comparison. */
  reference?: { name: string } | null;
  /** Checks that did not run, in words. */
  skipped?: string[];
  /** Excel: the workbook carries the add-in's marks (until they are cleared). */
  marks?: { marked: number } | null;
  /** A template-form field the user must correct, with why. */
  fieldError?: { field: 'period'; message: string } | null;
}

export interface TemplateChoice {
  template: 'annual' | 'half-year';
  unit: string;
  period: string;
}

export interface PaneHandlers {
  onTab?: (id: TabId) => void;
  onOpenFile?: (file: File) => void;
  onCheck?: () => void;
  onLiveCheck?: (on: boolean) => void;
  onMark?: () => void;
  onClearMarks?: () => void;
  onDownloadFlagged?: () => void;
  onTemplate?: (choice: TemplateChoice) => void;
  onPrevious?: (file: File) => void;
  onRewriteYoy?: () => void;
  onSummary?: () => void;
  onDownloadSummary?: () => void;
  onDownloadDocx?: () => void;
  onAdopt?: (rowId: string) => void;
  onExplain?: (rowId: string, text: string) => void;
  onSelect?: (rowId: string) => void;
  onDownloadClean?: () => void;
  onUndo?: (changeId: string) => void;
  onReference?: (file: File) => void;
  onClearReference?: () => void;
  onConfirmOpen?: () => void;
  onCancelOpen?: () => void;
  /** Findings of a newly opened file are in the DOM (for the benchmark mark). */
  onFindingsShown?: (fileSeq: number) => void;
}

export interface PaneView {
  update(state: PaneViewState): void;
}

/** How long an action may run before its progress bar appears. */
export const PROGRESS_DELAY_MS = 500;

interface Control {
  node: HTMLElement & { disabled?: boolean };
  /** Needs an open file (file mode). */
  needsFile: boolean;
}

function button(doc: Document, text: string, action: string, primary = false): HTMLElement {
  const b = el(doc, 'button', primary ? 'button button-primary' : 'button', text);
  b.setAttribute('type', 'button');
  b.setAttribute('data-action', action);
  return b;
}

/** A file picker that looks like a button: a label around a visually hidden input. */
function filePicker(
  doc: Document,
  text: string,
  action: string,
  onFile: (file: File) => void,
  primary = false,
): { label: HTMLElement; input: HTMLInputElement } {
  const label = el(doc, 'label', primary ? 'button button-primary file-button' : 'button file-button');
  label.setAttribute('data-action', action);
  label.appendChild(el(doc, 'span', 'file-button-text', text));
  const input = doc.createElement('input');
  input.setAttribute('type', 'file');
  input.setAttribute('accept', '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  input.className = 'visually-hidden';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again is a new choice
    if (file) onFile(file);
  });
  label.appendChild(input);
  return { label, input };
}

function para(doc: Document, className: string, text: string): HTMLElement {
  return el(doc, 'p', className, text);
}

export function mountPane(
  doc: Document,
  shell: Shell,
  locale: Locale,
  mode: 'excel' | 'file',
  handlers: PaneHandlers,
): PaneView {
  const t = uiText(locale);
  const controls: Control[] = [];
  const control = <T extends HTMLElement>(node: T, needsFile: boolean): T => {
    controls.push({ node, needsFile });
    return node;
  };
  const file = mode === 'file';
  let liveBox: HTMLInputElement | null = null;

  // ---- file zone (file mode) ----
  let fileLine: HTMLElement | null = null;
  if (file) {
    const zone = el(doc, 'div', 'dropzone');
    zone.setAttribute('data-state', 'idle');
    zone.appendChild(para(doc, 'dropzone-title', t.fileZone.title));
    const picker = filePicker(doc, t.actions.chooseFile, 'open', (f) => handlers.onOpenFile?.(f), true);
    control(picker.input, false);
    zone.appendChild(picker.label);
    zone.appendChild(para(doc, 'dropzone-hint', t.fileZone.hint));
    fileLine = para(doc, 'dropzone-file', '');
    fileLine.setAttribute('hidden', '');
    zone.appendChild(fileLine);
    makeDropZone(
      zone,
      (files) => {
        const dropped = files[0];
        if (dropped) handlers.onOpenFile?.(dropped);
      },
      () => !picker.input.disabled,
    );
    mount(shell.fileZone, zone);
  } else {
    mount(shell.fileZone);
  }

  // ---- 校验 ----
  const checkButton = control(button(doc, t.actions.check, 'check', true), true);
  checkButton.addEventListener('click', () => handlers.onCheck?.());
  const checkActions: HTMLElement[] = [checkButton];
  if (mode === 'excel') {
    // The live re-check's switch: a labelled checkbox, off until the user turns it on.
    const live = el(doc, 'label', 'live-check');
    live.setAttribute('data-action', 'live-check');
    const box = doc.createElement('input');
    box.setAttribute('type', 'checkbox');
    box.addEventListener('change', () => handlers.onLiveCheck?.(box.checked));
    live.appendChild(box);
    live.appendChild(el(doc, 'span', undefined, t.actions.liveCheck));
    liveBox = box;
    checkActions.push(live);
  }
  if (file) {
    // The file to hand in, beside the flagged copy for checking.
    const clean = control(button(doc, t.actions.downloadClean, 'download-clean'), true);
    clean.addEventListener('click', () => handlers.onDownloadClean?.());
    const flagged = control(button(doc, t.actions.downloadFlagged, 'download-flagged'), true);
    flagged.addEventListener('click', () => handlers.onDownloadFlagged?.());
    checkActions.push(clean, flagged);
  }
  mount(shell.actions.check, ...checkActions);
  const checkBody = shell.bodies.check;

  // ---- 标记 ----
  // Excel: marks go into the open workbook, and come off again. A file is never marked in
  // place: its marks exist only in the flagged copy, so the tab offers that download.
  const markActions: HTMLElement[] = [];
  if (file) {
    const flagged = control(button(doc, t.actions.downloadFlagged, 'download-flagged', true), true);
    flagged.addEventListener('click', () => handlers.onDownloadFlagged?.());
    markActions.push(flagged);
  } else {
    const markButton = control(button(doc, t.actions.mark, 'mark', true), true);
    markButton.addEventListener('click', () => handlers.onMark?.());
    const clearButton = control(button(doc, t.actions.clearMarks, 'clear-marks'), true);
    clearButton.addEventListener('click', () => handlers.onClearMarks?.());
    markActions.push(markButton, clearButton);
  }
  mount(shell.actions.marks, ...markActions);
  mount(shell.bodies.marks, para(doc, 'panel-note', file ? t.marks.fileHint : t.marks.hint));

  // ---- 模板 ----
  const form = el(doc, 'form', 'template-form');
  form.setAttribute('novalidate', '');
  const kinds = el(doc, 'fieldset', 'field field-choices');
  kinds.appendChild(el(doc, 'legend', 'field-label', t.template.kind));
  const radios: Record<'annual' | 'half-year', HTMLInputElement> = {} as Record<'annual' | 'half-year', HTMLInputElement>;
  for (const [id, words] of [
    ['annual', locale === 'en-US' ? 'Annual' : '年报'],
    ['half-year', locale === 'en-US' ? 'Half-year' : '半年报'],
  ] as const) {
    const label = el(doc, 'label', 'radio');
    const input = doc.createElement('input');
    input.setAttribute('type', 'radio');
    input.setAttribute('name', 'template-kind');
    input.value = id;
    if (id === 'annual') input.checked = true;
    control(input, false);
    radios[id] = input;
    label.appendChild(input);
    label.appendChild(el(doc, 'span', '', words));
    kinds.appendChild(label);
  }
  form.appendChild(kinds);
  const textField = (labelText: string, name: string, placeholder: string, hint?: string): HTMLInputElement => {
    const box = el(doc, 'label', 'field');
    box.appendChild(el(doc, 'span', 'field-label', labelText));
    const input = doc.createElement('input');
    input.setAttribute('type', 'text');
    input.setAttribute('name', name);
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('placeholder', placeholder);
    control(input, false);
    box.appendChild(input);
    if (hint) box.appendChild(el(doc, 'span', 'field-hint', hint));
    form.appendChild(box);
    return input;
  };
  const unitInput = textField(t.template.unit, 'unit', t.template.unitPlaceholder);
  const periodInput = textField(t.template.period, 'period', '', t.template.periodHint);
  // A period the template cannot take is said at the field, not at the top of the pane.
  const periodError = el(doc, 'span', 'field-error');
  periodError.setAttribute('id', 'period-error');
  periodError.setAttribute('hidden', '');
  periodInput.parentElement?.appendChild(periodError);
  let periodTouched = false;
  periodInput.addEventListener('input', () => {
    periodTouched = true;
  });
  let defaults: PaneViewState['templateDefaults'] = null;
  const kindNow = (): 'annual' | 'half-year' => (radios['half-year'].checked ? 'half-year' : 'annual');
  const showDefault = () => {
    if (!defaults) return;
    periodInput.setAttribute('placeholder', defaults[kindNow()]);
    if (!periodTouched) periodInput.value = defaults[kindNow()];
  };
  for (const r of Object.values(radios)) r.addEventListener('change', showDefault);
  const templateButton = control(button(doc, file ? t.actions.downloadTemplate : t.actions.insertTemplate, 'template', true), false);
  templateButton.setAttribute('type', 'submit');
  form.appendChild(templateButton);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    handlers.onTemplate?.({ template: kindNow(), unit: unitInput.value, period: periodInput.value });
  });
  mount(shell.actions.template);
  mount(shell.bodies.template, form);

  // ---- 同比 ----
  const previous = filePicker(doc, t.actions.choosePrevious, 'previous', (f) => handlers.onPrevious?.(f), true);
  control(previous.input, true);
  const yoyButton = control(button(doc, t.actions.rewriteYoy, 'rewrite-yoy'), true);
  yoyButton.addEventListener('click', () => handlers.onRewriteYoy?.());
  mount(shell.actions.yoy);
  const yoyBlock = (hint: string, action: HTMLElement) => {
    const box = el(doc, 'div', 'panel-block');
    box.appendChild(para(doc, 'panel-note', hint));
    box.appendChild(action);
    return box;
  };
  mount(shell.bodies.yoy, yoyBlock(t.yoy.previousHint, previous.label), yoyBlock(t.yoy.rewriteHint, yoyButton));

  // ---- 汇总 ----
  const summaryButton = control(button(doc, t.actions.buildSummary, 'summary', true), true);
  summaryButton.addEventListener('click', () => handlers.onSummary?.());
  const summaryActions: HTMLElement[] = [summaryButton];
  if (file) {
    const xlsx = control(button(doc, t.actions.downloadSummary, 'download-summary'), true);
    xlsx.addEventListener('click', () => handlers.onDownloadSummary?.());
    summaryActions.push(xlsx);
  }
  const docx = control(button(doc, t.actions.downloadDocx, 'download-docx'), true);
  docx.addEventListener('click', () => handlers.onDownloadDocx?.());
  summaryActions.push(docx);
  mount(shell.actions.summary, ...summaryActions);
  mount(shell.bodies.summary, para(doc, 'panel-note', t.summary.hint), para(doc, 'panel-note', t.summary.downloadsHint));

  // ---- updating ----
  let shownReport = -1;
  /** Whether the check tab was drawn with the workbook marked (Excel: its "clear before submitting" line). */
  let shownMarked = false;
  let shownSelected: string | null = null;
  let markedFile = 0;
  let progressFor: number | null = null;
  let progressTimer: ReturnType<typeof setTimeout> | undefined;
  const rowsById = new Map<string, HTMLElement>();

  const findingHandlers: FindingHandlers = {
    onSelect: (row) => handlers.onSelect?.(row.id),
    onAdopt: (row) => handlers.onAdopt?.(row.id),
    onExplain: (row, text) => handlers.onExplain?.(row.id, text),
  };

  let titleNode: HTMLElement | null = null;
  const renderCheck = (state: PaneViewState) => {
    const focusedIndex = focusedRowIndex();
    rowsById.clear();
    titleNode = null;
    if (!state.report) {
      mount(checkBody, para(doc, 'panel-note', file && !state.file ? t.needFile : t.notChecked));
      return;
    }
    const section = renderFindings(doc, groupFindings(state.rows), locale, findingHandlers);
    const parts: HTMLElement[] = [];
    if (state.title) {
      // Which report this is, before anything is said about it.
      titleNode = el(doc, 'h2', 'report-title', t.title(state.title.unit, state.title.period, state.title.template));
      titleNode.setAttribute('tabindex', '-1');
      if (!state.title.unit) titleNode.setAttribute('data-unit', 'blank');
      parts.push(titleNode);
    }
    parts.push(renderBanner(doc, bannerState(state.report), locale));
    // Excel: the workbook itself is what is handed in, so its marks must come off first.
    if (!file && state.report.ready && state.marks) parts.push(para(doc, 'panel-note submit-hint', t.clearBeforeSubmit));
    const reference = renderReference(doc, state, t, handlers, state.busy !== null);
    if (reference) parts.push(reference);
    const changes = renderChanges(doc, state.changes ?? [], t, handlers, state.busy !== null);
    if (changes) parts.push(changes);
    const typed = Object.keys(state.explanations).length;
    if (file && typed > 0) parts.push(para(doc, 'panel-note', t.notices.explanationsKept(typed)));
    parts.push(section);
    mount(checkBody, ...parts);
    collectRows(section);
    if (focusedIndex !== null) {
      const items = [...rowsById.values()];
      const target = items[Math.min(focusedIndex, items.length - 1)];
      if (target) {
        for (const item of items) item.setAttribute('tabindex', item === target ? '0' : '-1');
        target.focus();
      }
    }
  };

  /** Index of the finding row that has focus (or holds the focused control), if any. */
  const focusedRowIndex = (): number | null => {
    const active = doc.activeElement;
    if (!active) return null;
    let i = 0;
    for (const item of rowsById.values()) {
      if (item === active || item.contains(active)) return i;
      i += 1;
    }
    return null;
  };

  const collectRows = (node: HTMLElement) => {
    for (const child of Array.from(node.children) as HTMLElement[]) {
      const id = child.getAttribute('data-finding-id');
      if (id !== null) rowsById.set(id, child);
      else collectRows(child);
    }
  };

  let statusKey = '';
  const renderStatus = (state: PaneViewState) => {
    const key = JSON.stringify([progressFor, state.busy?.action, state.error, state.notice, state.pendingOpen]);
    if (key === statusKey) return; // unchanged: do not make screen readers say it again
    statusKey = key;
    const parts: HTMLElement[] = [];
    if (state.busy && progressFor === state.busy.seq) {
      parts.push(renderProgress(doc, { label: t.busy[state.busy.action] }, locale));
    }
    if (state.error) parts.push(renderError(doc, state.error, locale));
    if (state.notice) parts.push(el(doc, 'p', 'notice', state.notice));
    if (state.pendingOpen && state.file) parts.push(renderPendingOpen(doc, state.file.name, state.pendingOpen.name, t, handlers));
    mount(shell.status, ...parts);
    if (state.pendingOpen) shell.status.querySelector<HTMLElement>('[data-action="cancel-open"]')?.focus();
  };

  const update = (state: PaneViewState): void => {
    if (liveBox) liveBox.checked = state.live === true;
    // Progress only for what takes longer than half a second.
    if (state.busy) {
      const seq = state.busy.seq;
      if (progressFor !== seq && progressTimer === undefined) {
        progressTimer = setTimeout(() => {
          progressTimer = undefined;
          if (last.busy?.seq === seq) {
            progressFor = seq;
            shell.root.setAttribute('aria-busy', 'true');
            renderStatus(last);
          }
        }, PROGRESS_DELAY_MS);
      }
    } else {
      if (progressTimer !== undefined) clearTimeout(progressTimer);
      progressTimer = undefined;
      progressFor = null;
      shell.root.removeAttribute('aria-busy');
    }
    last = state;
    renderStatus(state);

    const noFile = file && !state.file;
    for (const c of controls) c.node.disabled = state.busy !== null || (c.needsFile && noFile);

    if (fileLine) {
      if (state.file) {
        fileLine.textContent = t.fileZone.current(state.file.name);
        fileLine.removeAttribute('hidden');
      } else fileLine.setAttribute('hidden', '');
    }

    const badPeriod = state.fieldError?.field === 'period' ? state.fieldError.message : null;
    if (badPeriod !== null) {
      periodError.textContent = badPeriod;
      periodError.removeAttribute('hidden');
      periodInput.setAttribute('aria-invalid', 'true');
      periodInput.setAttribute('aria-describedby', 'period-error');
      if (doc.activeElement !== periodInput) periodInput.focus();
    } else if (periodInput.hasAttribute('aria-invalid')) {
      periodError.setAttribute('hidden', '');
      periodInput.removeAttribute('aria-invalid');
      periodInput.removeAttribute('aria-describedby');
    }

    if (state.templateDefaults && state.templateDefaults !== defaults) {
      defaults = state.templateDefaults;
      showDefault();
    }

    const marked = Boolean(state.marks);
    if (state.reportSeq !== shownReport || marked !== shownMarked) {
      shownReport = state.reportSeq;
      shownMarked = marked;
      shownSelected = null;
      renderCheck(state);
      if (file && state.report && state.reportFileSeq > markedFile) {
        markedFile = state.reportFileSeq;
        // A newly opened file: its check is what the person wants to see, with focus on its
        // name — unless they are adding up districts, where the open file is the city's own.
        if (shell.selected !== 'districts') {
          selectTab(shell, 'check');
          titleNode?.focus();
        }
        handlers.onFindingsShown?.(state.reportFileSeq);
      }
    }
    if (state.selected !== shownSelected) {
      if (shownSelected !== null) rowsById.get(shownSelected)?.removeAttribute('aria-current');
      shownSelected = state.selected;
      const row = state.selected !== null ? rowsById.get(state.selected) : undefined;
      if (row) {
        row.setAttribute('aria-current', 'true');
        if (file) row.scrollIntoView?.({ block: 'nearest' });
      }
    }
  };
  let last: PaneViewState = {
    mode,
    file: null,
    report: null,
    rows: [],
    reportSeq: -1,
    reportFileSeq: 0,
    busy: null,
    error: null,
    notice: null,
    explanations: {},
    selected: null,
    templateDefaults: null,
  };
  return { update };
}
