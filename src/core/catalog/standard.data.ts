/**
 * The standard beyond the indicator columns (standard/rules.md): forms, anomaly thresholds and
 * templates. Data only; catalog.ts validates it.
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

/* Audit rules R01–R08 and every other rule id live in the rule registry (src/core/rules/registry.ts). */

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
