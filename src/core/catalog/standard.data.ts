/**
 * The standard beyond the indicator columns (standard/rules.md): forms, audit rules,
 * anomaly thresholds and templates. Data only; catalog.ts validates it.
 */

export const FORMS = [
  { id: 'JS00', nameZh: '基本情况', nameEn: 'Basic information', sheetZh: 'JS00 基本情况', sheetEn: 'JS00 Basics' },
  { id: 'JS01', nameZh: '法律援助工作情况', nameEn: 'Legal aid', sheetZh: 'JS01 法律援助', sheetEn: 'JS01 Legal aid' },
  { id: 'JS02', nameZh: '公共法律服务工作情况', nameEn: 'Public legal services', sheetZh: 'JS02 公共法律服务', sheetEn: 'JS02 Legal services' },
  { id: 'JS03', nameZh: '人民调解工作情况', nameEn: "People's mediation", sheetZh: 'JS03 人民调解', sheetEn: 'JS03 Mediation' },
  { id: 'JS04', nameZh: '行政复议与行政应诉工作情况', nameEn: 'Administrative reconsideration and litigation', sheetZh: 'JS04 行政复议与应诉', sheetEn: 'JS04 Reconsideration' },
  { id: 'JS05', nameZh: '法治政府建设与行政执法监督情况', nameEn: 'Law-based government and enforcement supervision', sheetZh: 'JS05 法治政府建设', sheetEn: 'JS05 Law-based govt' },
  { id: 'JS06', nameZh: '普法与依法治理工作情况', nameEn: 'Legal awareness', sheetZh: 'JS06 普法与依法治理', sheetEn: 'JS06 Legal awareness' },
  { id: 'JS07', nameZh: '社区矫正与安置帮教工作情况', nameEn: 'Community corrections and resettlement', sheetZh: 'JS07 社区矫正与安置帮教', sheetEn: 'JS07 Corrections' },
];

export const AUDIT_RULES = [
  {
    id: 'R01', severity: 'error',
    checks: ['LA_CASES_CRIMINAL + LA_CASES_CIVIL + LA_CASES_ADMIN = LA_CASES'],
    textZh: '刑事、民事、行政法律援助案件之和应等于案件总数',
    textEn: 'Criminal + civil + administrative legal aid cases must equal the total',
  },
  {
    id: 'R02', severity: 'warning',
    checks: ['LA_CASES_MIGRANT_WAGE + LA_CASES_ELDERLY + LA_CASES_MINOR <= LA_CASES'],
    textZh: '农民工、老年人、未成年人法律援助案件之和一般不超过案件总数',
    textEn: 'Migrant-worker, elderly and minor cases together should not exceed the total',
  },
  {
    id: 'R03', severity: 'error',
    checks: ['AR_CLOSED <= AR_ACCEPTED + AR_CARRYOVER'],
    textZh: '行政复议审结案件不能超过依法受理与上年结转案件之和',
    textEn: 'Reconsideration cases closed cannot exceed cases accepted plus carried over',
  },
  {
    id: 'R04', severity: 'error',
    checks: ['AR_SETTLED + AR_CORRECTED <= AR_CLOSED'],
    textZh: '调解和解与纠错案件之和不能超过审结案件数',
    textEn: 'Settled plus corrected cases cannot exceed cases closed',
  },
  {
    id: 'R05', severity: 'error',
    checks: ['CC_RELEASED <= CC_START + CC_NEW', 'CC_REOFFEND <= CC_START + CC_NEW'],
    textZh: '解除矫正人数、再犯罪人数均不能超过期初在册与新接收人数之和',
    textEn: 'Releases and reoffences cannot exceed persons at start plus newly received',
  },
  {
    id: 'R06', severity: 'warning', templates: ['annual'],
    checks: ['CC_START = CC_END_PREV'],
    textZh: '本年期初在册社区矫正对象应等于上年期末在册人数',
    textEn: "Persons under correction at the start of the year should equal last year's end figure",
  },
  {
    id: 'R07', severity: 'warning',
    checks: ['LAWYERS >= LAW_FIRMS', 'MED_MEDIATORS >= MED_ORGS'],
    textZh: '执业律师不少于律师事务所数，人民调解员不少于调解组织数',
    textEn: 'There should be at least as many lawyers as law firms, and mediators as mediation organisations',
  },
];

/** R08 compares two reports, so it is not a formula; its text lives here with the others. */
export const R08 = {
  id: 'R08',
  severity: 'error',
  textZh: '同一年度半年报的流量指标不能超过年报数值',
  textEn: 'A half-year flow figure cannot exceed the annual figure of the same year',
} as const;

/**
 * Every rule id the engine reports, with its wording, for the generated docs/rules.md.
 * The formulas of R01–R07 live in AUDIT_RULES; the thresholds of A1–A6 in TEMPLATES.
 */
export const RULE_DOCS = [
  { id: 'C00', severity: 'error', family: 'catalogue', textZh: '指标的定义名称缺失（被删除，或所在工作表被删除）', textEn: "An indicator's defined name is missing (deleted, or its sheet deleted)" },
  { id: 'C01', severity: 'error', family: 'catalogue', textZh: '必填指标本期为空', textEn: 'A required figure is blank' },
  { id: 'C02', severity: 'error', family: 'catalogue', textZh: '数字单元格中是文本（约2.4万、1,985、１９８５、—），给出建议值', textEn: 'Text in a number cell (约2.4万, 1,985, full-width digits, —); the finding proposes the number' },
  { id: 'C03', severity: 'error', family: 'catalogue', textZh: '负数、非整数的件数、超过 100 的百分比', textEn: 'A negative figure, a fractional count, a percent over 100' },
  { id: 'C04', severity: 'error', family: 'catalogue', textZh: '其中项超过总数', textEn: 'A breakdown item exceeds its whole' },
  { id: 'C05', severity: 'error', family: 'catalogue', textZh: '计算指标填入的常数与公式结果不一致（超出舍入误差）', textEn: 'A constant typed over a derived cell disagrees with its formula beyond rounding' },
  { id: 'C06', severity: 'warning', family: 'catalogue', textZh: '未达到工作计划目标（半年报的流量目标按一半计）', textEn: 'A work-plan target is missed (a flow target is halved in the half-year report)' },
  { id: 'A1', severity: 'warning', family: 'anomaly', textZh: '件数或金额同比变动超过 50%（上年不少于 20 时）', textEn: 'A count or amount changes by more than 50% year on year (previous value at least 20)' },
  { id: 'A2', severity: 'warning', family: 'anomaly', textZh: '本期是上年的 8 倍以上或 1/8 以下：疑似单位或录入错误', textEn: 'Current at least 8 times or at most 1/8 of last year: a unit or typing slip' },
  { id: 'A3', severity: 'warning', family: 'anomaly', textZh: '百分比指标变动超过 20 个百分点（像是把 98.6% 存成了 0.986 时，给出建议值）', textEn: 'A percent indicator moves by more than 20 percentage points (when it looks like 98.6% stored as 0.986, the figure is proposed)' },
  { id: 'A4', severity: 'warning', family: 'anomaly', textZh: '同一表中至少 5 项且不少于一半的非零指标与上年完全相同：疑似沿用上年数据', textEn: 'In one form, at least 5 non-zero figures (and half of those filled) equal last year: copied forward' },
  { id: 'A5', severity: 'info', family: 'anomaly', textZh: '指标向不利方向变动超过 20%', textEn: 'A figure moves more than 20% against its desired direction' },
  { id: 'A6', severity: 'warning', family: 'anomaly', textZh: '有 3 期以上历史数据时，稳健 z 值（中位数与 MAD）超过 3.5', textEn: 'With three or more earlier periods, a robust z-score (median and MAD) above 3.5' },
  { id: 'CFG', severity: 'warning', family: 'configuration', textZh: '模板数据中的规则无法解析或引用了未知指标，未执行', textEn: 'A rule in the template data does not parse or names an unknown code; it was not run' },
];

/** Indicators that are levels at a date, not counts over the period (no pro-rata, no R08). */
export const STOCK_INDICATORS = [
  'BASE_POP', 'BASE_JUSTICE_OFFICES', 'BASE_PLS_PLATFORMS',
  'LAW_FIRMS', 'LAWYERS',
  'MED_ORGS', 'MED_ORGS_SPECIAL', 'MED_MEDIATORS', 'MED_CENTERS',
  'AR_CARRYOVER',
  'CC_START', 'CC_END',
];

const ANOMALY = {
  a1ChangePct: 50, a1MinBase: 20,
  a2Ratio: 8,
  a3PercentPoints: 20,
  a4MinEqual: 5, a4MinShare: 0.5,
  a5ChangePct: 20,
  a6MinHistory: 3, a6Z: 3.5,
};

const ALL_FORMS = FORMS.map((f) => f.id);

export const TEMPLATES = [
  {
    id: 'annual', nameZh: '年报', nameEn: 'Annual report',
    periodWordZh: '全年', periodWordEn: 'in the year',
    periodPattern: /^(19|20)\d\d$/,
    flowTargetShare: 1,
    forms: ALL_FORMS, anomaly: ANOMALY, overrides: {},
  },
  {
    id: 'half-year', nameZh: '半年报', nameEn: 'Half-year report',
    periodWordZh: '上半年', periodWordEn: 'in the first half',
    periodPattern: /^(19|20)\d\dH1$/,
    flowTargetShare: 0.5,
    forms: ALL_FORMS, anomaly: ANOMALY, overrides: {},
  },
];
