/**
 * Words used in the total's 说明 cells and the 分地区对比 sheet (zh-CN, en-US). A module of its
 * own, apart from the finding messages and error texts of ./messages.ts: those are needed
 * wherever findings and errors are shown, these only where districts are added up.
 */
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

