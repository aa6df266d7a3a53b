/**
 * The file host on the core's mark contract: clearing keeps what the user typed into a tool
 * note, a note of the user's own that begins with 【报表助手】 and a sheet of the user's called
 * 问题清单; checking again leaves no stale mark.
 */
import { unzipSync, zipSync } from 'fflate';
import { checkWorkbook, ISSUES_NAME, markFormula, NOTE_MARKER, planMarks, SHEETS, type MarkPlan } from '../../src/core';
import { marksText } from '../../src/core/i18n/marks';
import { XlsxPackage } from '../../src/hosts/xlsx/package';
import { writeCellMarks } from '../../src/hosts/xlsx/package/marks';
import { reportFixtures } from '../support/package-fixtures';
import { diffParts } from '../support/part-diff';
import { packageMarks } from '../support/xlsx-marks';

const WANT = { names: () => true, sheets: ['历史数据'] as const };
const CLOSING = marksText('zh-CN').noteClosing;
let base: Uint8Array;

beforeAll(async () => {
  const f = (await reportFixtures()).find((x) => x.name === 'annual demo (slips)');
  if (!f) throw new Error('no demo fixture');
  base = f.bytes;
}, 60000);

function planOf(bytes: Uint8Array): MarkPlan {
  return planMarks(checkWorkbook(XlsxPackage.open(bytes).snapshot(WANT)).report);
}

function flag(bytes: Uint8Array, plan = planOf(bytes)): Uint8Array {
  const pkg = XlsxPackage.open(bytes);
  pkg.applyMarks(plan);
  return pkg.toBytes();
}

function clear(bytes: Uint8Array): Uint8Array {
  const pkg = XlsxPackage.open(bytes);
  pkg.clearMarks();
  return pkg.toBytes();
}

/** Changes one part's text, as another program saving the file would. */
function patch(bytes: Uint8Array, part: (name: string) => boolean, f: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  let hit = 0;
  for (const name of Object.keys(files)) {
    if (!part(name)) continue;
    const before = new TextDecoder().decode(files[name]);
    const after = f(before);
    if (after !== before) hit++;
    files[name] = new TextEncoder().encode(after);
  }
  if (hit === 0) throw new Error('patch changed nothing');
  return zipSync(files);
}

const noDiff = { added: [], removed: [], changed: [] };

describe('clearing keeps what is the user\'s', () => {
  test('a reply typed into a tool note stays as the user\'s note; the tool\'s notes, overlays and 问题清单 go', () => {
    const flagged = flag(base);
    const marks = packageMarks(flagged);
    const sheet = Object.keys(marks.notes).find((s) => (marks.notes[s] ?? []).length > 1) as string;
    const first = marks.notes[sheet]?.[0];
    expect(first?.text.endsWith(CLOSING)).toBe(true);
    // the user opens the note and types under it
    let once = false;
    const replied = patch(flagged, (n) => /^xl\/comments/.test(n), (xml) =>
      xml.replace(`${CLOSING}</t>`, (m) => {
        if (once) return m;
        once = true;
        return `${CLOSING}\n已核实：本期按24000修改。</t>`;
      }),
    );
    const cleared = packageMarks(clear(replied));
    expect(cleared.notes[sheet]).toEqual([{ ref: first?.ref, text: '已核实：本期按24000修改。', author: first?.author }]);
    for (const s of cleared.sheets) {
      if (s !== sheet) expect([s, cleared.notes[s]]).toEqual([s, []]);
      expect([s, (cleared.cfs[s] ?? []).filter((c) => c.formula.includes('BRA-MARK'))]).toEqual([s, []]);
    }
    expect(cleared.sheets).not.toContain(SHEETS.issues);
    expect(cleared.names.map((n) => n.name)).not.toContain(ISSUES_NAME);
  });

  test('a note of the user\'s own that begins with 【报表助手】 is kept byte for byte; an earlier version\'s note is cleared', () => {
    const plan = planOf(base);
    const sheet = plan.marks[0]?.sheet as string;
    const pkg = XlsxPackage.open(base);
    writeCellMarks(pkg, sheet, [{ address: 'K2', severity: 'info', formula: null, note: `${NOTE_MARKER}此表数据来自各区县汇总，改动前请联系统计科` }], '张三');
    const before = pkg.toBytes();
    // an earlier version of the Excel add-in: marker, message, rule line; no closing line; the user's name as author
    const old = XlsxPackage.open(before);
    writeCellMarks(old, sheet, [{ address: 'K3', severity: 'error', formula: markFormula('error'), note: `${NOTE_MARKER}合计不等于分项之和\n规则：R01` }], '张三');
    const flagged = flag(old.toBytes(), plan);
    expect(packageMarks(flagged).notes[sheet]?.find((n) => n.ref === 'K2')?.text).toBe(`${NOTE_MARKER}此表数据来自各区县汇总，改动前请联系统计科`);
    expect(diffParts(before, clear(flagged))).toEqual(noDiff);
  });

  test('a sheet of the user\'s called 问题清单 is kept; the tool\'s list goes beside it and is the one cleared', () => {
    const pkg = XlsxPackage.open(base);
    pkg.addSheets([{ name: SHEETS.issues, columns: [8, 30], merges: [], cells: [{ address: 'A1', value: '问题清单' }, { address: 'A3', value: '序号' }, { address: 'B3', value: '问题' }, { address: 'A4', value: 1 }, { address: 'B4', value: '人口数待统计局确认' }] }]);
    const before = pkg.toBytes();
    const once = flag(before);
    const twice = flag(once);
    const m = packageMarks(twice);
    expect(m.sheets.filter((s) => s.startsWith(SHEETS.issues))).toEqual([SHEETS.issues, `${SHEETS.issues}（2）`]);
    expect(m.names.filter((n) => n.name === ISSUES_NAME)).toEqual([{ name: ISSUES_NAME, formula: `'${SHEETS.issues}（2）'!$A$1`, hidden: true }]);
    expect(diffParts(before, clear(twice))).toEqual(noDiff);
  });
});

describe('checking again replaces the old marks', () => {
  test('a figure fixed since: its overlay and note go, on a sheet left without any finding too', () => {
    const plan = planOf(base);
    const sheets = [...new Set(plan.marks.map((x) => x.sheet))];
    expect(sheets.length).toBeGreaterThan(1);
    const keep = plan.marks[0];
    const flagged = flag(base, plan);
    const again = packageMarks(flag(flagged, { ...plan, marks: keep ? [keep] : [] }));
    const ours = again.sheets.flatMap((s) => (again.cfs[s] ?? []).filter((c) => c.formula.includes('BRA-MARK')).map((c) => `${s}!${c.sqref}`));
    expect(ours).toEqual([`${keep?.sheet}!${keep?.address}`]);
    const notes = again.sheets.flatMap((s) => (again.notes[s] ?? []).map((n) => `${s}!${n.ref}`));
    expect(notes).toEqual([`${keep?.sheet}!${keep?.address}`]);
    expect(again.sheets.filter((s) => s.startsWith(SHEETS.issues))).toEqual([SHEETS.issues]);
  });
});
