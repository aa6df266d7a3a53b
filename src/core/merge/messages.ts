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

/** Words used in the total's 说明 cells and the 分地区对比 sheet. */
export const DISTRICT_TEXT = {
  'zh-CN': {
    sep: '；',
    list: '、',
    unitNote: (unit: string, text: string) => `${unit}：${text}`,
    unverified: (units: string) => `以下地区数据审核未通过、未经核实：${units}`,
    unreported: (units: string) => `以下地区未填报，未计入合计：${units}`,
    range: (lo: string, hi: string) => `${lo}%–${hi}%（各地区，未加权）`,
    rangeOne: (v: string) => `${v}%（仅一个地区填报）`,
    fillOwn: '合计数不由各地区相加得出，请按本级数据填报',
    sheet: '分地区对比',
    title: (period: string) => `分地区主要指标对比（${period}）`,
    unit: '地区',
    file: '文件',
    status: '审核',
    passed: '通过',
    errors: (n: number) => `错误 ${n} 处`,
    unusable: '无法读取',
    yoy: '同比',
    flagged: '异常指标',
    total: '合计',
    legend: (n: number) =>
      `注：底色标出的为同比变动异常的数值（Hidiroglou–Berthelot 方法，兼顾变动幅度与地区规模；至少 ${n} 个地区本期与上年同期均大于 0 时才判断）。同比为本期比上年同期增减的百分比，百分比指标为增减的百分点。`,
    pp: '个百分点',
  },
  'en-US': {
    sep: '; ',
    list: ', ',
    unitNote: (unit: string, text: string) => `${unit}: ${text}`,
    unverified: (units: string) => `Figures of these districts failed the check and are unverified: ${units}`,
    unreported: (units: string) => `Not reported by, and not included for: ${units}`,
    range: (lo: string, hi: string) => `${lo}%–${hi}% (districts, unweighted)`,
    rangeOne: (v: string) => `${v}% (one district only)`,
    fillOwn: 'the total is not the sum of the districts; fill in the figure from your own records',
    sheet: 'By district',
    title: (period: string) => `Key indicators by district (${period})`,
    unit: 'District',
    file: 'File',
    status: 'Check',
    passed: 'Passed',
    errors: (n: number) => `${n} error${n === 1 ? '' : 's'}`,
    unusable: 'Unreadable',
    yoy: 'YoY',
    flagged: 'Outliers',
    total: 'Total',
    legend: (n: number) =>
      `Note: shaded figures are year-on-year outliers (Hidiroglou–Berthelot: size and change together; judged only when at least ${n} districts have both figures above 0). YoY is the change on last year in percent; for percent indicators, in percentage points.`,
    pp: ' pp',
  },
} as const;

