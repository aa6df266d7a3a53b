/**
 * The package corpus (tests/fixtures/package: reports saved by openpyxl, LibreOffice and
 * hand-written parts, one per row of issue 9's table). For every write path: the parts outside
 * the plan are byte-identical, in touched parts only the planned elements differ, and clearing
 * the marks gives back the input part by part.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook, planMarks } from '../../src/core';
import { XlsxPackage } from '../../src/hosts/xlsx/package';
import { diffParts, partsOf, partText, xmlElementsDiff } from '../support/part-diff';
import { hasOpenpyxl, python, tmp } from '../support/pytools';

const DIR = join(__dirname, '..', 'fixtures', 'package');
const FILES = readdirSync(DIR).filter((f) => /\.xls[xm]$/.test(f)).sort();
const WANT = { names: () => true, sheets: ['历史数据'] as const };
const outputs: Array<{ name: string; bytes: Uint8Array }> = [];

function sheetPartOf(pkg: XlsxPackage, sheet: string): string {
  const s = (pkg as unknown as { book(): { sheets: Array<{ name: string; part: string }> } }).book().sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return s.part;
}

function withoutOurMarks(xml: string): string {
  return xml
    .replace(/<((?:\w+:)?)conditionalFormatting sqref="[^"]*"><\1cfRule type="expression" dxfId="\d+" priority="\d+"><\1formula>ISTEXT\("BRA-MARK:\w+"\)<\/\1formula><\/\1cfRule><\/\1conditionalFormatting>/g, '')
    .replace(/priority="\d+"/g, 'priority=""');
}

const SIDE_PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'];

describe.each(FILES)('%s', (file) => {
  const input = new Uint8Array(readFileSync(join(DIR, file)));

  it('reads the report (the one C06 warning) and marks / clears as a patch', () => {
    const pkg = XlsxPackage.open(input);
    expect(pkg.macroEnabled).toBe(file.endsWith('.xlsm'));
    const report = checkWorkbook(pkg.snapshot(WANT)).report;
    expect(report.findings.map((f) => f.rule)).toEqual(['C06']);
    const plan = planMarks(report);
    const { marked, notesSkipped } = pkg.applyMarks(plan);
    expect(marked).toBe(1);
    const out = pkg.toBytes();
    outputs.push({ name: `marked-${file}`, bytes: out });
    const a = partsOf(input);
    const b = partsOf(out);
    const d = diffParts(a, b);
    expect(d.removed).toEqual([]);
    const markedPart = sheetPartOf(pkg, plan.marks[0]?.sheet ?? '');
    for (const name of d.changed) {
      const allowed = name === markedPart || SIDE_PARTS.includes(name) || /^xl\/(worksheets\/_rels\/|comments|drawings\/.*\.vml$)/.test(name);
      expect({ name, allowed }).toEqual({ name, allowed: true });
    }
    // in the marked sheet only our overlay (and a legacyDrawing for our note) was added
    const diff = xmlElementsDiff(withoutOurMarks(partText(a, markedPart)), withoutOurMarks(partText(b, markedPart)));
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([]);
    expect(diff.rootChanged).toBe(false);
    expect(diff.reordered).toBe(false);
    expect(diff.added.filter((x) => x !== 'legacyDrawing')).toEqual([]);
    // the workbook part: only the issue sheet's <sheet> (and its print titles name, if any) were added
    const wbDiff = xmlElementsDiff(partText(a, 'xl/workbook.xml'), partText(b, 'xl/workbook.xml'));
    expect(wbDiff.removed).toEqual([]);
    expect(wbDiff.changed.filter((x) => x !== 'sheets' && x !== 'definedNames')).toEqual([]);
    // the user's notes stay byte for byte; a note where the user has one is reported instead
    for (const [name, data] of a) {
      if (!/comments?\d*\.xml$/.test(name) || /threaded/i.test(name)) continue;
      const after = partText(b, name);
      for (const c of new TextDecoder().decode(data).match(/<(\w+:)?comment [\s\S]*?<\/(\w+:)?comment>/g) ?? []) expect(after).toContain(c);
    }
    if (file === 'notes.xlsx') expect(notesSkipped).toEqual([{ sheet: 'JS01 法律援助', address: 'E13' }]);
    // what applyMarks skipped is what cellsWithUserNotes announced
    const announced = new Set(XlsxPackage.open(input).cellsWithUserNotes().map((r) => `${r.sheet}!${r.address}`));
    for (const m of plan.marks) expect(notesSkipped.some((r) => r.sheet === m.sheet && r.address === m.address)).toBe(announced.has(`${m.sheet}!${m.address}`));
    if (file === 'threaded-comments.xlsx') expect(announced.has('JS01 法律援助!E4')).toBe(true);
    // clearing gives back the input, part by part
    const again = XlsxPackage.open(out);
    expect(again.clearMarks()).toBe(1);
    expect(diffParts(input, again.toBytes())).toEqual({ added: [], removed: [], changed: [] });
  });

  it('cell edits touch only the edited cells of their sheet', () => {
    const pkg = XlsxPackage.open(input);
    const snap = pkg.snapshot(WANT);
    const target = snap.names.find((n) => n.name === 'LA_CASES');
    const note = snap.names.find((n) => n.name === 'LA_PER_100K_NOTE');
    if (!target || !note) throw new Error('report names missing');
    pkg.applyCellEdits([
      { sheet: target.sheet, address: target.address, value: 1999 },
      { sheet: note.sheet, address: note.address, value: '2026年新定目标' },
    ]);
    const out = pkg.toBytes();
    outputs.push({ name: `edited-${file}`, bytes: out });
    const part = sheetPartOf(pkg, target.sheet);
    const d = diffParts(input, out);
    expect(d.added).toEqual([]);
    expect(d.changed.filter((n) => n !== part && n !== 'xl/styles.xml')).toEqual(
      d.removed.length ? ['xl/_rels/workbook.xml.rels', '[Content_Types].xml'] : [],
    );
    const strip = (xml: string) => xml.replace(new RegExp(`<(\\w+:)?c r="(${target.address}|${note.address})"[^>]*?(/>|>[\\s\\S]*?</(\\w+:)?c>)`, 'g'), '');
    const a = partsOf(input);
    const b = partsOf(out);
    expect(strip(partText(b, part))).toEqual(strip(partText(a, part)));
    const cells = XlsxPackage.open(out).snapshot(WANT).sheets.find((s) => s.name === target.sheet)?.cells ?? {};
    expect(cells[target.address]).toEqual({ v: 1999 });
    expect(cells[note.address]).toEqual({ v: '2026年新定目标' });
  });

  it('addSheets + activate + fullCalcOnLoad touch only the workbook part, its rels, content types, styles and sheet views', () => {
    const pkg = XlsxPackage.open(input);
    const sheet = summarySheetPlanFor();
    pkg.addSheets([sheet]);
    pkg.activate(sheet.name);
    pkg.requestFullCalcOnLoad();
    const out = pkg.toBytes();
    outputs.push({ name: `summary-${file}`, bytes: out });
    const d = diffParts(input, out);
    expect(d.removed).toEqual([]);
    expect(d.added).toHaveLength(1);
    for (const name of d.changed) {
      const ok = SIDE_PARTS.includes(name) || /^xl\/worksheets\/[^/]+\.xml$/.test(name);
      expect({ name, ok }).toEqual({ name, ok: true });
      if (/^xl\/worksheets\//.test(name)) {
        // a sheet that was the selected tab loses tabSelected, nothing else
        const x = xmlElementsDiff(partText(partsOf(input), name), partText(partsOf(out), name));
        expect(x.changed).toEqual(['sheetViews']);
        expect(x.added).toEqual([]);
      }
    }
    const wb = partText(partsOf(out), 'xl/workbook.xml');
    expect(wb).toMatch(/fullCalcOnLoad="(1|true)"/);
  });
});

/** A small 领导参阅-like sheet plan built by the core from the report model. */
function summarySheetPlanFor() {
  return {
    name: '领导参阅',
    columns: [24, 14, 14],
    cells: [
      { address: 'A1', value: '领导参阅', style: { font: 'title' as const, bold: true, size: 16 } },
      { address: 'A2', link: "#'JS01 法律援助'!E4", value: '法律援助' },
      { address: 'B2', formula: "'JS01 法律援助'!E4", result: 1985, style: { numFmt: '#,##0', border: true } },
    ],
    merges: ['A1:C1'],
    print: { orientation: 'portrait' as const, paper: 'A4' as const, fitToWidth: true, titleRows: [1, 1] as [number, number] },
  };
}

describe('threaded comments', () => {
  it('a cell with an Excel 365 thread keeps it; our message is reported, the thread parts are untouched', () => {
    const input = new Uint8Array(readFileSync(join(DIR, 'threaded-comments.xlsx')));
    const pkg = XlsxPackage.open(input);
    const plan = planMarks(checkWorkbook(pkg.snapshot(WANT)).report);
    plan.marks.push({ sheet: 'JS01 法律援助', address: 'E4', severity: 'error', rule: 'C02', note: '测试' });
    const { notesSkipped } = pkg.applyMarks(plan);
    expect(notesSkipped).toEqual([{ sheet: 'JS01 法律援助', address: 'E4' }]);
    const a = partsOf(input);
    const b = partsOf(pkg.toBytes());
    const threadParts = [...a.keys()].filter((n) => /threaded|person/i.test(n));
    expect(threadParts.length).toBeGreaterThanOrEqual(2);
    for (const n of threadParts) expect(b.get(n)).toEqual(a.get(n));
  });
});

(hasOpenpyxl() ? describe : describe.skip)('openpyxl opens every output', () => {
  it('loads each written file', () => {
    expect(outputs.length).toBe(FILES.length * 3);
    const dir = tmp();
    const paths = outputs.map((o, i) => {
      const p = join(dir, `${i}-${o.name.replace(/\.xlsm$/, '.xlsx')}`);
      writeFileSync(p, o.bytes);
      return p;
    });
    const out = python('import sys,openpyxl,warnings\nwarnings.simplefilter("ignore")\nfor f in sys.argv[1:]:\n  wb=openpyxl.load_workbook(f)\n  print(len(wb.sheetnames))', ...paths);
    expect(out.trim().split('\n')).toHaveLength(paths.length);
  }, 60000);
});
