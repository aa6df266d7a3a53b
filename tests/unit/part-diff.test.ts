import { strToU8, zipSync } from 'fflate';
import * as big from '../support/big-workbook';
import { diffParts, partsOf, partText, rootChildren, xmlElementsDiff } from '../support/part-diff';

const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r">
  <dimension ref="A1:B2"/>
  <sheetData>
    <row r="1"><c r="A1" t="s"><v>0</v></c></row>
  </sheetData>
  <pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
</worksheet>`;

function zip(files: Record<string, string>, level: 0 | 6 = 6): Uint8Array {
  const input: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) input[k] = strToU8(v);
  return zipSync(input, { level });
}

describe('partsOf', () => {
  it('inflates every part by name, whatever the compression level', () => {
    for (const level of [0, 6] as const) {
      const parts = partsOf(zip({ '[Content_Types].xml': '<Types/>', 'xl/worksheets/sheet1.xml': SHEET }, level));
      expect([...parts.keys()]).toEqual(['[Content_Types].xml', 'xl/worksheets/sheet1.xml']);
      expect(partText(parts, 'xl/worksheets/sheet1.xml')).toBe(SHEET);
    }
  });
  it('throws on bytes that are not a zip', () => {
    expect(() => partsOf(new Uint8Array([1, 2, 3, 4]))).toThrow();
  });
});

describe('diffParts', () => {
  it('names added, removed and changed parts, not the same ones stored differently', () => {
    const a = zip({ 'a.xml': '<a/>', 'b.xml': '<b/>', 'c.xml': '<c/>' }, 0);
    const b = zip({ 'a.xml': '<a/>', 'b.xml': '<b x="1"/>', 'd.xml': '<d/>' }, 6);
    expect(diffParts(a, b)).toEqual({ added: ['d.xml'], removed: ['c.xml'], changed: ['b.xml'] });
    expect(diffParts(a, a)).toEqual({ added: [], removed: [], changed: [] });
  });
  it('accepts already-inflated part maps', () => {
    const pa = partsOf(zip({ 'x.bin': 'abc' }));
    const pb = partsOf(zip({ 'x.bin': 'abd' }));
    expect(diffParts(pa, pb).changed).toEqual(['x.bin']);
  });
});

describe('xmlElementsDiff', () => {
  const withMarks = SHEET.replace(
    '<pageMargins',
    '<conditionalFormatting sqref="B2"><cfRule type="expression" dxfId="0" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>\n  <pageMargins',
  ).replace('</worksheet>', '<legacyDrawing r:id="rId1"/></worksheet>');

  it('reports the elements a patch added and nothing else', () => {
    expect(xmlElementsDiff(SHEET, withMarks)).toEqual({
      added: ['conditionalFormatting', 'legacyDrawing'],
      removed: [],
      changed: [],
      rootChanged: false,
      reordered: false,
    });
  });
  it('reports removed and changed elements, and a changed root tag', () => {
    const b = SHEET.replace('<dimension ref="A1:B2"/>', '')
      .replace('<v>0</v>', '<v>1</v>')
      .replace('xmlns:r="r"', 'xmlns:r="r" xmlns:x14ac="y"');
    const d = xmlElementsDiff(SHEET, b);
    expect(d.removed).toEqual(['dimension']);
    expect(d.changed).toEqual(['sheetData']);
    expect(d.rootChanged).toBe(true);
  });
  it('ignores whitespace between tags but not attribute changes or order', () => {
    const compact = SHEET.replace(/>\s+</g, '><');
    expect(xmlElementsDiff(SHEET, compact)).toMatchObject({ added: [], removed: [], changed: [], reordered: false });
    const swapped = SHEET.replace('left="0.7" right="0.7"', 'right="0.7" left="0.7"');
    expect(xmlElementsDiff(SHEET, swapped).changed).toEqual(['pageMargins']);
  });
  it('sees elements moved to another place', () => {
    const moved = SHEET.replace('<dimension ref="A1:B2"/>', '').replace('</worksheet>', '<dimension ref="A1:B2"/></worksheet>');
    expect(xmlElementsDiff(SHEET, moved)).toMatchObject({ added: [], removed: [], changed: [], reordered: true });
  });
  it('counts repeated elements by occurrence', () => {
    const two = withMarks.replace('<conditionalFormatting sqref="B2">', '<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="1" priority="2"><formula>1</formula></cfRule></conditionalFormatting><conditionalFormatting sqref="B2">');
    // the first existing one now reads differently (A1) and one more (B2) is there
    const d = xmlElementsDiff(withMarks, two);
    expect(d.changed).toEqual(['conditionalFormatting']);
    expect(d.added).toEqual(['conditionalFormatting']);
  });
  it('keeps CDATA, comments and text inside elements', () => {
    const r = rootChildren('<r><a><![CDATA[x<y]]></a><!-- c --><b>t</b></r>');
    expect(r.children.map((c) => c.name)).toEqual(['a', 'b']);
    expect(r.children[0]?.canonical).toBe('<a><![CDATA[x<y]]></a>');
  });
  it('refuses text that is not one well-formed element', () => {
    expect(() => rootChildren('<a><b></a>')).toThrow();
    expect(() => rootChildren('')).toThrow();
  });
});

describe('big-workbook (checked with part-diff)', () => {
  // a minimal report-like package: workbook, rels, content types, shared strings, a 历史数据 sheet
  const WB = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="封面" sheetId="1" r:id="rId1"/><sheet name="历史数据" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="RPT_PERIOD">'封面'!$B$4</definedName></definedNames><calcPr calcId="191029"/></workbook>`;
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const base = (): Uint8Array =>
    zip({
      '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': WB,
      'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      'xl/sharedStrings.xml': '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>指标代码</t></si><si><t>LA_CASES</t></si><si><r><t>BASE_</t></r><r><t>POP</t></r></si></sst>',
      'xl/worksheets/sheet1.xml': SHEET,
      'xl/worksheets/sheet2.xml': '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:A3"/><cols><col min="1" max="1" width="26"/></cols><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>2</v></c></row></sheetData></worksheet>',
      'xl/styles.xml': '<styleSheet/>',
    });

  it('addUserSheet adds one sheet part and touches only workbook, rels, content types, shared strings', () => {
    const before = base();
    const after = big.addUserSheet(before, { rows: 300 });
    expect(diffParts(before, after)).toEqual({
      added: ['xl/worksheets/sheet3.xml'],
      removed: [],
      changed: ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/workbook.xml'],
    });
    const pa = partsOf(before);
    const pb = partsOf(after);
    expect(xmlElementsDiff(partText(pa, 'xl/workbook.xml'), partText(pb, 'xl/workbook.xml'))).toMatchObject({ added: [], removed: [], changed: ['sheets'], rootChanged: false });
    const sheet = partText(pb, 'xl/worksheets/sheet3.xml');
    expect(sheet.match(/<row /g)).toHaveLength(301);
    expect(sheet.match(/<c /g)).toHaveLength(301 * 8);
    expect(partText(pb, 'xl/workbook.xml')).toContain('<sheet name="我的台账" sheetId="3" r:id="rIdBig1"/></sheets>');
    const sst = partText(pb, 'xl/sharedStrings.xml');
    // old strings stay first and unchanged; one unique name per row, repeated values shared
    expect(sst.startsWith(partText(pa, 'xl/sharedStrings.xml').replace(/count="3" uniqueCount="3">[\s\S]*$/, ''))).toBe(true);
    expect(sst).toContain('<si><t>当事人000300</t></si>');
    const unique = Number(/uniqueCount="(\d+)"/.exec(sst)?.[1]);
    expect(unique).toBe((sst.match(/<si>/g) ?? []).length);
    expect(unique).toBeLessThan(3 + 8 + 300 + 5 + 7 + 1);
    expect(Number(/ count="(\d+)"/.exec(sst)?.[1])).toBe(3 + 8 + 300 * 3);
  });

  it('fillHistory rewrites only the history sheet data and the shared strings', () => {
    const before = base();
    const after = big.fillHistory(before, { rows: 1000, currentValues: { LA_CASES: 1985, BASE_POP: 275 } });
    expect(diffParts(before, after)).toEqual({ added: [], removed: [], changed: ['xl/sharedStrings.xml', 'xl/worksheets/sheet2.xml'] });
    const pa = partsOf(before);
    const pb = partsOf(after);
    const d = xmlElementsDiff(partText(pa, 'xl/worksheets/sheet2.xml'), partText(pb, 'xl/worksheets/sheet2.xml'));
    expect(d).toMatchObject({ added: [], removed: [], changed: ['dimension', 'sheetData'], rootChanged: false, reordered: false });
    const sheet = partText(pb, 'xl/worksheets/sheet2.xml');
    expect(sheet).toContain('<dimension ref="A1:F1001"/>');
    expect(sheet.match(/<row /g)).toHaveLength(1001);
    // the report's own codes keep their strings (0 = 指标代码, 1 = LA_CASES, 2 = BASE_POP) and trend up to the current value
    expect(sheet).toMatch(/<row r="1"><c r="A1" t="s"><v>0<\/v><\/c>/);
    const la = /<row r="2"><c r="A2" t="s"><v>1<\/v><\/c>(.*?)<\/row>/.exec(sheet)?.[1] ?? '';
    const vals = [...la.matchAll(/<v>([\d.]+)<\/v>/g)].map((m) => Number(m[1]));
    expect(vals).toHaveLength(5);
    for (const v of vals) expect(v).toBeGreaterThan(1985 * 0.85);
    expect(vals[4]).toBeLessThan(1985);
    expect(sheet).toContain('<c r="A3" t="s"><v>2</v></c>');
  });

  it('refuses a sheet name already used, and a workbook without 历史数据', () => {
    const b = big.addUserSheet(base(), { rows: 1, name: '甲' });
    expect(() => big.addUserSheet(b, { rows: 1, name: '甲' })).toThrow(/already/);
    const noHistory = partsOf(base());
    const files: Record<string, Uint8Array> = {};
    for (const [k, v] of noHistory) files[k] = k === 'xl/workbook.xml' ? strToU8(WB.replace('name="历史数据"', 'name="其他"')) : v;
    expect(() => big.fillHistory(zipSync(files), { rows: 1 })).toThrow(/历史数据/);
  });
});

describe('fixture corpora are complete', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('fs') as typeof import('fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('path') as typeof import('path');
  const root = path.resolve(__dirname, '..', '..');

  it('every file tests/fixtures/bad/cases.json lists exists, and every generator it names is exported', () => {
    const doc = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/bad/cases.json'), 'utf8')) as {
      cases: { id: string; files: string[]; command: string[]; generate?: string }[];
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const gen = require(path.join(root, 'scripts/make-bad-corpus.cjs')) as Record<string, unknown>;
    const generators = new Set([...Object.keys(gen).filter((k) => typeof gen[k] === 'function'), ...Object.keys(big)]);
    expect(doc.cases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(doc.cases.map((c) => c.id)).size).toBe(doc.cases.length);
    for (const c of doc.cases) {
      expect(c.command.length).toBeGreaterThan(0);
      for (const f of c.files) expect({ id: c.id, file: f, exists: fs.existsSync(path.join(root, 'tests/fixtures/bad', f)) }).toEqual({ id: c.id, file: f, exists: true });
      for (const a of c.command.filter((x) => x.startsWith('tests/'))) expect(fs.existsSync(path.join(root, a))).toBe(true);
      if (c.generate !== undefined) expect(generators.has(c.generate)).toBe(true);
      else expect(c.files.length).toBeGreaterThan(0);
    }
  });

  it('the GB18030 CSV really is GB18030 (not UTF-8) and decodes to the Chinese 说明', () => {
    const bytes = fs.readFileSync(path.join(root, 'tests/fixtures/bad/gb18030.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder('gb18030').decode(bytes)).toContain('LA_CASES,1985,1862,"新增两个法律援助工作站，案件数上升"');
  });

  it('the package corpus README describes exactly the files there, each under 60 KB', () => {
    const dir = path.join(root, 'tests/fixtures/package');
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]).sort();
    const present = fs.readdirSync(dir).filter((f) => /\.xls[xm]$/.test(f)).sort();
    expect(listed).toEqual(present);
    expect(present.length).toBeGreaterThanOrEqual(16);
    for (const f of present) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir, f)));
      expect(bytes.length).toBeLessThan(60 * 1024);
      expect(partsOf(bytes).has('xl/workbook.xml')).toBe(true);
    }
  });
});
