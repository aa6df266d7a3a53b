/**
 * Every string the pane shows, in both languages, so zh-CN and en-US are one switch and a
 * translator edits one file. Finding messages are not here: they come from src/i18n, already
 * formatted by the caller. Counted phrases are functions because English needs plurals.
 */
import type { Locale, Severity } from '../core';

export type TabId = 'template' | 'check' | 'marks' | 'yoy' | 'summary' | 'districts';
export const TAB_IDS: readonly TabId[] = ['template', 'check', 'marks', 'yoy', 'summary', 'districts'];

export type PaneMode = 'loading' | 'excel' | 'file';

/** Actions long enough to show progress for; each has its own progress label. */
export type BusyAction =
  | 'open'
  | 'check'
  | 'mark'
  | 'clear'
  | 'accept'
  | 'explain'
  | 'select'
  | 'template'
  | 'previous'
  | 'yoy'
  | 'summary'
  | 'flagged'
  | 'summaryXlsx'
  | 'docx'
  | 'clean'
  | 'undo'
  | 'reference';

/** The header's language switch: each language named in itself, in the same order in both. */
export const LOCALE_NAMES: ReadonlyArray<readonly [Locale, string]> = [
  ['zh-CN', '中文'],
  ['en-US', 'English'],
];

export interface UiText {
  /** The language switch's name for screen readers. */
  languageSwitch: string;
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
  /** Button text for putting a derived cell's formula back (its result shown). */
  adoptFormula: (value: number | null) => string;
  /** The open report, named: unit (or that it is blank), period, template. */
  title: (unit: string, period: string, template: string) => string;
  unitBlank: string;
  /** Excel: ready, but the workbook still carries marks. */
  clearBeforeSubmit: string;
  /** Rules that did not run, one line each. */
  notRun: (reason: string) => string;
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
  /** Words for the pane's own failures and for the typed errors of the hosts and the core. */
  errors: {
    noFile: string;
    /** en-US words for XlsxInputError reasons (the zh-CN text comes with the error itself). */
    badPeriod: (template: string, example: string) => string;
    loadFailed: string;
  };
  /** Button and field labels, by what they do. */
  actions: {
    check: string;
    recheck: string;
    liveCheck: string;
    mark: string;
    clearMarks: string;
    downloadFlagged: string;
    insertTemplate: string;
    downloadTemplate: string;
    choosePrevious: string;
    rewriteYoy: string;
    buildSummary: string;
    downloadSummary: string;
    downloadDocx: string;
    chooseFile: string;
    downloadClean: string;
    undo: string;
    chooseReference: string;
    clearReference: string;
    confirmOpen: string;
    cancelOpen: string;
    downloadCleanFirst: string;
  };
  /** The list of changes made in the pane, each with an undo. */
  changes: {
    title: string;
    hint: string;
    accepted: (cell: string, from: string, to: string) => string;
    formula: (cell: string, value: string) => string;
    previous: (file: string, count: number) => string;
  };
  reference: {
    hint: string;
    current: (name: string) => string;
  };
  /** A file chosen while the open one has changes not yet downloaded. */
  unsaved: (file: string, next: string) => string;
  busy: Record<BusyAction, string>;
  fileZone: {
    title: string;
    hint: string;
    current: (name: string) => string;
    dropHere: string;
  };
  needFile: string;
  notChecked: string;
  template: {
    kind: string;
    unit: string;
    unitPlaceholder: string;
    period: string;
    periodHint: string;
  };
  yoy: {
    previousHint: string;
    rewriteHint: string;
  };
  summary: {
    hint: string;
    downloadsHint: string;
  };
  marks: {
    hint: string;
    fileHint: string;
  };
  notices: {
    marked: (cells: number) => string;
    markedNoNotes: (cells: number) => string;
    markedNoColors: string;
    markedFile: (cells: number) => string;
    cleared: (marks: number) => string;
    liveOn: string;
    liveOff: string;
    liveUnavailable: string;
    clearedFile: string;
    accepted: (cell: string, value: string) => string;
    explained: string;
    explanationCleared: string;
    explanationsKept: (count: number) => string;
    templateInserted: (name: string) => string;
    templateDownloaded: (file: string) => string;
    previousFilled: (count: number, file: string) => string;
    yoyWritten: (count: number) => string;
    summaryAdded: (chart: boolean) => string;
    summaryReadyFile: string;
    downloaded: (file: string) => string;
    downloadedClean: (file: string) => string;
    skipped: (what: string) => string;
    formulaRestored: (cell: string, value: string) => string;
    undone: (what: string) => string;
    referenceSet: (file: string) => string;
    staleMarksRemoved: string;
  };
  chart: { title: string; series: string };
  fileNames: {
    flagged: (stem: string) => string;
    clean: (stem: string) => string;
    summary: (stem: string) => string;
    docx: (stem: string) => string;
    template: (name: string, period: string) => string;
  };
}

const zhCN: UiText = {
  languageSwitch: '界面语言 Language',
  appTitle: '司法行政报表助手',
  tabs: { template: '模板', check: '校验', marks: '标记', yoy: '同比', summary: '领导参阅', districts: '下级汇总' },
  tabIntro: {
    template: '新建年报或半年报模板：在 Excel 中插入当前工作簿，在文件模式下下载空白模板。',
    check: '按统计制度校验本报表：错误必须改正，警告需改正或填写说明。',
    marks: '在问题单元格上标记颜色和批注，或清除标记。',
    yoy: '与上年同期比较，写入同比公式。',
    summary: '生成“领导参阅”：主要指标、目标完成情况、同比变化和文字说明。',
    districts: '汇总下级报表：逐个校验各地区报表，生成合计表和分地区对比，并与本级报表核对。',
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
  adopt: (value) => (value === null ? '采纳建议：留空' : `改为 ${value}`),
  adoptFormula: (value) => (value === null ? '恢复计算公式' : `恢复计算公式（得 ${value}）`),
  title: (unit, period, template) => [unit || `（${zhCN.unitBlank}）`, period, template].filter(Boolean).join(' · '),
  unitBlank: '填报单位未填',
  clearBeforeSubmit: '报送前请在“标记”页点“清除标记”，去掉颜色、批注和问题清单后保存。',
  notRun: (reason) => reason, // the reason already says what was not compared
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
  errors: {
    noFile: '请先打开要处理的 .xlsx 文件。',
    badPeriod: (template, example) => `报告期格式不对：${template}请填写如 ${example} 的报告期。`,
    loadFailed: '助手的部分组件没有加载成功，请检查网络连接后重试。',
  },
  actions: {
    check: '校验',
    recheck: '重新校验',
    liveCheck: '单元格改动后自动重新校验',
    mark: '标记问题单元格',
    clearMarks: '清除标记',
    downloadFlagged: '下载标记副本',
    insertTemplate: '插入模板',
    downloadTemplate: '下载空白模板',
    choosePrevious: '选择上年报表并填入',
    rewriteYoy: '重写同比公式',
    buildSummary: '生成领导参阅',
    downloadSummary: '下载领导参阅（.xlsx）',
    downloadDocx: '下载 Word 文稿（.docx）',
    chooseFile: '选择文件',
    downloadClean: '下载报送文件',
    undo: '撤销',
    chooseReference: '选择同年另一份报表',
    clearReference: '不用这份报表',
    confirmOpen: '放弃修改，打开新文件',
    cancelOpen: '继续处理当前文件',
    downloadCleanFirst: '先下载报送文件',
  },
  changes: {
    title: '本次修改',
    hint: '撤销会把单元格恢复为修改前的内容。',
    accepted: (cell, from, to) => `${cell}：${from ? `“${from}”` : '空白'} 改为 ${to || '空白'}`,
    formula: (cell, value) => `${cell}：恢复计算公式${value ? `（得 ${value}）` : ''}`,
    previous: (file, count) => `上年同期数：从“${file}”填入 ${count} 项，并写入同比公式`,
  },
  reference: {
    hint: '年报与半年报的一致性核对需要同一年度的另一份报表（年报配半年报，半年报配年报）。',
    current: (name) => `另一份报表：${name}`,
  },
  unsaved: (file, next) => `“${file}”中有尚未下载的修改（采纳的数字、填写的说明）。打开“${next}”会丢弃这些修改。`,
  busy: {
    open: '正在读取文件…',
    check: '正在校验…',
    mark: '正在标记…',
    clear: '正在清除标记…',
    accept: '正在写入建议值…',
    explain: '正在写入说明…',
    select: '正在定位单元格…',
    template: '正在生成模板…',
    previous: '正在读取上年报表…',
    yoy: '正在写入同比公式…',
    summary: '正在生成领导参阅…',
    flagged: '正在生成标记副本…',
    summaryXlsx: '正在生成领导参阅工作簿…',
    docx: '正在生成 Word 文稿…',
    clean: '正在生成报送文件…',
    undo: '正在撤销…',
    reference: '正在读取另一份报表…',
  },
  fileZone: {
    title: '打开或拖入 .xlsx 报表',
    hint: '文件只在本机浏览器中处理，不会上传。',
    current: (name) => `当前文件：${name}`,
    dropHere: '松开鼠标即可打开',
  },
  needFile: '请先打开要校验的 .xlsx 文件。',
  notChecked: '尚未校验。点击“校验”开始。',
  template: {
    kind: '报表类型',
    unit: '填报单位',
    unitPlaceholder: '例如：某某市司法局',
    period: '报告期',
    periodHint: '填年份即可，如 2025；半年报也可填“2025年上半年”',
  },
  yoy: {
    previousHint: '选择上年同期的报表（.xlsx），把它的本期数填入本表的“上年同期”列，并写入同比公式。',
    rewriteHint: '增减量和同比两列被改动或删除时，可重新写入公式。',
  },
  summary: {
    hint: '根据校验结果和主要指标生成“领导参阅”页。',
    downloadsHint: '可下载带“领导参阅”工作表的工作簿，或 Word 文稿。',
  },
  marks: {
    hint: '为有问题的单元格加上颜色和批注，并生成“问题清单”工作表；清除标记不会改动数据和原有格式。',
    fileHint: '文件模式下，标记只写在下载的“标记副本”中，便于核对；“报送文件”不带任何标记和问题清单，用于报送。原文件不会被修改。',
  },
  notices: {
    marked: (cells) => `已标记 ${cells} 个单元格，问题明细见“问题清单”工作表。`,
    markedNoNotes: (cells) => `已标记 ${cells} 个单元格。此版本的 Excel 不支持批注，问题说明见“问题清单”工作表。`,
    markedNoColors: '此版本的 Excel 不能为单元格标记颜色，问题明细见“问题清单”工作表。',
    markedFile: (cells) => `已在副本中标记 ${cells} 个单元格，并附“问题清单”工作表。`,
    cleared: (marks) => (marks === 0 ? '没有需要清除的标记。' : `已清除 ${marks} 处标记。`),
    liveOn: '已开启：报表单元格改动后会自动重新校验。',
    liveOff: '已关闭自动重新校验。',
    liveUnavailable: '这个版本的 Excel 不支持自动重新校验（需要 ExcelApi 1.7），请改动后点“校验”。',
    clearedFile: '已取消标记，下载的副本将不带标记。',
    accepted: (cell, value) => `已将 ${cell} 改为 ${value}。`,
    explained: '已写入说明。',
    explanationCleared: '已清除说明。',
    explanationsKept: (count) => `已填写 ${count} 条说明，下载的副本中会带上这些说明。`,
    templateInserted: (name) => `已插入${name}模板。`,
    templateDownloaded: (file) => `已生成模板 ${file}。`,
    previousFilled: (count, file) => `已从“${file}”填入上年同期数 ${count} 项，并写入同比公式。`,
    yoyWritten: (count) => `已写入 ${count} 个增减量和同比公式。`,
    summaryAdded: (chart) => (chart ? '已生成“领导参阅”工作表和同比图表。' : '已生成“领导参阅”工作表。'),
    summaryReadyFile: '领导参阅已生成，可以下载。',
    downloaded: (file) => `已下载 ${file}。`,
    downloadedClean: (file) => `已下载报送文件 ${file}：含采纳的数字和填写的说明，不带标记和问题清单。`,
    skipped: (what) => `此版本的 Excel 不支持部分格式，已略过（${what}）；数据和公式不受影响。`,
    formulaRestored: (cell, value) => `已恢复 ${cell} 的计算公式${value ? `，结果为 ${value}` : ''}。`,
    undone: (what) => `已撤销：${what}。`,
    referenceSet: (file) => `已用“${file}”核对年报与半年报的一致性。`,
    staleMarksRemoved: '这是一份标记副本：旧标记已去掉，页面按本次校验的结果显示问题。',
  },
  chart: { title: '主要指标同比增减', series: '同比' },
  fileNames: {
    flagged: (stem) => `${stem}-已标记.xlsx`,
    clean: (stem) => `${stem}-报送.xlsx`,
    summary: (stem) => `${stem}-领导参阅.xlsx`,
    docx: (stem) => `${stem}-领导参阅.docx`,
    template: (name, period) => `${name}模板-${period}.xlsx`,
  },
};

const enUS: UiText = {
  languageSwitch: 'Language 界面语言',
  appTitle: 'Bureau Report Assistant',
  tabs: { template: 'Template', check: 'Check', marks: 'Marks', yoy: 'YoY', summary: 'For leaders', districts: 'Districts' },
  tabIntro: {
    template: 'Create an annual or half-year template: inserted into this workbook in Excel, downloaded in file mode.',
    check: 'Check this report against the standard: fix every error; fix or explain every warning.',
    marks: 'Colour and annotate the cells with problems, or clear the marks.',
    yoy: 'Compare with the same period last year and write the year-on-year formulas.',
    summary: 'Build the leadership summary: key figures, targets, changes on last year and a narrative.',
    districts: 'Add up the district reports: check each, build the total and the by-district sheet, reconcile with the city report.',
  },
  mode: { loading: 'Connecting to Excel…', excel: 'Excel workbook', file: 'File mode' },
  fileModeHint:
    'Not connected to Excel: open an .xlsx file to check it; results are saved as a new file and the original is never changed.',
  bannerReady: 'Ready to submit',
  bannerNotReady: (errors, unexplained) =>
    `Not ready to submit: ${plural(errors, 'error', 'errors')}, ${unexplained} to explain`,
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  severityGroup: (severity, count) =>
    `${{ error: 'Errors', warning: 'Warnings', info: 'Info' }[severity]} ${count}`,
  findingsLabel: 'Findings',
  findingsEmpty: 'Nothing to fix.',
  rule: 'Rule',
  cell: 'Cell',
  adopt: (value) => (value === null ? 'Accept: leave blank' : `Change to ${value}`),
  adoptFormula: (value) => (value === null ? 'Restore the formula' : `Restore the formula (gives ${value})`),
  title: (unit, period, template) => [unit || `(${enUS.unitBlank.toLowerCase()})`, period, template].filter(Boolean).join(' · '),
  unitBlank: 'Reporting unit blank',
  clearBeforeSubmit: 'Before submitting, press Clear flags on the Marks tab to remove the colours, notes and findings sheet, then save.',
  notRun: (reason) => reason,
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
  errors: {
    noFile: 'Open the .xlsx file to work on first.',
    badPeriod: (template, example) => `The period is not in the right form: for the ${template}, write a period like ${example}.`,
    loadFailed: 'Part of the assistant did not load. Check the network connection and try again.',
  },
  actions: {
    check: 'Check',
    recheck: 'Check again',
    liveCheck: 'Re-check when a cell changes',
    mark: 'Flag problem cells',
    clearMarks: 'Clear flags',
    downloadFlagged: 'Download flagged copy',
    insertTemplate: 'Insert template',
    downloadTemplate: 'Download blank template',
    choosePrevious: 'Choose last year’s report and fill in',
    rewriteYoy: 'Rewrite YoY formulas',
    buildSummary: 'Build leadership summary',
    downloadSummary: 'Download summary (.xlsx)',
    downloadDocx: 'Download Word document (.docx)',
    chooseFile: 'Choose file',
    downloadClean: 'Download file to submit',
    undo: 'Undo',
    chooseReference: 'Choose the other report of the year',
    clearReference: 'Do not use it',
    confirmOpen: 'Discard changes and open',
    cancelOpen: 'Keep working on this file',
    downloadCleanFirst: 'Download the file to submit first',
  },
  changes: {
    title: 'Changes made here',
    hint: 'Undo puts the cells back as they were.',
    accepted: (cell, from, to) => `${cell}: ${from ? `“${from}”` : 'blank'} changed to ${to || 'blank'}`,
    formula: (cell, value) => `${cell}: formula restored${value ? ` (gives ${value})` : ''}`,
    previous: (file, count) => `Last year’s figures: ${plural(count, 'figure', 'figures')} from “${file}”, with the YoY formulas`,
  },
  reference: {
    hint: 'Comparing the annual and half-year reports needs the other report of the same year (the half-year one for an annual report, and the reverse).',
    current: (name) => `Other report: ${name}`,
  },
  unsaved: (file, next) => `“${file}” has changes not yet downloaded (accepted figures, explanations). Opening “${next}” discards them.`,
  busy: {
    open: 'Reading the file…',
    check: 'Checking…',
    mark: 'Flagging…',
    clear: 'Clearing flags…',
    accept: 'Writing the suggested value…',
    explain: 'Writing the explanation…',
    select: 'Going to the cell…',
    template: 'Building the template…',
    previous: 'Reading last year’s report…',
    yoy: 'Writing YoY formulas…',
    summary: 'Building the summary…',
    flagged: 'Building the flagged copy…',
    summaryXlsx: 'Building the summary workbook…',
    docx: 'Building the Word document…',
    clean: 'Building the file to submit…',
    undo: 'Undoing…',
    reference: 'Reading the other report…',
  },
  fileZone: {
    title: 'Open or drop an .xlsx report',
    hint: 'The file is processed in this browser only; it is not uploaded.',
    current: (name) => `Current file: ${name}`,
    dropHere: 'Drop to open',
  },
  needFile: 'Open the .xlsx file to check first.',
  notChecked: 'Not checked yet. Press Check to start.',
  template: {
    kind: 'Report',
    unit: 'Reporting unit',
    unitPlaceholder: 'e.g. City Justice Bureau',
    period: 'Period',
    periodHint: 'The year is enough, e.g. 2025 (a half-year report also takes 2025H1)',
  },
  yoy: {
    previousHint:
      'Choose last year’s report for the same period (.xlsx): its figures go into this report’s “last year” column and the YoY formulas are written.',
    rewriteHint: 'If the change and YoY columns were edited or deleted, write their formulas again.',
  },
  summary: {
    hint: 'Build the leadership summary page from the check and the key indicators.',
    downloadsHint: 'The summary comes as a workbook sheet and as a Word document.',
  },
  marks: {
    hint: 'Colour and annotate the cells with problems and add a Findings sheet; clearing the flags leaves data and formatting as they were.',
    fileHint: 'In file mode flags go only into the downloaded flagged copy, for checking; the file to submit has no flags and no findings sheet. The original file is never changed.',
  },
  notices: {
    marked: (cells) => `Flagged ${plural(cells, 'cell', 'cells')}; the details are on the 问题清单 (Findings) sheet.`,
    markedNoNotes: (cells) =>
      `Flagged ${plural(cells, 'cell', 'cells')}. This Excel has no notes, so the reasons are on the 问题清单 (Findings) sheet.`,
    markedNoColors: 'This Excel cannot colour cells; the problems are listed on the 问题清单 (Findings) sheet.',
    markedFile: (cells) => `Flagged ${plural(cells, 'cell', 'cells')} in the copy, with a Findings sheet.`,
    cleared: (marks) => (marks === 0 ? 'There were no flags to clear.' : `Cleared ${plural(marks, 'flag', 'flags')}.`),
    liveOn: 'On: the report is checked again whenever one of its cells changes.',
    liveOff: 'Automatic re-check is off.',
    liveUnavailable: 'This Excel cannot re-check automatically (it needs ExcelApi 1.7); press Check after a change.',
    clearedFile: 'Flags removed; the downloaded copy will have none.',
    accepted: (cell, value) => `${cell} is now ${value}.`,
    explained: 'Explanation written.',
    explanationCleared: 'Explanation removed.',
    explanationsKept: (count) => `${plural(count, 'explanation', 'explanations')} typed; the downloaded copy carries them.`,
    templateInserted: (name) => `Inserted the ${name} template.`,
    templateDownloaded: (file) => `Template ${file} is ready.`,
    previousFilled: (count, file) => `Filled ${plural(count, 'last-year figure', 'last-year figures')} from “${file}” and wrote the YoY formulas.`,
    yoyWritten: (count) => `Wrote ${plural(count, 'change and YoY formula', 'change and YoY formulas')}.`,
    summaryAdded: (chart) => (chart ? 'Added the 领导参阅 (summary) sheet and its YoY chart.' : 'Added the 领导参阅 (summary) sheet.'),
    summaryReadyFile: 'The summary is ready to download.',
    downloaded: (file) => `Downloaded ${file}.`,
    downloadedClean: (file) => `Downloaded ${file} to submit: accepted figures and explanations in, no flags and no findings sheet.`,
    formulaRestored: (cell, value) => `The formula of ${cell} is back${value ? `; it gives ${value}` : ''}.`,
    undone: (what) => `Undone: ${what}.`,
    referenceSet: (file) => `Annual and half-year figures compared with “${file}”.`,
    staleMarksRemoved: 'This is a flagged copy: its old flags were removed and the page shows the findings of this check.',
    skipped: (what) => `This Excel lacks some formatting features, which were left out (${what}); figures and formulas are complete.`,
  },
  chart: { title: 'Key indicators, change on last year', series: 'YoY' },
  fileNames: {
    flagged: (stem) => `${stem}-flagged.xlsx`,
    clean: (stem) => `${stem}-to-submit.xlsx`,
    summary: (stem) => `${stem}-summary.xlsx`,
    docx: (stem) => `${stem}-summary.docx`,
    template: (name, period) => `${name.toLowerCase().replace(/\s+/g, '-')}-template-${period}.xlsx`,
  },
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function uiText(locale: Locale): UiText {
  return locale === 'en-US' ? enUS : zhCN;
}
