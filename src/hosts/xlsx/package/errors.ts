/**
 * Unusable input as a typed error. The reason is decided from the bytes where possible (an
 * .xls, an encrypted file, an HTML "xls" export, a .docx are told apart before anything is
 * parsed); anything that still fails to parse is `corrupt`.
 */
import { AppError, errorText } from '../../../core';

export type XlsxInputReason = 'legacy-xls' | 'not-xlsx' | 'corrupt' | 'empty' | 'too-large' | 'encrypted';

/** Error codes (the `code` of the AppError), one per distinct user message. */
export type XlsxInputCode =
  | 'xlsx-empty'
  | 'xlsx-empty-workbook'
  | 'xlsx-legacy-xls'
  | 'xlsx-encrypted'
  | 'xlsx-html'
  | 'xlsx-not-zip'
  | 'xlsx-docx'
  | 'xlsx-pptx'
  | 'xlsx-ods'
  | 'xlsx-xlsb'
  | 'xlsx-other-zip'
  | 'xlsx-corrupt'
  | 'xlsx-too-large';

// The words of these codes are in the central table (src/core/i18n/errors.ts).

const REASON_OF: Record<XlsxInputCode, XlsxInputReason> = {
  'xlsx-empty': 'empty',
  'xlsx-empty-workbook': 'empty',
  'xlsx-legacy-xls': 'legacy-xls',
  'xlsx-encrypted': 'encrypted',
  'xlsx-html': 'not-xlsx',
  'xlsx-not-zip': 'not-xlsx',
  'xlsx-docx': 'not-xlsx',
  'xlsx-pptx': 'not-xlsx',
  'xlsx-ods': 'not-xlsx',
  'xlsx-xlsb': 'not-xlsx',
  'xlsx-other-zip': 'not-xlsx',
  'xlsx-corrupt': 'corrupt',
  'xlsx-too-large': 'too-large',
};

/** The input file cannot be used; `code` keys the user's message in the central error table. */
export class XlsxInputError extends AppError {
  override name = 'XlsxInputError';
  readonly reason: XlsxInputReason;
  constructor(code: XlsxInputCode, params: Record<string, string | number> = {}, options?: { cause?: unknown }) {
    super(code, params, options);
    this.reason = REASON_OF[code];
  }
  /** The one-line message for a user. */
  text(locale: 'zh-CN' | 'en-US' = 'zh-CN'): string {
    return errorText(this.code, this.params, locale) ?? this.code;
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
  if (bytes.length === 0) return new XlsxInputError('xlsx-empty');
  if (startsWith(bytes, OLE_SIGNATURE)) {
    // Password-protected .xlsx files are OLE containers too; only the stream name tells.
    return contains(bytes, utf16le('EncryptedPackage'))
      ? new XlsxInputError('xlsx-encrypted')
      : new XlsxInputError('xlsx-legacy-xls');
  }
  const isZip = startsWith(bytes, ascii('PK\x03\x04')) || startsWith(bytes, ascii('PK\x05\x06'));
  if (!isZip) return new XlsxInputError(looksLikeHtml(bytes) ? 'xlsx-html' : 'xlsx-not-zip');
  // The end-of-central-directory record sits in the last 64 KiB; a truncated download lacks it.
  if (!contains(bytes, ascii('PK\x05\x06'), bytes.length - 65557)) return new XlsxInputError('xlsx-corrupt');
  if (contains(bytes, ascii('xl/workbook.xml'))) return undefined;
  if (contains(bytes, ascii('xl/workbook.bin'))) return new XlsxInputError('xlsx-xlsb');
  if (contains(bytes, ascii('word/document.xml'))) return new XlsxInputError('xlsx-docx');
  if (contains(bytes, ascii('ppt/presentation.xml'))) return new XlsxInputError('xlsx-pptx');
  if (contains(bytes, ascii('opendocument.spreadsheet'))) return new XlsxInputError('xlsx-ods');
  return new XlsxInputError('xlsx-other-zip');
}
