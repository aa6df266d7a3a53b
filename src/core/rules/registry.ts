/**
 * The rule registry: one entry per rule id the engine can report. Its family, its severity,
 * the message ids its findings use, the anomaly thresholds it reads, the formulas of an
 * audit rule, and the texts of its row in docs/rules.md all live here and nowhere else: the
 * rule families take their severity from it, the catalogue takes the audit formulas from it,
 * docs/rules.md and the tests' list of ids are derived from it.
 *
 * Adding a coded check (a C07, an A7) is an entry here, its messages in src/core/i18n, and
 * its function in its family's file.
 */
import type { AnomalyThresholds } from '../catalog/schema';
import type { MessageId } from '../i18n/findings';
import type { Severity } from '../report/types';

export type RuleFamilyName = 'catalogue' | 'audit' | 'reference' | 'anomaly' | 'configuration';

export interface RuleEntry {
  family: RuleFamilyName;
  severity: Severity;
  /** Message ids of its findings (and, for R08, of its skipped line). */
  messages: readonly MessageId[];
  /** Anomaly thresholds (template data, per-indicator overrides) it reads. */
  thresholds?: readonly (keyof AnomalyThresholds)[];
  /** Audit rules: comparisons over indicator codes (`A + B = C`; `CODE_PREV` is last year). */
  checks?: readonly string[];
  /** Templates the rule applies to; absent = all. */
  templates?: readonly ('annual' | 'half-year')[];
  /** Its row in docs/rules.md (and the rule's own sentence in audit findings). */
  textZh: string;
  textEn: string;
}

export const RULES = {
  C00: { family: 'catalogue', severity: 'error', messages: ['name-missing'], textZh: '指标的定义名称缺失（被删除，或所在工作表被删除）', textEn: "An indicator's defined name is missing (deleted, or its sheet deleted)" },
  C01: { family: 'catalogue', severity: 'error', messages: ['required-blank'], textZh: '必填指标本期为空', textEn: 'A required figure is blank' },
  C02: { family: 'catalogue', severity: 'error', messages: ['text-in-number', 'text-in-number-suggest', 'empty-symbol'], textZh: '数字单元格中是文本（约2.4万、1,985、１９８５、—），给出建议值', textEn: 'Text in a number cell (约2.4万, 1,985, full-width digits, —); the finding proposes the number' },
  C03: { family: 'catalogue', severity: 'error', messages: ['negative', 'not-whole', 'percent-range'], textZh: '负数、非整数的件数、超过 100 的百分比', textEn: 'A negative figure, a fractional count, a percent over 100' },
  C04: { family: 'catalogue', severity: 'error', messages: ['part-exceeds'], textZh: '其中项超过总数', textEn: 'A breakdown item exceeds its whole' },
  C05: { family: 'catalogue', severity: 'error', messages: ['derived-mismatch'], textZh: '计算指标填入的常数与公式结果不一致（超出舍入误差）', textEn: 'A constant typed over a derived cell disagrees with its formula beyond rounding' },
  C06: { family: 'catalogue', severity: 'warning', messages: ['target-missed'], textZh: '未达到工作计划目标（半年报的流量目标按一半计）', textEn: 'A work-plan target is missed (a flow target is halved in the half-year report)' },
  R01: {
    family: 'audit', severity: 'error', messages: ['rule-failed'],
    checks: ['LA_CASES_CRIMINAL + LA_CASES_CIVIL + LA_CASES_ADMIN = LA_CASES'],
    textZh: '刑事、民事、行政法律援助案件之和应等于案件总数',
    textEn: 'Criminal + civil + administrative legal aid cases must equal the total',
  },
  R02: {
    family: 'audit', severity: 'warning', messages: ['rule-failed'],
    checks: ['LA_CASES_MIGRANT_WAGE + LA_CASES_ELDERLY + LA_CASES_MINOR <= LA_CASES'],
    textZh: '农民工、老年人、未成年人法律援助案件之和一般不超过案件总数',
    textEn: 'Migrant-worker, elderly and minor cases together should not exceed the total',
  },
  R03: {
    family: 'audit', severity: 'error', messages: ['rule-failed'],
    checks: ['AR_CLOSED <= AR_ACCEPTED + AR_CARRYOVER'],
    textZh: '行政复议审结案件不能超过依法受理与上年结转案件之和',
    textEn: 'Reconsideration cases closed cannot exceed cases accepted plus carried over',
  },
  R04: {
    family: 'audit', severity: 'error', messages: ['rule-failed'],
    checks: ['AR_SETTLED + AR_CORRECTED <= AR_CLOSED'],
    textZh: '调解和解与纠错案件之和不能超过审结案件数',
    textEn: 'Settled plus corrected cases cannot exceed cases closed',
  },
  R05: {
    family: 'audit', severity: 'error', messages: ['rule-failed'],
    checks: ['CC_RELEASED <= CC_START + CC_NEW', 'CC_REOFFEND <= CC_START + CC_NEW'],
    textZh: '解除矫正人数、再犯罪人数均不能超过期初在册与新接收人数之和',
    textEn: 'Releases and reoffences cannot exceed persons at start plus newly received',
  },
  R06: {
    family: 'audit', severity: 'warning', messages: ['rule-failed'], templates: ['annual'],
    checks: ['CC_START = CC_END_PREV'],
    textZh: '本年期初在册社区矫正对象应等于上年期末在册人数',
    textEn: "Persons under correction at the start of the year should equal last year's end figure",
  },
  R07: {
    family: 'audit', severity: 'warning', messages: ['rule-failed'],
    checks: ['LAWYERS >= LAW_FIRMS', 'MED_MEDIATORS >= MED_ORGS'],
    textZh: '执业律师不少于律师事务所数，人民调解员不少于调解组织数',
    textEn: 'There should be at least as many lawyers as law firms, and mediators as mediation organisations',
  },
  R08: {
    family: 'reference', severity: 'error', messages: ['half-exceeds-annual', 'no-reference', 'reference-mismatch'],
    textZh: '同一年度半年报的流量指标不能超过年报数值',
    textEn: 'A half-year flow figure cannot exceed the annual figure of the same year',
  },
  A1: { family: 'anomaly', severity: 'warning', messages: ['yoy-change'], thresholds: ['a1ChangePct', 'a1MinBase'], textZh: '件数或金额同比变动超过 50%（上年不少于 20 时）', textEn: 'A count or amount changes by more than 50% year on year (previous value at least 20)' },
  A2: { family: 'anomaly', severity: 'warning', messages: ['magnitude-slip'], thresholds: ['a2Ratio'], textZh: '本期是上年的 8 倍以上或 1/8 以下：疑似单位或录入错误', textEn: 'Current at least 8 times or at most 1/8 of last year: a unit or typing slip' },
  A3: { family: 'anomaly', severity: 'warning', messages: ['pp-move', 'percent-fraction'], thresholds: ['a3PercentPoints'], textZh: '百分比指标变动超过 20 个百分点（像是把 98.6% 存成了 0.986 时，给出建议值）', textEn: 'A percent indicator moves by more than 20 percentage points (when it looks like 98.6% stored as 0.986, the figure is proposed)' },
  A4: { family: 'anomaly', severity: 'warning', messages: ['copy-forward'], thresholds: ['a4MinEqual', 'a4MinShare'], textZh: '同一表中至少 5 项且不少于一半的非零指标与上年完全相同：疑似沿用上年数据', textEn: 'In one form, at least 5 non-zero figures (and half of those filled) equal last year: copied forward' },
  A5: { family: 'anomaly', severity: 'info', messages: ['adverse-move'], thresholds: ['a5ChangePct'], textZh: '指标向不利方向变动超过 20%', textEn: 'A figure moves more than 20% against its desired direction' },
  A6: { family: 'anomaly', severity: 'warning', messages: ['outlier'], thresholds: ['a6MinHistory', 'a6Z'], textZh: '有 3 期以上历史数据时，稳健 z 值（中位数与 MAD）超过 3.5', textEn: 'With three or more earlier periods, a robust z-score (median and MAD) above 3.5' },
  CFG: { family: 'configuration', severity: 'warning', messages: ['rule-malformed'], textZh: '模板数据中的规则无法解析或引用了未知指标，未执行', textEn: 'A rule in the template data does not parse or names an unknown code; it was not run' },
} as const satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function ruleEntry(id: RuleId): RuleEntry {
  return RULES[id];
}

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}
