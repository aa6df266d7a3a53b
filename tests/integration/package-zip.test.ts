/** The zip layer: bombs refused before inflating, truncated files, input sniffing, limits in one place. */
import { strToU8, zipSync } from 'fflate';
import { XlsxInputError, XlsxPackage, PACKAGE_LIMITS } from '../../src/hosts/xlsx/package';
import { ERROR_TABLES } from '../../src/core/i18n/errors';
import { partsOf, reportFixtures, text } from '../support/package-fixtures';

function reasonOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxInputError);
    const err = e as XlsxInputError;
    expect(err.text('zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    expect(err.text('en-US')).not.toMatch(/[\u4e00-\u9fff]/);
    return err.reason;
  }
  return 'opened';
}

/** Sets the declared uncompressed size of one entry in the central directory (and local header). */
function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const enc = strToU8(name);
  for (let i = 0; i < out.length - 46; i++) {
    if (dv.getUint32(i, true) === 0x02014b50 && dv.getUint16(i + 28, true) === enc.length && out.subarray(i + 46, i + 46 + enc.length).every((b, k) => b === enc[k])) {
      dv.setUint32(i + 24, size, true);
      const local = dv.getUint32(i + 42, true);
      dv.setUint32(local + 22, size, true);
    }
  }
  return out;
}

describe('zip bombs and broken zips', () => {
  it('keeps every limit in PACKAGE_LIMITS and every message in one zh/en table', () => {
    expect(Object.keys(PACKAGE_LIMITS).sort()).toEqual(['maxEntries', 'maxInflatedTotal', 'maxPartSize', 'maxRatio', 'ratioFloor']);
    for (const code of ['xlsx-empty', 'xlsx-corrupt', 'xlsx-too-large', 'xlsx-encrypted']) {
      expect(ERROR_TABLES['zh-CN'][code]).toBeTruthy();
      expect(ERROR_TABLES['en-US'][code]).toBeTruthy();
    }
  });

  it('refuses a part with a huge declared size from the central directory, before inflating anything', async () => {
    const [f] = await reportFixtures();
    const parts = partsOf(f?.bytes ?? new Uint8Array());
    const zip = zipSync(parts, { level: 1 });
    const lying = lieAboutSize(zip, 'xl/worksheets/sheet1.xml', 0xfffffff0);
    expect(reasonOf(() => XlsxPackage.open(lying))).toBe('too-large');
  });

  it('refuses a real high-ratio entry from the directory (ratio limit), and a lie found while inflating', async () => {
    const [f] = await reportFixtures();
    const parts = partsOf(f?.bytes ?? new Uint8Array());
    // one repeated byte past the ratio floor deflates about a thousandfold
    parts['xl/media/padding.bin'] = new Uint8Array(PACKAGE_LIMITS.ratioFloor + 8 * 1024 * 1024).fill(32);
    expect(reasonOf(() => XlsxPackage.open(zipSync(parts, { level: 1 })))).toBe('too-large');
    // the same entry with the ratio limit off is still refused by the total / part limits
    expect(reasonOf(() => XlsxPackage.open(zipSync(parts, { level: 1 }), { maxRatio: 1e9, maxPartSize: 4 * 1024 * 1024 }))).toBe('too-large');
    // a sheet that declares 100 bytes but inflates to more: refused while inflating
    const small = partsOf(f?.bytes ?? new Uint8Array());
    const zip = lieAboutSize(zipSync(small), 'xl/worksheets/sheet2.xml', 100);
    const pkg = XlsxPackage.open(zip);
    expect(reasonOf(() => pkg.snapshotAll())).toBe('too-large');
    expect(pkg.inflateStats.inflatedBytes).toBeLessThan(200000);
  });

  it('tells a truncated file, a non-zip, an .xls, an encrypted file, HTML and other zips apart', async () => {
    const [f] = await reportFixtures();
    const bytes = f?.bytes ?? new Uint8Array();
    expect(reasonOf(() => XlsxPackage.open(bytes.subarray(0, Math.floor(bytes.length / 2))))).toBe('corrupt');
    expect(reasonOf(() => XlsxPackage.open(new Uint8Array()))).toBe('empty');
    expect(reasonOf(() => XlsxPackage.open(strToU8('<html><table></table></html>')))).toBe('not-xlsx');
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(reasonOf(() => XlsxPackage.open(ole))).toBe('legacy-xls');
    ole.set(Array.from('EncryptedPackage').flatMap((c) => [c.charCodeAt(0), 0]), 600);
    expect(reasonOf(() => XlsxPackage.open(ole))).toBe('encrypted');
    expect(reasonOf(() => XlsxPackage.open(zipSync({ 'word/document.xml': strToU8('<w/>') })))).toBe('not-xlsx');
    // a corrupt XML part is corrupt, not a crash
    const parts = partsOf(bytes);
    parts['xl/workbook.xml'] = strToU8(text(parts['xl/workbook.xml']).slice(0, 200));
    expect(reasonOf(() => XlsxPackage.open(zipSync(parts, { level: 1 })))).toBe('corrupt');
  });
});

describe('reading only what the report needs', () => {
  it('does not inflate a pasted 100k-row x 8-column sheet, and reads the shared strings only as far as needed', async () => {
    const fixtures = await reportFixtures();
    const sample = fixtures.find((x) => x.name === 'annual sample');
    const parts = partsOf(sample?.bytes ?? new Uint8Array());
    // the pasted sheet: text cells through the shared strings (so they grow), numbers inline
    const sstPath = 'xl/sharedStrings.xml';
    const sst = text(parts[sstPath]);
    const base = Number(/uniqueCount="(\d+)"/.exec(sst)?.[1] ?? /count="(\d+)"/.exec(sst)?.[1]);
    expect(base).toBeGreaterThan(10);
    const ROWS = 100000;
    const rowList: string[] = [];
    const si: string[] = [];
    for (let r = 1; r <= ROWS; r++) {
      si.push(`<si><t>粘贴文本${r}</t></si>`);
      rowList.push(`<row r="${r}"><c r="A${r}" t="s"><v>${base + r - 1}</v></c><c r="B${r}"><v>${r}</v></c><c r="C${r}"><v>${r * 1.5}</v></c><c r="D${r}"><v>${r % 7}</v></c><c r="E${r}"><v>${r * 2}</v></c><c r="F${r}"><v>${r * 3}</v></c><c r="G${r}"><v>${r * 4}</v></c><c r="H${r}"><v>${r * 5}</v></c></row>`);
    }
    const rows = rowList.join('');
    parts[sstPath] = strToU8(sst.replace(/<\/sst>\s*$/, `${si.join('')}</sst>`).replace(/(uniqueCount|count)="\d+"/g, `$1="${base + ROWS}"`));
    parts['xl/worksheets/sheet99.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
    parts['xl/_rels/workbook.xml.rels'] = strToU8(text(parts['xl/_rels/workbook.xml.rels']).replace('</Relationships>', '<Relationship Id="rIdPaste" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>'));
    parts['xl/workbook.xml'] = strToU8(text(parts['xl/workbook.xml']).replace('</sheets>', '<sheet name="粘贴" sheetId="99" r:id="rIdPaste"/></sheets>'));
    parts['[Content_Types].xml'] = strToU8(text(parts['[Content_Types].xml']).replace('</Types>', '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
    // stored, not deflated: building the test file fast; the reader must still not touch it
    const big = zipSync({ ...parts, [sstPath]: [parts[sstPath] ?? new Uint8Array(), { level: 0 }], 'xl/worksheets/sheet99.xml': [parts['xl/worksheets/sheet99.xml'] ?? new Uint8Array(), { level: 0 }] }, { level: 1 });
    const sheetBytes = parts['xl/worksheets/sheet99.xml']?.length ?? 0;
    const sstBytes = parts[sstPath]?.length ?? 0;
    const pkg = XlsxPackage.open(big);
    const snap = pkg.snapshot({ names: () => true, sheets: ['历史数据'] });
    expect(snap.sheets.find((s) => s.name === '粘贴')?.cells).toEqual({});
    const stats = pkg.inflateStats;
    expect(stats.inflatedParts).not.toContain('xl/worksheets/sheet99.xml');
    // the shared strings stop shortly after the report's own strings (one 8 KiB input chunk may overshoot)
    expect(stats.inflatedBytes).toBeLessThan(sstBytes / 4);
    expect(sheetBytes).toBeGreaterThan(5_000_000);
    // and the report reads the same as from the plain sample
    const plain = XlsxPackage.open(sample?.bytes ?? new Uint8Array()).snapshot({ names: () => true, sheets: ['历史数据'] });
    expect(snap.names).toEqual(plain.names);
    expect(snap.sheets.filter((s) => s.name !== '粘贴')).toEqual(plain.sheets);
  }, 30000);
});
