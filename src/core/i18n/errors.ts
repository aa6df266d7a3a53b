/**
 * The words of the errors a user can meet, by AppError code, in zh-CN and en-US: a workbook
 * that is not a report, a file that is not an .xlsx, a bad import file. The command line and
 * the pane both describe an AppError with `errorText`; each adds the few codes of its own.
 */
import type { ErrorParams } from '../errors';
import { interpolate, type Locale } from './locale';
import { TEMPLATES } from '../catalog/standard.data';
import { DISTRICT_ERRORS } from '../merge/messages';

const zhCN = {
  'not-a-template': '这个工作簿不是用报表模板制作的（找不到指标名称）。请先新建报表模板，把数据填入模板后再校验',
  'xlsx-empty': '文件是空的（0 字节），请确认选择了正确的文件',
  'xlsx-empty-workbook': '工作簿中没有可读取的工作表，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试',
  'xlsx-legacy-xls': '这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再试',
  'xlsx-encrypted': '文件设置了打开密码，请在 Excel 或 WPS 中取消密码并另存为 .xlsx 后再试',
  'xlsx-html': '这是网页（HTML）格式导出的表格，不是真正的 Excel 文件，请在 Excel 或 WPS 中打开后另存为 .xlsx 再试',
  'xlsx-not-zip': '这不是 Excel 工作簿（.xlsx）文件，请选择 .xlsx 文件',
  'xlsx-docx': '这是 Word 文档，不是 Excel 工作簿（.xlsx），请选择 .xlsx 文件',
  'xlsx-pptx': '这是 PowerPoint 演示文稿，不是 Excel 工作簿（.xlsx），请选择 .xlsx 文件',
  'xlsx-ods': '这是 .ods 表格文件，请在 WPS 或 Excel 中另存为 .xlsx 后再试',
  'xlsx-xlsb': '这是 .xlsb 二进制工作簿，请在 Excel 中另存为 .xlsx 后再试',
  'xlsx-other-zip': '这是压缩文件，但不是 Excel 工作簿（.xlsx），请选择 .xlsx 文件',
  'xlsx-corrupt': '文件已损坏或不完整，无法读取，请在 Excel 或 WPS 中打开并重新保存为 .xlsx 后再试',
  'xlsx-too-large': '文件解压后过大（可能是压缩炸弹），已拒绝读取；请确认文件来源，或删去无关的工作表后再试',
  'import-header': '导入文件第 {line} 行应为表头 code,current,previous（可加第四列 explanation），请按模板说明改正表头',
  'import-unknown-code': '导入文件第 {line} 行：未知指标代码 {code}，请对照指标目录改正或删除该行',
  'import-duplicate-code': '导入文件第 {first} 行和第 {line} 行是同一指标 {code}，请只保留一行',
  'import-no-cell': '导入文件第 {line} 行：工作簿中找不到 {name} 的单元格，请用标准报表模板生成的工作簿导入',
  'previous-template': '所选文件是{templateNameA}，本报表是{templateNameB}，不能作为上年同期数据；请选择上年同期的{templateNameB}',
  'previous-unit': '所选文件的填报单位是“{unitA}”，本报表是“{unitB}”，不是本单位的报表；请选择本单位上年同期的报表',
  'previous-period': '所选文件是{yearA}年的报表，本报表是{yearB}年，上年同期应为{yearC}年；请选择{yearC}年的{templateNameB}',
  ...DISTRICT_ERRORS['zh-CN'],
} satisfies Record<string, string>;

export type ErrorCode = keyof typeof zhCN;

const enUS: Record<ErrorCode, string> = {
  'not-a-template': 'This workbook was not made from the report template (its indicator names are missing). Make a new report template, fill the figures into it, then check again',
  'xlsx-empty': 'The file is empty (0 bytes); check that you chose the right file',
  'xlsx-empty-workbook': 'The workbook has no readable sheet; open it in Excel or WPS, save it as .xlsx and try again',
  'xlsx-legacy-xls': 'This is an old .xls file; save it as .xlsx in Excel or WPS and try again',
  'xlsx-encrypted': 'The file has an open password; remove it in Excel or WPS, save as .xlsx and try again',
  'xlsx-html': 'This is a table exported as a web page (HTML), not a real Excel file; open it in Excel or WPS and save it as .xlsx',
  'xlsx-not-zip': 'This is not an Excel workbook (.xlsx); choose an .xlsx file',
  'xlsx-docx': 'This is a Word document, not an Excel workbook (.xlsx); choose an .xlsx file',
  'xlsx-pptx': 'This is a PowerPoint presentation, not an Excel workbook (.xlsx); choose an .xlsx file',
  'xlsx-ods': 'This is an .ods spreadsheet; save it as .xlsx in WPS or Excel and try again',
  'xlsx-xlsb': 'This is an .xlsb binary workbook; save it as .xlsx in Excel and try again',
  'xlsx-other-zip': 'This is a zip archive but not an Excel workbook (.xlsx); choose an .xlsx file',
  'xlsx-corrupt': 'The file is damaged or incomplete; open it in Excel or WPS, save it again as .xlsx and try again',
  'xlsx-too-large': 'The file inflates to more than this tool accepts (possibly a zip bomb), so it was not read; check where it came from, or delete unrelated sheets and try again',
  'import-header': 'Line {line} of the import file must be the header code,current,previous (optionally a fourth column explanation); correct the header',
  'import-unknown-code': 'Import file line {line}: unknown indicator code {code}; correct it from the indicator list or delete the line',
  'import-duplicate-code': 'Import file lines {first} and {line} are both for indicator {code}; keep only one of them',
  'import-no-cell': 'Import file line {line}: the workbook has no cell for {name}; import into a workbook made from the standard template',
  'previous-template': 'The chosen file is a {templateNameA} but this is the {templateNameB}: it cannot give last year\'s figures; choose last year\'s {templateNameB}',
  'previous-unit': 'The chosen file is the report of “{unitA}”, this one is of “{unitB}”; choose your own unit\'s report of last year',
  'previous-period': 'The chosen file is for {yearA} and this report for {yearB}; last year\'s figures come from the {yearC} {templateNameB}; choose that file',
  ...DISTRICT_ERRORS['en-US'],
};

export const ERROR_TABLES: Record<Locale, Record<string, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

/** The words for an error code, or undefined when the code is not one of these. */
export function errorText(code: string, params: ErrorParams, locale: Locale): string | undefined {
  const template = ERROR_TABLES[locale][code];
  if (template === undefined) return undefined;
  // Template ids among the params (`templateA: 'annual'`) are named: {templateNameA} → 年报.
  const names: ErrorParams = {};
  for (const [k, v] of Object.entries(params)) {
    // the templates' plain data, not the validated catalogue: this table is in the pane's startup bundle
    const tpl = /^template[A-Z]?$/.test(k) ? TEMPLATES.find((t) => t.id === String(v)) : undefined;
    if (tpl) names[k.replace('template', 'templateName')] = locale === 'en-US' ? tpl.nameEn.toLowerCase() : tpl.nameZh;
  }
  return interpolate(template, { ...params, ...names });
}
