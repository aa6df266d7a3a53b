/**
 * Unusable input as a typed error. The reason is decided from the bytes where possible (an
 * .xls, an encrypted file, an HTML "xls" export, a .docx are told apart before anything is
 * parsed); anything that still fails to parse is `corrupt`.
 *
 * MESSAGES is this layer's locale table (zh-CN first, en-US), keyed by the error code, for the
 * lead to merge into the central tables.
 */
import { AppError } from '../../../core';

export type XlsxInputReason = 'legacy-xls' | 'not-xlsx' | 'corrupt' | 'empty' | 'too-large' | 'encrypted';

/** Error codes (the `code` of the AppError), one per distinct user message. */
export type XlsxInputCode =
  | 'XLSX_EMPTY_FILE'
  | 'XLSX_NO_SHEETS'
  | 'XLSX_LEGACY_XLS'
  | 'XLSX_ENCRYPTED'
  | 'XLSX_HTML'
  | 'XLSX_NOT_ZIP'
  | 'XLSX_DOCX'
  | 'XLSX_PPTX'
  | 'XLSX_ODS'
  | 'XLSX_XLSB'
  | 'XLSX_OTHER_ZIP'
  | 'XLSX_CORRUPT'
  | 'XLSX_TOO_LARGE';

// ---- locale table (merge into the central one) ----------------------------------------------
export const MESSAGES: Record<'zh-CN' | 'en-US', Record<XlsxInputCode, string>> = {
  'zh-CN': {
    XLSX_EMPTY_FILE: '文件是空的（0 字节），请确认选择了正确的文件',
    XLSX_NO_SHEETS: '工作簿中没有可读取的工作表，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试',
    XLSX_LEGACY_XLS: '这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再试',
    XLSX_ENCRYPTED: '文件设置了打开密码，请在 Excel 或 WPS 中取消密码并另存为 .xlsx 后再试',
    XLSX_HTML: '这是网页（HTML）格式导出的表格，不是真正的 Excel 文件，请在 Excel 或 WPS 中打开后另存为 .xlsx 再试',
    XLSX_NOT_ZIP: '这不是 Excel 工作簿（.xlsx）文件，请选择 .xlsx 文件',
    XLSX_DOCX: '这是 Word 文档，不是 Excel 工作簿（.xlsx），请选择 .xlsx 文件',
    XLSX_PPTX: '这是 PowerPoint 演示文稿，不是 Excel 工作簿（.xlsx），请选择 .xlsx 文件',
    XLSX_ODS: '这是 .ods 表格文件，请在 WPS 或 Excel 中另存为 .xlsx 后再试',
    XLSX_XLSB: '这是 .xlsb 二进制工作簿，请在 Excel 中另存为 .xlsx 后再试',
    XLSX_OTHER_ZIP: '这是压缩文件，但不是 Excel 工作簿（.xlsx），请选择 .xlsx 文件',
    XLSX_CORRUPT: '文件已损坏或不完整，无法读取，请在 Excel 或 WPS 中打开并重新保存为 .xlsx 后再试',
    XLSX_TOO_LARGE: '文件解压后过大（可能是压缩炸弹），已拒绝读取；请确认文件来源，或删去无关的工作表后再试',
  },
  'en-US': {
    XLSX_EMPTY_FILE: 'The file is empty (0 bytes); check that you chose the right file',
    XLSX_NO_SHEETS: 'The workbook has no readable sheet; open it in Excel or WPS and save it as .xlsx again',
    XLSX_LEGACY_XLS: 'This is an old .xls file; save it as .xlsx in Excel or WPS and try again',
    XLSX_ENCRYPTED: 'The file has an open password; remove it in Excel or WPS, save as .xlsx and try again',
    XLSX_HTML: 'This is a table exported as a web page (HTML), not an Excel file; open it in Excel or WPS and save it as .xlsx',
    XLSX_NOT_ZIP: 'This is not an Excel workbook (.xlsx); choose an .xlsx file',
    XLSX_DOCX: 'This is a Word document, not an Excel workbook (.xlsx); choose an .xlsx file',
    XLSX_PPTX: 'This is a PowerPoint presentation, not an Excel workbook (.xlsx); choose an .xlsx file',
    XLSX_ODS: 'This is an .ods spreadsheet; save it as .xlsx in WPS or Excel and try again',
    XLSX_XLSB: 'This is an .xlsb binary workbook; save it as .xlsx in Excel and try again',
    XLSX_OTHER_ZIP: 'This is a zip archive but not an Excel workbook (.xlsx); choose an .xlsx file',
    XLSX_CORRUPT: 'The file is damaged or incomplete; open it in Excel or WPS, save it as .xlsx again and retry',
    XLSX_TOO_LARGE: 'The file inflates to more than this tool accepts (possibly a zip bomb), so it was not read; check where it came from, or delete unrelated sheets and try again',
  },
};

const REASON_OF: Record<XlsxInputCode, XlsxInputReason> = {
  XLSX_EMPTY_FILE: 'empty',
  XLSX_NO_SHEETS: 'empty',
  XLSX_LEGACY_XLS: 'legacy-xls',
  XLSX_ENCRYPTED: 'encrypted',
  XLSX_HTML: 'not-xlsx',
  XLSX_NOT_ZIP: 'not-xlsx',
  XLSX_DOCX: 'not-xlsx',
  XLSX_PPTX: 'not-xlsx',
  XLSX_ODS: 'not-xlsx',
  XLSX_XLSB: 'not-xlsx',
  XLSX_OTHER_ZIP: 'not-xlsx',
  XLSX_CORRUPT: 'corrupt',
  XLSX_TOO_LARGE: 'too-large',
};

/** The input file cannot be used; `code` keys the user's message in MESSAGES. */
export class XlsxInputError extends AppError {
  override name = 'XlsxInputError';
  readonly reason: XlsxInputReason;
  constructor(code: XlsxInputCode, params: Record<string, string | number> = {}, options?: { cause?: unknown }) {
    super(code, params, options);
    this.reason = REASON_OF[code];
  }
  /** The one-line message for a user. */
  text(locale: 'zh-CN' | 'en-US' = 'zh-CN'): string {
    return MESSAGES[locale][this.code as XlsxInputCode];
  }
}

// ---- sniffing from the bytes -----------------------------------------------------------------

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(text: string): number[] {
  return Array.from(text, (ch) => ch.charCodeAt(0));
}

function utf16le(text: string): number[] {
  return Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
}

/** Plain byte search; zip entry names are stored uncompressed, so this finds them. */
export function contains(bytes: Uint8Array, needle: readonly number[], from = 0): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  for (let i = Math.max(0, from); i <= last; i++) {
    if (bytes[i] !== first) continue;
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && i < 1024 && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] ?? 0)) i++;
  return bytes[i] === 0x3c; // '<'
}

/** Decides from the bytes alone why a file cannot be an .xlsx; undefined when it may be one. */
export function rejectByBytes(bytes: Uint8Array): XlsxInputError | undefined {
  if (bytes.length === 0) return new XlsxInputError('XLSX_EMPTY_FILE');
  if (startsWith(bytes, OLE_SIGNATURE)) {
    // Password-protected .xlsx files are OLE containers too; only the stream name tells.
    return contains(bytes, utf16le('EncryptedPackage'))
      ? new XlsxInputError('XLSX_ENCRYPTED')
      : new XlsxInputError('XLSX_LEGACY_XLS');
  }
  const isZip = startsWith(bytes, ascii('PK\x03\x04')) || startsWith(bytes, ascii('PK\x05\x06'));
  if (!isZip) return new XlsxInputError(looksLikeHtml(bytes) ? 'XLSX_HTML' : 'XLSX_NOT_ZIP');
  // The end-of-central-directory record sits in the last 64 KiB; a truncated download lacks it.
  if (!contains(bytes, ascii('PK\x05\x06'), bytes.length - 65557)) return new XlsxInputError('XLSX_CORRUPT');
  if (contains(bytes, ascii('xl/workbook.xml'))) return undefined;
  if (contains(bytes, ascii('xl/workbook.bin'))) return new XlsxInputError('XLSX_XLSB');
  if (contains(bytes, ascii('word/document.xml'))) return new XlsxInputError('XLSX_DOCX');
  if (contains(bytes, ascii('ppt/presentation.xml'))) return new XlsxInputError('XLSX_PPTX');
  if (contains(bytes, ascii('opendocument.spreadsheet'))) return new XlsxInputError('XLSX_ODS');
  return new XlsxInputError('XLSX_OTHER_ZIP');
}
