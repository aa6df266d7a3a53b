#!/usr/bin/env node
/**
 * The issue-12 bad-input corpus: writes tests/fixtures/bad/ (small files, committed) and
 * tests/fixtures/bad/cases.json (each case: its file(s), the command to run, what it is).
 * Large cases (a 5 MB string in a cell, a zip that inflates to 2 GB) are not committed: tests make
 * them at run time with `makeHugeString()` / `makeZipBomb()` exported from here.
 *
 *   node scripts/make-bad-corpus.cjs            # regenerate tests/fixtures/bad/
 *
 * Needs the CLI built (npm ci does it) to make the report every workbook case starts from.
 * No outcomes are asserted here; the lead wires the test once the package host lands.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { TextDecoder } = require('node:util');
const { strToU8, strFromU8, unzipSync, zipSync, Zip, ZipDeflate } = require('fflate');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'tests', 'fixtures', 'bad');
const SAMPLE_CSV = path.join(ROOT, 'assets', 'sample', 'annual-2025.csv');
const JS01_PART = 'xl/worksheets/sheet3.xml'; // JS01 法律援助 in the template the CLI makes
/** A fixed zip entry time, so the hand-made packages come out byte-identical on every run. */
const MTIME = new Date('2025-01-01T00:00:00Z');

/** A deterministic byte stream (mulberry32), so the corpus is the same on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The standard annual report, filled with the sample data (bytes). */
function makeReport(tmp) {
  const t = path.join(tmp, 't.xlsx');
  const f = path.join(tmp, 'f.xlsx');
  const cli = path.join(ROOT, 'scripts', 'cli.cjs');
  const opts = { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] };
  execFileSync(process.execPath, [cli, 'template', 'annual', '--out', t, '--unit', '示例市司法局', '--period', '2025'], opts);
  execFileSync(process.execPath, [cli, 'fill', t, '--data', SAMPLE_CSV, '--out', f], opts);
  return new Uint8Array(fs.readFileSync(f));
}

/** Returns a copy of the package with `edit(parts)` applied (parts: name → bytes; text helpers). */
function patch(bytes, edit) {
  const parts = unzipSync(bytes);
  const api = {
    get: (n) => strFromU8(parts[n]),
    set: (n, s) => (parts[n] = typeof s === 'string' ? strToU8(s) : s),
    del: (n) => delete parts[n],
    parts,
  };
  edit(api);
  return zipSync(parts, { level: 6, mtime: MTIME });
}

function replaceOnce(xml, from, to) {
  if (!xml.includes(from)) throw new Error(`make-bad-corpus: expected ${from.slice(0, 80)} in the part`);
  return xml.replace(from, to);
}

// ---- OLE compound file (CFB v3, 512-byte sectors), just enough for the encrypted-package case ----

function cfb(streams) {
  // every stream is padded to ≥ 4096 bytes so it lives in ordinary sectors (no mini stream)
  const SECT = 512;
  const FREE = 0xffffffff, END = 0xfffffffe, FATSECT = 0xfffffffd, NOSTREAM = 0xffffffff;
  const bodies = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECT) * SECT);
    const b = new Uint8Array(size);
    b.set(s.data);
    return { name: s.name, data: b, size: s.data.length };
  });
  const fat = new Uint32Array(SECT / 4).fill(FREE);
  fat[0] = FATSECT;
  fat[1] = END; // the directory: one sector
  let next = 2;
  const starts = bodies.map((b) => {
    const start = next;
    const n = b.data.length / SECT;
    for (let i = 0; i < n; i++) fat[next + i] = i === n - 1 ? END : next + i + 1;
    next += n;
    return start;
  });
  if (next > SECT / 4) throw new Error('cfb: too large for one FAT sector');
  const header = new Uint8Array(SECT);
  const hv = new DataView(header.buffer);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  hv.setUint16(0x18, 0x003e, true);
  hv.setUint16(0x1a, 0x0003, true);
  hv.setUint16(0x1c, 0xfffe, true);
  hv.setUint16(0x1e, 9, true);
  hv.setUint16(0x20, 6, true);
  hv.setUint32(0x2c, 1, true); // FAT sectors
  hv.setUint32(0x30, 1, true); // first directory sector
  hv.setUint32(0x38, 4096, true); // mini stream cutoff
  hv.setUint32(0x3c, END, true);
  hv.setUint32(0x44, END, true);
  for (let i = 0; i < 109; i++) hv.setUint32(0x4c + i * 4, i === 0 ? 0 : FREE, true);
  const dir = new Uint8Array(SECT);
  const dv = new DataView(dir.buffer);
  const entry = (i, name, type, child, right, start, size) => {
    const o = i * 128;
    for (let k = 0; k < name.length; k++) dv.setUint16(o + k * 2, name.charCodeAt(k), true);
    dv.setUint16(o + 0x40, (name.length + 1) * 2, true);
    dir[o + 0x42] = type;
    dir[o + 0x43] = 1; // black
    dv.setUint32(o + 0x44, NOSTREAM, true);
    dv.setUint32(o + 0x48, right, true);
    dv.setUint32(o + 0x4c, child, true);
    dv.setUint32(o + 0x74, start, true);
    dv.setUint32(o + 0x78, size, true);
  };
  // names sort by length, then case-insensitively: the first stream is the root's child, the second its right sibling
  entry(0, 'Root Entry', 5, 1, NOSTREAM, END, 0);
  bodies.forEach((b, i) => entry(i + 1, b.name, 2, NOSTREAM, i + 2 <= bodies.length ? i + 2 : NOSTREAM, starts[i], b.size));
  for (let i = bodies.length + 1; i < 4; i++) {
    const o = i * 128;
    dv.setUint32(o + 0x44, NOSTREAM, true);
    dv.setUint32(o + 0x48, NOSTREAM, true);
    dv.setUint32(o + 0x4c, NOSTREAM, true);
  }
  const fatBytes = new Uint8Array(fat.buffer);
  const total = new Uint8Array(SECT * 3 + bodies.reduce((s, b) => s + b.data.length, 0));
  total.set(header, 0);
  total.set(fatBytes, SECT);
  total.set(dir, SECT * 2);
  let o = SECT * 3;
  for (const b of bodies) {
    total.set(b.data, o);
    o += b.data.length;
  }
  return total;
}

// ---- GB18030 encoding via the decoder's own table (Node has a GB18030 decoder, not an encoder) ----

let gbTable = null;
function encodeGb18030(text) {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [a, b]);
      }
  }
  const out = [];
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c < 0x80) out.push(c);
    else {
      const e = gbTable.get(ch);
      if (!e) throw new Error(`make-bad-corpus: no two-byte GB18030 code for ${ch}`);
      out.push(...e);
    }
  }
  return new Uint8Array(out);
}

// ---- CSV helpers ----

function sampleRows() {
  return fs.readFileSync(SAMPLE_CSV, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l !== '');
}

function csvWith(edit) {
  const rows = sampleRows();
  edit(rows);
  return rows.join('\r\n') + '\r\n';
}

function setExplanation(rows, code, text) {
  const i = rows.findIndex((r) => r.startsWith(code + ','));
  if (i < 0) throw new Error(`make-bad-corpus: no ${code} in the sample CSV`);
  const cells = rows[i].split(',');
  rows[i] = [cells[0], cells[1], cells[2], '"' + text.replace(/"/g, '""') + '"'].join(',');
}

function setCurrent(rows, code, value) {
  const i = rows.findIndex((r) => r.startsWith(code + ','));
  const cells = rows[i].split(',');
  rows[i] = [cells[0], '"' + value + '"', cells[2], cells[3] ?? ''].join(',');
}

const FORMULA_TEXTS = ['=HYPERLINK("http://example.invalid/","点此查看")', "=cmd|' /C calc'!A0", '@SUM(1+1)*cmd|\' /C calc\'!A0', '+1'];

// ---- the large cases, made at test time ----

/** The report with a 5 MB string as the 说明 of LA_CASES (JS01 法律援助!I4), as an inline string. */
function makeHugeString(report, chars = 5 * 1024 * 1024) {
  const big = '很长的说明'.repeat(Math.ceil(chars / 5)).slice(0, chars);
  return patch(report, (p) => {
    p.set(JS01_PART, replaceOnce(p.get(JS01_PART), '<c r="I4" s="15"/>', `<c r="I4" s="15" t="inlineStr"><is><t>${big}</t></is></c>`));
  });
}

/**
 * Writes a zip bomb to `file`: the report's parts plus xl/worksheets/sheet11.xml, `inflated` bytes
 * of zeros deflated (streaming, fflate level 9; 2 GB of zeros → 2,149,333 bytes). 26 s and 90 MB for 2 GB on one
 * core, so tests should cache it (see `cachedZipBomb`).
 */
function makeZipBomb(report, file, inflated = 2 * 1024 * 1024 * 1024) {
  const fd = fs.openSync(file, 'w');
  try {
    let err = null;
    const zip = new Zip((e, chunk) => {
      if (e) err = e;
      else fs.writeSync(fd, chunk);
    });
    const parts = unzipSync(report);
    for (const [name, data] of Object.entries(parts)) {
      const f = new ZipDeflate(name, { level: 6 });
      zip.add(f);
      f.push(data, true);
    }
    // level 9: zeros deflate at about 1016:1 (2 GB → 2.1 MB); level 1 gives only 660:1 and is barely faster
    const bomb = new ZipDeflate('xl/worksheets/sheet11.xml', { level: 9 });
    zip.add(bomb);
    const chunk = new Uint8Array(1 << 20);
    const n = Math.ceil(inflated / chunk.length);
    for (let i = 0; i < n; i++) bomb.push(chunk, i === n - 1);
    zip.end();
    if (err) throw err;
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

/** The zip bomb, made once per machine in the temporary folder and reused. */
function cachedZipBomb(report, inflated = 2 * 1024 * 1024 * 1024) {
  const file = path.join(os.tmpdir(), `bra-zip-bomb-${inflated}.xlsx`);
  if (!fs.existsSync(file)) {
    makeZipBomb(report, file + '.part', inflated);
    fs.renameSync(file + '.part', file);
  }
  return file;
}

// ---- the committed corpus ----

function minimalXlsx(sheetXml) {
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  }, { mtime: MTIME });
}

function buildCases(report) {
  const rand = prng(12);
  const cases = [];
  const files = new Map();
  const add = (c, contents) => {
    for (const [name, data] of Object.entries(contents ?? {})) files.set(name, data);
    cases.push(c);
  };
  const check = (f) => ['check', `tests/fixtures/bad/${f}`];
  const fill = (csv) => ['fill', 'tests/fixtures/bad/report.xlsx', '--data', `tests/fixtures/bad/${csv}`, '--out', '{tmp}/out.xlsx'];

  add({ id: 'report', files: ['report.xlsx'], command: check('report.xlsx'), description: 'The plain report (template + sample data): the good base the CSV cases fill into.' }, { 'report.xlsx': report });
  add({ id: 'empty', files: ['empty.xlsx'], command: check('empty.xlsx'), description: 'An empty file (0 bytes) named .xlsx.' }, { 'empty.xlsx': new Uint8Array(0) });
  const rnd = new Uint8Array(4096).map(() => Math.floor(rand() * 256));
  add({ id: 'random-bytes', files: ['random.xlsx'], command: check('random.xlsx'), description: '4 KB of random bytes named .xlsx.' }, { 'random.xlsx': rnd });
  add({ id: 'truncated', files: ['truncated.xlsx'], command: check('truncated.xlsx'), description: 'The report cut off after 60 % of its bytes (no central directory).' }, { 'truncated.xlsx': report.slice(0, Math.floor(report.length * 0.6)) });
  add({ id: 'zip-not-workbook', files: ['not-workbook.xlsx'], command: check('not-workbook.xlsx'), description: 'A valid zip holding two text files, no workbook parts.' }, { 'not-workbook.xlsx': zipSync({ 'readme.txt': strToU8('这不是工作簿\n'), 'data/list.csv': strToU8('a,b\n1,2\n') }, { mtime: MTIME }) });
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const docx = zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>2025年法律援助工作总结</w:t></w:r></w:p></w:body></w:document>`),
  }, { mtime: MTIME });
  add({ id: 'renamed-docx', files: ['renamed-docx.xlsx'], command: check('renamed-docx.xlsx'), description: 'A Word document (.docx package) renamed to .xlsx.' }, { 'renamed-docx.xlsx': docx });
  add({ id: 'html-as-xls', files: ['html.xls'], command: check('html.xls'), description: 'An HTML table saved as .xls (what some web systems export).' }, { 'html.xls': strToU8('<html><head><meta charset="utf-8"></head><body><table><tr><td>指标代码</td><td>本期</td></tr><tr><td>LA_CASES</td><td>1985</td></tr></table></body></html>\n') });
  const ods = zipSync(
    {
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'META-INF/manifest.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'),
      'content.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1"><table:table-row><table:table-cell office:value-type="string"><text:p>LA_CASES</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1985"><text:p>1985</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>'),
    },
    { level: 6, mtime: MTIME },
  );
  add({ id: 'ods-as-xlsx', files: ['ods.xlsx'], command: check('ods.xlsx'), description: 'An OpenDocument spreadsheet (.ods, stored mimetype first) renamed to .xlsx.' }, { 'ods.xlsx': ods });
  const xls = new Uint8Array(4096);
  xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  add({ id: 'binary-xls', files: ['binary.xls'], command: check('binary.xls'), description: 'A binary Excel 97–2003 file: the OLE compound-file signature, no OOXML.' }, { 'binary.xls': xls });
  const info = new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>')]);
  const pkg = new Uint8Array(4096).map(() => Math.floor(rand() * 256));
  new DataView(pkg.buffer).setUint32(0, report.length, true);
  add({ id: 'encrypted', files: ['encrypted.xlsx'], command: check('encrypted.xlsx'), description: 'A workbook with an open password, as Excel stores it: an OLE file with EncryptionInfo and EncryptedPackage streams, named .xlsx.' }, { 'encrypted.xlsx': cfb([{ name: 'EncryptionInfo', data: info }, { name: 'EncryptedPackage', data: pkg }]) });
  add(
    { id: 'not-template', files: ['not-template.xlsx'], command: check('not-template.xlsx'), description: 'A valid workbook of the user’s own, not made from the template (no defined names).' },
    { 'not-template.xlsx': minimalXlsx('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>法律援助案件</t></is></c><c r="B1"><v>1985</v></c></row></sheetData></worksheet>') },
  );

  // CSV inputs, filled into the report
  add({ id: 'csv-bom', files: ['report.xlsx', 'bom.csv'], command: fill('bom.csv'), description: 'The sample CSV with a UTF-8 byte-order mark (as Excel’s "CSV UTF-8" saves it).' }, { 'bom.csv': strToU8('\ufeff' + csvWith(() => undefined)) });
  const gbText = csvWith((rows) => setExplanation(rows, 'LA_CASES', '新增两个法律援助工作站，案件数上升'));
  add({ id: 'csv-gb18030', files: ['report.xlsx', 'gb18030.csv'], command: fill('gb18030.csv'), description: 'The sample CSV saved by Excel on Chinese Windows: GB18030 (GBK) bytes, with 说明 text in Chinese.' }, { 'gb18030.csv': encodeGb18030(gbText) });
  add({ id: 'csv-duplicate-code', files: ['report.xlsx', 'duplicate-code.csv'], command: fill('duplicate-code.csv'), description: 'The sample CSV with LA_CASES twice (1985 on line 5, 2100 on the last line).' }, { 'duplicate-code.csv': strToU8(csvWith((rows) => rows.push('LA_CASES,2100,1862,'))) });
  add(
    { id: 'csv-spaces', files: ['report.xlsx', 'spaces.csv'], command: fill('spaces.csv'), description: 'Values with a trailing space ("4060 " for PLS_HOTLINE_CALLS… see the file) and a no-break space ("712\\u00a0").' },
    {
      'spaces.csv': strToU8(
        csvWith((rows) => {
          setCurrent(rows, 'LA_CASES', '4060 ');
          setCurrent(rows, 'LA_CASES_CRIMINAL', '712\u00a0');
        }),
      ),
    },
  );
  cases[cases.length - 1].description = 'Values with a trailing space (LA_CASES "4060 ") and a no-break space (LA_CASES_CRIMINAL "712\\u00a0").';
  add({ id: 'csv-unknown-code', files: ['report.xlsx', 'unknown-code.csv'], command: fill('unknown-code.csv'), description: 'The sample CSV plus a row with a code not in the standard (NOT_A_CODE).' }, { 'unknown-code.csv': strToU8(csvWith((rows) => rows.push('NOT_A_CODE,12,10,'))) });
  add(
    { id: 'csv-formula-text', files: ['report.xlsx', 'formula-text.csv'], command: fill('formula-text.csv'), description: '说明 text that looks like formulas: =HYPERLINK(…), =cmd|\' /C calc\'!A0, @SUM(…), +1 (on LA_CASES, LA_CASES_CRIMINAL, LA_CASES_CIVIL, LA_CASES_ADMIN).' },
    {
      'formula-text.csv': strToU8(
        csvWith((rows) => ['LA_CASES', 'LA_CASES_CRIMINAL', 'LA_CASES_CIVIL', 'LA_CASES_ADMIN'].forEach((code, i) => setExplanation(rows, code, FORMULA_TEXTS[i]))),
      ),
    },
  );

  // workbooks made from the report, then damaged
  const errors = patch(report, (p) => {
    let x = p.get(JS01_PART);
    x = replaceOnce(x, '<c r="E4" s="16"><v>1985</v></c>', '<c r="E4" s="16" t="e"><v>#DIV/0!</v></c>');
    x = replaceOnce(x, '<c r="E5" s="16"><v>1100</v></c>', '<c r="E5" s="16" t="e"><v>#N/A</v></c>');
    x = replaceOnce(x, '<c r="F6" s="16"><v>770</v></c>', '<c r="F6" s="16" t="e"><v>#NUM!</v></c>');
    p.set(JS01_PART, x);
  });
  add({ id: 'error-values', files: ['error-values.xlsx'], command: check('error-values.xlsx'), description: 'JS01 法律援助: #DIV/0! in E4 (LA_CASES), #N/A in E5 (LA_CASES_CRIMINAL), #NUM! in F6 (LA_CASES_CIVIL_PREV).' }, { 'error-values.xlsx': errors });
  const merged = patch(report, (p) => {
    p.set(JS01_PART, replaceOnce(p.get(JS01_PART), '<mergeCells count="2"><mergeCell ref="A1:I1"/><mergeCell ref="A2:I2"/></mergeCells>', '<mergeCells count="3"><mergeCell ref="A1:I1"/><mergeCell ref="A2:I2"/><mergeCell ref="E5:E6"/></mergeCells>'));
  });
  add({ id: 'merged-inputs', files: ['merged-inputs.xlsx'], command: check('merged-inputs.xlsx'), description: 'JS01 法律援助: E5:E6 merged, so LA_CASES_CIVIL (E6) lies under LA_CASES_CRIMINAL’s merge (its old value 820 still in the XML).' }, { 'merged-inputs.xlsx': merged });
  const noPeriod = patch(report, (p) => {
    p.set('xl/workbook.xml', replaceOnce(p.get('xl/workbook.xml'), '<definedName name="RPT_PERIOD">&apos;封面&apos;!$B$4</definedName>', ''));
  });
  add({ id: 'no-period-name', files: ['no-period-name.xlsx'], command: check('no-period-name.xlsx'), description: 'The report with the RPT_PERIOD defined name deleted (the cell 封面!B4 still says 2025).' }, { 'no-period-name.xlsx': noPeriod });
  const formulaText = patch(report, (p) => {
    let x = p.get(JS01_PART);
    FORMULA_TEXTS.forEach((t, i) => {
      const esc = t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
      x = replaceOnce(x, `<c r="I${4 + i}" s="15"/>`, `<c r="I${4 + i}" s="15" t="inlineStr"><is><t>${esc}</t></is></c>`);
    });
    p.set(JS01_PART, x);
  });
  add({ id: 'typed-formula-text', files: ['formula-text.xlsx'], command: check('formula-text.xlsx'), description: 'The same four formula-like texts typed as 说明 in JS01 法律援助!I4:I7, stored as text without a quote prefix.' }, { 'formula-text.xlsx': formulaText });
  const xlsm = patch(report, (p) => {
    p.set('[Content_Types].xml', replaceOnce(p.get('[Content_Types].xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml').replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'));
    p.set('xl/_rels/workbook.xml.rels', p.get('xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    const vba = new Uint8Array(1024);
    vba.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    vba.set(strToU8('Attribute VB_Name = "Module1"'), 64);
    p.set('xl/vbaProject.bin', vba);
  });
  add({ id: 'xlsm', files: ['macro.xlsm'], command: ['check', 'tests/fixtures/bad/macro.xlsm', '--out', '{tmp}/flagged.xlsm'], description: 'The report as a macro-enabled workbook with a (stand-in) vbaProject.bin; the output must keep the macros and the type.' }, { 'macro.xlsm': xlsm });

  // generated at test time, not committed
  cases.push({ id: 'huge-string', files: [], generate: 'makeHugeString', command: ['check', '{generated}', '--out', '{tmp}/flagged.xlsx'], description: 'A 5 MB string as the 说明 of LA_CASES (JS01 法律援助!I4). Made at test time: require("scripts/make-bad-corpus.cjs").makeHugeString(reportBytes).' });
  cases.push({ id: 'zip-bomb', files: [], generate: 'cachedZipBomb', command: ['check', '{generated}'], description: 'A 2.1 MB zip whose sheet11.xml inflates to 2 GB of zeros. Made at test time (26 s alone, over 2 min beside other tests; cached in the temp folder): require("scripts/make-bad-corpus.cjs").cachedZipBomb(reportBytes).' });
  cases.push({ id: 'history-300k', files: [], generate: 'fillHistory', command: ['check', '{generated}'], description: 'An 11 MB report with 300k 历史数据 rows. Made at test time with tests/support/big-workbook.ts fillHistory(report, { rows: 300_000 }).' });
  cases.push({ id: 'pasted-100k', files: [], generate: 'addUserSheet', command: ['check', '{generated}'], description: 'The report plus a pasted 100k-row × 8-column sheet. Made at test time with tests/support/big-workbook.ts addUserSheet(report, { rows: 100_000 }).' });
  return { cases, files };
}

function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-corpus-'));
  try {
    const report = makeReport(tmp);
    const { cases, files } = buildCases(report);
    fs.mkdirSync(OUT, { recursive: true });
    for (const [name, data] of files) fs.writeFileSync(path.join(OUT, name), data);
    const doc = {
      note: 'Generated by scripts/make-bad-corpus.cjs (issue 12). command: CLI arguments after `npm run --silent cli --`; {tmp} is a fresh temporary folder, {generated} the file made by `generate`. Expected outcomes are not listed yet.',
      cases,
    };
    fs.writeFileSync(path.join(OUT, 'cases.json'), JSON.stringify(doc, null, 2) + '\n');
    for (const [name, data] of files) console.log(`${name.padEnd(24)} ${String(data.length).padStart(7)} bytes`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { makeReport, makeHugeString, makeZipBomb, cachedZipBomb, encodeGb18030, cfb };

if (require.main === module) main();
