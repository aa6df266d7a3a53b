/**
 * The wording of findings, in zh-CN and en-US. A finding carries a message id and params;
 * this table turns them into a sentence. `{name}` is always the indicator's name, and any
 * param ending in `Code` also gets a `…Name` companion (`wholeCode` → `{wholeName}`).
 */
import { getCatalog } from '../catalog/catalog';
import { isRuleId, RULES } from '../rules/registry';
import { DISTRICT_MESSAGES } from '../merge/messages';
import type { Finding, Skipped } from '../report/types';
import { interpolate, type Locale } from './locale';

const ZH = {
  'required-blank': '{name}为必填指标，本期未填报',
  'header-blank': '封面未填写{field}',
  'header-name-missing': '找不到封面{field}的单元格：定义名称 {nameCode} 已被删除或指向已删除的工作表',
  'error-value': '{which}为错误值 {error}，不是数字；请改正公式或填入数字',
  'in-merge': '{which}单元格处在合并单元格 {range} 中，数字无法正确读取；请取消合并',
  unit: '填报单位',
  period: '报告期',
  template: '报表类型',
  'name-missing': '找不到{name}的单元格：定义名称 {nameCode} 已被删除或指向已删除的工作表',
  'text-in-number': '{which}填报“{text}”为文字，无法参与求和，请改为数字',
  'text-in-number-suggest': '{which}填报“{text}”为文字，无法参与求和，建议改为 {suggestion}',
  'text-in-number-approx': '{which}填报“{text}”为文字，无法参与求和，建议改为 {suggestion}（原文为约数，请核实准确数字）',
  'empty-symbol': '{which}填报“{text}”为文字符号：无数据请留空，数值为零请填 0',
  negative: '{name}不能为负数（{value}）',
  'not-whole': '{name}应为整数（{value}）',
  'percent-range': '{name}应在 0 至 100 之间（{value}）',
  'part-exceeds': '其中项{name}（{value}）超过了{wholeName}（{whole}）',
  'derived-mismatch': '{name}填报为 {value}，按 {formulaText} 计算应为 {expected}',
  'target-missed': '{name}为 {value}，未达到工作计划目标（{op}{target}）',
  'target-at-least': '不低于',
  'target-equal': '应为',
  'target-at-most': '不高于',
  'rule-failed': '{text}：{lhsText}为 {lhs}，{rhsText}为 {rhs}',
  'half-exceeds-annual': '半年报{name}（{half}）超过了同年年报数值（{annual}）',
  'yoy-change': '{name}同比{direction}{pct}%（上年同期 {previous}，本期 {current}），请核实或填写说明',
  'magnitude-slip': '{name}本期 {current} 是上年同期 {previous} 的 {ratio} 倍，疑似单位或录入错误',
  'pp-move': '{name}较上年同期变动 {pp} 个百分点（{previous}% → {current}%），请核实或填写说明',
  'percent-fraction': '{name}填报为 {current}，疑似把 {proposed}% 录成了小数（Excel 会把输入的“{proposed}%”存为 {current}）',
  'copy-forward': '本表 {count} 项指标与上年同期数值完全相同（占已填 {share}%），疑似沿用上年数据',
  'adverse-move': '{name}同比{direction}{pct}%，与期望方向相反',
  outlier: '{name}本期 {current} 明显偏离历史水平（历史中位数 {median}，稳健 z 值 {z}）',
  'rule-unparsable': '规则 {ruleId} 配置有误（“{source}”第 {at} 个字符无法识别），本次未能执行',
  'rule-unknown-code': '规则 {ruleId} 配置有误（未知指标 {codes}），本次未能执行',
  'no-reference': '未提供同一年度的另一份报表（年报或半年报），未核对半年报与年报的一致性',
  'reference-mismatch': '所给的另一份报表与本报表不是同一单位同一年度的年报与半年报，未核对两者的一致性',
  up: '增长',
  down: '下降',
  increase: '增加',
  decrease: '减少',
  current: '本期',
  previous: '上年同期',
  'note-rule': '规则',
  'note-suggestion': '建议值',
  approx: '约',
  ...DISTRICT_MESSAGES['zh-CN'],
} satisfies Record<string, string>;

/** Every message a finding (or a skipped rule) can carry. */
export type MessageId = keyof typeof ZH;
type Table = Record<MessageId, string>;

const EN: Table = {
  'required-blank': '{name} is required but blank',
  'header-blank': 'The cover lacks the {field}',
  'header-name-missing': 'The cover cell of the {field} cannot be found: the defined name {nameCode} was deleted or points to a deleted sheet',
  'error-value': '{which} is the error value {error}, not a number; correct the formula or type the figure',
  'in-merge': '{which} lies inside the merged range {range} and cannot be read reliably; unmerge it',
  unit: 'reporting unit',
  period: 'period',
  template: 'report type',
  'name-missing': 'The cell of {name} cannot be found: the defined name {nameCode} was deleted or points to a deleted sheet',
  'text-in-number': '{which} "{text}" is text and cannot be summed; type a number',
  'text-in-number-suggest': '{which} "{text}" is text and cannot be summed; suggested figure {suggestion}',
  'text-in-number-approx': '{which} "{text}" is text and cannot be summed; suggested figure {suggestion} (the text is approximate: check the exact figure)',
  'empty-symbol': '{which} "{text}" is a placeholder symbol: leave the cell blank for no data, or type 0',
  negative: '{name} cannot be negative ({value})',
  'not-whole': '{name} must be a whole number ({value})',
  'percent-range': '{name} must be between 0 and 100 ({value})',
  'part-exceeds': 'Breakdown item {name} ({value}) exceeds {wholeName} ({whole})',
  'derived-mismatch': '{name} is reported as {value}, but {formulaText} gives {expected}',
  'target-missed': '{name} is {value}, missing the work-plan target ({op} {target})',
  'target-at-least': 'at least',
  'target-equal': 'equal to',
  'target-at-most': 'at most',
  'rule-failed': '{text}: {lhsText} is {lhs}, {rhsText} is {rhs}',
  'half-exceeds-annual': 'Half-year {name} ({half}) exceeds the annual figure of the same year ({annual})',
  'yoy-change': '{name} {direction} {pct}% year on year ({previous} → {current}); check it or explain',
  'magnitude-slip': '{name} is {current}, {ratio} times last year ({previous}): a unit or typing slip?',
  'pp-move': '{name} moved {pp} percentage points ({previous}% → {current}%); check it or explain',
  'percent-fraction': '{name} is {current}: probably {proposed}% stored as a fraction (Excel stores a typed "{proposed}%" as {current})',
  'copy-forward': '{count} figures of this form equal last year exactly ({share}% of those filled): copied forward?',
  'adverse-move': '{name} {direction} {pct}% year on year, against the desired direction',
  outlier: '{name} ({current}) is far from its history (median {median}, robust z {z})',
  'rule-unparsable': 'Rule {ruleId} is misconfigured ("{source}" cannot be read at character {at}) and was not run',
  'rule-unknown-code': 'Rule {ruleId} is misconfigured (unknown indicator {codes}) and was not run',
  'no-reference': 'The other report of the same year (annual or half-year) was not given: half-year and annual figures were not compared',
  'reference-mismatch': 'The other report given is not the annual or half-year report of the same unit and year: the two were not compared',
  up: 'rose',
  down: 'fell',
  increase: 'up',
  decrease: 'down',
  current: 'This period',
  previous: 'Last year',
  'note-rule': 'Rule',
  'note-suggestion': 'Suggested value',
  approx: 'approx. ',
  ...DISTRICT_MESSAGES['en-US'],
};

const TABLES: Record<Locale, Table> = { 'zh-CN': ZH, 'en-US': EN };

/** A word from the findings table (`up`, `previous`, …). */
export function word(locale: Locale, id: MessageId): string {
  return TABLES[locale][id];
}

/** A form's name in the locale (基本情况 / Basic information). */
export function formName(form: { nameZh: string; nameEn: string }, locale: Locale): string {
  return locale === 'en-US' ? form.nameEn : form.nameZh;
}

/** Indicator name in the locale (the code itself when unknown). */
export function indicatorName(code: string, locale: Locale): string {
  const ind = getCatalog().byCode.get(code.replace(/_PREV$/, ''));
  if (!ind) return code;
  return locale === 'en-US' ? ind.nameEn.replace(/^of which /, '') : ind.nameZh.replace(/^其中：/, '');
}

/** `A / B * 100` as an audit notice writes it: `A ÷ B × 100`. */
function arithmeticWords(expr: string): string {
  return expr.replace(/\s*\*\s*/g, ' × ').replace(/\s*\/\s*/g, ' ÷ ');
}

function expand(params: Record<string, string | number>, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const [k, v] of Object.entries(params)) {
    if (k.endsWith('Code') && typeof v === 'string') out[k.slice(0, -4) + 'Name'] = indicatorName(v, locale);
    // Param values that are message ids (direction words) are translated.
    if ((k === 'direction' || k === 'which' || k === 'field' || k === 'op') && isMessageId(String(v))) out[k] = word(locale, String(v) as MessageId);
    // Expressions over codes read with indicator names.
    if (k.endsWith('Expr') && typeof v === 'string')
      out[k.slice(0, -4) + 'Text'] = arithmeticWords(v).replace(/[A-Z][A-Z0-9_]*/g, (c) => indicatorName(c, locale) + (c.endsWith('_PREV') ? (locale === 'en-US' ? ` (${word(locale, 'previous')})` : `（${word(locale, 'previous')}）`) : ''));
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
