/**
 * CSV bytes → text, never mojibake. A byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE);
 * else the bytes must be valid UTF-8; else valid GB18030 (what Excel and WPS write for
 * "CSV (逗号分隔)" on Chinese Windows; a superset of GBK and GB2312). Decoding is strict
 * (TextDecoder with fatal: true, from Node's full ICU — no extra dependency); anything that
 * does not decode cleanly is refused with `csv-encoding`, which says how to save as UTF-8.
 */
import { AppError } from '../core';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: CsvEncoding;
}

const BOMS: [CsvEncoding, number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

function strict(encoding: CsvEncoding, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: a BOM has been cut off already; a second one would be content.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Text that no CSV of this tool holds, and that a wrong guess produces: NUL (UTF-16 without
 * a BOM read as UTF-8), C1 controls, and the Private Use Area (GBK's user-defined code points,
 * where bytes of another double-byte encoding land when read as GB18030).
 */
function implausible(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || (c >= 0x80 && c <= 0x9f) || (c >= 0xe000 && c <= 0xf8ff)) return true;
  }
  return false;
}

/** Decodes an import CSV; `path` only names the file in the error. */
export function decodeCsvBytes(bytes: Uint8Array, path = ''): Decoded {
  const refuse = () => new AppError('csv-encoding', { path });
  for (const [encoding, bom] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      const text = strict(encoding, bytes.subarray(bom.length));
      if (text === undefined || implausible(text)) throw refuse();
      return { text, encoding };
    }
  }
  // Valid UTF-8 decides (a GB18030 reading of UTF-8 bytes is often valid too, and wrong).
  const encoding = strict('utf-8', bytes) !== undefined ? 'utf-8' : 'gb18030';
  const text = strict(encoding, bytes);
  if (text === undefined || implausible(text)) throw refuse();
  return { text, encoding };
}

/** The text of an import CSV (see decodeCsvBytes). */
export function decodeCsv(bytes: Uint8Array, path = ''): string {
  return decodeCsvBytes(bytes, path).text;
}
