/**
 * Marks made by one host are recognised and cleared by the other, on the strict Excel fake.
 *
 * A workbook moves between the hosts as Excel and the file would carry it, and nothing of either
 * host's recogniser is used to move it: from a package to the fake, every conditional format's
 * formula and every note (text and author), read straight from the XML (tests/support/xlsx-marks),
 * and the cells and names of its snapshot; from the fake to a package, every conditional format,
 * note, sheet and name the Excel host added, written verbatim through the package's own writing
 * path (writeCellMarks, addSheets, setNames). So if either host writes or recognises anything but
 * the core's contract (src/core/marks/contract.ts), the other host leaves a mark behind — or takes
 * something of the user's — and these tests fail.
 */
import { checkWorkbook, NOTE_MARKER, planMarks, SEVERITY_COLORS, SHEETS, type Severity } from '../../src/core';
import { marksText } from '../../src/core/i18n/marks';
import { ExcelHost } from '../../src/hosts/excel';
import { XlsxPackage } from '../../src/hosts/xlsx/package';
import { writeCellMarks, type CellMark } from '../../src/hosts/xlsx/package/marks';
import { createFakeExcel, type FakeExcel } from '../fakes/fake-excel';
import { reportFixtures } from '../support/package-fixtures';
import { diffParts } from '../support/part-diff';
import { packageMarks } from '../support/xlsx-marks';

const WANT = { names: () => true, sheets: ['历史数据'] as const };
const CLOSING = marksText('zh-CN').noteClosing;
const USER_NOTE = `${NOTE_MARKER}此表数据来自各区县汇总，改动前请联系统计科`;
const noDiff = { added: [], removed: [], changed: [] };

/** The pre-flag workbook: the demo report with its slips, and a note of the user's that begins with the marker. */
let before: Uint8Array;
let userSheet: string;

beforeAll(async () => {
  const f = (await reportFixtures()).find((x) => x.name === 'annual demo (slips)');
  if (!f) throw new Error('no demo fixture');
  const pkg = XlsxPackage.open(f.bytes);
  userSheet = planMarks(checkWorkbook(pkg.snapshot(WANT)).report).marks[0]?.sheet as string;
  writeCellMarks(pkg, userSheet, [{ address: 'K2', severity: 'info', formula: null, note: USER_NOTE }], '张三');
  before = pkg.toBytes();
}, 60000);

function fileFlag(bytes: Uint8Array): Uint8Array {
  const pkg = XlsxPackage.open(bytes);
  pkg.applyMarks(planMarks(checkWorkbook(pkg.snapshot(WANT)).report));
  return pkg.toBytes();
}

function fileClear(bytes: Uint8Array): Uint8Array {
  const pkg = XlsxPackage.open(bytes);
  pkg.clearMarks();
  return pkg.toBytes();
}

/** The package opened in Excel: its cells, names, conditional formats and notes. */
function fakeFrom(bytes: Uint8Array): FakeExcel {
  const fake = createFakeExcel({ snapshot: XlsxPackage.open(bytes).snapshotAll(), author: '王五' });
  const m = packageMarks(bytes);
  for (const s of m.sheets) {
    for (const cf of m.cfs[s] ?? []) fake.addConditionalFormat(s, cf.sqref, { type: 'Custom', formula: `=${cf.formula}`, ...(cf.fill ? { fill: cf.fill } : {}) });
    for (const n of m.notes[s] ?? []) fake.addNote(s, n.ref, n.text, n.author);
  }
  return fake;
}

function hostOn(fake: FakeExcel): ExcelHost {
  return new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, sleep: async () => undefined });
}

interface Seen {
  sheets: string[];
  names: string[];
  cfs: Set<string>;
  notes: Set<string>;
}

function seen(fake: FakeExcel): Seen {
  const sheets = fake.sheetNames();
  return {
    sheets,
    names: fake.names().map((n) => n.name),
    cfs: new Set(sheets.flatMap((s) => fake.conditionalFormats(s).map((c) => c.id))),
    notes: new Set(sheets.flatMap((s) => fake.notes(s).map((n) => `${s}!${n.address}\u0000${n.content}`))),
  };
}

const severityOf = (fill: string | undefined): Severity =>
  (Object.entries(SEVERITY_COLORS).find(([, c]) => c.fill === fill)?.[0] as Severity | undefined) ?? 'info';

/** Excel saves the workbook: what the Excel host added since `was`, written into the package `bytes`. */
function saveFromExcel(fake: FakeExcel, was: Seen, bytes: Uint8Array, edit: (sheet: string, address: string, text: string) => string = (_s, _a, t) => t): Uint8Array {
  const pkg = XlsxPackage.open(bytes);
  for (const s of was.sheets) {
    const cells = new Map<string, CellMark>();
    for (const cf of fake.conditionalFormats(s)) {
      if (was.cfs.has(cf.id)) continue;
      cells.set(cf.range, { address: cf.range, severity: severityOf(cf.fill), formula: (cf.formula ?? '').replace(/^=/, ''), note: null });
    }
    for (const n of fake.notes(s)) {
      if (was.notes.has(`${s}!${n.address}\u0000${n.content}`)) continue;
      const c = cells.get(n.address) ?? { address: n.address, severity: 'info' as const, formula: null, note: null };
      cells.set(n.address, { ...c, note: edit(s, n.address, n.content) });
    }
    if (cells.size) writeCellMarks(pkg, s, [...cells.values()], fake.author);
  }
  for (const s of fake.sheetNames().filter((x) => !was.sheets.includes(x))) {
    const state = fake.sheetState(s);
    const cells = Object.entries(state.cells)
      .filter(([, c]) => c.value !== null && c.value !== '')
      .map(([address, c]) => ({ address, value: c.value }));
    pkg.addSheets([{ name: s, columns: [], merges: [], cells }]);
  }
  const names = fake.names().filter((n) => !was.names.includes(n.name));
  pkg.setNames(
    names.map((n) => {
      const m = /^='?((?:[^']|'')+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(n.formula);
      if (!m) throw new Error(`not a cell name: ${n.formula}`);
      return { name: n.name, sheet: (m[1] ?? '').replace(/''/g, "'"), address: `${m[2]}${m[3]}` };
    }),
  );
  return pkg.toBytes();
}

describe('marks written by the file host, cleared in Excel', () => {
  test('the Excel host removes every overlay, note and 问题清单 the file host wrote, and nothing of the user\'s', async () => {
    const expected = fakeFrom(before);
    const fake = fakeFrom(fileFlag(before));
    expect(fake.sheetNames()).toContain(SHEETS.issues);
    const ours = fake.sheetNames().flatMap((s) => fake.notes(s).filter((n) => n.content.endsWith(CLOSING)).map((n) => ({ s, ...n })));
    expect(ours.length).toBeGreaterThan(2);
    // the user types under one of the tool's notes
    const replied = ours[1];
    if (!replied) throw new Error('no note');
    fake.editNote(replied.s, replied.address, `${replied.content}\n已核实：按区县上报数填写`);

    const host = hostOn(fake);
    await host.clearMarks();
    expect(fake.rejectedSyncs).toBe(0);
    expect(fake.sheetNames()).toEqual(expected.sheetNames());
    expect(fake.names()).toEqual(expected.names());
    for (const s of expected.sheetNames()) {
      const want = expected.sheetState(s);
      if (s === replied.s) want.notes.push({ address: replied.address, content: '已核实：按区县上报数填写', author: replied.author });
      expect(fake.sheetState(s)).toEqual(want);
    }
    expect(fake.notes(userSheet)).toContainEqual({ address: 'K2', content: USER_NOTE, author: '张三' });
  });

  test('checking again in Excel replaces the file host\'s marks: none stale, one 问题清单', async () => {
    const fake = fakeFrom(fileFlag(before));
    const host = hostOn(fake);
    const report = checkWorkbook(await host.readSnapshot()).report;
    const plan = planMarks(report);
    const fewer = { ...plan, marks: plan.marks.slice(0, 1) };
    await host.applyMarks(fewer);
    const overlays = fake.sheetNames().flatMap((s) => fake.conditionalFormats(s).filter((c) => c.formula?.includes('BRA-MARK')).map((c) => `${s}!${c.range}`));
    expect(overlays).toEqual([`${fewer.marks[0]?.sheet}!${fewer.marks[0]?.address}`]);
    const notes = fake.sheetNames().flatMap((s) => fake.notes(s).filter((n) => n.content.startsWith(NOTE_MARKER)).map((n) => `${s}!${n.address}`));
    expect(notes.sort()).toEqual([`${fewer.marks[0]?.sheet}!${fewer.marks[0]?.address}`, `${userSheet}!K2`].sort());
    expect(fake.sheetNames().filter((s) => s.startsWith(SHEETS.issues))).toEqual([SHEETS.issues]);
  });
});

describe('a copy flagged by the earliest version (overlays with formula TRUE, notes without the closing line)', () => {
  test('is cleared in Excel as it is by the file host', async () => {
    const old = (await reportFixtures()).find((x) => x.name === 'annual demo flagged (ExcelJS)');
    const plain = (await reportFixtures()).find((x) => x.name === 'annual demo (slips)');
    if (!old || !plain) throw new Error('no fixture');
    const m = packageMarks(old.bytes);
    const legacy = m.sheets.flatMap((s) => (m.cfs[s] ?? []).filter((c) => c.formula.trim() === 'TRUE' && c.fill));
    expect(legacy.length).toBeGreaterThan(2);
    const fake = fakeFrom(old.bytes);
    await hostOn(fake).clearMarks();
    const expected = fakeFrom(plain.bytes);
    expect(fake.sheetNames()).toEqual(expected.sheetNames());
    for (const s of expected.sheetNames()) expect([s, fake.conditionalFormats(s), fake.notes(s)]).toEqual([s, expected.conditionalFormats(s), expected.notes(s)]);
    // the file host agrees
    const cleared = packageMarks(fileClear(old.bytes));
    for (const s of cleared.sheets) expect([s, cleared.cfs[s], cleared.notes[s]]).toEqual([s, packageMarks(plain.bytes).cfs[s], packageMarks(plain.bytes).notes[s]]);
  });
});

describe('a sheet of the user\'s called 问题清单, across the hosts', () => {
  function withUserList(bytes: Uint8Array): Uint8Array {
    const pkg = XlsxPackage.open(bytes);
    pkg.addSheets([{ name: SHEETS.issues, columns: [], merges: [], cells: [{ address: 'A1', value: '问题清单' }, { address: 'A3', value: '序号' }, { address: 'B3', value: '待办事项' }] }]);
    return pkg.toBytes();
  }

  test('flagged by the file host, cleared in Excel: the user\'s sheet stays, the tool\'s list (beside it) goes', async () => {
    const mine = withUserList(before);
    const expected = fakeFrom(mine);
    const fake = fakeFrom(fileFlag(mine));
    expect(fake.sheetNames().filter((s) => s.startsWith(SHEETS.issues))).toEqual([SHEETS.issues, `${SHEETS.issues}（2）`]);
    await hostOn(fake).clearMarks();
    expect(fake.sheetNames()).toEqual(expected.sheetNames());
    expect(fake.sheetState(SHEETS.issues)).toEqual(expected.sheetState(SHEETS.issues));
    expect(fake.names()).toEqual(expected.names());
  });

  test('flagged in Excel, cleared by the file host: back to the pre-flag workbook part by part', async () => {
    const mine = withUserList(before);
    const fake = fakeFrom(mine);
    const was = seen(fake);
    const host = hostOn(fake);
    await host.applyMarks(planMarks(checkWorkbook(await host.readSnapshot()).report));
    expect(fake.sheetNames().filter((s) => s.startsWith(SHEETS.issues))).toEqual([SHEETS.issues, `${SHEETS.issues}（2）`]);
    expect(diffParts(mine, fileClear(saveFromExcel(fake, was, mine)))).toEqual(noDiff);
  });
});

describe('marks written in Excel, recognised and cleared by the file host', () => {
  async function excelFlagged(): Promise<{ fake: FakeExcel; was: Seen }> {
    const fake = fakeFrom(before);
    const was = seen(fake);
    const host = hostOn(fake);
    const report = checkWorkbook(await host.readSnapshot()).report;
    const outcome = await host.applyMarks(planMarks(report));
    expect(outcome.marked).toBeGreaterThan(2);
    expect(fake.rejectedSyncs).toBe(0);
    return { fake, was };
  }

  test('the file host takes the Excel host\'s notes for the tool\'s and clears back to the pre-flag workbook part by part', async () => {
    const { fake, was } = await excelFlagged();
    const saved = saveFromExcel(fake, was, before);
    const m = packageMarks(saved);
    expect(m.sheets).toContain(SHEETS.issues);
    expect(Object.values(m.notes).flat().filter((n) => n.author === '王五').length).toBeGreaterThan(2);
    // only the user's note is the user's
    expect(XlsxPackage.open(saved).cellsWithUserNotes()).toEqual(XlsxPackage.open(before).cellsWithUserNotes());
    expect(diffParts(before, fileClear(saved))).toEqual(noDiff);
  });

  test('a reply typed in Excel under one of the tool\'s notes stays as the user\'s note in the file', async () => {
    const { fake, was } = await excelFlagged();
    let target = '';
    const saved = saveFromExcel(fake, was, before, (s, a, t) => {
      if (target) return t;
      target = `${s}!${a}`;
      return `${t}\n已核实`;
    });
    const cleared = packageMarks(fileClear(saved));
    const notes = cleared.sheets.flatMap((s) => (cleared.notes[s] ?? []).map((n) => [`${s}!${n.ref}`, n.text]));
    expect(notes.sort()).toEqual([[target, '已核实'], [`${userSheet}!K2`, USER_NOTE]].sort());
    expect(cleared.sheets).not.toContain(SHEETS.issues);
  });

  test('a file flagged in Excel and checked again by the file host: the old marks are replaced, none stale', async () => {
    const { fake, was } = await excelFlagged();
    const again = packageMarks(fileFlag(saveFromExcel(fake, was, before)));
    const plan = planMarks(checkWorkbook(XlsxPackage.open(before).snapshot(WANT)).report);
    const overlays = again.sheets.flatMap((s) => (again.cfs[s] ?? []).filter((c) => c.formula.includes('BRA-MARK')).map((c) => `${s}!${c.sqref}`));
    expect(overlays.sort()).toEqual(plan.marks.map((x) => `${x.sheet}!${x.address}`).sort());
    expect(Object.values(again.notes).flat().filter((n) => n.author === '王五')).toEqual([]);
    expect(again.sheets.filter((s) => s.startsWith(SHEETS.issues))).toEqual([SHEETS.issues]);
  });
});
