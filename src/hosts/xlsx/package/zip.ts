/**
 * The zip container: entries are read from the central directory (sizes checked against
 * PACKAGE_LIMITS before anything is inflated), inflated one at a time on demand with fflate
 * (stopping as soon as the real output passes a limit), and written back with each unchanged
 * entry copied in its original compressed form with its original CRC.
 */
import { Inflate, Zip, ZipDeflate, type ZipInputFile } from 'fflate';
import { XlsxInputError } from './errors';
import type { PackageLimits } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the compressed data in the archive. */
  dataStart: number;
  flags: number;
  mtime: Date;
}

/** Instrumentation: bytes inflated so far by this archive (tests assert on it, never on time). */
export interface InflateStats {
  inflatedBytes: number;
  inflatedParts: string[];
}

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;

function dosDate(date: number, time: number): Date {
  const d = new Date(
    1980 + (date >> 9),
    ((date >> 5) & 15) - 1,
    date & 31,
    time >> 11,
    (time >> 5) & 63,
    (time & 31) * 2,
  );
  return Number.isNaN(d.getTime()) ? new Date(1980, 0, 1) : d;
}

const utf8 = new TextDecoder('utf-8');
const latin = new TextDecoder('latin1');

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  readonly stats: InflateStats = { inflatedBytes: 0, inflatedParts: [] };

  constructor(
    readonly bytes: Uint8Array,
    readonly limits: PackageLimits,
  ) {
    const b = bytes;
    // End of central directory: the last PK\5\6 within the final 64 KiB + 22 bytes.
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
      if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new XlsxInputError('xlsx-corrupt');
    const count = u16(b, eocd + 10);
    const cdSize = u32(b, eocd + 12);
    const cdStart = u32(b, eocd + 16);
    if (count === 0xffff || cdStart === 0xffffffff) throw new XlsxInputError('xlsx-too-large'); // zip64
    if (count > limits.maxEntries) throw new XlsxInputError('xlsx-too-large', { entries: count });
    if (cdStart + cdSize > eocd) throw new XlsxInputError('xlsx-corrupt');
    let p = cdStart;
    let total = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > eocd || u32(b, p) !== 0x02014b50) throw new XlsxInputError('xlsx-corrupt');
      const flags = u16(b, p + 8);
      const method = u16(b, p + 10);
      const time = u16(b, p + 12);
      const date = u16(b, p + 14);
      const crc = u32(b, p + 16);
      const compressedSize = u32(b, p + 20);
      const size = u32(b, p + 24);
      const nameLen = u16(b, p + 28);
      const extraLen = u16(b, p + 30);
      const commentLen = u16(b, p + 32);
      const local = u32(b, p + 42);
      const rawName = b.subarray(p + 46, p + 46 + nameLen);
      const name = (flags & 0x800 ? utf8 : latin).decode(rawName);
      p += 46 + nameLen + extraLen + commentLen;
      if (flags & 1) throw new XlsxInputError('xlsx-encrypted');
      if (local + 30 > b.length || u32(b, local) !== 0x04034b50) throw new XlsxInputError('xlsx-corrupt');
      const dataStart = local + 30 + u16(b, local + 26) + u16(b, local + 28);
      if (dataStart + compressedSize > b.length) throw new XlsxInputError('xlsx-corrupt');
      if (name.endsWith('/')) continue; // a folder entry carries nothing
      if (method !== 0 && method !== 8) throw new XlsxInputError('xlsx-corrupt');
      // Checked from the directory, before inflating.
      if (size > limits.maxPartSize) throw new XlsxInputError('xlsx-too-large', { part: name });
      if (size >= limits.ratioFloor && size / Math.max(1, compressedSize) > limits.maxRatio) {
        throw new XlsxInputError('xlsx-too-large', { part: name });
      }
      total += size;
      if (total > limits.maxInflatedTotal) throw new XlsxInputError('xlsx-too-large');
      this.entries.set(name, { name, method, crc, compressedSize, size, dataStart, flags, mtime: dosDate(date, time) });
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  raw(entry: ZipEntry): Uint8Array {
    return this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  }

  /**
   * Inflates one entry in chunks. `onChunk` returning false stops early (the shared strings
   * are read only as far as the report needs). Output past the declared size, the part limit
   * or the total limit stops it with `too-large`.
   */
  stream(name: string, onChunk: (chunk: Uint8Array, final: boolean) => boolean | void): void {
    const entry = this.entries.get(name);
    if (!entry) throw new XlsxInputError('xlsx-corrupt', { part: name });
    this.stats.inflatedParts.push(name);
    const src = this.raw(entry);
    const STEP = 8 * 1024;
    if (entry.method === 0) {
      for (let i = 0; i < src.length || i === 0; i += STEP) {
        const chunk = src.subarray(i, Math.min(src.length, i + STEP));
        this.count(entry, chunk.length);
        if (onChunk(chunk, i + STEP >= src.length) === false || i + STEP >= src.length) break;
      }
      return;
    }
    let stopped = false;
    let produced = 0;
    const inflater = new Inflate((chunk, final) => {
      if (stopped) return;
      produced += chunk.length;
      if (produced > entry.size || produced > this.limits.maxPartSize) {
        throw new XlsxInputError('xlsx-too-large', { part: name });
      }
      this.count(entry, chunk.length);
      if (onChunk(chunk, final) === false) stopped = true;
    });
    try {
      for (let i = 0; i < src.length && !stopped; i += STEP) {
        inflater.push(src.subarray(i, Math.min(src.length, i + STEP)), i + STEP >= src.length);
      }
    } catch (e) {
      if (e instanceof XlsxInputError) throw e;
      throw new XlsxInputError('xlsx-corrupt', { part: name }, { cause: e });
    }
    if (!stopped && produced !== entry.size) throw new XlsxInputError('xlsx-corrupt', { part: name });
  }

  private count(entry: ZipEntry, n: number): void {
    this.stats.inflatedBytes += n;
    if (this.stats.inflatedBytes > this.limits.maxInflatedTotal) {
      throw new XlsxInputError('xlsx-too-large', { part: entry.name });
    }
  }

  /** The whole entry, inflated. */
  read(name: string): Uint8Array {
    const chunks: Uint8Array[] = [];
    let length = 0;
    this.stream(name, (c) => {
      chunks.push(c);
      length += c.length;
    });
    if (chunks.length === 1 && chunks[0]) return chunks[0];
    return concat(chunks, length);
  }
}

/** Chunks as one array. */
function concat(chunks: readonly Uint8Array[], length = chunks.reduce((n, c) => n + c.length, 0)): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** What goes into the output archive: an original entry copied as is, or new bytes. */
export type OutEntry = { name: string; copy: ZipEntry; from: ZipArchive } | { name: string; data: Uint8Array };

/** Writes a zip: copied entries keep their compressed bytes and CRC; new ones are deflated. */
export function writeZip(entries: OutEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let done = false;
  let failure: unknown;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else chunks.push(chunk);
    if (final) done = true;
  });
  for (const e of entries) {
    if ('copy' in e) {
      const file: ZipInputFile = {
        filename: e.name,
        size: e.copy.size,
        crc: e.copy.crc,
        compression: e.copy.method,
        mtime: e.copy.mtime,
      };
      zip.add(file);
      file.ondata?.(null, e.from.raw(e.copy) as Uint8Array<ArrayBuffer>, true);
    } else {
      const file = new ZipDeflate(e.name, { level: 6 });
      zip.add(file);
      file.push(e.data as Uint8Array<ArrayBuffer>, true);
    }
  }
  zip.end();
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  if (!done) throw new Error('zip output did not finish');
  return concat(chunks);
}
