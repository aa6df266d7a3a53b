/**
 * The wording of findings, in zh-CN and en-US. A finding carries a message id and params;
 * this table turns them into a sentence. `{name}` is always the indicator's name, and any
 * param ending in `Code` also gets a `…Name` companion (`wholeCode` → `{wholeName}`).
 */
import { getCatalog } from '../catalog/catalog';
import { isRuleId, RULES } from '../rules/registry';
import type { Finding, Skipped } from '../report/types';
import { interpolate, type Locale } from './locale';

const ZH = {
  'required-blank': '{name}为必填指标，本期未填报',
  'name-missing': '找不到{name}的单元格：定义名称 {nameCode} 已被删除或指向已删除的工作表',
  'text-in-number': '{which}「{text}」是文本而不是数字，Excel 求和时会跳过它',
  'text-in-number-suggest': '{which}「{text}」是文本而不是数字，Excel 求和时会跳过它；可能应为 {suggestion}',
  'empty-symbol': '{which}「{text}」是文本符号：无数据请留空，数值为零请填 0',
  negative: '{name}不能为负数（{value}）',
  'not-whole': '{name}应为整数（{value}）',
  'percent-range': '{name}应在 0 至 100 之间（{value}）',
  'part-exceeds': '其中项{name}（{value}）超过了{wholeName}（{whole}）',
  'derived-mismatch': '{name}填报为 {value}，按“{formulaText}”计算应为 {expected}',
  'target-missed': '{name}为 {value}，未达到目标（{op} {target}）',
  'rule-failed': '{text}：{lhsText}为 {lhs}，{rhsText}为 {rhs}',
  'half-exceeds-annual': '半年报{name}（{half}）超过了同年年报数值（{annual}）',
  'yoy-change': '{name}同比{direction}{pct}%（上年同期 {previous}，本期 {current}），请核实或填写说明',
  'magnitude-slip': '{name}本期 {current} 是上年同期 {previous} 的 {ratio} 倍，疑似单位或录入错误',
  'pp-move': '{name}较上年同期变动 {pp} 个百分点（{previous}% → {current}%），请核实或填写说明',
  'percent-fraction': '{name}填报为 {current}，疑似把 {proposed}% 录成了小数（Excel 会把输入的“{proposed}%”存为 {current}）',
  'copy-forward': '本表 {count} 项指标与上年同期数值完全相同（占已填 {share}%），疑似沿用上年数据',
  'adverse-move': '{name}同比{direction}{pct}%，与期望方向相反',
  outlier: '{name}本期 {current} 明显偏离历史水平（历史中位数 {median}，稳健 z 值 {z}）',
  'rule-malformed': '规则 {ruleId} 配置有误（{detail}），本次未能执行',
  'no-reference': '未提供参照报表（--reference），无法比较半年报与年报',
  'reference-mismatch': '参照报表与本报表不是同一单位同一年度的年报与半年报，R08 未执行',
  up: '增长',
  down: '下降',
  increase: '增加',
  decrease: '减少',
  current: '本期',
  previous: '上年同期',
  'note-rule': '规则',
  'note-suggestion': '建议值',
  approx: '约',
} satisfies Record<string, string>;

/** Every message a finding (or a skipped rule) can carry. */
export type MessageId = keyof typeof ZH;
type Table = Record<MessageId, string>;

const EN: Table = {
  'required-blank': '{name} is required but blank',
  'name-missing': 'The cell of {name} cannot be found: the defined name {nameCode} was deleted or points to a deleted sheet',
  'text-in-number': '{which} "{text}" is text, not a number; Excel sums skip it',
  'text-in-number-suggest': '{which} "{text}" is text, not a number; Excel sums skip it. Probably {suggestion}',
  'empty-symbol': '{which} "{text}" is a placeholder symbol: leave the cell blank for no data, or type 0',
  negative: '{name} cannot be negative ({value})',
  'not-whole': '{name} must be a whole number ({value})',
  'percent-range': '{name} must be between 0 and 100 ({value})',
  'part-exceeds': 'Breakdown item {name} ({value}) exceeds {wholeName} ({whole})',
  'derived-mismatch': '{name} is reported as {value}, but {formulaText} gives {expected}',
  'target-missed': '{name} is {value}, missing the target ({op} {target})',
  'rule-failed': '{text}: {lhsText} is {lhs}, {rhsText} is {rhs}',
  'half-exceeds-annual': 'Half-year {name} ({half}) exceeds the annual figure of the same year ({annual})',
  'yoy-change': '{name} {direction} {pct}% year on year ({previous} → {current}); check it or explain',
  'magnitude-slip': '{name} is {current}, {ratio} times last year ({previous}): a unit or typing slip?',
  'pp-move': '{name} moved {pp} percentage points ({previous}% → {current}%); check it or explain',
  'percent-fraction': '{name} is {current}: probably {proposed}% stored as a fraction (Excel stores a typed "{proposed}%" as {current})',
  'copy-forward': '{count} figures of this form equal last year exactly ({share}% of those filled): copied forward?',
  'adverse-move': '{name} {direction} {pct}% year on year, against the desired direction',
  outlier: '{name} ({current}) is far from its history (median {median}, robust z {z})',
  'rule-malformed': 'Rule {ruleId} is misconfigured ({detail}) and was not run',
  'no-reference': 'No reference report (--reference): half-year and annual figures were not compared',
  'reference-mismatch': 'The reference report is not the other report of the same unit and year; R08 was not run',
  up: 'rose',
  down: 'fell',
  increase: 'up',
  decrease: 'down',
  current: 'This period',
  previous: 'Last year',
  'note-rule': 'Rule',
  'note-suggestion': 'Suggested value',
  approx: 'approx. ',
};

const TABLES: Record<Locale, Table> = { 'zh-CN': ZH, 'en-US': EN };

/** A word from the findings table (`up`, `previous`, …). */
export function word(locale: Locale, id: MessageId): string {
  return TABLES[locale][id];
}

/** Indicator name in the locale (the code itself when unknown). */
export function indicatorName(code: string, locale: Locale): string {
  const ind = getCatalog().byCode.get(code.replace(/_PREV$/, ''));
  if (!ind) return code;
  return locale === 'en-US' ? ind.nameEn.replace(/^of which /, '') : ind.nameZh.replace(/^其中：/, '');
}

function expand(params: Record<string, string | number>, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const [k, v] of Object.entries(params)) {
    if (k.endsWith('Code') && typeof v === 'string') out[k.slice(0, -4) + 'Name'] = indicatorName(v, locale);
    // Param values that are message ids (direction words) are translated.
    if ((k === 'direction' || k === 'which') && isMessageId(String(v))) out[k] = word(locale, String(v) as MessageId);
    // Expressions over codes read with indicator names.
    if (k.endsWith('Expr') && typeof v === 'string')
      out[k.slice(0, -4) + 'Text'] = v.replace(/[A-Z][A-Z0-9_]*/g, (c) => indicatorName(c, locale) + (c.endsWith('_PREV') ? (locale === 'en-US' ? ` (${word(locale, 'previous')})` : `（${word(locale, 'previous')}）`) : ''));
    if (k === 'ruleId' && typeof v === 'string') {
      if (isRuleId(v)) out['text'] = locale === 'en-US' ? RULES[v].textEn : RULES[v].textZh;
    }
  }
  return out;
}

export function isMessageId(id: string): id is MessageId {
  return Object.prototype.hasOwnProperty.call(ZH, id);
}

export function formatMessage(locale: Locale, messageId: MessageId, params: Record<string, string | number>): string {
  const template = TABLES[locale][messageId];
  return interpolate(template, expand(params, locale));
}

export function formatFinding(f: Finding, locale: Locale = 'zh-CN'): string {
  return formatMessage(locale, f.messageId, { nameCode: f.code, ...f.params, name: indicatorName(f.code, locale) });
}

export function formatSkipped(s: Skipped, locale: Locale = 'zh-CN'): string {
  return formatMessage(locale, s.messageId, s.params);
}

/** The suggestion as a person reads it: `24000`, `约65000`, or `留空`. */
export function formatSuggestion(f: Finding, locale: Locale = 'zh-CN'): string | undefined {
  const s = f.suggestion;
  if (!s) return undefined;
  if (s.value === null) return locale === 'en-US' ? '(blank)' : '留空';
  return `${s.approx ? word(locale, 'approx') : ''}${s.value}`;
}

/** The text of a cell note on a flagged cell: message, rule id, suggestion. */
export function noteText(f: Finding, locale: Locale = 'zh-CN'): string {
  const lines = [formatFinding(f, locale), `${word(locale, 'note-rule')}${locale === 'en-US' ? ': ' : '：'}${f.rule}`];
  const s = formatSuggestion(f, locale);
  if (s !== undefined) lines.push(`${word(locale, 'note-suggestion')}${locale === 'en-US' ? ': ' : '：'}${s}`);
  return lines.join('\n');
}

/** Every message id, and both tables, for the parity test that keeps the languages complete. */
export const MESSAGE_IDS = Object.keys(ZH) as MessageId[];
export const MESSAGE_TABLES: Record<Locale, Record<string, string>> = TABLES;
