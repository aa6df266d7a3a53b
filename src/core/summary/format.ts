/**
 * How the leadership summary writes numbers, periods and places, in one place so the
 * narrative, the 领导参阅 sheet and the Word document say the same thing the same way.
 *
 * Number-writing rule (tested in tests/unit/narrative.test.ts):
 * - a count of 10000 or more that is a whole multiple of 1000 is written in 万 with one
 *   decimal, a trailing `.0` dropped (65000 → 6.5万, 10000 → 1万, 123000 → 12.3万). That
 *   form is exact for such numbers, so nothing is rounded away; any other count is written
 *   in full without grouping (1985, 12345), as bureau reports do;
 * - amounts and rates keep at most their catalogue decimals, trailing zeros trimmed
 *   (275.00 万人 → 275万人, 350.50 万元 → 350.5万元);
 * - percentages (values of percent indicators, YoY rates, percentage points) are written to
 *   one decimal, a trailing `.0` dropped (6.6%, 15%, 55.1%); a percent indicator whose
 *   figures are all below 1% (再犯罪率 0.14%) keeps its catalogue decimals, value and
 *   percentage points alike, since one decimal would erase it.
 * en-US uses the same rounding with thousands separators and no 万.
 */
import type { Form, Indicator, Template } from '../catalog/schema';
import type { TemplateId } from '../model/types';
import { formatNumber } from '../numbers/format';
import type { Locale } from '../i18n/locale';

/** Rounds |x| to one decimal, half up (with slack for binary fractions); the sign is kept. */
export function round1(x: number): number {
  const r = Math.round(Math.abs(x) * 10 + 1e-9) / 10;
  return x < 0 ? -r : r;
}

/** A percentage to one decimal without sign: `6.6`, `15`, `0.1`. */
export function pct1(x: number): string {
  return formatNumber(Math.abs(round1(x)), 1);
}

/** Decimals for a percent indicator's figures: 1, or the catalogue's when all are below 1%. */
export function percentPlaces(decimals: number, ...values: (number | null)[]): number {
  const given = values.filter((v): v is number => v !== null && v !== 0);
  return given.length > 0 && given.every((v) => Math.abs(v) < 1) ? Math.max(1, decimals) : 1;
}

/** |x| at `places` decimals, trailing zeros trimmed (`0.14`, `5.1`, `0`). */
export function absText(x: number, places: number): string {
  return places <= 1 ? pct1(x) : formatNumber(Math.abs(x), places);
}

function group(text: string): string {
  const [int, frac] = text.split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** A count as prose writes it: `1985`, `6.5万` (see the rule at the top). */
export function countText(v: number, locale: Locale): string {
  if (locale === 'en-US') return group(formatNumber(v, 0));
  if (Number.isInteger(v) && Math.abs(v) >= 10000 && v % 1000 === 0) return `${formatNumber(v / 10000, 1)}万`;
  return formatNumber(v, 0);
}

/** The unit word after a figure: a rate's `件/10万人` is `件` (the name says per 10万人). */
export function unitWord(ind: Indicator, locale: Locale): string {
  if (locale === 'en-US') return EN_UNITS[ind.unit] ?? '';
  if (ind.kind === 'percent') return '%';
  if (ind.kind === 'rate') return ind.unit.split('/')[0] ?? ind.unit;
  return ind.unit;
}

/** Units that need a word in English (Chinese counting words need none). */
const EN_UNITS: Record<string, string> = {
  '%': '%',
  万人: ' (10k people)',
  万人次: ' (10k visits)',
  万元: ' (10k yuan)',
  亿元: ' (100m yuan)',
};

/** The bare number of a figure, by its kind (see the rule at the top). */
export function numberText(ind: Indicator, v: number, locale: Locale): string {
  if (ind.kind === 'count') return countText(v, locale);
  if (ind.kind === 'percent') {
    const places = percentPlaces(ind.decimals, v);
    return places === 1 ? formatNumber(round1(v), 1) : formatNumber(v, places);
  }
  const text = formatNumber(v, ind.decimals);
  return locale === 'en-US' ? group(text) : text;
}

/** A figure with its unit: `1985件`, `6.5万件`, `55.1%`, `72.2件`; en `1,985`, `55.1%`. */
export function valueText(ind: Indicator, v: number, locale: Locale): string {
  return `${numberText(ind, v, locale)}${unitWord(ind, locale)}`;
}

/** A number for a table cell: full precision of the catalogue, no 万 (`1985`, `24.38`). */
export function plainText(v: number, decimals: number): string {
  return formatNumber(v, decimals);
}

/** The template's word for its period in the narrative: 上半年 / 全年, in the first half / in the year. */
export function periodWordOf(template: Pick<Template, 'periodWordZh' | 'periodWordEn'>, locale: Locale): string {
  return locale === 'en-US' ? template.periodWordEn : template.periodWordZh;
}

/** A form's name: 法律援助工作情况 / Legal aid. */
export function formNameOf(form: Pick<Form, 'nameZh' | 'nameEn'>, locale: Locale): string {
  return locale === 'en-US' ? form.nameEn : form.nameZh;
}

/** `2025H1` → 2025年上半年 / first half of 2025; `2025` → 2025年 / 2025. */
export function periodLabel(period: string, template: TemplateId, locale: Locale): string {
  const year = /^(\d{4})/.exec(period)?.[1];
  if (!year) return period;
  const half = template === 'half-year' || /H1$/i.test(period);
  if (locale === 'en-US') return half ? `first half of ${year}` : year;
  return half ? `${year}年上半年` : `${year}年`;
}

/** The dates the period covers: 2025年1月1日至6月30日. */
export function periodRange(period: string, template: TemplateId, locale: Locale): string {
  const year = /^(\d{4})/.exec(period)?.[1];
  if (!year) return period;
  const half = template === 'half-year' || /H1$/i.test(period);
  if (locale === 'en-US') return half ? `1 January – 30 June ${year}` : `1 January – 31 December ${year}`;
  return half ? `${year}年1月1日至6月30日` : `${year}年1月1日至12月31日`;
}

/**
 * The place word of a narrative: 全市 for a city bureau (包头市司法局, 包头市), 全区 for a
 * district or an autonomous region, 全县, 全旗, 全盟, 全州, 全省; another unit is named as
 * it is; a blank unit is 全市 (the templates are for municipal bureaus).
 */
export function scopeWord(unit: string, locale: Locale): string {
  const u = unit.trim();
  if (locale === 'en-US') return u;
  if (u === '') return '全市';
  const place = u.replace(/(司法局|司法厅|司法行政部门|司法行政系统|司法处)$/, '');
  const last = place.slice(-1);
  if ('市区县旗盟州省'.includes(last) && last !== '') return `全${last}`;
  return u;
}

/** Chinese ordinal for headings: 1 → 一, 10 → 十, 12 → 十二. */
export function zhOrdinal(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n <= 10) return n === 10 ? '十' : digits[n] ?? String(n);
  if (n < 20) return `十${digits[n - 10] ?? ''}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${digits[tens] ?? ''}十${ones ? digits[ones] ?? '' : ''}`;
}

/** Display width of text in "full-width characters": CJK counts 1, ASCII ½. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.55 : 1;
  return w;
}

/**
 * Height in points of a wrapped row so that `text` in a `fontSize` face is not clipped,
 * given the merged width in Excel character units (one unit ≈ 7 px, plus 5 px per column).
 * Generous on purpose: a little white space is better than a hidden line.
 */
export function estimateRowHeight(text: string, widthChars: number, fontSize: number, columns = 1): number {
  const widthPx = widthChars * 7 + 5 * columns - 8;
  const charPx = (fontSize * 96) / 72;
  const perLine = Math.max(1, Math.floor(widthPx / charPx));
  let lines = 0;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil(textWidth(part) / perLine));
  return Math.ceil(lines * fontSize * 1.5 + 8);
}
