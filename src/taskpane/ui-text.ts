/**
 * Every string the pane shows, in both languages, so zh-CN and en-US are one switch and a
 * translator edits one file. Finding messages are not here: they come from src/i18n, already
 * formatted by the caller. Counted phrases are functions because English needs plurals.
 */
import type { Locale } from '../i18n/locale';
import type { Severity } from '../core/report/types';

export type TabId = 'template' | 'check' | 'marks' | 'yoy' | 'summary';
export const TAB_IDS: readonly TabId[] = ['template', 'check', 'marks', 'yoy', 'summary'];

export type PaneMode = 'loading' | 'excel' | 'file';

export interface UiText {
  appTitle: string;
  tabs: Record<TabId, string>;
  /** One line under each tab's heading saying what the tab is for. */
  tabIntro: Record<TabId, string>;
  mode: Record<PaneMode, string>;
  /** Shown in file mode: why there is no workbook connection and what to do instead. */
  fileModeHint: string;
  bannerReady: string;
  bannerNotReady: (errors: number, unexplained: number) => string;
  severity: Record<Severity, string>;
  /** Group heading, e.g. "错误 3". */
  severityGroup: (severity: Severity, count: number) => string;
  findingsLabel: string;
  findingsEmpty: string;
  rule: string;
  cell: string;
  /** Button text for taking the suggested number; value null means "leave blank". */
  adopt: (value: number | null, approx: boolean) => string;
  explain: string;
  explainPlaceholder: string;
  explained: string;
  progress: string;
  progressOf: (done: number, total: number) => string;
  errorTitle: string;
  /** Label before the details line, punctuation included. */
  errorDetails: string;
  /** Plain words for the Office.js error codes a user is likely to meet. */
  officeErrors: Record<string, string>;
  unknownError: string;
}

const zhCN: UiText = {
  appTitle: '司法行政报表助手',
  tabs: { template: '模板', check: '校验', marks: '标记', yoy: '同比', summary: '汇总' },
  tabIntro: {
    template: '新建年报或半年报模板，导入数据或上年报表。',
    check: '按统计制度校验本报表：错误必须改正，警告需改正或填写说明。',
    marks: '在问题单元格上标记颜色和批注，或清除标记。',
    yoy: '与上年同期比较，写入同比公式。',
    summary: '生成给领导看的汇总页和文字说明。',
  },
  mode: { loading: '正在连接 Excel…', excel: 'Excel 工作簿', file: '文件模式' },
  fileModeHint: '未连接到 Excel：可以打开 .xlsx 文件进行校验，结果另存为新文件，原文件不会被修改。',
  bannerReady: '可以报送',
  bannerNotReady: (errors, unexplained) => `不可报送：${errors} 个错误，${unexplained} 个待说明`,
  severity: { error: '错误', warning: '警告', info: '提示' },
  severityGroup: (severity, count) => `${zhCN.severity[severity]} ${count}`,
  findingsLabel: '校验结果',
  findingsEmpty: '暂无需要处理的问题。',
  rule: '规则',
  cell: '单元格',
  adopt: (value, approx) => (value === null ? '采纳建议：留空' : `采纳建议 ${approx ? '约' : ''}${value}`),
  explain: '说明',
  explainPlaceholder: '填写说明，例如“新增调解组织 3 个”',
  explained: '已说明',
  progress: '正在处理…',
  progressOf: (done, total) => `正在处理 ${done}/${total}`,
  errorTitle: '操作没有完成',
  errorDetails: '详细信息：',
  officeErrors: {
    InvalidOperationInCellEditMode: 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。',
    ItemNotFound: '找不到需要的工作表或名称，可能已被删除或改名。',
    AccessDenied: '工作簿受保护或为只读，无法写入。',
    InvalidArgument: '工作簿中的内容不符合要求，无法处理。',
    ApiNotFound: '此版本的 Excel 不支持该功能，请更新 Office 或改用文件模式。',
    GeneralException: 'Excel 暂时无法完成操作，请稍后重试。',
    RequestPayloadSizeLimitExceeded: '一次处理的数据太多，请分批操作。',
  },
  unknownError: '发生了意外错误，请重试。',
};

const enUS: UiText = {
  appTitle: 'Bureau Report Assistant',
  tabs: { template: 'Template', check: 'Check', marks: 'Marks', yoy: 'YoY', summary: 'Summary' },
  tabIntro: {
    template: 'Create an annual or half-year template; import figures or last year’s report.',
    check: 'Check this report against the standard: fix every error; fix or explain every warning.',
    marks: 'Colour and annotate the cells with problems, or clear the marks.',
    yoy: 'Compare with the same period last year and write the year-on-year formulas.',
    summary: 'Build the leadership summary sheet and its narrative.',
  },
  mode: { loading: 'Connecting to Excel…', excel: 'Excel workbook', file: 'File mode' },
  fileModeHint:
    'Not connected to Excel: open an .xlsx file to check it; results are saved as a new file and the original is never changed.',
  bannerReady: 'Ready to submit',
  bannerNotReady: (errors, unexplained) =>
    `Not ready to submit: ${plural(errors, 'error', 'errors')}, ${unexplained} to explain`,
  severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  severityGroup: (severity, count) =>
    `${{ error: 'Errors', warning: 'Warnings', info: 'Notes' }[severity]} ${count}`,
  findingsLabel: 'Findings',
  findingsEmpty: 'Nothing to fix.',
  rule: 'Rule',
  cell: 'Cell',
  adopt: (value, approx) => (value === null ? 'Accept: leave blank' : `Accept ${approx ? '≈' : ''}${value}`),
  explain: 'Explanation',
  explainPlaceholder: 'Explain the figure, e.g. “3 new mediation committees”',
  explained: 'Explained',
  progress: 'Working…',
  progressOf: (done, total) => `Working ${done}/${total}`,
  errorTitle: 'That did not finish',
  errorDetails: 'Details: ',
  officeErrors: {
    InvalidOperationInCellEditMode: 'Excel is editing a cell. Press Enter or Esc to finish, then try again.',
    ItemNotFound: 'A sheet or name the report needs is missing; it may have been deleted or renamed.',
    AccessDenied: 'The workbook is protected or read-only, so it cannot be changed.',
    InvalidArgument: 'Something in the workbook is not in the expected form.',
    ApiNotFound: 'This version of Excel does not support that; update Office or use file mode.',
    GeneralException: 'Excel could not finish just now; try again in a moment.',
    RequestPayloadSizeLimitExceeded: 'Too much data at once; work in smaller parts.',
  },
  unknownError: 'Something unexpected happened; please try again.',
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function uiText(locale: Locale): UiText {
  return locale === 'en-US' ? enUS : zhCN;
}
