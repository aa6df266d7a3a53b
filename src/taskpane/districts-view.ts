/**
 * The 下级汇总 tab's DOM: a picker for several district files (and a drop zone), a line per
 * file with its check, a determinate progress bar while they are read, the refusal in words,
 * the total's download and findings, and the reconciliation with the city's own report.
 * A pure function of DistrictsState; text from workbooks (units, file names, messages) is set
 * with textContent only.
 */
import type { Locale } from '../core';
import type { DistrictLine, DistrictsState, FindingLine } from './districts-controller';
import { districtsText } from './districts-text';
import { makeDropZone } from './dropzone';
import type { ErrorInfo, ProgressState } from './view';

/**
 * The pane's own progress bar and error box (view.ts), handed in by the shell that loads this
 * tab: imported here, they would be shared with a lazy chunk and cost the startup script its
 * module concatenation (about 300 gzip bytes).
 */
export interface PaneWidgets {
  renderProgress: (doc: Document, state: ProgressState, locale: Locale) => HTMLElement;
  renderError: (doc: Document, info: ErrorInfo, locale: Locale) => HTMLElement;
}

export interface DistrictsHandlers {
  onChoose?: (files: File[]) => void;
  onDownloadTotal?: () => void;
  onReconcile?: () => void;
}

export interface DistrictsView {
  update(state: Readonly<DistrictsState>): void;
}

function el(doc: Document, tag: string, className?: string, text?: string): HTMLElement {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(doc: Document, text: string, action: string, primary = false): HTMLElement & { disabled: boolean } {
  const b = el(doc, 'button', primary ? 'button button-primary' : 'button', text) as HTMLElement & { disabled: boolean };
  b.setAttribute('type', 'button');
  b.setAttribute('data-action', action);
  return b;
}

/** Replaces the children of `parent` with `children`. */
function mount(parent: HTMLElement, ...children: HTMLElement[]): void {
  parent.textContent = '';
  for (const child of children) parent.appendChild(child);
}

function filesOf(list: FileList | null | undefined): File[] {
  return list ? Array.from(list) : [];
}

export function mountDistrictsView(
  doc: Document,
  target: { actions: HTMLElement; body: HTMLElement },
  locale: Locale,
  mode: 'excel' | 'file',
  widgets: PaneWidgets,
  handlers: DistrictsHandlers,
): DistrictsView {
  const t = districtsText(locale);
  const { renderProgress, renderError } = widgets;

  // ---- choosing the files: a picker for several, and a drop zone around it ----
  const zone = el(doc, 'div', 'dropzone district-drop');
  zone.setAttribute('data-state', 'idle');
  zone.setAttribute('role', 'group');
  zone.setAttribute('aria-label', t.dropLabel);
  const label = el(doc, 'label', 'button button-primary file-button');
  label.setAttribute('data-action', 'choose-districts');
  label.appendChild(el(doc, 'span', 'file-button-text', t.chooseFiles));
  const input = doc.createElement('input');
  input.setAttribute('type', 'file');
  input.setAttribute('multiple', '');
  input.setAttribute('accept', '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  input.className = 'visually-hidden';
  input.addEventListener('change', () => {
    const files = filesOf(input.files);
    input.value = ''; // choosing the same files again is a new choice
    if (files.length > 0) handlers.onChoose?.(files);
  });
  label.appendChild(input);
  zone.appendChild(label);
  zone.appendChild(el(doc, 'p', 'dropzone-hint', t.dropHint));
  makeDropZone(
    zone,
    (list) => {
      const files = filesOf(list);
      if (files.length > 0) handlers.onChoose?.(files);
    },
    () => !input.disabled,
  );
  mount(target.actions, zone);

  // ---- the body: status, lines, refusal, total, reconciliation ----
  const status = el(doc, 'div', 'district-status');
  status.setAttribute('aria-live', 'polite');
  const lines = el(doc, 'ul', 'finding-list district-lines');
  lines.setAttribute('aria-label', t.dropLabel);
  const summary = el(doc, 'div', 'district-summary');

  const totalButton = button(doc, t.downloadTotal, 'download-total', true);
  totalButton.addEventListener('click', () => handlers.onDownloadTotal?.());
  const totalResults = el(doc, 'div', 'district-total');
  const totalBlock = el(doc, 'div', 'panel-block');
  totalBlock.appendChild(el(doc, 'p', 'panel-note', t.totalHint));
  totalBlock.appendChild(totalButton);
  totalBlock.appendChild(totalResults);

  const reconcileButton = button(doc, t.reconcile, 'reconcile');
  reconcileButton.addEventListener('click', () => handlers.onReconcile?.());
  const reconcileResults = el(doc, 'div', 'district-reconcile');
  const reconcileBlock = el(doc, 'div', 'panel-block');
  reconcileBlock.appendChild(el(doc, 'p', 'panel-note', t.reconcileHint[mode]));
  reconcileBlock.appendChild(reconcileButton);
  reconcileBlock.appendChild(reconcileResults);

  mount(target.body, status, lines, summary, totalBlock, reconcileBlock);

  const lineItem = (line: DistrictLine): HTMLElement => {
    const li = el(doc, 'li', `finding district-line${line.status === 'errors' || line.status === 'unusable' ? ' finding-error' : ''}`);
    li.setAttribute('data-file', line.file);
    li.setAttribute('data-status', line.status);
    const meta = el(doc, 'div', 'finding-meta');
    const word =
      line.status === 'pending' ? '…'
      : line.status === 'errors' ? t.statusErrors(line.errors ?? 0)
      : t.status[line.status];
    const badge = line.status === 'ready' ? 'badge badge-explained' : line.status === 'open' ? 'badge badge-warning' : line.status === 'pending' ? 'badge' : 'badge badge-error';
    meta.appendChild(el(doc, 'span', `${badge} district-status-word`, word + (line.status === 'ready' || line.status === 'open' || line.status === 'errors' ? t.warnings(line.warnings ?? 0, line.explained ?? 0) : '')));
    li.appendChild(meta);
    li.appendChild(el(doc, 'p', 'finding-message district-unit', line.unit !== undefined ? t.lineUnit(line.unit, line.file) : line.file));
    if (line.reason) li.appendChild(el(doc, 'p', 'finding-message district-reason', line.reason));
    return li;
  };

  const findingList = (findings: readonly FindingLine[]): HTMLElement => {
    const ul = el(doc, 'ul', 'finding-list');
    for (const f of findings) {
      const li = el(doc, 'li', `finding finding-${f.severity}`);
      li.setAttribute('data-rule', f.rule);
      li.setAttribute('data-code', f.code);
      li.setAttribute('data-severity', f.severity);
      const meta = el(doc, 'div', 'finding-meta');
      meta.appendChild(el(doc, 'span', `badge badge-${f.severity}`, t.severity[f.severity]));
      meta.appendChild(el(doc, 'span', 'finding-rule', f.rule));
      li.appendChild(meta);
      li.appendChild(el(doc, 'p', 'finding-message', f.message));
      ul.appendChild(li);
    }
    return ul;
  };

  let shownLines = '';
  const update = (state: Readonly<DistrictsState>): void => {
    const busy = state.busy !== null;
    input.disabled = busy;
    totalButton.disabled = busy || !state.canMerge;
    reconcileButton.disabled = busy || !state.canMerge;

    const parts: HTMLElement[] = [];
    if (state.progress) {
      parts.push(renderProgress(doc, { done: state.progress.done, total: state.progress.total, label: t.reading(state.progress.done, state.progress.total) }, locale));
    } else if (state.busy === 'total' || state.busy === 'reconcile') {
      parts.push(renderProgress(doc, { label: state.busy === 'total' ? t.busyTotal : t.busyReconcile }, locale));
    }
    if (state.error) parts.push(renderError(doc, state.error, locale));
    if (state.notice) parts.push(el(doc, 'p', 'notice', state.notice));
    mount(status, ...parts);

    const key = JSON.stringify(state.lines);
    if (key !== shownLines) {
      shownLines = key;
      mount(lines, ...state.lines.map(lineItem));
    }

    const sum: HTMLElement[] = [];
    if (state.lines.length === 0) sum.push(el(doc, 'p', 'panel-note', t.empty));
    if (state.batchTotal) sum.push(el(doc, 'p', 'panel-note district-batch-total', state.batchTotal));
    if (state.refusal) {
      const box = el(doc, 'div', 'error-box district-refusal');
      box.setAttribute('role', 'alert');
      box.appendChild(el(doc, 'p', 'error-title', t.refusedTitle));
      box.appendChild(el(doc, 'p', 'error-message', state.refusal));
      sum.push(box);
    }
    if (state.withErrors) sum.push(el(doc, 'p', 'panel-note district-with-errors', state.withErrors));
    mount(summary, ...sum);

    if (state.total) {
      const head = el(doc, 'h3', 'severity-title', t.totalHeading);
      const counts = el(doc, 'p', 'panel-note', state.total.findings.length === 0 ? t.totalNone : t.totalCounts(state.total.counts.error, state.total.counts.warning));
      mount(totalResults, head, counts, findingList(state.total.findings));
    } else mount(totalResults);

    if (state.reconcile) {
      const r = state.reconcile;
      const head = el(doc, 'h3', 'severity-title', t.reconcileHeading);
      const words = el(doc, 'p', 'panel-note district-reconcile-summary', r.findings.length === 0 ? t.reconcileSame(r.districts) : t.reconcileDiffers(r.findings.length, r.districts));
      mount(reconcileResults, head, words, findingList(r.findings));
    } else mount(reconcileResults);
  };
  return { update };
}
