/**
 * A workbook made from nothing by the package (the template) and filled through cell edits
 * reads and checks exactly as the ExcelJS-made one; openpyxl and LibreOffice open it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import { buildSummary, narrate, summarySheetPlan } from '../../src/core';
import { applyWorkbookPlan, loadWorkbook, snapshotOf, toBytes } from '../support/exceljs-host';
import { planMarks } from '../../src/core/marks/plan';
import { buildTemplatePlan } from '../../src/core/template/build';
import { planImport, planRecalc } from '../../src/core/template/fill';
import { XlsxPackage } from '../../src/hosts/xlsx/package';
import { changedParts, reportFixtures } from '../support/package-fixtures';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { hasOpenpyxl, hasSoffice, openpyxlSheets, PYTHON, sofficeRoundTrip, tmp } from '../support/pytools';

const WANT = { names: () => true, sheets: ['历史数据'] as const };
const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample');

function packageFill(pkg: XlsxPackage, csv: string): void {
  pkg.applyCellEdits(planImport(csv, pkg.snapshotAll()));
  pkg.applyCellEdits(planRecalc(pkg.snapshotAll()));
  pkg.requestFullCalcOnLoad();
}

describe('the template from a plan, without ExcelJS', () => {
  let made: XlsxPackage;
  let bytes: Uint8Array;
  beforeAll(() => {
    made = XlsxPackage.fromPlan(buildTemplatePlan('annual', { unit: '示例市司法局', period: '2025', locale: 'zh-CN' }));
    bytes = made.toBytes();
  });

  it('reads as the ExcelJS template does, before and after filling', async () => {
    const fixtures = await reportFixtures();
    const exceljsTemplate = XlsxPackage.open(fixtures[0]?.bytes ?? new Uint8Array());
    const ours = XlsxPackage.open(bytes);
    expect(ours.snapshotAll()).toEqual(exceljsTemplate.snapshotAll());
    const csv = readFileSync(join(SAMPLE, 'annual-2025.csv'), 'utf8');
    packageFill(ours, csv);
    const filled = XlsxPackage.open(ours.toBytes());
    const exceljsFilled = XlsxPackage.open(fixtures[1]?.bytes ?? new Uint8Array());
    expect(checkWorkbook(filled.snapshot(WANT)).report).toEqual(checkWorkbook(exceljsFilled.snapshot(WANT)).report);
    expect(filled.snapshotAll()).toEqual(exceljsFilled.snapshotAll());
    // and flags the slips the same way
    const slips = readFileSync(join(SAMPLE, 'slips.csv'), 'utf8');
    packageFill(filled, slips);
    const demo = XlsxPackage.open(filled.toBytes());
    const exceljsDemo = XlsxPackage.open(fixtures[2]?.bytes ?? new Uint8Array());
    const report = checkWorkbook(demo.snapshot(WANT)).report;
    expect(report).toEqual(checkWorkbook(exceljsDemo.snapshot(WANT)).report);
    const { marked } = demo.applyMarks(planMarks(report));
    expect(marked).toBeGreaterThanOrEqual(6);
  });

  it('the real 领导参阅 sheet: added as a patch, read back as the ExcelJS host writes it', async () => {
    const fixtures = await reportFixtures();
    const sample = fixtures[1]?.bytes ?? new Uint8Array();
    const pkg = XlsxPackage.open(sample);
    const { report, model } = checkWorkbook(pkg.snapshot(WANT));
    const summary = buildSummary(report, model, { locale: 'zh-CN' });
    const plan = summarySheetPlan(summary, narrate(summary, model, 'zh-CN'), 'zh-CN');
    pkg.addSheets([plan]);
    pkg.activate(plan.name);
    const out = pkg.toBytes();
    // the same sheet through the ExcelJS host
    const wb = await loadWorkbook(sample);
    applyWorkbookPlan(wb, { sheets: [plan], names: [] });
    const viaExcelJS = snapshotOf(await loadWorkbook(await toBytes(wb)));
    const ours = XlsxPackage.open(out).snapshotAll();
    expect(ours.sheets.find((s) => s.name === plan.name)).toEqual(viaExcelJS.sheets.find((s) => s.name === plan.name));
    if (hasOpenpyxl()) expect(openpyxlSheets(out)).toContain(plan.name);
  });

  (hasOpenpyxl() ? it : it.skip)('looks as the ExcelJS template does to openpyxl: fonts, fills, borders, alignment, formats, protection, merges, panes, print titles', async () => {
    const fixtures = await reportFixtures();
    const dir = tmp();
    writeFileSync(join(dir, 'exceljs.xlsx'), fixtures[0]?.bytes ?? new Uint8Array());
    writeFileSync(join(dir, 'ours.xlsx'), bytes);
    const script = join(__dirname, '..', 'fixtures', 'make', 'style_signature.py');
    const sig = (f: string) => JSON.parse(execFileSync(PYTHON, [script, join(dir, f)], { encoding: 'utf8' })) as Record<string, Record<string, unknown>>;
    const theirs = sig('exceljs.xlsx');
    const ours = sig('ours.xlsx');
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    for (const sheet of Object.keys(theirs)) {
      for (const key of ['cells', 'merged', 'freeze', 'titles', 'paper']) {
        expect({ sheet, key, value: ours[sheet]?.[key] }).toEqual({ sheet, key, value: theirs[sheet]?.[key] });
      }
    }
  }, 30000);

  (hasOpenpyxl() ? it : it.skip)('opens in openpyxl with its sheets, names and print titles', () => {
    const sheets = openpyxlSheets(bytes);
    expect(sheets[0]).toBe('封面');
    expect(sheets).toContain('历史数据');
  });

  (hasSoffice() ? it : it.skip)('survives a LibreOffice round trip with the same findings (the XML is valid)', () => {
    const flagged = XlsxPackage.open(bytes);
    packageFill(flagged, readFileSync(join(SAMPLE, 'annual-2025.csv'), 'utf8'));
    const report = checkWorkbook(flagged.snapshot(WANT)).report;
    flagged.applyMarks(planMarks(report));
    const saved = sofficeRoundTrip(flagged.toBytes());
    const back = XlsxPackage.open(saved);
    const names = back.snapshot(WANT).names.map((n) => n.name);
    expect(names).toContain('LA_CASES');
    expect(back.snapshotAll().sheets.map((s) => s.name)).toContain('问题清单');
    // a file saved by LibreOffice: our marks come off it again (LibreOffice keeps the rule
    // formula), and marking it anew then clearing gives back LibreOffice's parts byte for byte
    expect(back.clearMarks()).toBeGreaterThan(0);
    const clean = back.toBytes();
    const again = XlsxPackage.open(clean);
    const { marked } = again.applyMarks(planMarks(checkWorkbook(again.snapshot(WANT)).report));
    expect(marked).toBeGreaterThan(0);
    const third = XlsxPackage.open(again.toBytes());
    third.clearMarks();
    expect(changedParts(clean, third.toBytes())).toEqual([]);
  }, 120000);
});
