/**
 * Random workbooks written directly as OOXML text (fast, and not by ExcelJS): fills, fonts,
 * borders, number formats with backslash escapes, the user's own notes (comments + VML),
 * conditional formats with priorities (also x14 ones in extLst), names of every scope, and
 * sometimes the `x:` prefix for the main namespace with mc:Ignorable content.
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import type { Mark, MarkPlan } from '../../src/core/plan/types';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface RandomCell {
  col: number;
  row: number;
  kind: 'n' | 's' | 'blank';
  value: number;
  style: number;
}

export interface RandomSheet {
  cells: RandomCell[];
  notes: Array<{ col: number; row: number; author: number; text: string }>;
  rules: Array<{ col: number; row: number; priority: number; dxf: number }>;
  x14: boolean;
}

export interface RandomBook {
  prefix: boolean;
  sheets: RandomSheet[];
  fonts: Array<{ bold: boolean; size: number; color: string; name: string }>;
  fills: string[];
  borders: string[];
  numFmts: string[];
  xfs: Array<{ font: number; fill: number; border: number; numFmt: number }>;
  dxfs: 'absent' | 'empty' | 'some';
  names: Array<{ kind: 'cell' | 'local' | 'constant' | 'range' | 'ref' | 'print'; sheet: number; n: number }>;
  marks: Array<{ sheet: number; cell: number; severity: 'error' | 'warning' | 'info' }>;
}

const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => n.toString(16).padStart(6, '0').toUpperCase());
const NUMFMTS = ['0.0\\%', '#,##0\\ "元"', '0.00\\ \\万', 'yyyy"年"m"月"', '0.0%', '\\(0\\)', '#,##0.00;[Red]\\-#,##0.00'];

const sheetArb: fc.Arbitrary<RandomSheet> = fc.record({
  cells: fc.uniqueArray(
    fc.record({ col: fc.integer({ min: 1, max: 8 }), row: fc.integer({ min: 1, max: 20 }), kind: fc.constantFrom('n' as const, 's' as const, 'blank' as const), value: fc.integer({ min: -1000, max: 100000 }), style: fc.integer({ min: 0, max: 5 }) }),
    { minLength: 1, maxLength: 25, selector: (c) => `${c.col}:${c.row}` },
  ),
  notes: fc.uniqueArray(fc.record({ col: fc.integer({ min: 1, max: 8 }), row: fc.integer({ min: 1, max: 20 }), author: fc.integer({ min: 0, max: 2 }), text: fc.string({ minLength: 1, maxLength: 20 }) }), { maxLength: 4, selector: (n) => `${n.col}:${n.row}` }),
  rules: fc.array(fc.record({ col: fc.integer({ min: 1, max: 8 }), row: fc.integer({ min: 1, max: 20 }), priority: fc.integer({ min: 1, max: 9 }), dxf: fc.integer({ min: 0, max: 1 }) }), { maxLength: 3 }),
  x14: fc.boolean(),
});

export const bookArb: fc.Arbitrary<RandomBook> = fc.record({
  prefix: fc.boolean(),
  sheets: fc.array(sheetArb, { minLength: 1, maxLength: 3 }),
  fonts: fc.array(fc.record({ bold: fc.boolean(), size: fc.integer({ min: 8, max: 20 }), color: hex, name: fc.constantFrom('宋体', 'Calibri', '黑体', '仿宋') }), { minLength: 1, maxLength: 4 }),
  fills: fc.array(hex, { maxLength: 3 }),
  borders: fc.array(fc.constantFrom('thin', 'medium', 'dashed'), { maxLength: 2 }),
  numFmts: fc.uniqueArray(fc.constantFrom(...NUMFMTS), { maxLength: 4 }),
  xfs: fc.array(fc.record({ font: fc.nat(), fill: fc.nat(), border: fc.nat(), numFmt: fc.nat() }), { minLength: 6, maxLength: 6 }),
  dxfs: fc.constantFrom('absent' as const, 'empty' as const, 'some' as const),
  names: fc.array(fc.record({ kind: fc.constantFrom('cell' as const, 'local' as const, 'constant' as const, 'range' as const, 'ref' as const, 'print' as const), sheet: fc.nat(), n: fc.nat({ max: 99 }) }), { maxLength: 6 }),
  marks: fc.array(fc.record({ sheet: fc.nat(), cell: fc.nat(), severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const) }), { minLength: 1, maxLength: 6 }),
});

const col = (n: number) => String.fromCharCode(64 + n);

export function sheetName(i: number): string {
  return i === 1 ? "表'二 数据" : `Sheet${i + 1}`;
}

export function bookBytes(b: RandomBook): Uint8Array {
  const p = b.prefix ? 'x:' : '';
  const ns = b.prefix ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  const files: Record<string, Uint8Array> = {};
  const put = (n: string, s: string) => (files[n] = strToU8(s));
  let ct = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>';
  put('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  let wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdS" Type="${RELS}/styles" Target="styles.xml"/>`;
  let sheetsXml = '';
  b.sheets.forEach((s, i) => {
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    wbRels += `<Relationship Id="rId${i + 1}" Type="${RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`;
    ct += `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
    sheetsXml += `<${p}sheet name="${esc(sheetName(i))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`;
    const rows = new Map<number, RandomCell[]>();
    for (const c of s.cells) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
    let data = '';
    for (const r of [...rows.keys()].sort((a, z) => a - z)) {
      data += `<${p}row r="${r}" spans="1:8">`;
      for (const c of (rows.get(r) ?? []).sort((a, z) => a.col - z.col)) {
        const ref = `${col(c.col)}${r}`;
        const st = c.style ? ` s="${c.style}"` : '';
        if (c.kind === 'n') data += `<${p}c r="${ref}"${st}><${p}v>${c.value}</${p}v></${p}c>`;
        else if (c.kind === 's') data += `<${p}c r="${ref}"${st} t="inlineStr"><${p}is><${p}t>文本 ${c.value} &amp; "x"</${p}t></${p}is></${p}c>`;
        else data += `<${p}c r="${ref}"${st}/>`;
      }
      data += `</${p}row>`;
    }
    let cf = '';
    for (const r of s.rules) cf += `<${p}conditionalFormatting sqref="${col(r.col)}${r.row}:${col(r.col)}${r.row + 2}"><${p}cfRule type="cellIs"${b.dxfs === 'some' ? ` dxfId="${r.dxf}"` : ''} priority="${r.priority}" operator="greaterThan"><${p}formula>100</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
    const ext = s.x14
      ? `<${p}extLst><${p}ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" priority="${s.rules.length + 3}" id="{A1B2C3D4-0000-0000-0000-00000000000${i}}"><x14:dataBar minLength="0" maxLength="100"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>A1:A5</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></${p}ext></${p}extLst>`
      : '';
    let legacy = '';
    let sheetRels = '';
    if (s.notes.length) {
      const cpart = `xl/comments${i + 1}.xml`;
      const vpart = `xl/drawings/vmlDrawing${i + 1}.vml`;
      ct += `<Override PartName="/${cpart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`;
      put(cpart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>张三</author><author>李四</author><author>Author</author></authors><commentList>${s.notes.map((n) => `<comment ref="${col(n.col)}${n.row}" authorId="${n.author}"><text><r><rPr><b/><sz val="9"/></rPr><t xml:space="preserve">${esc(n.text)}</t></r></text></comment>`).join('')}</commentList></comments>`);
      put(vpart, `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${i + 1}"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${s.notes.map((n, k) => `<v:shape id="_x0000_s${(i + 1) * 1024 + k + 1}" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><v:textbox/><x:ClientData ObjectType="Note"><x:Row>${n.row - 1}</x:Row><x:Column>${n.col - 1}</x:Column></x:ClientData></v:shape>`).join('')}</xml>`);
      sheetRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/comments" Target="../comments${i + 1}.xml"/><Relationship Id="rId2" Type="${RELS}/vmlDrawing" Target="../drawings/vmlDrawing${i + 1}.vml"/></Relationships>`;
      put(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, sheetRels);
      legacy = `<${p}legacyDrawing r:id="rId2"/>`;
    }
    const mc = b.prefix ? ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"' : '';
    put(part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${p}worksheet ${ns} xmlns:r="${RELS}"${mc}><${p}dimension ref="A1:H20"/><${p}sheetViews><${p}sheetView workbookViewId="0"${i === 0 ? ' tabSelected="1"' : ''}/></${p}sheetViews><${p}sheetFormatPr defaultRowHeight="13.5"${b.prefix ? ' x14ac:dyDescent="0.15"' : ''}/><${p}sheetData>${data}</${p}sheetData><${p}sheetProtection sheet="1" password="CC3D"/>${cf}<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${legacy}${ext}</${p}worksheet>`);
  });
  const nSheets = b.sheets.length;
  let names = '';
  b.names.forEach((n, k) => {
    const s = n.sheet % nSheets;
    const q = `'${sheetName(s).replace(/'/g, "''")}'`;
    const nm = `名称${k}_${n.n}`;
    if (n.kind === 'cell') names += `<${p}definedName name="${nm}">${esc(`${q}!$B$${(n.n % 20) + 1}`)}</${p}definedName>`;
    else if (n.kind === 'local') names += `<${p}definedName name="${nm}" localSheetId="${s}">${esc(`${q}!$C$3`)}</${p}definedName>`;
    else if (n.kind === 'constant') names += `<${p}definedName name="${nm}">1.05</${p}definedName>`;
    else if (n.kind === 'range') names += `<${p}definedName name="${nm}">${esc(`${q}!$A$1:$B$9`)}</${p}definedName>`;
    else if (n.kind === 'ref') names += `<${p}definedName name="${nm}">#REF!</${p}definedName>`;
    else names += `<${p}definedName name="_xlnm.Print_Area" localSheetId="${s}">${esc(`${q}!$A$1:$H$20`)}</${p}definedName>`;
  });
  put('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${ns} xmlns:r="${RELS}"><${p}workbookPr defaultThemeVersion="124226"/><${p}workbookProtection lockStructure="1" workbookPassword="CC3D"/><${p}bookViews><${p}workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="10000" activeTab="0"/></${p}bookViews><${p}sheets>${sheetsXml}</${p}sheets>${names ? `<${p}definedNames>${names}</${p}definedNames>` : ''}<${p}calcPr calcId="191029"/></${p}workbook>`);
  put('xl/_rels/workbook.xml.rels', `${wbRels}</Relationships>`);
  const fonts = b.fonts.map((f) => `<${p}font>${f.bold ? `<${p}b/>` : ''}<${p}sz val="${f.size}"/><${p}color rgb="FF${f.color}"/><${p}name val="${esc(f.name)}"/><${p}charset val="134"/></${p}font>`).join('');
  const fills = [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`, ...b.fills.map((h) => `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${h}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`)];
  const borders = [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`, ...b.borders.map((st) => `<${p}border><${p}left style="${st}"/><${p}right style="${st}"/><${p}top style="${st}"/><${p}bottom style="${st}"/><${p}diagonal/></${p}border>`)];
  const fmtIds = b.numFmts.map((_, i) => 176 + i);
  const numFmts = b.numFmts.length ? `<${p}numFmts count="${b.numFmts.length}">${b.numFmts.map((f, i) => `<${p}numFmt numFmtId="${fmtIds[i]}" formatCode="${esc(f)}"/>`).join('')}</${p}numFmts>` : '';
  const xfs = [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`, ...b.xfs.slice(1).map((x) => `<${p}xf numFmtId="${fmtIds.length ? fmtIds[x.numFmt % fmtIds.length] : 0}" fontId="${x.font % b.fonts.length}" fillId="${x.fill % fills.length}" borderId="${x.border % borders.length}" xfId="0" applyFont="1"/>`)];
  const dxfs = b.dxfs === 'absent' ? '' : b.dxfs === 'empty' ? `<${p}dxfs count="0"/>` : `<${p}dxfs count="2"><${p}dxf><${p}font><${p}color rgb="FF9C0006"/></${p}font></${p}dxf><${p}dxf><${p}fill><${p}patternFill><${p}bgColor rgb="FF00FF00"/></${p}patternFill></${p}fill></${p}dxf></${p}dxfs>`;
  put('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}styleSheet ${ns}>${numFmts}<${p}fonts count="${b.fonts.length}">${fonts}</${p}fonts><${p}fills count="${fills.length}">${fills.join('')}</${p}fills><${p}borders count="${borders.length}">${borders.join('')}</${p}borders><${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs><${p}cellXfs count="${xfs.length}">${xfs.join('')}</${p}cellXfs><${p}cellStyles count="1"><${p}cellStyle name="Normal" xfId="0" builtinId="0"/></${p}cellStyles>${dxfs}<${p}tableStyles count="0"/></${p}styleSheet>`);
  put('[Content_Types].xml', `${ct}</Types>`);
  return zipSync(files);
}

/** A mark plan on random cells of the random book (some of them carry a user note). */
export function markPlanOf(b: RandomBook): MarkPlan {
  const marks: Mark[] = b.marks.map((m) => {
    const si = m.sheet % b.sheets.length;
    const s = b.sheets[si];
    const targets = [...(s?.cells ?? []).map((c) => ({ col: c.col, row: c.row })), ...(s?.notes ?? []).map((n) => ({ col: n.col, row: n.row }))];
    const t = targets[m.cell % targets.length] ?? { col: 1, row: 1 };
    return { sheet: sheetName(si), address: `${col(t.col)}${t.row}`, severity: m.severity, rule: 'C01', note: `必填项为空 ${m.cell}` };
  });
  return {
    marks,
    issueSheet: {
      name: '问题清单',
      columns: [10, 30],
      cells: [
        { address: 'A1', value: '问题清单', style: { font: 'title', bold: true, size: 14 } },
        { address: 'A2', link: `#'${sheetName(0)}'!A1`, value: '跳转', style: { border: true, fill: 'FFC7CE' } },
        { address: 'B2', value: '说明', style: { numFmt: '0.0\\%', wrap: true } },
      ],
      merges: ['A1:B1'],
      freeze: { rows: 1, cols: 0 },
    },
  };
}
