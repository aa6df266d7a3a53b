/**
 * The Office.js host against the strict fake: round trips (syncs) are counted, older
 * Excel versions are simulated, and the user's own formatting is compared before/after.
 */
import { planMarks, type Report } from '../../src/core';
import { ExcelHost, ExcelHostError, MARK_TOKEN, NOTE_MARKER, cellInput, isCellEditModeError, markFormula } from '../../src/hosts/excel';
import { charsToPoints, coalesce, parseNameFormula, splitSheetAddress } from '../../src/hosts/excel/address';
import type { Mark, MarkPlan, SheetPlan, WorkbookPlan } from '../../src/core/plan/types';
import { SEVERITY_COLORS } from '../../src/core/plan/types';
import type { Severity } from '../../src/core/report/types';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { createFakeExcel, type FakeExcel, type FakeExcelOptions } from '../fakes/fake-excel';

const FORMS = ['JS01 法律援助', 'JS02 公共法律服务', 'JS03 人民调解', 'JS04 行政复议', 'JS05 法治政府', 'JS06 普法', 'JS07 社区矫正', 'JS00 基本情况'];

function formSnapshot(rows = 20): WorkbookSnapshot {
  return {
    sheets: FORMS.map((name, s) => {
      const cells: WorkbookSnapshot['sheets'][number]['cells'] = { A1: { v: `${name}工作情况` } };
      for (let r = 4; r < 4 + rows; r++) {
        cells[`B${r}`] = { v: `指标${r}` };
        cells[`C${r}`] = { v: `IND${s}_${r}` };
        cells[`E${r}`] = { v: r * 10 + s };
        cells[`F${r}`] = { v: r * 9 };
        cells[`G${r}`] = { v: r + s, f: `E${r}-F${r}` };
      }
      return { name, cells };
    }),
    names: FORMS.map((name, s) => ({ name: `IND${s}_4`, sheet: name, address: 'E4' })),
  };
}

const issueSheet = (rows: number): SheetPlan => ({
  name: '问题清单',
  columns: [8, 10, 40, 24, 60],
  cells: [
    { address: 'A1', value: '问题清单', style: { bold: true, size: 16, font: 'title' } },
    ...Array.from({ length: rows }, (_, i) => [
      { address: `A${i + 3}`, value: i + 1, style: { border: true } },
      { address: `B${i + 3}`, value: 'R01', style: { border: true } },
      { address: `C${i + 3}`, value: `问题 ${i + 1}：合计不等于分项之和`, style: { border: true, wrap: true } },
      { address: `D${i + 3}`, value: `JS01 法律援助!E${i + 4}`, link: `#'JS01 法律援助'!E${i + 4}`, style: { border: true } },
    ]).flat(),
  ],
  merges: ['A1:E1'],
  freeze: { rows: 2, cols: 0 },
});

function markPlan(sheets: string[], perSheet: number, note = '合计与分项之和不符（R01）'): MarkPlan {
  const marks: Mark[] = [];
  const sev: Severity[] = ['error', 'warning', 'info'];
  sheets.forEach((sheet) => {
    for (let i = 0; i < perSheet; i++) {
      marks.push({ sheet, address: `E${4 + i}`, severity: sev[i % 3] as Severity, rule: 'R01', note: `${note} #${i}` });
    }
  });
  return { marks, issueSheet: issueSheet(marks.length) };
}

function hostFor(fake: FakeExcel, extra: ConstructorParameters<typeof ExcelHost>[0] = {}) {
  const delays: number[] = [];
  const host = new ExcelHost({
    run: fake.run,
    isSetSupported: fake.isSetSupported,
    sleep: async (ms) => void delays.push(ms),
    ...extra,
  });
  return { host, delays };
}

/** The part of a full snapshot the host reads: rows A..I of named cells, and whole `whole` sheets. */
function namedRows(full: WorkbookSnapshot, whole: string[] = []): WorkbookSnapshot {
  const rows = new Map<string, Set<number>>();
  for (const n of full.names) {
    const set = rows.get(n.sheet) ?? new Set<number>();
    set.add(Number(/\d+/.exec(n.address)?.[0]));
    rows.set(n.sheet, set);
  }
  return {
    names: full.names,
    sheets: full.sheets.map((s) => ({
      name: s.name,
      cells: whole.includes(s.name)
        ? s.cells
        : Object.fromEntries(
            Object.entries(s.cells).filter(([a]) => {
              const m = /^([A-Z]+)(\d+)$/.exec(a);
              return !!m && (m[1] as string) <= 'I' && (m[1] as string).length === 1 && !!rows.get(s.name)?.has(Number(m[2]));
            }),
          ),
    })),
  };
}

function setup(options: FakeExcelOptions = {}) {
  const fake = createFakeExcel({ snapshot: formSnapshot(), ...options });
  return { fake, ...hostFor(fake) };
}

// ---------------------------------------------------------------------------------------

describe('address helpers', () => {
  test('split sheet references, quoted or not, with doubled quotes', () => {
    expect(splitSheetAddress("'JS01 法律援助'!$E$4")).toEqual({ sheet: 'JS01 法律援助', address: '$E$4' });
    expect(splitSheetAddress("'It''s'!A1:B2")).toEqual({ sheet: "It's", address: 'A1:B2' });
    expect(splitSheetAddress('Sheet1!A1')).toEqual({ sheet: 'Sheet1', address: 'A1' });
    expect(parseNameFormula("='JS01 法律援助'!$E$4")).toEqual({ sheet: 'JS01 法律援助', address: 'E4' });
    expect(parseNameFormula('=Sheet1!$A$1:$B$2')).toBeNull();
    expect(parseNameFormula('=#REF!$E$4')).toBeNull();
    expect(parseNameFormula('=0.5')).toBeNull();
  });

  test('coalesce groups cells into rectangles', () => {
    const cells = [];
    for (let r = 4; r <= 93; r++) cells.push({ row: r, col: 5 }, { row: r, col: 6 });
    cells.push({ row: 1, col: 1 });
    expect(coalesce(cells)).toEqual([
      { r1: 1, c1: 1, r2: 1, c2: 1 },
      { r1: 4, c1: 5, r2: 93, c2: 6 },
    ]);
    expect(charsToPoints(8.43)).toBe(48);
  });

  test('cellInput quotes anything Excel would reinterpret', () => {
    expect(cellInput("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(cellInput('+1')).toBe("'+1");
    expect(cellInput('１９８５')).toBe("'１９８５");
    expect(cellInput('TRUE')).toBe("'TRUE");
    expect(cellInput('法律援助')).toBe('法律援助');
    expect(cellInput(12.5)).toBe(12.5);
    expect(cellInput(null)).toBe('');
  });
});

describe('readSnapshot', () => {
  test('two syncs return the named cells with their rows A..I, and the names (spaces, Chinese, renamed and moved sheets, errors)', async () => {
    const snapshot = formSnapshot(5);
    snapshot.names.push({ name: 'ERR_9', sheet: FORMS[0] as string, address: 'E9' });
    const first = snapshot.sheets[0] as WorkbookSnapshot['sheets'][number];
    first.cells.E9 = { v: null, f: 'E4/0', error: '#DIV/0!' };
    first.cells.H4 = { v: null, error: '#N/A' };
    first.cells.I4 = { v: false };
    first.cells.I5 = { v: 'It\'s "quoted"' };
    const fake = createFakeExcel({ snapshot });
    fake.renameSheet('JS02 公共法律服务', "JS02 公共 法律'服务");
    fake.moveSheet('JS00 基本情况', 0);
    fake.setFormat('JS03 人民调解', 'Z99', { fill: 'FF0000' }); // formatting alone is not a used cell
    const { host } = hostFor(fake);

    const got = await host.readSnapshot();

    expect(fake.syncCount).toBe(2);
    expect(got).toEqual(namedRows(fake.toSnapshot()));
    // rows 5..8 hold no named cell: not read
    expect(got.sheets[1]?.cells.E5).toBeUndefined();
    expect(got.sheets.map((s) => s.name)).toEqual([
      'JS00 基本情况', 'JS01 法律援助', "JS02 公共 法律'服务", 'JS03 人民调解', 'JS04 行政复议', 'JS05 法治政府', 'JS06 普法', 'JS07 社区矫正',
    ]);
    const js01 = got.sheets[1];
    expect(js01?.cells.E9).toEqual({ v: null, f: 'E4/0', error: '#DIV/0!' });
    expect(js01?.cells.H4).toEqual({ v: null, error: '#N/A' });
    expect(js01?.cells.G4).toEqual({ v: 4, f: 'E4-F4' });
    expect(js01?.cells.I4).toEqual({ v: false });
    expect(got.sheets[3]?.cells.Z99).toBeUndefined();
    expect(got.names).toContainEqual({ name: 'IND1_4', sheet: "JS02 公共 法律'服务", address: 'E4' });
    expect(got.names).toHaveLength(9);
  });

  test('a sheet of the user\'s own with 100k rows × 8 columns is not read: the response stays under 1 MB', async () => {
    const fake = createFakeExcel({ snapshot: formSnapshot(40) });
    fake.addSheet('我的数据');
    for (let r = 1; r <= 100_000; r++) for (const c of 'ABCDEFGH') fake.setCell('我的数据', `${c}${r}`, c === 'A' ? `客户 ${r}` : r * 3 + c.charCodeAt(0));
    fake.addNote('我的数据', 'B7', '用户在自己表上的批注');
    const { host } = hostFor(fake);
    const got = await host.readSnapshot();
    expect(fake.syncCount).toBe(2);
    expect(fake.rejectedSyncs).toBe(0);
    expect(fake.maxResponse).toBeLessThan(1024 * 1024);
    expect(got.sheets.map((s) => s.name)).toContain('我的数据');
    expect(got.sheets.find((s) => s.name === '我的数据')?.cells).toEqual({});
    expect(got.sheets[0]?.cells.E4).toEqual({ v: 40 });
  });

  test('the 历史数据 sheet is read whole; other sheets without names are listed without cells', async () => {
    const snapshot = formSnapshot(2);
    snapshot.sheets.push({ name: '历史数据', cells: { A1: { v: '指标' }, B1: { v: 2023 }, A2: { v: 'IND0_4' }, B2: { v: 38 } } });
    snapshot.sheets.push({ name: '说明', cells: { A1: { v: '自由文字' } } });
    const fake = createFakeExcel({ snapshot });
    const got = await hostFor(fake).host.readSnapshot();
    expect(got.sheets.find((s) => s.name === '历史数据')?.cells).toEqual(snapshot.sheets[8]?.cells);
    expect(got.sheets.find((s) => s.name === '说明')?.cells).toEqual({});
  });

  test('text that starts with "=" comes back as text, not as a formula', async () => {
    const fake = createFakeExcel({ snapshot: formSnapshot(2) });
    fake.setCell('JS01 法律援助', 'I4', "'=cmd|' /C calc'!A0");
    const got = await hostFor(fake).host.readSnapshot();
    expect(got.sheets[0]?.cells.I4).toEqual({ v: "=cmd|' /C calc'!A0" });
  });

  test.each(['1.1', '1.3', '1.4', '1.7', '1.12', '1.14', '1.18'])('ExcelApi %s reads the same snapshot in two syncs, without a refused call', async (level) => {
    const snapshot = formSnapshot(3);
    snapshot.sheets.push({ name: '历史数据', cells: { A1: { v: '指标' }, B1: { v: 2023 }, A2: { v: 'IND0_4' }, B2: { v: 38 } } });
    const fake = createFakeExcel({ snapshot, requirementSets: { ExcelApi: level } });
    const got = await hostFor(fake).host.readSnapshot();
    expect(fake.syncCount).toBe(2);
    expect(fake.rejectedSyncs).toBe(0);
    expect(got).toEqual(namedRows(fake.toSnapshot(), ['历史数据']));
  });
});

describe('applyMarks and clearMarks', () => {
  test.each([
    ['8 sheets', FORMS, 6],
    ['1 sheet', [FORMS[0] as string], 3],
  ])('readSnapshot + applyMarks on %s: exactly 3 syncs (read names, read cells, write)', async (_label, sheets, perSheet) => {
    const { fake, host } = setup();
    await host.readSnapshot();
    const plan = markPlan(sheets, perSheet);
    const outcome = await host.applyMarks(plan);

    expect(fake.syncCount).toBe(3);
    expect(fake.rejectedSyncs).toBe(0);
    expect(outcome).toEqual({ notes: 'notes', marked: sheets.length * perSheet, protectedSheets: [] });
    for (const sheet of sheets) {
      const cfs = fake.conditionalFormats(sheet);
      expect(cfs).toHaveLength(perSheet);
      expect(cfs[0]?.formula).toContain(MARK_TOKEN);
      expect(fake.notes(sheet)).toHaveLength(perSheet);
      expect(fake.notes(sheet).every((n) => n.content.startsWith(NOTE_MARKER))).toBe(true);
    }
    const e4 = fake.conditionalFormats(sheets[0] as string).find((c) => c.range === 'E4');
    expect(e4).toMatchObject({ type: 'Custom', formula: markFormula('error'), fill: SEVERITY_COLORS.error.fill, fontColor: SEVERITY_COLORS.error.font });
    // the issue sheet, with links to the cells
    expect(fake.sheetNames()).toContain('问题清单');
    expect(fake.cell('问题清单', 'D3')?.hyperlink).toEqual({ documentReference: "'JS01 法律援助'!E4", textToDisplay: 'JS01 法律援助!E4' });
    expect(fake.merges('问题清单')).toEqual(['A1:E1']);
    // the marked cells' own values and formats are untouched
    expect(fake.cell(sheets[0] as string, 'E4')?.format).toEqual({});
  });

  test('several findings on one cell: one overlay (worst severity), one note with every message', async () => {
    const { fake, host } = setup();
    await host.readSnapshot();
    const sheet = FORMS[0] as string;
    const cell = { sheet, address: 'E5' };
    const report: Report = {
      ready: false, counts: { error: 1, warning: 0, info: 1 }, explained: 0, skipped: [],
      findings: [
        { rule: 'A5', severity: 'info', code: 'LA_CASES', form: 'JS01', messageId: 'adverse-move', params: { direction: 'down', pct: '25' }, cell },
        { rule: 'C01', severity: 'error', code: 'LA_CASES', form: 'JS01', messageId: 'required-blank', params: {}, cell },
      ],
    };
    // The core groups findings by cell; the host draws each mark as it comes.
    const plan = planMarks(report);
    expect(plan.marks).toHaveLength(1);
    await host.applyMarks(plan);
    expect(fake.conditionalFormats(sheet)).toEqual([expect.objectContaining({ range: 'E5', formula: markFormula('error') })]);
    const notes = fake.notes(sheet);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.content).toMatch(new RegExp(`^${NOTE_MARKER}`));
    expect(notes[0]?.content).toContain('同比下降25%');
    expect(notes[0]?.content).toContain('为必填指标');
  });

  test('clearMarks restores exactly what was there: user fill, number format, note, comment, rules', async () => {
    const { fake, host } = setup();
    const s = FORMS[0] as string;
    fake.setFormat(s, 'E4', { fill: 'FFFF00', bold: true });
    fake.setNumberFormat(s, 'E4', '#,##0');
    fake.addNote(s, 'E5', '这是用户自己的批注');
    fake.addComment(s, 'F4', '用户的讨论');
    fake.addConditionalFormat(s, 'E4:E30', { type: 'Custom', formula: '=E4>1000', fill: '00FF00' });
    fake.addConditionalFormat(s, 'F4:F30', { type: 'DataBar', barColor: '638EC6' });
    const before = fake.sheetNames().map((n) => fake.sheetState(n));

    await host.readSnapshot();
    const outcome = await host.applyMarks(markPlan([s, FORMS[3] as string], 5));
    expect(outcome.marked).toBe(10);
    // user's note on E5 is kept and ours is not forced onto that cell
    expect(fake.notes(s).find((n) => n.address === 'E5')?.content).toBe('这是用户自己的批注');
    expect(fake.notes(s).filter((n) => n.content.startsWith(NOTE_MARKER))).toHaveLength(4);
    expect(fake.conditionalFormats(s).filter((c) => c.formula?.includes(MARK_TOKEN))).toHaveLength(5);
    // our overlay goes on top; the user's rules keep their relative order
    expect(fake.conditionalFormats(s).slice(-2).map((c) => c.type)).toEqual(['Custom', 'DataBar']);

    fake.resetCounters();
    const removed = await host.clearMarks();
    expect(removed).toBe(10);
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    const after = before.map((b) => fake.sheetState(b.name));
    expect(after).toEqual(before);
  });

  test('user notes where we mark: the read already knows where they are (3 syncs in all) and nothing collides', async () => {
    const { fake, host } = setup();
    const s = FORMS[1] as string;
    fake.addNote(s, 'E4', '用户批注');
    await host.readSnapshot();
    const outcome = await host.applyMarks(markPlan([s], 3));
    expect(fake.syncCount).toBe(3);
    expect(fake.rejectedSyncs).toBe(0);
    expect(outcome.marked).toBe(3);
    expect(fake.notes(s).map((n) => [n.address, n.content.startsWith(NOTE_MARKER)])).toEqual([
      ['E4', false],
      ['E5', true],
      ['E6', true],
    ]);
  });

  test('marking twice does not stack overlays or notes', async () => {
    const { fake, host } = setup();
    const plan = markPlan(FORMS.slice(0, 2), 4);
    await host.readSnapshot();
    await host.applyMarks(plan);
    await host.readSnapshot();
    await host.applyMarks(plan);
    for (const sheet of FORMS.slice(0, 2)) {
      expect(fake.conditionalFormats(sheet)).toHaveLength(4);
      expect(fake.notes(sheet)).toHaveLength(4);
    }
    expect(fake.sheetNames().filter((n) => n === '问题清单')).toHaveLength(1);
  });

  test('a note the user added after we looked: the write is taken back and redone without it', async () => {
    const { fake, host } = setup();
    const s = FORMS[0] as string;
    await host.readSnapshot();
    fake.addNote(s, 'E6', '刚刚加的批注');
    const outcome = await host.applyMarks(markPlan([s], 4));
    expect(outcome.marked).toBe(4);
    expect(fake.conditionalFormats(s)).toHaveLength(4);
    expect(fake.notes(s).find((n) => n.address === 'E6')?.content).toBe('刚刚加的批注');
    expect(fake.notes(s).filter((n) => n.content.startsWith(NOTE_MARKER))).toHaveLength(3);
  });

  test.each(['1.12', '1.14', '1.17'])('ExcelApi %s with the user\'s notes: no comment is written, nothing half-applied, old comments of ours removed', async (level) => {
    const { fake, host } = setup({ requirementSets: { ExcelApi: level } });
    const s = FORMS[2] as string;
    // notes the host cannot see on this Excel, on the very cells it marks
    fake.addNote(s, 'E4', '用户的批注');
    fake.addNote(s, 'E5', '另一条用户批注');
    fake.addComment(s, 'H4', '用户的评论');
    // an earlier version's comment (the marker, the message, the rule line), and one of the user's that begins with the marker
    fake.addComment(s, 'E6', `${NOTE_MARKER}合计与分项之和不符\n规则：R01`);
    fake.addComment(s, 'H5', `${NOTE_MARKER}这一格是区县汇总，请勿改动`);
    await host.readSnapshot();
    const outcome = await host.applyMarks(markPlan([s], 3));
    expect(outcome).toEqual({ notes: 'none', marked: 3, protectedSheets: [] });
    expect(fake.syncCount).toBe(3);
    expect(fake.rejectedSyncs).toBe(0);
    expect(fake.conditionalFormats(s)).toHaveLength(3);
    expect(fake.notes(s).map((n) => n.content)).toEqual(['用户的批注', '另一条用户批注']);
    expect(fake.comments(s)).toEqual([
      expect.objectContaining({ address: 'H4', content: '用户的评论' }),
      expect.objectContaining({ address: 'H5', content: `${NOTE_MARKER}这一格是区县汇总，请勿改动` }),
    ]);
    expect(fake.sheetNames().filter((n) => n.startsWith('~'))).toEqual([]);
    expect(host.lastDegraded.join()).toContain('notes (ExcelApi 1.18)');
    await host.clearMarks();
    expect(fake.conditionalFormats(s)).toEqual([]);
    expect(fake.notes(s)).toHaveLength(2);
  });

  test('ExcelApi 1.18: the user\'s comment on a marked cell keeps it free of our note', async () => {
    const { fake, host } = setup();
    const s = FORMS[2] as string;
    fake.addComment(s, 'E5', '用户的评论');
    await host.readSnapshot();
    const outcome = await host.applyMarks(markPlan([s], 3));
    expect(outcome.marked).toBe(3);
    expect(fake.rejectedSyncs).toBe(0);
    expect(fake.notes(s).map((n) => n.address)).toEqual(['E4', 'E6']);
  });

  test.each(['1.1', '1.3'])('ExcelApi %s: marking writes 问题清单 without the 1.2/1.4 calls, twice, with no orphan sheet', async (level) => {
    const { fake, host } = setup({ requirementSets: { ExcelApi: level } });
    for (let i = 0; i < 2; i++) {
      await host.readSnapshot();
      const outcome = await host.applyMarks(markPlan([FORMS[0] as string], 2));
      expect(outcome).toEqual({ notes: 'none', marked: 0, protectedSheets: [] });
    }
    expect(fake.rejectedSyncs).toBe(0);
    // below 1.4 no name can mark the list as the tool's: this plan's list (not the core's
    // title and headers) is then a sheet like any other, and the next goes beside it
    expect(fake.sheetNames().filter((n) => n.startsWith('问题清单') || n.startsWith('~'))).toEqual(['问题清单', '问题清单（2）']);
    expect(fake.cell('问题清单', 'C3')?.value).toBe('问题 1：合计不等于分项之和');
    if (level === '1.1') expect(host.lastDegraded.join()).toContain('ExcelApi 1.2');
    else expect(fake.merges('问题清单')).toEqual(['A1:E1']);
  });

  test.each(['1.1', '1.3'])('ExcelApi %s: the core\'s 问题清单 is known by its title and headers where no name can be written, and replaced', async (level) => {
    const { fake, host } = setup({ requirementSets: { ExcelApi: level } });
    const report: Report = {
      ready: false, counts: { error: 1, warning: 0, info: 0 }, explained: 0, skipped: [],
      findings: [{ rule: 'C01', severity: 'error', code: 'LA_CASES', form: 'JS01', messageId: 'required-blank', params: {}, cell: { sheet: FORMS[0] as string, address: 'E4' } }],
    };
    for (let i = 0; i < 2; i++) {
      await host.readSnapshot();
      await host.applyMarks(planMarks(report));
    }
    expect(fake.rejectedSyncs).toBe(0);
    expect(fake.sheetNames().filter((n) => n.startsWith('问题清单'))).toEqual(['问题清单']);
    expect(fake.names().map((n) => n.name)).not.toContain('BRA_MARK_ISSUES');
    await host.clearMarks();
    expect(fake.sheetNames()).not.toContain('问题清单');
  });

  test('a protected sheet is left unmarked and said so; the others are marked in the same single write', async () => {
    const { fake, host } = setup();
    const [a, b] = FORMS as [string, string];
    fake.protectSheet(b);
    const before = fake.sheetState(b);
    await host.readSnapshot();
    fake.resetCounters();
    const outcome = await host.applyMarks(markPlan([a, b], 3));
    expect(fake.syncCount).toBe(1);
    expect(fake.rejectedSyncs).toBe(0);
    expect(outcome).toEqual({ notes: 'notes', marked: 3, protectedSheets: [b] });
    expect(fake.sheetState(b)).toEqual(before);
    expect(fake.conditionalFormats(a)).toHaveLength(3);
  });

  test('workbook structure protection: marking is refused before anything is written', async () => {
    const { fake, host } = setup();
    fake.protectStructure();
    await host.readSnapshot();
    const before = fake.sheetNames().map((n) => fake.sheetState(n));
    fake.resetCounters();
    await expect(host.applyMarks(markPlan([FORMS[0] as string], 2))).rejects.toMatchObject({ name: 'ExcelHostError', code: 'WORKBOOK_PROTECTED' });
    expect(fake.syncCount).toBe(0);
    expect(fake.sheetNames().map((n) => fake.sheetState(n))).toEqual(before);
  });

  test('a hidden sheet is marked but its cell is not selected; a very hidden 问题清单 stops marking before any write', async () => {
    const { fake, host } = setup();
    const s = FORMS[4] as string;
    fake.hideSheet(s);
    await host.readSnapshot();
    expect((await host.applyMarks(markPlan([s], 2))).marked).toBe(2);
    await expect(host.selectCell({ sheet: s, address: 'E4' })).rejects.toMatchObject({ code: 'SHEET_HIDDEN' });
    fake.hideSheet('问题清单', 'VeryHidden');
    await host.readSnapshot();
    fake.resetCounters();
    await expect(host.applyMarks(markPlan([s], 2))).rejects.toMatchObject({ code: 'SHEET_HIDDEN' });
    expect(fake.syncCount).toBe(0);
  });

  test('marking again right after marking needs no read: one sync, nothing stacked', async () => {
    const { fake, host } = setup();
    const plan = markPlan(FORMS.slice(0, 2), 4);
    await host.readSnapshot();
    await host.applyMarks(plan);
    fake.resetCounters();
    await host.applyMarks(plan);
    expect(fake.syncCount).toBe(1);
    for (const sheet of FORMS.slice(0, 2)) {
      expect(fake.conditionalFormats(sheet)).toHaveLength(4);
      expect(fake.notes(sheet)).toHaveLength(4);
    }
  });

  test('applyMarks without a read looks first (2 read-only syncs), then writes once', async () => {
    const { fake, host } = setup();
    fake.addNote(FORMS[0] as string, 'E5', '用户批注');
    const outcome = await host.applyMarks(markPlan([FORMS[0] as string], 3));
    expect(fake.syncCount).toBe(3);
    expect(fake.rejectedSyncs).toBe(0);
    expect(outcome.marked).toBe(3);
    const notes = fake.notes(FORMS[0] as string).sort((x, y) => x.address.localeCompare(y.address));
    expect(notes.map((n) => [n.address, n.content.startsWith(NOTE_MARKER)])).toEqual([['E4', true], ['E5', false], ['E6', true]]);
  });

  test('ExcelApi 1.7: overlays without notes (outcome none); nothing throws', async () => {
    const { fake, host } = setup({ requirementSets: { ExcelApi: '1.7' } });
    await host.readSnapshot();
    const outcome = await host.applyMarks(markPlan(FORMS.slice(0, 3), 2));
    expect(outcome).toEqual({ notes: 'none', marked: 6, protectedSheets: [] });
    expect(fake.syncCount).toBe(3);
    expect(fake.conditionalFormats(FORMS[0] as string)).toHaveLength(2);
    expect(host.lastDegraded.join()).toContain('notes');
    expect(await host.clearMarks()).toBe(6);
    expect(fake.conditionalFormats(FORMS[0] as string)).toHaveLength(0);
  });

  test('ExcelApi 1.4: no overlays at all, but the issue sheet is written', async () => {
    const { fake, host } = setup({ requirementSets: { ExcelApi: '1.4' } });
    await host.readSnapshot();
    const outcome = await host.applyMarks(markPlan([FORMS[0] as string], 2));
    expect(outcome).toEqual({ notes: 'none', marked: 0, protectedSheets: [] });
    expect(fake.cell('问题清单', 'C3')?.value).toBe('问题 1：合计不等于分项之和');
  });

  test('a very large plan is split so that no request passes 5 MB', async () => {
    const fake = createFakeExcel({ snapshot: formSnapshot(750) });
    const { host } = hostFor(fake);
    await host.readSnapshot();
    fake.resetCounters();
    const longNote = '该指标本期数值与上年同期相比变化超过百分之五十，请核实数据来源、统计口径与录入单位是否一致。'.repeat(12);
    const plan = markPlan(FORMS, 750, longNote);
    const outcome = await host.applyMarks(plan);

    expect(outcome.marked).toBe(6000);
    expect(fake.rejectedSyncs).toBe(0);
    expect(fake.syncCount).toBeGreaterThan(1);
    expect(fake.maxPayload).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(fake.payloads.reduce((a, b) => a + b, 0)).toBeGreaterThan(5 * 1024 * 1024);
    expect(fake.notes(FORMS[7] as string)).toHaveLength(750);
    expect(fake.conditionalFormats(FORMS[7] as string)).toHaveLength(750);
    expect(fake.cell('问题清单', 'C6002')?.value).toBe('问题 6000：合计不等于分项之和');
  });
});

// ---------------------------------------------------------------------------------------

function formPlan(name: string, code: string, rows = 90): SheetPlan {
  const cells: SheetPlan['cells'] = [
    { address: 'A1', value: `${name}工作情况`, style: { font: 'title', size: 16, bold: true, align: 'center' } },
    { address: 'A3', value: '序号', style: { bold: true, border: true, fill: 'D9E1F2' } },
    { address: 'E3', value: '本期', style: { bold: true, border: true, fill: 'D9E1F2' } },
  ];
  for (let i = 0; i < rows; i++) {
    const r = 4 + i;
    const body = { font: 'body' as const, border: true };
    cells.push(
      { address: `A${r}`, value: i + 1, style: body },
      { address: `B${r}`, value: `指标名称${i + 1}`, style: { ...body, wrap: true } },
      { address: `C${r}`, value: `${code}_${i}`, style: body },
      { address: `D${r}`, value: '件', style: body },
      {
        address: `E${r}`,
        style: { ...body, numFmt: '#,##0', unlocked: true },
        validation: { type: 'whole', min: 0, errorTitle: '输入有误', error: '请输入不小于 0 的整数' },
      },
      { address: `F${r}`, style: { ...body, numFmt: '#,##0', unlocked: true }, validation: { type: 'whole', min: 0, errorTitle: '输入有误', error: '请输入不小于 0 的整数' } },
      { address: `G${r}`, formula: `${code}_${i}-${code}_${i}_PREV`, style: { ...body, numFmt: '#,##0' } },
      { address: `H${r}`, formula: `IF(${code}_${i}_PREV=0,"",${code}_${i}/${code}_${i}_PREV-1)`, style: { ...body, numFmt: '0.0%' } },
      { address: `I${r}`, style: { ...body, font: 'text', unlocked: true } },
    );
  }
  return {
    name,
    columns: [6, 36, 16, 6, 12, 12, 12, 10, 30],
    cells,
    merges: ['A1:I1', 'A2:I2'],
    rowHeights: { 1: 30, 2: 20, 3: 20 },
    freeze: { rows: 3, cols: 2 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: [1, 3], margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }, centerHorizontally: true },
    dataBars: [{ range: `H4:H${3 + rows}`, color: '638EC6' }],
    tabColor: '1F4E79',
  };
}

function workbookPlan(): WorkbookPlan {
  const forms = ['JS01 法律援助', 'JS02 公共法律服务', 'JS03 人民调解', 'JS04 行政复议'].map((n, i) => formPlan(n, `F${i + 1}`));
  const names = forms.flatMap((f, i) =>
    Array.from({ length: 90 }, (_, k) => [
      { name: `F${i + 1}_${k}`, sheet: f.name, address: `E${4 + k}` },
      { name: `F${i + 1}_${k}_PREV`, sheet: f.name, address: `F${4 + k}` },
    ]).flat(),
  );
  const cover: SheetPlan = {
    name: '封面',
    columns: [20, 40],
    cells: [
      { address: 'A1', value: '填报单位', style: { bold: true } },
      { address: 'B1', value: '某市司法局', style: { unlocked: true } },
      { address: 'A2', value: '报告期' },
      { address: 'B2', value: '2025', style: { numFmt: '@' } },
    ],
    merges: [],
    hideGridLines: true,
  };
  return { sheets: [cover, ...forms], names: [...names, { name: 'RPT_UNIT', sheet: '封面', address: 'B1' }] };
}

describe('applyWorkbookPlan', () => {
  test('workbook structure protection: the template is refused after the one read-only sync, nothing written', async () => {
    const fake = createFakeExcel();
    fake.protectStructure();
    const { host } = hostFor(fake);
    const plan: WorkbookPlan = { sheets: [{ name: '封面', columns: [20], cells: [{ address: 'A1', value: '封面' }], merges: [] }], names: [] };
    await expect(host.applyWorkbookPlan(plan)).rejects.toMatchObject({ name: 'ExcelHostError', code: 'WORKBOOK_PROTECTED' });
    expect(fake.syncCount).toBe(1);
    expect(fake.sheetNames()).toEqual(['Sheet1']);
  });

  test('a very hidden 领导参阅 cannot be replaced: refused before any write', async () => {
    const fake = createFakeExcel({ snapshot: { sheets: [{ name: 'Sheet1', cells: {} }, { name: '领导参阅', cells: { A1: { v: '旧' } } }], names: [] } });
    fake.hideSheet('领导参阅', 'VeryHidden');
    const { host } = hostFor(fake);
    const plan: WorkbookPlan = { sheets: [{ name: '领导参阅', columns: [], cells: [{ address: 'A1', value: '新' }], merges: [] }], names: [] };
    await expect(host.applyWorkbookPlan(plan, { replaceSheets: true })).rejects.toMatchObject({ code: 'SHEET_HIDDEN' });
    expect(fake.cell('领导参阅', 'A1')?.value).toBe('旧');
    expect(fake.rejectedSyncs).toBe(0);
  });

  test('a generated page (领导参阅) written again replaces the old one; without replaceSheets it is refused', async () => {
    const fake = createFakeExcel();
    const { host } = hostFor(fake);
    const page = (text: string): WorkbookPlan => ({ sheets: [{ name: '领导参阅', columns: [20], cells: [{ address: 'A1', value: text }], merges: [] }], names: [] });
    await host.applyWorkbookPlan(page('第一次'));
    await expect(host.applyWorkbookPlan(page('第二次'))).rejects.toMatchObject({ code: 'SHEET_EXISTS' });
    await host.applyWorkbookPlan(page('第二次'), { replaceSheets: true });
    expect(fake.sheetNames().filter((n) => n === '领导参阅')).toHaveLength(1);
    expect(fake.cell('领导参阅', 'A1')?.value).toBe('第二次');
  });

  test('a template of 5 sheets (~90 rows each) takes at most 3 syncs and holds names, formulas, validations', async () => {
    const fake = createFakeExcel();
    const { host } = hostFor(fake);
    await host.applyWorkbookPlan(workbookPlan());

    expect(fake.syncCount).toBeLessThanOrEqual(3);
    expect(fake.rejectedSyncs).toBe(0);
    const s = 'JS01 法律援助';
    expect(fake.sheetNames()).toEqual(['Sheet1', '封面', s, 'JS02 公共法律服务', 'JS03 人民调解', 'JS04 行政复议']);
    expect(fake.activeSheet).toBe('封面');
    expect(fake.names()).toContainEqual({ name: 'F1_0', formula: `='${s}'!$E$4` });
    expect(fake.names()).toContainEqual({ name: 'F4_89_PREV', formula: "='JS04 行政复议'!$F$93" });
    expect(fake.names()).toHaveLength(4 * 180 + 1);
    expect(fake.cell(s, 'G4')?.formula).toBe('F1_0-F1_0_PREV');
    expect(fake.cell(s, 'H93')?.formula).toBe('IF(F1_89_PREV=0,"",F1_89/F1_89_PREV-1)');
    expect(fake.cell(s, 'H93')?.numberFormat).toBe('0.0%');
    expect(fake.cell(s, 'B5')?.value).toBe("指标名称2");
    expect(fake.validation(s, 'E50')).toEqual({
      rule: { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } },
      errorAlert: { showAlert: true, style: 'Stop', title: '输入有误', message: '请输入不小于 0 的整数' },
    });
    expect(fake.format(s, 'E50')).toEqual({
      fontName: '宋体',
      borders: { top: 'Continuous', bottom: 'Continuous', left: 'Continuous', right: 'Continuous' },
      locked: false,
    });
    expect(fake.format(s, 'A1')).toMatchObject({ fontName: '黑体', fontSize: 16, bold: true, horizontalAlignment: 'Center' });
    expect(fake.format(s, 'I10').fontName).toBe('仿宋');
    expect(fake.merges(s)).toEqual(['A1:I1', 'A2:I2']);
    expect(fake.columnWidth(s, 2)).toBe(charsToPoints(36));
    expect(fake.rowHeight(s, 1)).toBe(30);
    expect(fake.freeze(s)).toEqual({ rows: 3, cols: 2 });
    expect(fake.pageLayout(s)).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      printTitleRows: '$1:$3',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerHorizontally: true,
      margins: { leftMargin: 36, headerMargin: 21.6 },
    });
    expect(fake.conditionalFormats(s)).toEqual([expect.objectContaining({ type: 'DataBar', range: 'H4:H93', barColor: '638EC6' })]);
    expect(fake.tabColor(s)).toBe('1F4E79');
    expect(fake.showGridlines('封面')).toBe(false);
    expect(fake.cell('封面', 'B2')).toMatchObject({ value: '2025', numberFormat: '@' });
  });

  test('a sheet name that exists is a clear error before anything is written', async () => {
    const fake = createFakeExcel({ snapshot: { sheets: [{ name: 'JS02 公共法律服务', cells: { A1: { v: 1 } } }], names: [] } });
    const { host } = hostFor(fake);
    const e = await host.applyWorkbookPlan(workbookPlan()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ExcelHostError);
    expect(e).toMatchObject({ code: 'SHEET_EXISTS', params: { sheet: 'JS02 公共法律服务' } });
    expect((e as Error).message).toContain('JS02 公共法律服务');
    expect(fake.syncCount).toBe(1);
    expect(fake.sheetNames()).toEqual(['JS02 公共法律服务']);
    expect(fake.names()).toEqual([]);
  });

  test('a defined name that exists is refused the same way', async () => {
    const fake = createFakeExcel({ snapshot: { sheets: [{ name: 'Sheet1', cells: {} }], names: [{ name: 'RPT_UNIT', sheet: 'Sheet1', address: 'A1' }] } });
    const e = await hostFor(fake).host.applyWorkbookPlan(workbookPlan()).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'NAME_EXISTS' });
    expect(fake.sheetNames()).toEqual(['Sheet1']);
  });

  test('an invalid sheet name is refused without a round trip', async () => {
    const fake = createFakeExcel();
    const plan: WorkbookPlan = { sheets: [{ name: '表[1]', columns: [], cells: [], merges: [] }], names: [] };
    await expect(hostFor(fake).host.applyWorkbookPlan(plan)).rejects.toMatchObject({ code: 'BAD_SHEET_NAME' });
    expect(fake.syncCount).toBe(0);
  });

  test('ExcelApi 1.7: no page layout, validation or gridlines, and still no error', async () => {
    const fake = createFakeExcel({ requirementSets: { ExcelApi: '1.7' } });
    const { host } = hostFor(fake);
    await host.applyWorkbookPlan(workbookPlan());
    const s = 'JS03 人民调解';
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    expect(fake.cell(s, 'G4')?.formula).toBe('F3_0-F3_0_PREV');
    expect(fake.pageLayout(s).paperSize).toBe('Letter');
    expect(fake.validation(s, 'E4')).toBeUndefined();
    expect(fake.freeze(s)).toEqual({ rows: 3, cols: 2 });
    expect(fake.showGridlines('封面')).toBe(true);
    expect(host.lastDegraded.join()).toMatch(/pageLayout.*|dataValidation/);
    expect(host.lastDegraded).toEqual(expect.arrayContaining([expect.stringContaining('pageLayout'), expect.stringContaining('dataValidation')]));
  });
});

describe('edits, selection, cell-edit mode', () => {
  test('a value "=cmd|..." stays text; numbers stay numbers; formulas are formulas; one sync', async () => {
    const { fake, host } = setup();
    const s = FORMS[0] as string;
    await host.applyCellEdits([
      { sheet: s, address: 'I4', value: "=cmd|' /C calc'!A0" },
      { sheet: s, address: 'I5', value: '1,985' },
      { sheet: s, address: 'I6', value: '-1+1' },
      { sheet: s, address: 'E4', value: 24000 },
      { sheet: s, address: 'E5', value: null },
      { sheet: s, address: 'H4', formula: 'IF(F4=0,"",E4/F4-1)', result: 0.1 },
    ]);
    expect(fake.syncCount).toBe(1);
    expect(fake.cell(s, 'I4')).toMatchObject({ value: "=cmd|' /C calc'!A0" });
    expect(fake.cell(s, 'I4')?.formula).toBeUndefined();
    expect(fake.cell(s, 'I5')?.value).toBe('1,985');
    expect(fake.cell(s, 'I6')?.value).toBe('-1+1');
    expect(fake.cell(s, 'E4')?.value).toBe(24000);
    expect(fake.cell(s, 'E5')?.value).toBeNull();
    expect(fake.cell(s, 'H4')?.formula).toBe('IF(F4=0,"",E4/F4-1)');
    const back = await host.readSnapshot();
    expect(back.sheets[0]?.cells.I4).toEqual({ v: "=cmd|' /C calc'!A0" });
  });

  test('an edit on a sheet the read found protected is refused before a round trip', async () => {
    const { fake, host } = setup();
    fake.protectSheet(FORMS[1] as string);
    await host.readSnapshot();
    fake.resetCounters();
    await expect(host.applyCellEdits([{ sheet: FORMS[1] as string, address: 'I4', value: '说明' }])).rejects.toMatchObject({ code: 'SHEET_PROTECTED', params: { sheet: FORMS[1] } });
    expect(fake.syncCount).toBe(0);
  });

  test('a sheet protected after the read: Excel\'s AccessDenied becomes SHEET_PROTECTED', async () => {
    const { fake, host } = setup();
    await host.readSnapshot();
    fake.protectSheet(FORMS[1] as string);
    await expect(host.applyCellEdits([{ sheet: FORMS[1] as string, address: 'I4', value: '说明' }])).rejects.toMatchObject({ code: 'SHEET_PROTECTED' });
    expect(fake.cell(FORMS[1] as string, 'I4')).toBeUndefined();
  });

  test('selectCell activates the sheet and selects the cell in one sync', async () => {
    const { fake, host } = setup();
    await host.selectCell({ sheet: FORMS[4] as string, address: 'E7' });
    expect(fake.syncCount).toBe(1);
    expect(fake.activeSheet).toBe(FORMS[4]);
    expect(fake.selection).toEqual({ sheet: FORMS[4], address: 'E7' });
  });

  test('cell-edit mode for 2 batches: each call still succeeds after retries with a growing back-off', async () => {
    const { fake, host, delays } = setup();
    fake.enterCellEditMode(2);
    const snap = await host.readSnapshot();
    expect(snap.sheets).toHaveLength(8);
    expect(delays).toEqual([150, 300]);

    fake.enterCellEditMode(2);
    await host.applyMarks(markPlan([FORMS[0] as string], 2));
    expect(fake.conditionalFormats(FORMS[0] as string)).toHaveLength(2);

    fake.enterCellEditMode(2);
    await host.applyCellEdits([{ sheet: FORMS[0] as string, address: 'I9', value: '说明' }]);
    expect(fake.cell(FORMS[0] as string, 'I9')?.value).toBe('说明');
  });

  test('cell-edit mode reported as InvalidOperation (cell-edit message) is retried the same way; other InvalidOperations are not', async () => {
    const { fake, host, delays } = setup();
    fake.enterCellEditMode(1, 'InvalidOperation');
    await host.readSnapshot();
    expect(delays).toEqual([150]);
    expect(isCellEditModeError({ code: 'InvalidOperation', debugInfo: { code: 'InvalidOperation', message: 'The workbook is locked.' } })).toBe(false);
    expect(isCellEditModeError({ code: 'InvalidOperation', message: 'Excel is in cell-editing mode.' })).toBe(true);
  });

  test('from ExcelApi 1.11 each batch asks Excel to wait for the cell edit (delayForCellEdit); before it, none does', async () => {
    const { fake, host } = setup();
    await host.readSnapshot();
    expect(fake.runOptions).toEqual([{ delayForCellEdit: true }]);
    const old = setup({ requirementSets: { ExcelApi: '1.10' } });
    await old.host.readSnapshot();
    expect(old.fake.runOptions).toEqual([undefined]);
  });

  test('the summary chart runs in the host, with the same cell-edit retry', async () => {
    const calls: string[] = [];
    let refusals = 1;
    const run = async <T,>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
      const rec = (name: string) => (..._args: unknown[]) => void calls.push(name);
      const chart = {
        title: {}, legend: {}, dataLabels: {}, axes: { categoryAxis: {} },
        setPosition: rec('setPosition'), series: { getItemAt: () => ({ setXAxisValues: rec('setXAxisValues') }) },
      };
      const ws = { getRange: (a: string) => ({ a }), charts: { add: () => (calls.push('add'), chart) } };
      const ctx = {
        workbook: { worksheets: { getItem: () => ws } },
        sync: async () => {
          if (refusals-- > 0) throw Object.assign(new Error('cell edit'), { code: 'InvalidOperationInCellEditMode' });
        },
      } as unknown as Excel.RequestContext;
      return batch(ctx);
    };
    const delays: number[] = [];
    const host = new ExcelHost({ run, isSetSupported: () => true, sleep: async (ms) => void delays.push(ms) });
    const sheet: SheetPlan = { name: '领导参阅', columns: [], cells: [], merges: [], dataBars: [{ range: 'E7:E15', color: '638EC6' }] };
    expect(await host.addYoyChart(sheet, { title: '主要指标同比增减', series: '同比' })).toBe(true);
    expect(delays).toEqual([150]);
    expect(calls.filter((c) => c === 'add')).toHaveLength(2);
    expect(calls).toContain('setXAxisValues');
  });

  test('named rows past the response budget are read in more syncs of the same run, with the same snapshot', async () => {
    const snapshot = formSnapshot(30);
    for (const [s, name] of FORMS.entries()) for (let r = 5; r < 34; r++) snapshot.names.push({ name: `IND${s}_${r}`, sheet: name, address: `E${r}` });
    const one = createFakeExcel({ snapshot });
    const whole = await hostFor(one).host.readSnapshot();
    const split = createFakeExcel({ snapshot });
    const got = await hostFor(split, { responseBudget: 20_000 }).host.readSnapshot();
    expect(one.syncCount).toBe(2);
    expect(split.syncCount).toBeGreaterThan(2);
    expect(split.maxResponse).toBeLessThan(one.maxResponse);
    expect(got).toEqual(whole);
  });

  test('a read whose response would pass Excel\'s limit is explained (READ_TOO_LARGE), not a raw error', async () => {
    const fake = createFakeExcel({ snapshot: formSnapshot(5), responseLimit: 2000 });
    await expect(hostFor(fake).host.readSnapshot()).rejects.toMatchObject({ name: 'ExcelHostError', code: 'READ_TOO_LARGE' });
  });

  test('cell-edit mode that never ends gives up with a clear error', async () => {
    const { fake, host, delays } = setup();
    fake.enterCellEditMode(100);
    await expect(host.readSnapshot()).rejects.toMatchObject({ code: 'CELL_EDIT_MODE' });
    expect(delays).toHaveLength(4);
    expect(fake.syncCount).toBe(5);
  });
});

describe('live re-check', () => {
  function timers() {
    let now = 0;
    const pending = new Map<number, { at: number; f: () => void }>();
    let id = 0;
    return {
      deps: {
        setTimer: (f: () => void, ms: number) => (pending.set(++id, { at: now + ms, f }), id),
        clearTimer: (h: unknown) => void pending.delete(h as number),
        now: () => now,
      },
      advance(ms: number) {
        now += ms;
        for (const [k, t] of [...pending]) {
          if (t.at <= now) {
            pending.delete(k);
            t.f();
          }
        }
      },
    };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  test('three quick edits of the user: one re-check after the quiet time; our own write: none; off: none', async () => {
    const fake = createFakeExcel({ snapshot: formSnapshot(3) });
    const clock = timers();
    const { host } = hostFor(fake, { ...clock.deps, runIn: fake.runIn });
    await host.readSnapshot();
    let rechecks = 0;
    fake.resetCounters();
    expect(await host.watch(() => rechecks++, { debounceMs: 800 })).toBe(true);
    expect(fake.syncCount).toBe(1);
    expect(fake.listenerCount).toBe(FORMS.length);

    fake.userEdit(FORMS[0] as string, 'E4', 1);
    fake.userEdit(FORMS[0] as string, 'E5', 2);
    fake.userEdit(FORMS[1] as string, 'E4', 3);
    await settle();
    clock.advance(500);
    expect(rechecks).toBe(0);
    clock.advance(400);
    expect(rechecks).toBe(1);

    // our own write is heard by the handler, and ignored
    clock.advance(5000);
    const delivered = fake.eventsDelivered;
    await host.applyCellEdits([{ sheet: FORMS[0] as string, address: 'I4', value: '说明' }]);
    await settle();
    expect(fake.eventsDelivered).toBeGreaterThan(delivered);
    clock.advance(1000);
    expect(rechecks).toBe(1);

    await host.unwatch();
    expect(fake.listenerCount).toBe(0);
    fake.userEdit(FORMS[0] as string, 'E4', 9);
    await settle();
    clock.advance(2000);
    expect(rechecks).toBe(1);
  });

  test('the re-check reads in one sync while the names stay put, and sees the new value; a new name makes it read afresh', async () => {
    const fake = createFakeExcel({ snapshot: formSnapshot(3) });
    const { host } = hostFor(fake);
    await host.readSnapshot();
    fake.setCell(FORMS[0] as string, 'E4', 777);
    fake.resetCounters();
    const again = await host.recheckSnapshot();
    expect(fake.syncCount).toBe(1);
    expect(again.sheets[0]?.cells.E4).toEqual({ v: 777 });
    expect(again).toEqual(await host.readSnapshot());

    fake.resetCounters();
    fake.renameSheet(FORMS[2] as string, '改名的表');
    const moved = await host.recheckSnapshot();
    expect(fake.syncCount).toBe(3);
    expect(moved.names.find((n) => n.name === 'IND2_4')?.sheet).toBe('改名的表');
  });

  test('ExcelApi 1.6 has no change events: watch says so and registers nothing', async () => {
    const { fake, host } = setup({ requirementSets: { ExcelApi: '1.6' } });
    await host.readSnapshot();
    fake.resetCounters();
    expect(await host.watch(() => undefined)).toBe(false);
    expect(fake.syncCount).toBe(0);
  });
});

describe('the mark contract in Excel: what is the user\'s stays', () => {
  const CLOSING = '（报表助手标注，清除标记时删除）';

  test('a reply typed into our note is kept as the user\'s note; a user\'s note beginning with 【报表助手】 is left', async () => {
    const { fake, host } = setup();
    const s = FORMS[0] as string;
    fake.addNote(s, 'H9', `${NOTE_MARKER}这一格是区县汇总，请勿改动`);
    await host.readSnapshot();
    await host.applyMarks(markPlan([s], 3));
    const ours = fake.notes(s).filter((n) => n.address !== 'H9');
    expect(ours.map((n) => n.content.endsWith(CLOSING))).toEqual([true, true, true]);
    // the user types under our note on E5 (Excel keeps the note's author)
    const e5 = ours.find((n) => n.address === 'E5');
    fake.editNote(s, 'E5', `${e5?.content ?? ''}\n已核实，区县上报数无误。`);
    await host.clearMarks();
    expect(fake.notes(s).map((n) => [n.address, n.content])).toEqual([
      ['H9', `${NOTE_MARKER}这一格是区县汇总，请勿改动`],
      ['E5', '已核实，区县上报数无误。'],
    ]);
    expect(fake.conditionalFormats(s)).toEqual([]);
    expect(fake.sheetNames()).not.toContain('问题清单');
    expect(fake.names().map((n) => n.name)).not.toContain('BRA_MARK_ISSUES');
  });

  test('checking again: a replied note keeps only the user\'s words and gets no new note of ours; a sheet left without findings loses its marks', async () => {
    const { fake, host } = setup();
    const [a, b] = FORMS as [string, string];
    await host.readSnapshot();
    await host.applyMarks(markPlan([a, b], 3));
    const e4 = fake.notes(a).find((n) => n.address === 'E4');
    fake.editNote(a, 'E4', `${e4?.content ?? ''}\n\n张三：已核实`);
    await host.readSnapshot();
    await host.applyMarks(markPlan([a], 2));
    expect(fake.notes(a).map((n) => [n.address, n.content.endsWith(CLOSING) ? 'ours' : n.content]).sort()).toEqual([
      ['E4', '张三：已核实'],
      ['E5', 'ours'],
    ]);
    expect(fake.conditionalFormats(a).map((c) => c.range).sort()).toEqual(['E4', 'E5']);
    expect(fake.conditionalFormats(b)).toEqual([]);
    expect(fake.notes(b)).toEqual([]);
    expect(fake.sheetNames().filter((n) => n.startsWith('问题清单'))).toEqual(['问题清单']);
  });

  test('a comment of ours from an earlier version: deleted while nobody replied; with a reply the thread is kept and said so', async () => {
    const { fake, host } = setup();
    const s = FORMS[1] as string;
    fake.addComment(s, 'H4', `${NOTE_MARKER}合计与分项之和不符\n规则：R01`);
    fake.addComment(s, 'H5', `${NOTE_MARKER}同比下降25%\n规则：A5`);
    fake.addReply(s, 'H5', '下降是因为口径调整');
    await host.clearMarks();
    expect(fake.comments(s)).toEqual([expect.objectContaining({ address: 'H5', replies: ['下降是因为口径调整'] })]);
    expect(host.lastDegraded.join()).toContain(`${s}!H5`);
  });

  test('a sheet of the user\'s called 问题清单 is kept: the list goes to 问题清单（2）, which clearing removes with its name', async () => {
    const { fake, host } = setup();
    fake.addSheet('问题清单');
    fake.setCell('问题清单', 'A1', '问题清单');
    fake.setCell('问题清单', 'A3', '序号');
    fake.setCell('问题清单', 'B3', '待办');
    const before = fake.sheetState('问题清单');
    await host.readSnapshot();
    await host.applyMarks(markPlan([FORMS[0] as string], 2));
    await host.readSnapshot();
    await host.applyMarks(markPlan([FORMS[0] as string], 2));
    expect(fake.sheetNames().filter((n) => n.startsWith('问题清单'))).toEqual(['问题清单', '问题清单（2）']);
    expect(fake.names().filter((n) => n.name === 'BRA_MARK_ISSUES')).toEqual([{ name: 'BRA_MARK_ISSUES', formula: "='问题清单（2）'!$A$1" }]);
    expect(fake.sheetState('问题清单')).toEqual(before);
    fake.resetCounters();
    await host.clearMarks();
    expect(fake.syncCount).toBe(3);
    expect(fake.sheetNames().filter((n) => n.startsWith('问题清单'))).toEqual(['问题清单']);
    expect(fake.names().filter((n) => n.name === 'BRA_MARK_ISSUES')).toEqual([]);
    expect(fake.sheetState('问题清单')).toEqual(before);
  });

  test('ExcelApi 1.17: notes cannot be seen, so none is rewritten or deleted; overlays and 问题清单 still go', async () => {
    const { fake, host } = setup({ requirementSets: { ExcelApi: '1.17' } });
    const s = FORMS[0] as string;
    fake.addNote(s, 'E4', `${NOTE_MARKER}合计与分项之和不符\n${CLOSING}\n用户的回复`);
    await host.readSnapshot();
    await host.applyMarks(markPlan([s], 2));
    expect(fake.rejectedSyncs).toBe(0);
    await host.clearMarks();
    expect(fake.rejectedSyncs).toBe(0);
    expect(fake.notes(s)).toHaveLength(1);
    expect(fake.conditionalFormats(s)).toEqual([]);
    expect(fake.sheetNames()).not.toContain('问题清单');
  });
});
