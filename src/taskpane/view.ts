/**
 * The pane's views: pure functions from plain data to DOM elements. They take the document
 * as a parameter (so tests can pass a small fake) and never read Office, the engine or state.
 *
 * Every piece of text that can come from a workbook (messages, sheet names, explanations,
 * error text) is set with textContent or a form control's value, never parsed as HTML.
 */
import type { Locale } from '../i18n/locale';
import { SEVERITIES } from '../core/report/types';
import type { Finding, Report, Severity } from '../core/report/types';
import { TAB_IDS, uiText } from './ui-text';
import type { PaneMode, TabId } from './ui-text';

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
  suggestion?: { value: number | null; approx: boolean };
  explanation?: string;
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
  if (finding.suggestion) row.suggestion = { value: finding.suggestion.value, approx: finding.suggestion.approx };
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

/** Turns anything thrown by Office.js or the hosts into plain words plus a details line. */
export function describeError(error: unknown, locale: Locale): ErrorInfo {
  const t = uiText(locale);
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
    debugInfo?: { errorLocation?: unknown };
  };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const text = typeof e.message === 'string' ? e.message : typeof error === 'string' ? error : undefined;
  const location = typeof e.debugInfo?.errorLocation === 'string' ? e.debugInfo.errorLocation : undefined;
  const message = (code !== undefined ? t.officeErrors[code] : undefined) ?? t.unknownError;
  const parts = [code, location, text].filter((p): p is string => typeof p === 'string' && p.length > 0);
  return parts.length > 0 ? { message, details: parts.join(' · ') } : { message };
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
  const modeLabel = el(doc, 'span', 'mode-badge');
  header.appendChild(modeLabel);
  root.appendChild(header);

  const modeHint = el(doc, 'p', 'mode-hint', t.fileModeHint);
  root.appendChild(modeHint);

  const status = el(doc, 'div', 'status');
  root.appendChild(status);

  const tablist = el(doc, 'div', 'tablist');
  tablist.setAttribute('role', 'tablist');
  tablist.setAttribute('aria-label', t.appTitle);
  root.appendChild(tablist);

  const tabs = {} as Record<TabId, HTMLElement>;
  const panels = {} as Record<TabId, HTMLElement>;
  const actions = {} as Record<TabId, HTMLElement>;
  const bodies = {} as Record<TabId, HTMLElement>;
  const shell: Shell = { root, modeLabel, modeHint, status, tabs, panels, actions, bodies, selected };

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
  if (mode === 'file') shell.modeHint.removeAttribute('hidden');
  else shell.modeHint.setAttribute('hidden', '');
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
  if (known) bar.setAttribute('style', `width: ${Math.round((100 * Math.min(done, total)) / total)}%`);
  track.appendChild(bar);
  box.appendChild(track);
  return box;
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
    const adopt = el(doc, 'button', 'button button-primary', t.adopt(row.suggestion.value, row.suggestion.approx));
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
    const input = doc.createElement('input');
    input.setAttribute('type', 'text');
    input.setAttribute('placeholder', t.explainPlaceholder);
    input.setAttribute('data-action', 'explain');
    input.value = row.explanation ?? '';
    input.addEventListener('change', () => handlers.onExplain?.(row, input.value.trim()));
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
