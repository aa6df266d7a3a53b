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
import { estimateRowHeight, plainText, zhOrdinal } from './format';
import type { Paragraph } from './narrative';
import { movesText, readinessText } from './narrative';
import type { Direction, Judgement, KeyIndicator, SummaryModel } from './model';

/** Arrow per direction; `none` (a blank figure) has no arrow. */
export const ARROWS: Record<Direction, string> = { up: '▲', down: '▼', flat: '―', none: '' };
/** Font colour per judgement: green good, red bad, grey neutral. */
export const JUDGEMENT_COLORS: Record<Judgement, string> = { good: '107C10', bad: 'C50F1F', neutral: '767676' };
export const DATA_BAR_COLOR = '638EC6';

/** Columns A..G: 指标, 本期, 上年同期, 增减, 同比, 目标, 完成情况. */
export const SUMMARY_COLUMNS = [30, 12, 12, 16, 10, 16, 10];
const LAST_COL = 'G';
const cm = (x: number) => Math.round((x / 2.54) * 100) / 100;

const TEXT = {
  'zh-CN': {
    headers: ['指标（单位）', '本期', '上年同期', '增减', '同比', '目标', '完成情况'],
    key: '一、主要指标',
    narrative: '二、工作情况',
    open: '三、待处理问题',
    explained: '四、已说明的警告',
    none: '无',
    met: '达标',
    missed: '未达标',
    noTarget: '无目标',
    blank: '未填报',
    pp: '个百分点',
    unitLabel: '填报单位：',
    periodLabel: '统计期间：',
    openHeaders: ['级别', '指标', '问题'],
    explainedHeaders: ['指标', '问题', '说明'],
    severity: { error: '错误', warning: '警告', info: '提示' },
    annual: (v: string) => `（全年${v}）`,
    ordinal: (i: number, title: string) => `（${zhOrdinal(i)}）${title}`,
  },
  'en-US': {
    headers: ['Indicator (unit)', 'This period', 'Last year', 'Change', 'YoY', 'Target', 'Status'],
    key: '1. Key indicators',
    narrative: '2. Work in figures',
    open: '3. Open problems',
    explained: '4. Explained warnings',
    none: 'None',
    met: 'Met',
    missed: 'Missed',
    noTarget: 'No target',
    blank: 'Blank',
    pp: ' pp',
    unitLabel: 'Unit: ',
    periodLabel: 'Period: ',
    openHeaders: ['Severity', 'Indicator', 'Problem'],
    explainedHeaders: ['Indicator', 'Problem', 'Explanation'],
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
    annual: (v: string) => ` (year ${v})`,
    ordinal: (i: number, title: string) => `(${i}) ${title}`,
  },
} as const;

const COL_LETTERS = 'ABCDEFG';
const colIndex = (c: string) => COL_LETTERS.indexOf(c);
/** Width in characters of columns from..to (letters). */
function widthOf(from: string, to: string): number {
  return SUMMARY_COLUMNS.slice(colIndex(from), colIndex(to) + 1).reduce((a, b) => a + b, 0);
}
function spanOf(from: string, to: string): number {
  return colIndex(to) - colIndex(from) + 1;
}

const OP_SYMBOL = { '>=': '≥', '<=': '≤', '=': '=' } as const;

function numFmt(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}

function changeText(k: KeyIndicator, locale: Locale): string {
  if (k.change === null) return '—';
  const t = TEXT[locale];
  const sign = k.change > 0 ? '+' : k.change < 0 ? '-' : '';
  const amount = plainText(Math.abs(k.change), k.decimals);
  const arrow = ARROWS[k.direction];
  return `${arrow} ${sign}${amount}${k.kind === 'percent' ? t.pp : ''}`;
}

function targetText(k: KeyIndicator, locale: Locale): string {
  if (!k.target) return '—';
  const pctSign = k.kind === 'percent' ? '%' : '';
  const v = `${OP_SYMBOL[k.target.op]}${plainText(k.target.value, k.decimals)}${pctSign}`;
  return k.target.proRata ? `${v}${TEXT[locale].annual(`${plainText(k.target.annual, k.decimals)}${pctSign}`)}` : v;
}

export function summarySheetPlan(summary: SummaryModel, paragraphs: Paragraph[], locale: Locale): SheetPlan {
  const t = TEXT[locale];
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
  const counted = (label: string, n: number) => (locale === 'en-US' ? `${label} (${n})` : `${label}（${n}）`);
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

  // Key indicators.
  line(t.key, section);
  row += 1;
  t.headers.forEach((h, i) => put(COL_LETTERS[i] ?? 'A', h, head));
  rowHeights[row] = 22;
  const firstKey = row + 1;
  for (const k of summary.key) {
    row += 1;
    const unit = k.unit ? (locale === 'en-US' ? ` (${k.unit})` : `（${k.unit}）`) : '';
    put('A', `${k.name}${unit}`, { ...cell, wrap: true });
    put('B', k.current, { ...cell, align: 'right', numFmt: numFmt(k.decimals) });
    put('C', k.previous, { ...cell, align: 'right', numFmt: numFmt(k.decimals) });
    put('D', changeText(k, locale), { ...cell, align: 'right', color: JUDGEMENT_COLORS[k.judgement] });
    put('E', k.yoyPct === null ? null : k.yoyPct / 100, { ...cell, align: 'right', numFmt: '+0.0%;-0.0%;0.0%', color: JUDGEMENT_COLORS[k.judgement] });
    put('F', targetText(k, locale), { ...cell, align: 'center' });
    const status =
      !k.target ? { text: t.noTarget, color: JUDGEMENT_COLORS.neutral }
      : k.targetStatus === 'met' ? { text: t.met, color: JUDGEMENT_COLORS.good }
      : k.targetStatus === 'missed' ? { text: t.missed, color: JUDGEMENT_COLORS.bad }
      : { text: t.blank, color: JUDGEMENT_COLORS.neutral };
    put('G', status.text, { ...cell, align: 'center', color: status.color, bold: k.targetStatus === 'missed' });
    rowHeights[row] = estimateRowHeight(`${k.name}${unit}`, SUMMARY_COLUMNS[0] ?? 30, 11);
  }
  if (summary.key.length > 0) dataBars.push({ range: `E${firstKey}:E${row}`, color: DATA_BAR_COLOR });
  const moves = movesText(summary, locale);
  if (moves !== null) line(moves, { font: 'text', size: 12 });
  gap();

  // Narrative.
  line(t.narrative, section);
  paragraphs.forEach((p, i) => {
    line(t.ordinal(i + 1, p.title), { font: 'title', size: 12, bold: true });
    line(p.text, { font: 'text', size: 12, align: 'left' });
  });
  if (paragraphs.length === 0) line(t.none, { font: 'text', size: 12 });
  gap();

  // Open findings: severity, indicator, message.
  line(counted(t.open, summary.open.length), section);
  if (summary.open.length === 0) line(t.none, body);
  else {
    spanRow([['A', 'A', t.openHeaders[0]], ['B', 'C', t.openHeaders[1]], ['D', 'G', t.openHeaders[2]]], head);
    for (const f of summary.open) {
      const colors = SEVERITY_COLORS[f.severity];
      spanRow([['B', 'C', f.name], ['D', 'G', f.message]], { ...cell, wrap: true });
      put('A', `${t.severity[f.severity]} ${f.rule}`, { ...cell, fill: colors.fill, color: colors.font, align: 'center' });
    }
  }
  gap();

  // Explained warnings: indicator, message, explanation (the explanation as typed, as text).
  line(counted(t.explained, summary.explained.length), section);
  if (summary.explained.length === 0) line(t.none, body);
  else {
    spanRow([['A', 'A', t.explainedHeaders[0]], ['B', 'D', t.explainedHeaders[1]], ['E', 'G', t.explainedHeaders[2]]], head);
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
