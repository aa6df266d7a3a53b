/**
 * The 领导参阅 sheet as a plan: a page a leader can print and read — title, whether the
 * report can go, the key-indicator table with arrows and a data bar on the YoY column, the
 * narrative, then what is still open and what was explained. Everything taken from the
 * workbook (unit name, explanations, messages quoting cell text) is written as a plain
 * `value`; this plan holds no formulas at all, so a cell text starting with `=` stays text.
 */
import type { CellStyle, PlannedCell, SheetPlan } from '../plan/types';
import { SEVERITY_COLORS } from '../plan/types';
import { SHEETS } from '../template/layout';
import type { Locale } from '../i18n/locale';
import { summaryText } from '../i18n/summary';
import { estimateRowHeight, zhOrdinal } from './format';
import type { Paragraph } from './narrative';
import { movesText, overviewText, readinessText } from './narrative';
import type { SummaryModel } from './model';
import { changeText, JUDGEMENT_COLORS, statusCell, targetText, yoyText } from './document';

export { ARROWS, JUDGEMENT_COLORS } from './document';

export const DATA_BAR_COLOR = '638EC6';

/** Columns A..G: 指标, 本期, 上年同期, 增减, 同比, 目标, 完成情况. */
export const SUMMARY_COLUMNS = [30, 12, 12, 16, 10, 16, 10];
const LAST_COL = 'G';
const cm = (x: number) => Math.round((x / 2.54) * 100) / 100;

const COL_LETTERS = 'ABCDEFG';
const colIndex = (c: string) => COL_LETTERS.indexOf(c);
/** Width in characters of columns from..to (letters). */
function widthOf(from: string, to: string): number {
  return SUMMARY_COLUMNS.slice(colIndex(from), colIndex(to) + 1).reduce((a, b) => a + b, 0);
}
function spanOf(from: string, to: string): number {
  return colIndex(to) - colIndex(from) + 1;
}

function numFmt(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}

export function summarySheetPlan(summary: SummaryModel, paragraphs: Paragraph[], locale: Locale): SheetPlan {
  const words = summaryText(locale);
  const t = words.sheet;
  const cells: PlannedCell[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const dataBars: SheetPlan['dataBars'] = [];
  let row = 0;

  const put = (col: string, value: PlannedCell['value'], style?: CellStyle): void => {
    const c: PlannedCell = { address: `${col}${row}` };
    if (value !== undefined) c.value = value;
    // Text that Excel would read as a formula when typed (=, +, -, @) also gets the Text
    // format, so a host that sets values the way typing does still keeps it as text.
    const asText = typeof value === 'string' && /^[=+\-@]/.test(value);
    if (style || asText) c.style = { ...style, ...(asText ? { numFmt: '@' } : {}) };
    cells.push(c);
  };
  const merge = (from: string, to: string) => {
    if (from !== to) merges.push(`${from}${row}:${to}${row}`);
  };
  /** A merged, wrapped line across from..to with a height that fits its text. */
  const line = (text: string, style: CellStyle, from = 'A', to = LAST_COL): void => {
    row += 1;
    put(from, text, { wrap: true, valign: 'top', ...style });
    merge(from, to);
    rowHeights[row] = estimateRowHeight(text, widthOf(from, to), style.size ?? 11, spanOf(from, to));
  };
  const gap = (h = 8) => {
    row += 1;
    rowHeights[row] = h;
  };
  const counted = t.counted;
  const cols = (from: string, to: string) => [...COL_LETTERS.slice(colIndex(from), colIndex(to) + 1)];
  /** A table row of merged spans [from, to, text]; the row is as tall as its tallest text. */
  const spanRow = (spans: [string, string, string | null][], style: CellStyle): void => {
    row += 1;
    let height = 0;
    for (const [from, to, text] of spans) {
      put(from, text, style);
      for (const c of cols(from, to).slice(1)) put(c, null, style);
      merge(from, to);
      if (text) height = Math.max(height, estimateRowHeight(text, widthOf(from, to), 11, spanOf(from, to)));
    }
    if (height > 0) rowHeights[row] = height;
  };
  const body: CellStyle = { font: 'body', size: 11 };
  const section: CellStyle = { font: 'title', size: 14, bold: true };
  const head: CellStyle = { ...body, bold: true, border: true, fill: 'F2F2F2', align: 'center', valign: 'middle', wrap: true };
  const cell: CellStyle = { ...body, border: true, valign: 'middle' };

  // Title, unit and period, readiness.
  row += 1;
  put('A', summary.title, { font: 'title', size: 18, bold: true, align: 'center', valign: 'middle', wrap: true });
  merge('A', LAST_COL);
  rowHeights[row] = Math.max(36, estimateRowHeight(summary.title, widthOf('A', LAST_COL), 18, 7));
  const sub = `${summary.unit ? `${t.unitLabel}${summary.unit}\u3000\u3000` : ''}${t.periodLabel}${summary.periodRange}`;
  line(sub, { ...body, align: 'center', wrap: true });
  const ready = summary.readiness.ready;
  line(readinessText(summary, locale), { ...body, bold: true, color: ready ? JUDGEMENT_COLORS.good : JUDGEMENT_COLORS.bad, align: 'center' });
  gap();

  // Key indicators: the overview (moves and targets), the table, the notable changes.
  line(t.key, section);
  line(overviewText(summary, locale), { font: 'text', size: 12 });
  row += 1;
  words.headers.forEach((h, i) => put(COL_LETTERS[i] ?? 'A', h, head));
  rowHeights[row] = 22;
  const firstKey = row + 1;
  for (const k of summary.key) {
    row += 1;
    const name = words.withUnit(k.name, k.unit);
    const color = JUDGEMENT_COLORS[k.judgement];
    put('A', name, { ...cell, wrap: true });
    put('B', k.current, { ...cell, align: 'right', numFmt: numFmt(k.decimals) });
    put('C', k.previous, { ...cell, align: 'right', numFmt: numFmt(k.decimals) });
    put('D', changeText(k, locale), { ...cell, align: 'right', color });
    // A number under the data bar; words where a number would mislead (持平, 口径调整).
    const yoy = yoyText(k, locale);
    const yoyValue = yoy === words.unchanged || yoy === words.notComparable ? yoy : k.yoyPct === null ? null : k.yoyPct / 100;
    put('E', yoyValue, { ...cell, align: 'right', numFmt: '+0.0%;-0.0%;0.0%', color });
    put('F', targetText(k, locale), { ...cell, align: 'center' });
    const status = statusCell(k, locale);
    put('G', status.text, { ...cell, align: 'center', color: status.color, bold: k.targetStatus === 'missed' });
    rowHeights[row] = estimateRowHeight(name, SUMMARY_COLUMNS[0] ?? 30, 11);
  }
  if (summary.key.length > 0) dataBars.push({ range: `E${firstKey}:E${row}`, color: DATA_BAR_COLOR });
  const moves = movesText(summary, locale);
  if (moves !== null) line(moves, { font: 'text', size: 12 });
  gap();

  // Narrative.
  line(t.narrative, section);
  paragraphs.forEach((p, i) => {
    line(t.ordinal(i + 1, zhOrdinal(i + 1), p.title), { font: 'title', size: 12, bold: true });
    line(p.text, { font: 'text', size: 12, align: 'left' });
  });
  if (paragraphs.length === 0) line(t.none, { font: 'text', size: 12 });
  gap();

  // Open findings: severity, indicator, message.
  line(counted(t.open, summary.open.length), section);
  if (summary.open.length === 0) line(t.none, body);
  else {
    spanRow([['A', 'A', t.openHeaders[0] ?? ''], ['B', 'C', t.openHeaders[1] ?? ''], ['D', 'G', t.openHeaders[2] ?? '']], head);
    for (const f of summary.open) {
      const colors = SEVERITY_COLORS[f.severity];
      spanRow([['B', 'C', f.name], ['D', 'G', f.message]], { ...cell, wrap: true });
      put('A', words.severity[f.severity], { ...cell, fill: colors.fill, color: colors.font, align: 'center' });
    }
  }
  gap();

  // Explained warnings: indicator, message, explanation (the explanation as typed, as text).
  line(counted(t.explained, summary.explained.length), section);
  if (summary.explained.length === 0) line(t.none, body);
  else {
    spanRow([['A', 'A', t.explainedHeaders[0] ?? ''], ['B', 'D', t.explainedHeaders[1] ?? ''], ['E', 'G', t.explainedHeaders[2] ?? '']], head);
    for (const f of summary.explained) {
      spanRow([['A', 'A', f.name], ['B', 'D', f.message], ['E', 'G', f.explanation]], { ...cell, wrap: true });
    }
  }

  const plan: SheetPlan = {
    name: SHEETS.summary,
    columns: [...SUMMARY_COLUMNS],
    cells,
    merges,
    rowHeights,
    // GB/T 9704 official-document margins: 3.7 cm top, 3.5 bottom, 2.8 left, 2.6 right.
    print: {
      orientation: 'portrait',
      paper: 'A4',
      fitToWidth: true,
      margins: { top: cm(3.7), bottom: cm(3.5), left: cm(2.8), right: cm(2.6), header: cm(1.5), footer: cm(1.5) },
      centerHorizontally: true,
    },
    hideGridLines: true,
    tabColor: 'C00000',
  };
  if (dataBars.length > 0) plan.dataBars = dataBars;
  return plan;
}
