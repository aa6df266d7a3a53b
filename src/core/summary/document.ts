/**
 * The leadership summary as a document: the blocks the Word host lays out (title, headings,
 * paragraphs, the key-indicator table), in the order and with the words the core decides, and
 * an estimate of how many pages they fill on the official-document page the host uses
 * (OFFICIAL_PAGE). What leaders read fits in two or three pages, so the content is that of a
 * bureau work report, not the whole report:
 *
 *   一、总体情况   how the key indicators moved; targets met and missed (named, with figures)
 *   二、主要工作情况 one paragraph per form, run-in subheadings (（一）法律援助工作情况。…), key
 *                  indicators and those with a target only
 *   三、主要变化   the few largest rises and falls, and changes explained as changes of scope
 *   四、数据审核情况 whether the report can go, what is still open (severity word and the
 *                  indicators, no rule id; the messages are in 问题清单) and what was explained
 *   附：主要指标情况表
 */
import type { Locale } from '../i18n/locale';
import { summaryText } from '../i18n/summary';
import { formatNumber } from '../numbers/format';
import { zhOrdinal } from './format';
import type { Paragraph } from './narrative';
import { movesText, overviewText, readinessText } from './narrative';
import { MOVERS_TOP, type Direction, type Judgement, type KeyIndicator, type SummaryModel } from './model';

/** Arrow per direction; `none` (a blank figure) has no arrow. */
export const ARROWS: Record<Direction, string> = { up: '▲', down: '▼', flat: '―', none: '' };
/** Font colour per judgement: green good, red bad, grey neutral. */
export const JUDGEMENT_COLORS: Record<Judgement, string> = { good: '107C10', bad: 'C50F1F', neutral: '767676' };

/**
 * The page of GB/T 9704 as the Word host sets it: A4, margins 3.7 / 3.5 / 2.8 / 2.6 cm, the
 * title in 二号 (22 pt) on a 35 pt line, the body in 三号 (16 pt) on a fixed 28 pt line, the
 * table in 五号 (10.5 pt) on a fixed 15 pt line. Sizes in points.
 */
export const OFFICIAL_PAGE = {
  widthPt: 595.3,
  heightPt: 841.9,
  marginsCm: { top: 3.7, bottom: 3.5, left: 2.8, right: 2.6 },
  titlePt: 22,
  titleLinePt: 35,
  bodyPt: 16,
  linePt: 28,
  tablePt: 10.5,
  tableLinePt: 15,
  /** Cell margins, top + bottom, and left + right, in points. */
  tableCellPadV: 3,
  tableCellPadH: 6,
  /** Share of the text width per column of the key-indicator table. */
  columnShares: [0.34, 0.1, 0.1, 0.14, 0.1, 0.12, 0.1],
} as const;

const PT_PER_CM = 72 / 2.54;
const textWidthPt = OFFICIAL_PAGE.widthPt - (OFFICIAL_PAGE.marginsCm.left + OFFICIAL_PAGE.marginsCm.right) * PT_PER_CM;
const textHeightPt = OFFICIAL_PAGE.heightPt - (OFFICIAL_PAGE.marginsCm.top + OFFICIAL_PAGE.marginsCm.bottom) * PT_PER_CM;
/**
 * Pages are planned to 97% of their text height: a reader without the 仿宋/宋体 faces lays the
 * text out in a fallback font with other metrics (LibreOffice with WenQuanYi put the demo's
 * last table row on a fourth page when planned to the full height).
 */
const planHeightPt = textHeightPt * 0.97;

export interface TableCellText {
  text: string;
  align?: 'left' | 'center' | 'right';
  color?: string;
  bold?: boolean;
}

export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  /** A body paragraph, first line indented two characters; `lead` is a run-in subheading. */
  | { kind: 'paragraph'; text: string; lead?: string; color?: string }
  | { kind: 'blank' }
  | { kind: 'table'; title: string; headers: string[]; rows: TableCellText[][] };

/** At most this many indicators are named per severity, and explained warnings listed; the rest are counted. */
export const MAX_LISTED = 5;

/** The 增减 cell: `▲ +123`, `▼ -2个百分点`, `持平` for no change, `—` when a figure is blank. */
export function changeText(k: KeyIndicator, locale: Locale): string {
  const t = summaryText(locale);
  if (k.change === null) return '—';
  if (k.direction === 'flat') return t.unchanged;
  const sign = k.change > 0 ? '+' : '-';
  return `${ARROWS[k.direction]} ${sign}${formatNumber(Math.abs(k.change), k.decimals)}${k.kind === 'percent' ? t.ppUnit : ''}`;
}

/** The 同比 cell: `+6.6%`, `持平`, `口径调整` for a change of scope, `—` without a rate. */
export function yoyText(k: KeyIndicator, locale: Locale): string {
  const t = summaryText(locale);
  if (k.scopeChange !== undefined && k.direction !== 'flat') return t.notComparable;
  if (k.yoyPct === null) return k.direction === 'flat' && k.kind !== 'percent' ? t.unchanged : '—';
  if (k.direction === 'flat') return t.unchanged;
  return `${k.yoyPct > 0 ? '+' : '-'}${formatNumber(Math.abs(k.yoyPct), 1)}%`;
}

const OP_SYMBOL = { '>=': '≥', '<=': '≤', '=': '=' } as const;

/** The 目标 cell: `≥115`, `=100%`, a half-year flow target `≥57.5（全年115）`. */
export function targetText(k: KeyIndicator, locale: Locale): string {
  if (!k.target) return '—';
  const pct = k.kind === 'percent' ? '%' : '';
  const v = `${OP_SYMBOL[k.target.op]}${formatNumber(k.target.value, k.decimals)}${pct}`;
  return k.target.proRata ? `${v}${summaryText(locale).proRataAnnual(`${formatNumber(k.target.annual, k.decimals)}${pct}`)}` : v;
}

/** The 完成情况 cell and its colour. */
export function statusCell(k: KeyIndicator, locale: Locale): { text: string; color: string } {
  const t = summaryText(locale);
  if (!k.target) return { text: t.noTarget, color: JUDGEMENT_COLORS.neutral };
  if (k.targetStatus === 'met') return { text: t.met, color: JUDGEMENT_COLORS.good };
  if (k.targetStatus === 'missed') return { text: t.missed, color: JUDGEMENT_COLORS.bad };
  return { text: t.blank, color: JUDGEMENT_COLORS.neutral };
}

function num(v: number | null, decimals: number): string {
  return v === null ? '—' : formatNumber(v, decimals);
}

function keyRow(k: KeyIndicator, locale: Locale): TableCellText[] {
  const color = JUDGEMENT_COLORS[k.judgement];
  const status = statusCell(k, locale);
  return [
    { text: summaryText(locale).withUnit(k.name, k.unit) },
    { text: num(k.current, k.decimals), align: 'right' },
    { text: num(k.previous, k.decimals), align: 'right' },
    { text: changeText(k, locale), align: 'right', color },
    { text: yoyText(k, locale), align: 'right', color },
    { text: targetText(k, locale), align: 'center' },
    { text: status.text, align: 'center', color: status.color },
  ];
}

/** How much is listed: changes each way, indicators named per severity, explained warnings. */
interface Limits {
  moves: number;
  listed: number;
}

/** The longest a summary is allowed to run (what leaders read fits in two or three pages). */
export const MAX_PAGES = 3;

/**
 * The blocks of the Word summary, in order. When the estimate runs past MAX_PAGES (many
 * problems, long explanations), fewer changes and names are listed, as a work report would
 * shorten its lists before it drops a section.
 */
export function summaryDocument(summary: SummaryModel, paragraphs: Paragraph[], locale: Locale): DocBlock[] {
  const steps: Limits[] = [
    { moves: MOVERS_TOP, listed: MAX_LISTED },
    { moves: 2, listed: 3 },
    { moves: 1, listed: 2 },
    { moves: 1, listed: 1 },
  ];
  let blocks: DocBlock[] = [];
  for (const limits of steps) {
    blocks = documentBlocks(summary, paragraphs, locale, limits);
    if (estimatePages(blocks) <= MAX_PAGES) break;
  }
  return blocks;
}

function documentBlocks(summary: SummaryModel, paragraphs: Paragraph[], locale: Locale, limits: Limits): DocBlock[] {
  const t = summaryText(locale);
  const blocks: DocBlock[] = [
    { kind: 'title', text: summary.title },
    { kind: 'subtitle', text: t.period(summary.periodRange) },
    { kind: 'blank' },
  ];
  let n = 0;
  const heading = (text: string) => {
    n += 1;
    blocks.push({ kind: 'heading', text: t.heading(n, zhOrdinal(n), text) });
  };

  heading(t.headings.overview);
  blocks.push({ kind: 'paragraph', text: overviewText(summary, locale) });

  if (paragraphs.length > 0) {
    heading(t.headings.work);
    paragraphs.forEach((p, i) => blocks.push({ kind: 'paragraph', lead: t.subheading(i + 1, zhOrdinal(i + 1), p.title), text: p.text }));
  }

  const moves = movesText({ ...summary, rises: summary.rises.slice(0, limits.moves), falls: summary.falls.slice(0, limits.moves) }, locale);
  if (moves !== null) {
    heading(t.headings.moves);
    blocks.push({ kind: 'paragraph', text: moves });
  }

  heading(t.headings.audit);
  blocks.push({ kind: 'paragraph', text: readinessText(summary, locale), color: summary.readiness.ready ? JUDGEMENT_COLORS.good : JUDGEMENT_COLORS.bad });
  // What is still open, by severity and indicator (the messages are in 问题清单 and the sheet).
  const groups = (['error', 'warning'] as const)
    .map((sev) => {
      const of = summary.open.filter((f) => f.severity === sev);
      const names = [...new Set(of.map((f) => f.name))];
      return of.length === 0 ? null : t.openGroup(t.severity[sev], of.length, names.slice(0, limits.listed), names.length > limits.listed);
    })
    .filter((g): g is string => g !== null);
  if (groups.length > 0) blocks.push({ kind: 'paragraph', text: t.openList(groups) });
  // Explained warnings not told elsewhere: a missed target's 说明 is in the overview, a change
  // of scope with its 说明 under 主要变化.
  const toldElsewhere = new Set([
    ...summary.targets.filter((x) => x.status === 'missed' && x.explanation !== undefined).map((x) => x.code),
    ...summary.scopeChanges.map((c) => c.code),
  ]);
  const explained = summary.explained.filter((f) => !toldElsewhere.has(f.code));
  if (explained.length > 0) {
    const items = explained.slice(0, limits.listed).map((f) => t.explainedItem(f.name, f.explanation));
    blocks.push({ kind: 'paragraph', text: t.explainedList(items, explained.length - items.length) });
  }

  blocks.push({ kind: 'table', title: t.annex, headers: [...t.headers], rows: summary.key.map((k) => keyRow(k, locale)) });
  return blocks;
}

/**
 * Width of a text in ems of its size: CJK characters, full-width punctuation and the symbols a
 * CJK face draws full width (▲ ▼ ―) 1, and the
 * Latin face (Times New Roman) by class, rounded up from its advance widths: space 0.25,
 * lower case 0.5, digits 0.5, capitals 0.72, other ASCII 0.4; other characters 0.6.
 */
function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    // CJK, and the symbols a CJK face draws full width (― ▲ ▼ ○ …: U+2010–U+2BFF)
    if (c >= 0x2e80 || (c >= 0x2010 && c <= 0x2bff)) w += 1;
    else if (ch === ' ') w += 0.25;
    else if (/[a-z0-9]/.test(ch)) w += 0.5;
    else if (/[A-Z]/.test(ch)) w += 0.72;
    else if (c < 0x80) w += 0.4;
    else w += 0.6;
  }
  return w;
}

/** Lines a text takes in a box `widthPt` wide at `sizePt` (emWidth; words are not hyphenated). */
function linesOf(text: string, widthPt: number, sizePt: number, indentChars = 0): number {
  const perLine = Math.max(1, Math.floor(widthPt / sizePt));
  return Math.max(1, Math.ceil((emWidth(text) + indentChars) / perLine));
}

/**
 * Pages the blocks fill on OFFICIAL_PAGE: lines of the body on the 28 pt grid (a line of
 * 16 pt characters across the text width, a first-line indent of two characters), headings
 * kept with the next line, table rows never split and the header row repeated on each page.
 * Conservative on purpose (every CJK character and punctuation mark is a full em, no
 * compression of punctuation, Latin widths rounded up), so a document estimated at three
 * pages does not print on four. English lines break at spaces, which wastes part of a line:
 * not modelled, the rounding up is meant to cover it.
 */
export function estimatePages(blocks: DocBlock[]): number {
  const P = OFFICIAL_PAGE;
  let pages = 1;
  let y = 0;
  const advance = (h: number) => {
    if (y + h > planHeightPt) {
      pages += 1;
      y = 0;
    }
    y += h;
  };
  const tableRowHeight = (cells: string[]): number => {
    let lines = 1;
    cells.forEach((text, i) => {
      const w = (P.columnShares[i] ?? 0.1) * textWidthPt - P.tableCellPadH;
      lines = Math.max(lines, linesOf(text, w, P.tablePt));
    });
    return lines * P.tableLinePt + P.tableCellPadV;
  };
  blocks.forEach((b, i) => {
    switch (b.kind) {
      case 'title':
        for (let l = linesOf(b.text, textWidthPt, P.titlePt); l > 0; l--) advance(P.titleLinePt);
        break;
      case 'subtitle':
      case 'blank':
        advance(P.linePt);
        break;
      case 'heading': {
        // keepNext: the heading and the first line after it go together.
        if (y + 2 * P.linePt > planHeightPt && blocks[i + 1] !== undefined) {
          pages += 1;
          y = 0;
        }
        advance(P.linePt);
        break;
      }
      case 'paragraph':
        for (let l = linesOf(`${b.lead ?? ''}${b.text}`, textWidthPt, P.bodyPt, 2); l > 0; l--) advance(P.linePt);
        break;
      case 'table': {
        if (y + 3 * P.linePt > planHeightPt) {
          pages += 1;
          y = 0;
        }
        advance(P.linePt); // its title
        const header = tableRowHeight(b.headers);
        advance(header);
        for (const row of b.rows) {
          const h = tableRowHeight(row.map((c) => c.text));
          if (y + h > planHeightPt) {
            pages += 1;
            y = header;
          }
          y += h;
        }
        break;
      }
    }
  });
  return pages;
}
