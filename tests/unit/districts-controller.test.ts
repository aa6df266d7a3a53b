/**
 * The 下级汇总 tab's controller, driven without a DOM: district files as real .xlsx bytes (the
 * sample scaled, read by the pane's own reader), the real engine, a strict in-memory total
 * workbook (a snapshot of the plan; an edit to a sheet the plan has not is an error), recorded
 * renders and downloads. Each test says what the clerk does and what the tab then shows.
 */
import { getAggregation, getCatalog, type CellEdit, type WorkbookPlan } from '../../src/core';
import { DistrictsController, XLSX_MIME, type ChosenFile, type CityReport, type DistrictsDeps, type DistrictsState, type TotalWorkbook } from '../../src/taskpane/districts-controller';
import { districtsText } from '../../src/taskpane/districts-text';
import { engine } from '../../src/taskpane/engine';
import { readXlsxSnapshot } from '../../src/taskpane/file-pane-host';
import { describeError } from '../../src/taskpane/view';
import type { Scalar, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { applyEdits, snapshotFromPlan } from '../fakes/plan-snapshot';
import { districtBytes } from '../support/district-files';

const t = districtsText('zh-CN');
const catalog = getCatalog();
const agg = getAggregation();

/** A chosen file whose bytes can be taken once (as a File's are read once per action here). */
function chosen(name: string, bytes: Uint8Array): ChosenFile & { reads: number } {
  const f = {
    name,
    reads: 0,
    async arrayBuffer() {
      f.reads += 1;
      if (f.reads > 1) throw new Error(`${name} read twice`);
      return bytes.slice().buffer;
    },
  };
  return f;
}

/** The new workbook the total goes into, as a snapshot of its plan; records what it was asked. */
class MemoryTotal implements TotalWorkbook {
  held: WorkbookSnapshot;
  edits: CellEdit[][] = [];
  constructor(readonly plan: WorkbookPlan) {
    this.held = snapshotFromPlan(plan);
  }
  applyCellEdits(edits: CellEdit[]): void {
    this.edits.push(edits);
    this.held = applyEdits(this.held, edits); // throws for a sheet the plan has not
  }
  snapshot(): WorkbookSnapshot {
    return this.held;
  }
  toBytes(): Uint8Array {
    return new TextEncoder().encode(JSON.stringify(this.held));
  }
  named(name: string): Scalar | undefined {
    const n = this.held.names.find((x) => x.name === name);
    if (!n) throw new Error(`no name ${name}`);
    return this.held.sheets.find((s) => s.name === n.sheet)?.cells[n.address]?.v;
  }
}

function setup(options: { city?: () => Promise<CityReport | null> } = {}) {
  const renders: DistrictsState[] = [];
  const saved: { bytes: Uint8Array; name: string; mime: string }[] = [];
  const totals: MemoryTotal[] = [];
  const deps: DistrictsDeps = {
    locale: 'zh-CN',
    mode: 'file',
    render: (s) => renders.push(JSON.parse(JSON.stringify(s)) as DistrictsState),
    engine: async () => engine,
    readXlsx: readXlsxSnapshot,
    newWorkbook: async (plan) => {
      const wb = new MemoryTotal(plan);
      totals.push(wb);
      return wb;
    },
    cityReport:
      options.city ??
      (async () => {
        throw new Error('no city report in this test');
      }),
    save: (bytes, name, mime) => saved.push({ bytes, name, mime }),
    describeError,
  };
  return { controller: new DistrictsController(deps), renders, saved, totals };
}

// 甲区 = sample × 1; 乙区 = sample × 2 with a slip (civil cases 30 short: R01); 丙区 = sample × 3.
const A = districtBytes('甲区司法局', 1);
const B = districtBytes('乙区司法局', 2, { LA_CASES_CIVIL: 820 * 2 - 30 });
const C = districtBytes('丙区司法局', 3);
const JUNK = new TextEncoder().encode('not a workbook');

const brief = (s: DistrictsState) => s.lines.map((l) => `${l.file}:${l.status}${l.unit ? `:${l.unit}` : ''}${l.errors ? `:${l.errors}` : ''}`);

describe('choosing district files', () => {
  test('each file is read and checked in turn with a determinate progress; an unreadable one gets its line and the rest go on', async () => {
    const { controller, renders } = setup();
    const files = [chosen('甲.xlsx', A), chosen('坏.xlsx', JUNK), chosen('乙.xlsx', B), chosen('丙.xlsx', C)];
    expect(await controller.choose(files)).toBe(true);
    const s = controller.state;

    // Progress: 0/4, 1/4, … 4/4 in order, each with the lines read so far.
    const progress = renders.filter((r) => r.progress).map((r) => `${r.progress?.done}/${r.progress?.total}`);
    expect(progress).toEqual(['0/4', '1/4', '2/4', '3/4', '4/4']);
    const at = (done: number) => renders.find((r) => r.progress?.done === done) as DistrictsState;
    expect(at(0).lines.map((l) => l.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(at(2).lines.map((l) => l.status)).toEqual(['ready', 'unusable', 'pending', 'pending']);
    expect(renders.at(-1)?.busy).toBeNull();
    expect(s.progress).toBeNull();

    expect(s.lines.map((l) => `${l.file}:${l.status}:${l.unit ?? ''}`)).toEqual(['甲.xlsx:ready:甲区司法局', '坏.xlsx:unusable:', '乙.xlsx:errors:乙区司法局', '丙.xlsx:ready:丙区司法局']);
    expect(s.lines[2]?.errors).toBeGreaterThan(0);
    expect(s.lines[1]?.reason).toBeTruthy();
    expect(s.lines[1]?.reason).not.toMatch(/Error|undefined/);
    expect(files.map((f) => f.reads)).toEqual([1, 1, 1, 1]);

    expect(s.batchTotal).toBe(t.batchTotal(4, 2, 1, 1, s.lines[2]?.errors ?? -1, 3));
    expect(s.refusal).toBeNull();
    expect(s.canMerge).toBe(true);
    expect(s.withErrors).toBe('以下地区报表有错误，合计中其数据未经核实：乙区司法局（乙.xlsx）');
    expect(s.error).toBeNull();
  });

  test('a unit given twice is refused, naming both files; the total is not offered', async () => {
    const { controller, saved } = setup();
    await controller.choose([chosen('甲.xlsx', A), chosen('乙.xlsx', B), chosen('甲-副本.xlsx', A)]);
    const s = controller.state;
    expect(s.refusal).toBe('填报单位“甲区司法局”出现两次：甲.xlsx 与 甲-副本.xlsx；同一单位只能计入一次');
    expect(s.canMerge).toBe(false);
    expect(brief(s)).toEqual(['甲.xlsx:ready:甲区司法局', expect.stringMatching(/^乙\.xlsx:errors:乙区司法局:\d+$/), '甲-副本.xlsx:ready:甲区司法局']);
    // Asked anyway (the button is disabled, but the action says so itself): the refusal, nothing saved.
    expect(await controller.downloadTotal()).toBe(false);
    expect(controller.state.error?.message).toBe(s.refusal);
    expect(saved).toEqual([]);
  });

  test('mixed periods are refused naming the files', async () => {
    const { controller } = setup();
    await controller.choose([chosen('甲.xlsx', A), chosen('丁-2024.xlsx', districtBytes('丁区司法局', 1, {}, '2024'))]);
    expect(controller.state.refusal).toBe('不能汇总不同报告期的报表：甲.xlsx 为 2025，丁-2024.xlsx 为 2024');
  });

  test('nothing readable: said in words, nothing offered', async () => {
    const { controller } = setup();
    await controller.choose([chosen('坏.xlsx', JUNK)]);
    expect(controller.state.refusal).toBe(t.noneReadable);
    expect(controller.state.canMerge).toBe(false);
  });
});

describe('the total', () => {
  test("its figures equal the districts' sums, rates recomputed; saved as a download with 分地区对比; the slip's district named", async () => {
    const { controller, saved, totals } = setup();
    await controller.choose([chosen('甲.xlsx', A), chosen('乙.xlsx', B), chosen('丙.xlsx', C)]);
    expect(await controller.downloadTotal()).toBe(true);
    expect(saved.map((x) => [x.name, x.mime])).toEqual([['下级汇总-2025.xlsx', XLSX_MIME]]);
    expect(controller.state.notice).toBe(t.totalDone('下级汇总-2025.xlsx'));
    const wb = totals[0] as MemoryTotal;
    expect(new TextDecoder().decode(saved[0]?.bytes)).toBe(JSON.stringify(wb.held));
    expect(wb.plan.sheets.at(-1)?.name).toBe('分地区对比');

    // Every summed figure is the sum of the three districts' figures, as they read them.
    const districts = await Promise.all([A, B, C].map((b) => readXlsxSnapshot(b)));
    const value = (snap: WorkbookSnapshot, name: string) => {
      const n = snap.names.find((x) => x.name === name);
      const v = n && snap.sheets.find((s) => s.name === n.sheet)?.cells[n.address]?.v;
      return typeof v === 'number' ? v : null;
    };
    const summed = catalog.indicators.filter((i) => agg.methodOf(i.code) === 'sum');
    expect(summed.length).toBeGreaterThan(50);
    for (const ind of summed) {
      for (const name of [ind.code, `${ind.code}_PREV`]) {
        const xs = districts.map((d) => value(d, name));
        const sum = xs.every((x) => x === null) ? null : Math.round(xs.reduce<number>((a, x) => a + (x ?? 0), 0) * 10 ** ind.decimals) / 10 ** ind.decimals;
        expect([name, wb.named(name) ?? null]).toEqual([name, sum]);
      }
    }
    expect(wb.named('LA_CASES')).toBe(1985 * 6);
    expect(wb.named('LA_CASES_CIVIL')).toBe(820 * 6 - 30);
    // A rate from the summed parts (the cached result written by the recalculation).
    expect(wb.named('LA_PER_100K')).toBeCloseTo(((1985 * 6) / (275 * 6)) * 10, 2);
    expect(wb.named('LA_CASES_NOTE')).toContain('乙区司法局');

    const total = controller.state.total;
    expect(total?.file).toBe('下级汇总-2025.xlsx');
    const d03 = total?.findings.filter((f) => f.rule === 'D03') ?? [];
    expect(d03.map((f) => f.code)).toContain('LA_CASES');
    expect(d03.every((f) => f.message.startsWith('乙区司法局的'))).toBe(true);
    // District findings first.
    expect(total?.findings[0]?.rule).toMatch(/^D/);
  });

  test('six districts, one tripling its forensic cases: a D01 line naming the district and the indicator', async () => {
    const { controller } = setup();
    const names = ['甲区', '乙区', '丙区', '丁区', '戊区', '己区'];
    const growth = [1.04, 1.1, 3, 0.96, 1.07, 0.99];
    const files = names.map((n, i) => chosen(`${n}.xlsx`, districtBytes(`${n}司法局`, i + 1, { FE_CASES: Math.round(1210 * (i + 1) * (growth[i] as number)) })));
    await controller.choose(files);
    await controller.downloadTotal();
    const d01 = controller.state.total?.findings.filter((f) => f.rule === 'D01') ?? [];
    expect(d01.map((f) => f.code)).toEqual(['FE_CASES']);
    expect(d01[0]?.message).toBe(`丙区司法局的办理司法鉴定案件同比变动异常：本期 ${1210 * 3 * 3}，上年同期 ${1210 * 3}（本期为上年的 3 倍），超出各地区正常范围`);
  });
});

describe('reconciling with the city report', () => {
  test('no report open: said in words', async () => {
    const { controller } = setup({ city: async () => null });
    await controller.choose([chosen('甲.xlsx', A), chosen('丙.xlsx', C)]);
    expect(await controller.reconcile()).toBe(false);
    expect(controller.state.error?.message).toBe(t.needReport);
  });

  test('a city report differing from the districts in two figures gets exactly those two D02 lines, with the sum', async () => {
    // The city's own report: the total of the two districts, with two figures of its own.
    const city = districtBytes('示例市司法局（本级）', 4, { LA_CONSULTS: 1, NOT_CASES_PREV: 5 });
    const snapshot = await readXlsxSnapshot(city);
    const { controller } = setup({ city: async () => ({ snapshot, name: '本级.xlsx' }) });
    await controller.choose([chosen('甲.xlsx', A), chosen('丙.xlsx', C)]);
    expect(await controller.reconcile()).toBe(true);
    const r = controller.state.reconcile;
    expect(r?.districts).toBe(2);
    expect(r?.findings.map((f) => `${f.rule}:${f.code}`).sort()).toEqual(['D02:LA_CONSULTS', 'D02:NOT_CASES']);
    const consults = r?.findings.find((f) => f.code === 'LA_CONSULTS');
    // The sample's 15600 consultations × (1 + 3); last year's notarial cases 61200 × (1 + 3).
    expect(consults?.message).toMatch(/本级填报 1，所辖 2 个地区合计 62400，相差 -62399$/);
    expect(r?.findings.find((f) => f.code === 'NOT_CASES')?.message).toMatch(/^.+上年同期本级填报 5，所辖 2 个地区合计 244800，相差 -244795$/);
  });
});
