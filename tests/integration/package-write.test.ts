/**
 * Every write path is a patch: parts outside the plan are byte-identical, and in a touched
 * part only the planned elements differ. Inputs come from openpyxl (not ExcelJS).
 */
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import { planMarks } from '../../src/core/marks/plan';
import type { SheetPlan } from '../../src/core/plan/types';
import { XlsxPackage } from '../../src/hosts/xlsx/package';
import { changedParts, partsOf, reportFixtures, text } from '../support/package-fixtures';
import { hasOpenpyxl, openpyxlSheets, runScript, tmp } from '../support/pytools';
import { readFileSync, writeFileSync } from 'node:fs';

const WANT = { names: () => true, sheets: ['历史数据'] as const };
const haveOpenpyxl = hasOpenpyxl();
const itPy = haveOpenpyxl ? it : it.skip;

let userBook: Uint8Array;

beforeAll(async () => {
  const fixtures = await reportFixtures();
  const sample = fixtures.find((f) => f.name === 'annual demo (slips)');
  if (!sample) throw new Error('no demo fixture');
  if (!haveOpenpyxl) return;
  const dir = tmp();
  writeFileSync(join(dir, 'in.xlsx'), sample.bytes);
  runScript(join(__dirname, '..', 'fixtures', 'make', 'openpyxl_user_book.py'), join(dir, 'in.xlsx'), join(dir, 'user.xlsx'));
  userBook = new Uint8Array(readFileSync(join(dir, 'user.xlsx')));
}, 60000);

/** Our conditional formats removed and every priority blanked, so the rest can be compared. */
function withoutOurMarks(xml: string): string {
  return xml
    .replace(/<conditionalFormatting sqref="[^"]*"><cfRule type="expression" dxfId="\d+" priority="\d+"><formula>ISTEXT\("BRA-MARK:\w+"\)<\/formula><\/cfRule><\/conditionalFormatting>/g, '')
    .replace(/priority="\d+"/g, 'priority=""');
}

function marked(bytes: Uint8Array) {
  const pkg = XlsxPackage.open(bytes);
  const report = checkWorkbook(pkg.snapshot(WANT)).report;
  const plan = planMarks(report);
  return { pkg, plan, report };
}

describe('marks on an openpyxl workbook', () => {
  itPy('change only the planned elements, keep the user notes, and clear back to the input part by part', () => {
    const { pkg, plan } = marked(userBook);
    expect(plan.marks.length).toBeGreaterThan(3);
    const result = pkg.applyMarks(plan);
    expect(result.marked).toBeGreaterThan(0);
    const out = pkg.toBytes();
    const before = partsOf(userBook);
    const after = partsOf(out);
    const markedSheets = new Set<string>();
    const book = XlsxPackage.open(out);
    for (const m of plan.marks) {
      const s = (book as unknown as { book(): { sheets: Array<{ name: string; part: string }> } }).book().sheets.find((x) => x.name === m.sheet);
      if (s) markedSheets.add(s.part);
    }
    for (const name of changedParts(userBook, out)) {
      const allowed =
        markedSheets.has(name) ||
        ['xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'docProps/app.xml'].includes(name) ||
        /^xl\/(comments|drawings\/vmlDrawing|drawings\/commentsDrawing|comments\/comment)\d*\./.test(name) ||
        /^xl\/worksheets\/_rels\//.test(name) ||
        !(name in before); // new parts (the issue sheet, our notes)
      expect({ name, allowed }).toEqual({ name, allowed: true });
    }
    // in marked sheets only our conditional formats, priorities and a legacyDrawing differ
    for (const part of markedSheets) {
      const a = withoutOurMarks(text(before[part]));
      const b = withoutOurMarks(text(after[part])).replace(/<legacyDrawing( xmlns:r="[^"]+")? r:id="rId\d+"\/>/, (m) => (a.includes('<legacyDrawing') ? m : ''));
      expect(b).toEqual(a);
    }
    // the user's note is byte for byte in the comments part
    const userComments = Object.keys(before).find((n) => /comment/.test(n) && n.endsWith('.xml'));
    expect(userComments).toBeDefined();
    const original = text(before[userComments ?? '']);
    for (const c of original.match(/<comment [\s\S]*?<\/comment>/g) ?? []) expect(text(after[userComments ?? ''])).toContain(c);
    // a note on a cell the user annotated is reported, not written
    const userRefs = [...original.matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1]);
    for (const s of result.notesSkipped) expect(userRefs).toContain(s.address);
    // clearing gives back the input, part by part
    const again = XlsxPackage.open(out);
    expect(again.clearMarks()).toBe(result.marked);
    const cleared = again.toBytes();
    expect(changedParts(userBook, cleared)).toEqual([]);
    // openpyxl opens our output
    expect(openpyxlSheets(out)).toContain('问题清单');
  }, 60000);

  itPy('re-marking replaces the earlier marks', () => {
    const { pkg, plan } = marked(userBook);
    pkg.applyMarks(plan);
    const once = pkg.toBytes();
    const again = XlsxPackage.open(once);
    again.applyMarks(plan);
    const twice = again.toBytes();
    const a = partsOf(once);
    const b = partsOf(twice);
    const count = (parts: Record<string, Uint8Array>) =>
      Object.values(parts).reduce((n, p) => n + (text(p).match(/BRA-MARK/g)?.length ?? 0) + (text(p).match(/【报表助手】/g)?.length ?? 0), 0);
    expect(count(b)).toBe(count(a));
    expect(Object.keys(b).filter((n) => n.startsWith('xl/worksheets/sheet')).length).toBe(Object.keys(a).filter((n) => n.startsWith('xl/worksheets/sheet')).length);
  }, 60000);
});

describe('other write paths touch only their parts', () => {
  itPy('cell edits: only the edited cells of one sheet (and the quote-prefix style) change', () => {
    const pkg = XlsxPackage.open(userBook);
    const snap = pkg.snapshot(WANT);
    const name = snap.names.find((n) => n.name === 'LA_CASES');
    expect(name).toBeDefined();
    if (!name) return;
    pkg.applyCellEdits([
      { sheet: name.sheet, address: name.address, value: 1999 },
      { sheet: name.sheet, address: 'Y60', value: '=cmd|x' },
      { sheet: name.sheet, address: 'Y61', formula: 'Y60&"!"', result: '=cmd|x!' },
    ]);
    const out = pkg.toBytes();
    const changed = changedParts(userBook, out);
    const sheetPart = (pkg as unknown as { book(): { sheets: Array<{ name: string; part: string }> } }).book().sheets.find((s) => s.name === name.sheet)?.part ?? '';
    expect(changed).toEqual([sheetPart, 'xl/styles.xml'].sort());
    const again = XlsxPackage.open(out).snapshot(WANT);
    const cells = again.sheets.find((s) => s.name === name.sheet)?.cells ?? {};
    expect(cells[name.address]).toEqual({ v: 1999 });
    expect(cells.Y60).toEqual({ v: '=cmd|x' });
    expect(cells.Y61).toEqual({ v: '=cmd|x!', f: 'Y60&"!"' });
    // outside the edited <c> elements and the new row, the sheet is as it was
    const strip = (xml: string) => xml.replace(new RegExp(`<c r="(${name.address}|Y60|Y61)"[^>]*?(/>|>[\\s\\S]*?</c>)`, 'g'), '').replace(/<row r="6[01]"><\/row>/g, '');
    expect(strip(text(partsOf(out)[sheetPart]))).toEqual(strip(text(partsOf(userBook)[sheetPart])));
    expect(text(partsOf(out)['xl/styles.xml'])).toMatch(/quotePrefix="1"/);
    expect(openpyxlSheets(out).length).toBeGreaterThan(3);
  });

  itPy('addSheets, activate and fullCalcOnLoad: the workbook part gains only their elements', () => {
    const pkg = XlsxPackage.open(userBook);
    const plan: SheetPlan = {
      name: '领导参阅',
      columns: [20, 12],
      cells: [
        { address: 'A1', value: '标题', style: { font: 'title', bold: true, size: 16, border: true, fill: 'DDEBF7', align: 'center', valign: 'middle', wrap: true } },
        { address: 'B2', formula: '1+1', result: 2, style: { numFmt: '0.0\\%', unlocked: true } },
        { address: 'A3', link: "#'封面'!A1", value: '封面' },
        { address: 'B3', value: 5, validation: { type: 'whole', min: 0, errorTitle: '输入有误', error: '请输入非负整数' } },
      ],
      merges: ['A1:B1'],
      rowHeights: { 1: 30 },
      freeze: { rows: 1, cols: 0 },
      tabColor: '1F4E79',
      hideGridLines: true,
      dataBars: [{ range: 'B2:B3', color: '638EC6' }],
      print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: [1, 1], centerHorizontally: true },
    };
    pkg.addSheets([plan]);
    pkg.activate('领导参阅');
    pkg.requestFullCalcOnLoad();
    const out = pkg.toBytes();
    const changed = changedParts(userBook, out);
    for (const n of changed) {
      expect(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml', 'xl/worksheets/sheet11.xml', 'xl/worksheets/sheet1.xml']).toContain(n);
    }
    const wb = text(partsOf(out)['xl/workbook.xml']);
    expect(wb).toMatch(/<sheet (xmlns:r="[^"]+" )?name="领导参阅" sheetId="\d+" r:id="rId\d+"\/>/);
    expect(wb).toMatch(/fullCalcOnLoad="1"/);
    expect(wb).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="10">'领导参阅'!\$1:\$1<\/definedName>/);
    // the user's constant and sheet-scoped names are still there as written
    const before = text(partsOf(userBook)['xl/workbook.xml']);
    for (const d of before.match(/<definedName [\s\S]*?<\/definedName>/g) ?? []) expect(wb).toContain(d);
    expect(before).toMatch(/增长系数/);
    expect(before).toMatch(/workbookProtection/);
    expect(wb).toMatch(/workbookProtection/);
    const snap = XlsxPackage.open(out).snapshotAll();
    const sheet = snap.sheets.find((s) => s.name === '领导参阅');
    expect(sheet?.cells).toEqual({ A1: { v: '标题' }, B2: { v: 2, f: '1+1' }, A3: { v: '封面', f: 'HYPERLINK("#\'封面\'!A1","封面")' }, B3: { v: 5 } });
    expect(openpyxlSheets(out)).toContain('领导参阅');
    // replacing it again keeps its tab position and sheet id
    const again = XlsxPackage.open(out);
    again.addSheets([{ ...plan, cells: [{ address: 'A1', value: '新' }] }]);
    const out2 = again.toBytes();
    const wb2 = text(partsOf(out2)['xl/workbook.xml']);
    expect(wb2.match(/<sheet name="领导参阅"[^>]*>/)?.[0]).toEqual(wb.match(/<sheet name="领导参阅"[^>]*>/)?.[0]);
  });

  it('an .xlsm keeps its macro part and content type', async () => {
    const fixtures = await reportFixtures();
    const src = partsOf(fixtures[1]?.bytes ?? new Uint8Array());
    const { zipSync, strToU8 } = await import('fflate');
    src['xl/vbaProject.bin'] = new Uint8Array([1, 2, 3, 4, 5]);
    src['[Content_Types].xml'] = strToU8(text(src['[Content_Types].xml']).replace('spreadsheetml.sheet.main+xml', 'PLACEHOLDER').replace('PLACEHOLDER', 'spreadsheetml.sheet.main+xml').replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml').replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'));
    const xlsm = zipSync(src);
    const pkg = XlsxPackage.open(xlsm);
    expect(pkg.macroEnabled).toBe(true);
    const { plan } = marked(xlsm);
    pkg.applyMarks(plan);
    const out = partsOf(pkg.toBytes());
    expect(Array.from(out['xl/vbaProject.bin'] ?? [])).toEqual([1, 2, 3, 4, 5]);
    expect(text(out['[Content_Types].xml'])).toContain('macroEnabled.main+xml');
  });
});

describe('a copy flagged by the earlier ExcelJS host', () => {
  it('loses its TRUE overlays on clearMarks and gets exactly one overlay per marked cell on re-marking', async () => {
    const fixtures = await reportFixtures();
    const old = fixtures.find((f) => f.name === 'annual demo flagged (ExcelJS)');
    if (!old) throw new Error('no ExcelJS-flagged fixture');
    const overlays = (bytes: Uint8Array) =>
      Object.values(partsOf(bytes)).reduce((n, p) => n + (text(p).match(/<conditionalFormatting /g)?.length ?? 0), 0);
    expect(overlays(old.bytes)).toBeGreaterThan(3);
    const pkg = XlsxPackage.open(old.bytes);
    expect(pkg.clearMarks()).toBe(overlays(old.bytes));
    expect(overlays(pkg.toBytes())).toBe(0);
    const again = XlsxPackage.open(old.bytes);
    const report = checkWorkbook(again.snapshot(WANT)).report;
    const plan = planMarks(report);
    const { marked } = again.applyMarks(plan);
    expect(overlays(again.toBytes())).toBe(marked);
    expect(Object.values(partsOf(again.toBytes())).some((p) => />TRUE<\/formula>/.test(text(p)))).toBe(false);
  });
});
