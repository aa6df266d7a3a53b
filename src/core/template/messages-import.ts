/**
 * ===== Locale table: value-import errors (codes of ImportError) =====
 * One line each, in the register of an audit notice, saying what to do. `{line}` is the
 * 1-based line of the CSV file. To be merged into the central locale tables.
 */
import { interpolate, type Locale } from '../../i18n/locale';

export type ImportErrorCode = 'import-header' | 'import-unknown-code' | 'import-duplicate-code' | 'import-no-cell';

export const IMPORT_MESSAGES: Record<ImportErrorCode, Record<Locale, string>> = {
  'import-header': {
    'zh-CN': '导入文件第 {line} 行应为表头 code,current,previous（可加第四列 explanation），请按模板说明改正表头',
    'en-US': 'Line {line} of the import file must be the header code,current,previous (optionally a fourth column explanation); correct the header',
  },
  'import-unknown-code': {
    'zh-CN': '导入文件第 {line} 行：未知指标代码 {code}，请对照指标目录改正或删除该行',
    'en-US': 'Import file line {line}: unknown indicator code {code}; correct it from the indicator list or delete the line',
  },
  'import-duplicate-code': {
    'zh-CN': '导入文件第 {first} 行和第 {line} 行是同一指标 {code}，请只保留一行',
    'en-US': 'Import file lines {first} and {line} are both for indicator {code}; keep only one of them',
  },
  'import-no-cell': {
    'zh-CN': '导入文件第 {line} 行：工作簿中找不到 {name} 的单元格，请用标准报表模板生成的工作簿导入',
    'en-US': 'Import file line {line}: the workbook has no cell for {name}; import into a workbook made from the standard template',
  },
};

/** The user's words for an import error. */
export function importMessage(code: ImportErrorCode, params: Record<string, string | number>, locale: Locale): string {
  return interpolate(IMPORT_MESSAGES[code][locale], params);
}
