/**
 * ============================ LOCALE TABLE: Office.js host ============================
 * Every user-visible sentence the Excel host can cause, keyed by its ExcelHostError code
 * (an AppError). zh-CN first, en-US second. The lead merges this table into the central
 * locale tables; until then the pane can call `excelHostMessage(code, params, locale)`.
 * The first five codes are the ones src/taskpane/view.ts already knows (same words as
 * src/taskpane/ui-text.ts); the others are new.
 * =====================================================================================
 */
import type { ErrorParams } from '../../core';

export type ExcelHostErrorCode =
  | 'SHEET_EXISTS'
  | 'NAME_EXISTS'
  | 'BAD_SHEET_NAME'
  | 'CELL_EDIT_MODE'
  | 'UNSUPPORTED'
  | 'SHEET_PROTECTED'
  | 'WORKBOOK_PROTECTED'
  | 'SHEET_HIDDEN'
  | 'READ_TOO_LARGE';

type Words = (p: ErrorParams) => string;
const s = (p: ErrorParams, k: string) => String(p[k] ?? '');

export const EXCEL_HOST_MESSAGES: Record<'zh-CN' | 'en-US', Record<ExcelHostErrorCode, Words>> = {
  'zh-CN': {
    SHEET_EXISTS: (p) => `工作簿中已有工作表“${s(p, 'sheet')}”，未做任何修改。请先重命名或删除同名的工作表，再试一次。`,
    NAME_EXISTS: (p) => `工作簿中已有名称 ${s(p, 'name')}，未做任何修改。这个工作簿可能已经插入过模板。`,
    BAD_SHEET_NAME: (p) => `工作表名称“${s(p, 'sheet')}”不符合 Excel 的要求。`,
    CELL_EDIT_MODE: () => 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。',
    UNSUPPORTED: (p) => `此版本的 Excel 不支持该功能（需要 ExcelApi ${s(p, 'set')}），请更新 Office 或改用文件模式。`,
    SHEET_PROTECTED: (p) =>
      `工作表“${s(p, 'sheet')}”受保护，未做任何修改。请在“审阅”选项卡中撤消工作表保护后再试一次。`,
    WORKBOOK_PROTECTED: () =>
      '工作簿的结构受保护，不能添加、删除或重命名工作表，未做任何修改。请在“审阅”选项卡中撤消工作簿保护后再试一次。',
    SHEET_HIDDEN: (p) => `工作表“${s(p, 'sheet')}”已隐藏，无法显示其中的单元格。请先取消隐藏该工作表。`,
    READ_TOO_LARGE: () =>
      '报表所在的工作表数据过多，Excel 一次无法传回。请把报表以外的大量数据移到另一个工作簿，或改用文件模式、命令行校验。',
  },
  'en-US': {
    SHEET_EXISTS: (p) => `The workbook already has the sheet(s) “${s(p, 'sheet')}”; nothing was changed. Rename or delete them, then try again.`,
    NAME_EXISTS: (p) => `The workbook already has the name(s) ${s(p, 'name')}; nothing was changed. The template may already be in this workbook.`,
    BAD_SHEET_NAME: (p) => `The sheet name “${s(p, 'sheet')}” is not allowed by Excel.`,
    CELL_EDIT_MODE: () => 'Excel is editing a cell. Press Enter or Esc to finish, then try again.',
    UNSUPPORTED: (p) => `This version of Excel cannot do this (it needs ExcelApi ${s(p, 'set')}). Update Office or use file mode.`,
    SHEET_PROTECTED: (p) =>
      `The sheet “${s(p, 'sheet')}” is protected; nothing was changed. Unprotect it (Review tab), then try again.`,
    WORKBOOK_PROTECTED: () =>
      'The workbook structure is protected, so sheets cannot be added, deleted or renamed; nothing was changed. Unprotect the workbook (Review tab), then try again.',
    SHEET_HIDDEN: (p) => `The sheet “${s(p, 'sheet')}” is hidden, so its cell cannot be shown. Unhide the sheet first.`,
    READ_TOO_LARGE: () =>
      'The report’s sheets hold too much data for Excel to send at once. Move the other data to another workbook, or check in file mode or with the command line.',
  },
};

export function excelHostMessage(code: string, params: ErrorParams, locale: 'zh-CN' | 'en-US'): string | undefined {
  const words = (EXCEL_HOST_MESSAGES[locale] as Record<string, Words | undefined>)[code];
  return words ? words(params) : undefined;
}
