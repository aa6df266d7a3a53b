import { strToU8, zipSync } from 'fflate';
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
