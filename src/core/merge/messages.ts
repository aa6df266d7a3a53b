/**
 * ===== District reports: rule ids, finding messages, error codes and texts (zh-CN, en-US) =====
 * One table for the lead to merge into the rule registry (src/core/rules/registry.ts) and the
 * central locale tables (src/core/i18n). `{name}` is the indicator's name (the renderer below
 * fills it from the catalogue, as the central table does); every other placeholder is a param.
 */
import type { Finding, Severity } from '../report/types';

/** Proposed rule ids, all warnings: see each `why`. */
export const DISTRICT_RULES = {
  D01: {
    severity: 'warning',
    messages: ['district-outlier'],
    textZh: '分地区同比变动异常（Hidiroglou–Berthelot 方法，兼顾变动幅度与规模）',
    textEn: 'A district whose year-on-year change stands out (Hidiroglou–Berthelot: size and change together)',
    why: 'An outlier is a question to the district, not a mistake: it must be explained, not corrected.',
  },
  D02: {
    severity: 'warning',
    messages: ['district-sum-differs', 'district-sum-differs-prev'],
    textZh: '本级报表数与所辖地区合计数不一致（件数须相等，金额在舍入误差内）',
    textEn: "The city's own figure differs from the sum of its districts (counts exactly, amounts within rounding)",
    why: 'The city may count cases handled at city level that no district reports; the difference is explained, or one side is corrected.',
  },
  D03: {
    severity: 'warning',
    messages: ['district-unverified'],
    textZh: '合计中含有审核未通过的地区数据',
    textEn: 'The total includes district figures that failed the check',
    why: 'The error is in the district report and is fixed there; in the total it is a caveat the city states (its 说明 names the district).',
  },
} as const satisfies Record<string, { severity: Severity; messages: readonly string[]; textZh: string; textEn: string; why: string }>;

export type DistrictRuleId = keyof typeof DISTRICT_RULES;

export const DISTRICT_MESSAGES = {
  'zh-CN': {
    'district-outlier': '{unit}的{name}同比变动异常：本期 {current}，上年同期 {previous}（本期为上年的 {ratio} 倍），超出各地区正常范围',
    'district-sum-differs': '{name}本级填报 {value}，所辖 {districts} 个地区合计 {sum}，相差 {diff}',
    'district-sum-differs-prev': '{name}上年同期本级填报 {value}，所辖 {districts} 个地区合计 {sum}，相差 {diff}',
    'district-unverified': '{unit}的{name}审核未通过（{rules}），合计中该地区数据未经核实',
  },
  'en-US': {
    'district-outlier': "{unit}: the year-on-year change of {name} stands out among the districts: {current} this period, {previous} last year ({ratio} times)",
    'district-sum-differs': '{name}: the city reports {value}; its {districts} districts add up to {sum}, a difference of {diff}',
    'district-sum-differs-prev': "{name} last year: the city reports {value}; its {districts} districts add up to {sum}, a difference of {diff}",
    'district-unverified': '{unit}: {name} failed the check ({rules}); its figure in the total is unverified',
  },
} as const;

export type DistrictMessageId = keyof (typeof DISTRICT_MESSAGES)['zh-CN'];

/** A finding of the district checks (rule ids D01–D03 of the registry). */
export type DistrictFinding = Finding;

/** Error codes thrown as AppError by mergeDistricts / reconcile, with their params. */
export const DISTRICT_ERRORS = {
  'zh-CN': {
    'merge-empty': '没有可汇总的报表',
    'merge-mixed-template': '不能汇总不同类型的报表：{fileA} 为{templateNameA}，{fileB} 为{templateNameB}',
    'merge-mixed-period': '不能汇总不同报告期的报表：{fileA} 为 {periodA}，{fileB} 为 {periodB}',
    'merge-duplicate-unit': '填报单位“{unit}”出现两次：{fileA} 与 {fileB}；同一单位只能计入一次',
    /** batchSummary: a file that failed with something other than an AppError. */
    'file-unusable': '无法读取该文件（{message}）',
  },
  'en-US': {
    'merge-empty': 'There are no reports to add up',
    'merge-mixed-template': 'Reports of different types cannot be added up: {fileA}: {templateNameA}; {fileB}: {templateNameB}',
    'merge-mixed-period': 'Reports of different periods cannot be added up: {fileA} is for {periodA}, {fileB} for {periodB}',
    'merge-duplicate-unit': 'The unit “{unit}” appears twice: {fileA} and {fileB}; a unit can be counted only once',
    'file-unusable': 'The file cannot be read ({message})',
  },
} as const;

export type DistrictErrorCode = keyof (typeof DISTRICT_ERRORS)['zh-CN'];

/**
 * The words of the total's 说明 cells and the 分地区对比 sheet live in ./text.ts: only the merge
 * uses them, and kept here they would ride along wherever the error texts above are needed
 * (the pane's startup script).
 */
export { DISTRICT_TEXT } from './text';
