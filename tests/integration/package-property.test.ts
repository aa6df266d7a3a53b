/**
 * Over >= 200 random workbooks (not made by ExcelJS): marks change only the planned elements,
 * the user's notes stay byte for byte, and clearMarks gives back the input part by part.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XlsxPackage } from '../../src/hosts/xlsx/package';
import { changedParts, partsOf, text } from '../support/package-fixtures';
import { hasOpenpyxl, python, tmp } from '../support/pytools';
import { bookArb, bookBytes, markPlanOf } from '../support/random-book';

/** Our conditional formats removed and priorities blanked, so the rest can be compared. */
function withoutOurMarks(xml: string): string {
  return xml
    .replace(/<(x:)?conditionalFormatting sqref="[^"]*"><(x:)?cfRule type="expression" dxfId="\d+" priority="\d+"><(x:)?formula>ISTEXT\("BRA-MARK:\w+"\)<\/(x:)?formula><\/(x:)?cfRule><\/(x:)?conditionalFormatting>/g, '')
    .replace(/priority="\d+"/g, 'priority=""');
}

describe('random workbooks', () => {
  it('marks then clearMarks gives back the input part by part; marks change only the planned elements', () => {
    fc.assert(
      fc.property(bookArb, (b) => {
        const input = bookBytes(b);
        const plan = markPlanOf(b);
        const pkg = XlsxPackage.open(input);
        const { marked, notesSkipped } = pkg.applyMarks(plan);
        const out = pkg.toBytes();
        const cells = new Set(plan.marks.map((m) => `${m.sheet}!${m.address}`));
        expect(marked).toBe(cells.size);
        // the cells with a user note are exactly the skipped ones
        const noted = new Set<string>();
        b.sheets.forEach((s, i) => s.notes.forEach((n) => noted.add(`${i === 1 ? "表'二 数据" : `Sheet${i + 1}`}!${String.fromCharCode(64 + n.col)}${n.row}`)));
        expect(new Set(notesSkipped.map((r) => `${r.sheet}!${r.address}`))).toEqual(new Set([...cells].filter((c) => noted.has(c))));
        const before = partsOf(input);
        const after = partsOf(out);
        for (const name of Object.keys(before)) {
          const a = text(before[name]);
          const z = text(after[name]);
          if (name.startsWith('xl/worksheets/sheet')) {
            expect(withoutOurMarks(z).replace(/<(x:)?legacyDrawing r:id="rId\d+"\/>/, (m) => (a.includes('legacyDrawing') ? m : ''))).toEqual(withoutOurMarks(a));
          } else if (/^xl\/comments\d+\.xml$/.test(name)) {
            for (const c of a.match(/<comment [\s\S]*?<\/comment>/g) ?? []) expect(z).toContain(c);
          } else if (!['xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'].includes(name) && !name.endsWith('.rels') && !name.endsWith('.vml')) {
            expect({ name, same: z === a }).toEqual({ name, same: true });
          }
        }
        // clearing restores every part
        const again = XlsxPackage.open(out);
        again.clearMarks();
        expect(changedParts(input, again.toBytes())).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 60000);

  (hasOpenpyxl() ? it : it.skip)('a handful of them, and their flagged copies, open in openpyxl', () => {
    const dir = tmp();
    const files: string[] = [];
    fc.sample(bookArb, { numRuns: 4, seed: 42 }).forEach((b, i) => {
      const input = bookBytes(b);
      const pkg = XlsxPackage.open(input);
      pkg.applyMarks(markPlanOf(b));
      writeFileSync(join(dir, `in${i}.xlsx`), input);
      writeFileSync(join(dir, `out${i}.xlsx`), pkg.toBytes());
      files.push(join(dir, `in${i}.xlsx`), join(dir, `out${i}.xlsx`));
    });
    const out = python('import sys,openpyxl\nfor f in sys.argv[1:]:\n  wb=openpyxl.load_workbook(f)\n  print(len(wb.sheetnames), sum(len(ws.conditional_formatting) for ws in wb.worksheets))', ...files);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(files.length);
    for (let i = 0; i < lines.length; i += 2) {
      const [inSheets] = (lines[i] ?? '').split(' ').map(Number);
      const [outSheets, outCf] = (lines[i + 1] ?? '').split(' ').map(Number);
      expect(outSheets).toBe((inSheets ?? 0) + 1); // plus 问题清单
      expect(outCf).toBeGreaterThan(0);
    }
  }, 30000);
});
