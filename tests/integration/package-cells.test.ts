/** Cell-level reading and editing on hand-written OOXML: shared formulas, calcChain, limits, quote prefix, dates. */
import { strToU8, zipSync } from 'fflate';
import { XlsxPackage } from '../../src/hosts/xlsx/package';
import { shiftFormula } from '../../src/hosts/xlsx/package/refs';
import { changedParts, partsOf, text } from '../support/package-fixtures';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function book(sheetData: string, extra: { calcChain?: boolean; styles?: string; sst?: string[]; names?: string } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${extra.calcChain ? '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' : ''}</Types>`),
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets>${extra.names ?? ''}</workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/>${extra.calcChain ? `<Relationship Id="rId3" Type="${R}/calcChain" Target="calcChain.xml"/>` : ''}${extra.sst ? `<Relationship Id="rId4" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`),
    'xl/styles.xml': strToU8(extra.styles ?? `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData><mergeCells count="1"><mergeCell ref="F1:G1"/></mergeCells></worksheet>`),
  };
  if (extra.calcChain) files['xl/calcChain.xml'] = strToU8(`<calcChain xmlns="${MAIN}"><c r="B1" i="1"/><c r="B2"/></calcChain>`);
  if (extra.sst) files['xl/sharedStrings.xml'] = strToU8(`<sst xmlns="${MAIN}">${extra.sst.map((s) => `<si>${s}</si>`).join('')}</sst>`);
  return zipSync(files);
}

describe('shared formulas', () => {
  it('shift relative references only', () => {
    expect(shiftFormula('A1+$B$2+B$3+$C4', 2, 1)).toBe('B3+$B$2+C$3+$C6');
    expect(shiftFormula('SUM(A1:A3)*LOG10(2)', 1, 0)).toBe('SUM(A2:A4)*LOG10(2)');
    expect(shiftFormula('"A1"&A1&Sheet2!A1&\'我的 表\'!B2', 1, 1)).toBe('"A1"&B2&Sheet2!B2&\'我的 表\'!C3');
    expect(shiftFormula('LA_CASES/BASE_POP*10+1E3', 5, 5)).toBe('LA_CASES/BASE_POP*10+1E3');
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });

  it('clones read with their own formula text; editing the master gives the clones their own', () => {
    const bytes = book(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>' +
        '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>' +
        '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>',
      { calcChain: true },
    );
    const pkg = XlsxPackage.open(bytes);
    const cells = pkg.snapshotAll().sheets[0]?.cells ?? {};
    expect(cells.B2).toEqual({ v: 4, f: 'A2*2' });
    expect(cells.B3).toEqual({ v: 6, f: 'A3*2' });
    pkg.applyCellEdits([{ sheet: '数据', address: 'B1', value: 9 }]);
    const out = pkg.toBytes();
    const xml = text(partsOf(out)['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('<c r="B2"><f>A2*2</f><v>4</v></c>');
    expect(xml).toContain('<c r="B1"><v>9</v></c>');
    // a value over a formula: the calc chain goes, with its relationship and content type
    const parts = partsOf(out);
    expect(parts['xl/calcChain.xml']).toBeUndefined();
    expect(text(parts['xl/_rels/workbook.xml.rels'])).not.toContain('calcChain');
    expect(text(parts['[Content_Types].xml'])).not.toContain('calcChain');
    expect(XlsxPackage.open(out).snapshotAll().sheets[0]?.cells.B3).toEqual({ v: 6, f: 'A3*2' });
  });
});

describe('reading cells as the ExcelJS reader did', () => {
  it('strings, rich text, booleans, errors, dates, merged-away and empty cells', () => {
    const bytes = book(
      '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1" s="1"><v>45658</v></c><c r="E1" s="2"><v>45658.5</v></c><c r="F1"><v>1</v></c><c r="G1"><v>2</v></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c><c r="B2" t="s"><v>0</v></c><c r="C2" t="str"><f>""</f><v></v></c><c r="D2" t="inlineStr"><is><t></t></is></c></row>',
      { sst: ['<t>第一</t>', '<r><t>第</t></r><r><t>二</t></r><rPh sb="0" eb="1"><t>ダイ</t></rPh>'] },
    );
    const cells = XlsxPackage.open(bytes).snapshotAll().sheets[0]?.cells;
    expect(cells).toEqual({
      A1: { v: '第二' },
      B1: { v: true },
      C1: { v: null, error: '#DIV/0!' },
      D1: { v: '2025-01-01' },
      E1: { v: '2025-01-01T12:00:00' },
      F1: { v: 1 },
      A2: { v: '富文本' },
      B2: { v: '第一' },
      C2: { v: null, f: '""' },
    });
  });

  it('names: workbook-scoped single cells only, sheets matched without regard to case', () => {
    const names =
      '<definedNames><definedName name="A_ONE">\'数据\'!$A$1</definedName><definedName name="LOWER">数据!$B$1</definedName><definedName name="LOCAL" localSheetId="0">\'数据\'!$C$1</definedName>' +
      '<definedName name="K">1.05</definedName><definedName name="RANGE">\'数据\'!$A$1:$B$2</definedName><definedName name="BROKEN">#REF!</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">\'数据\'!$A$1:$C$3</definedName></definedNames>';
    const bytes = book('<row r="1"><c r="A1"><v>1</v></c></row>', { names });
    expect(XlsxPackage.open(bytes).snapshotAll().names).toEqual([
      { name: 'A_ONE', sheet: '数据', address: 'A1' },
      { name: 'LOWER', sheet: '数据', address: 'B1' },
    ]);
  });
});

describe('editing cells', () => {
  it('inserts cells and rows in order, keeps styles, quote-prefixes risky text, respects the cell limit', () => {
    const bytes = book('<row r="2" spans="1:3"><c r="A2" s="1"><v>1</v></c><c r="C2"><v>3</v></c></row><row r="5"/>');
    const pkg = XlsxPackage.open(bytes);
    pkg.applyCellEdits([
      { sheet: '数据', address: 'B2', value: 'x' },
      { sheet: '数据', address: 'A2', value: '+1' },
      { sheet: '数据', address: 'A1', value: true },
      { sheet: '数据', address: 'D5', formula: 'A2&"!"', result: 'x!' },
      { sheet: '数据', address: 'A9', value: 'z'.repeat(40000) },
      { sheet: '数据', address: 'C2', value: null },
    ]);
    const out = pkg.toBytes();
    const xml = text(partsOf(out)['xl/worksheets/sheet1.xml']);
    expect(xml).toMatch(/^<worksheet xmlns="[^"]+"><sheetData><row r="1"><c r="A1" t="b"><v>1<\/v><\/c><\/row><row r="2" spans="1:3"><c r="A2" s="3" t="inlineStr">/);
    expect(xml).toContain('<c r="B2" t="inlineStr"><is><t xml:space="preserve">x</t></is></c><c r="C2"/></row><row r="5"><c r="D5" t="str"><f>A2&amp;"!"</f><v>x!</v></c></row><row r="9">');
    expect(text(partsOf(out)['xl/styles.xml'])).toContain('<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="164" quotePrefix="1"/></cellXfs>');
    const cells = XlsxPackage.open(out).snapshotAll().sheets[0]?.cells ?? {};
    expect(String(cells.A9?.v).length).toBe(32767);
    expect(String(cells.A9?.v).endsWith('…')).toBe(true);
    expect(cells.A2).toEqual({ v: '+1' });
    expect(changedParts(bytes, out)).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);
  });
});
