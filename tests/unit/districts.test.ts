/**
 * District reports (issue 13): the pure core — aggregation table, mergeDistricts, HB outliers,
 * the 分地区对比 plan, reconcile and batchSummary. Districts are built from the bundled sample
 * scaled by whole factors (so every identity of the sample still holds), with one slip and one
 * outlier planted where a test says so.
 */
import { getCatalog } from '../../src/core/catalog/catalog';
import { parseCsv } from '../../src/core/catalog/csv';
import { checkModel } from '../../src/core/check';
import { AppError } from '../../src/core/errors';
import { locate } from '../../src/core/model/locate';
import type { ReportModel } from '../../src/core/model/types';
import { AGGREGATION } from '../../src/core/merge/aggregation.data';
import { buildAggregation, getAggregation } from '../../src/core/merge/aggregation';
import { mergeDistricts, type DistrictInput } from '../../src/core/merge/districts';
import { hbBounds, hbOutliers, quantile } from '../../src/core/merge/hb';
import { compareDistricts, comparisonAddress, comparisonSheetPlan } from '../../src/core/merge/compare';
import { reconcile } from '../../src/core/merge/reconcile';
import { batchSummary } from '../../src/core/merge/batch';
import { checkMergedTotal, districtInput, planMergedWorkbook } from '../../src/core/merge/total';
import { planRecalc } from '../../src/core/template/fill';
import { applyEdits, snapshotFromPlan } from '../fakes/plan-snapshot';
import { DISTRICT_ERRORS, DISTRICT_MESSAGES } from '../../src/core/merge/messages';
import { errorText as districtError } from '../../src/core/i18n/errors';
import { formatFinding as districtMessage } from '../../src/core/i18n/findings';
import { SAMPLE_CSV, template, withValues } from '../fakes/sample';

const catalog = getCatalog();
const agg = getAggregation();

/** The sample's own figures: code → [current, previous] (blank → null). */
const SAMPLE = new Map(
  parseCsv(SAMPLE_CSV)
    .slice(1)
    .map((r) => [r[0] as string, [r[1] ? Number(r[1]) : null, r[2] ? Number(r[2]) : null] as const]),
);

/** The sample scaled by `k` (counts and amounts; percents and formulas as they are), then `extra`. */
function districtModel(unit: string, k: number, extra: Record<string, number> = {}, notes: Record<string, string> = {}): ReportModel {
  const values: Record<string, number | string> = {};
  for (const ind of catalog.indicators) {
    const [cur, prev] = SAMPLE.get(ind.code) ?? [null, null];
    const scale = (v: number) => (ind.kind === 'percent' || ind.kind === 'rate' ? v : Math.round(v * k * 10 ** ind.decimals) / 10 ** ind.decimals);
    if (cur !== null) values[ind.code] = scale(cur);
    if (prev !== null) values[`${ind.code}_PREV`] = scale(prev);
  }
  Object.assign(values, extra);
  for (const [code, text] of Object.entries(notes)) values[`${code}_NOTE`] = text;
  return locate(withValues(template('annual', '2025', unit), values));
}

const input = (file: string, model: ReportModel): DistrictInput => ({ file, model, report: checkModel(model) });

const cur = (m: ReportModel, code: string) => m.figures.get(code)?.current ?? null;
const prev = (m: ReportModel, code: string) => m.figures.get(code)?.previous ?? null;

describe('aggregation table', () => {
  test('counts and amounts sum, formulas recompute, typed percents take the range, CC_END sums', () => {
    expect(agg.methodOf('LA_CASES')).toBe('sum');
    expect(agg.methodOf('LA_RECOVERED')).toBe('sum');
    expect(agg.methodOf('LAWYERS')).toBe('sum');
    expect(agg.methodOf('CC_END')).toBe('sum');
    expect(agg.methodOf('LA_PER_100K')).toBe('derived');
    expect(agg.methodOf('MED_SUCCESS_RATE')).toBe('derived');
    expect(agg.methodOf('LA_SATISFACTION')).toBe('range');
    expect(agg.methodOf('CC_CHECK_RATE')).toBe('range');
  });

  test('bad data is refused at load: unknown code, derived without formula, summed percent, U outside 0..1', () => {
    expect(() => buildAggregation({ ...AGGREGATION, byCode: { NO_SUCH: 'sum' } }, catalog)).toThrow(/unknown indicator NO_SUCH/);
    expect(() => buildAggregation({ ...AGGREGATION, byCode: { LA_CASES: 'derived' } }, catalog)).toThrow(/LA_CASES is derived but has no formula/);
    expect(() => buildAggregation({ ...AGGREGATION, byCode: { LA_SATISFACTION: 'sum' } }, catalog)).toThrow(/cannot be summed/);
    expect(() => buildAggregation({ ...AGGREGATION, hb: { ...AGGREGATION.hb, u: 1.5 } }, catalog)).toThrow(/hb\.u/);
    expect(() => buildAggregation({ ...AGGREGATION, byKind: { ...AGGREGATION.byKind, count: 'mean' } }, catalog)).toThrow(/byKind\.count/);
  });
});

describe('Hidiroglou–Berthelot', () => {
  /*
   * Worked by hand, U = 0.5, A = 0.05, C = 4 (max(x(t), x(t−1)) chosen as squares):
   *   unit  prev → cur   r      s = centred r          max^0.5   E = s·max^0.5
   *   A     100 →  80    0.8    1 − 1/0.8  = −0.25     10        −2.5
   *   B     400 → 360    0.9    1 − 1/0.9  = −0.1111   20        −2.2222
   *   C     900 → 900    1.0    0                      30         0
   *   D     320 → 400    1.25   1.25 − 1   =  0.25     20         5
   *   E      25 → 100    4      4 − 1      =  3        10        30
   *   r_med = 1.0. E sorted: −2.5, −2.2222, 0, 5, 30 → Q1 = −2.2222, Q2 = 0, Q3 = 5 (n = 5: the
   *   2nd, 3rd and 4th values). |A·Q2| = 0, so lower = 0 − 4·2.2222 = −8.8889, upper = 0 + 4·5 = 20.
   *   Only E (30 > 20) is outside.
   */
  const units = [
    { current: 80, previous: 100 },
    { current: 360, previous: 400 },
    { current: 900, previous: 900 },
    { current: 400, previous: 320 },
    { current: 100, previous: 25 },
  ];
  const params = { u: 0.5, a: 0.05, c: 4, minUnits: 5 };

  test('the worked example', () => {
    const r = hbOutliers(units, params);
    expect(r.tested).toBe(true);
    expect(r.medianRatio).toBe(1);
    expect(r.effects.map((e) => (e === null ? null : Math.round(e * 10000) / 10000))).toEqual([-2.5, -2.2222, 0, 5, 30]);
    expect(r.lower).toBeCloseTo(-8.8889, 4);
    expect(r.upper).toBeCloseTo(20, 10);
    expect(r.outlier).toEqual([false, false, false, false, true]);
  });

  test('with U = 0 (ratios only) E is s: bounds −0.4444..1, E still the only outlier', () => {
    // s sorted: −0.25, −0.1111, 0, 0.25, 3 → Q1 −0.1111, Q2 0, Q3 0.25 → bounds −0.4444, 1.
    const r = hbOutliers(units, { ...params, u: 0 });
    expect(r.lower).toBeCloseTo(-4 / 9, 10);
    expect(r.upper).toBeCloseTo(1, 10);
    expect(r.outlier).toEqual([false, false, false, false, true]);
  });

  test('the A guard keeps the bounds open when the effects barely spread', () => {
    // E = 10, 10, 10, 10, 10.4: Q1 = Q2 = Q3 = 10, so without the guard the bounds would be
    // 10..10 and 10.4 an outlier; |A·Q2| = 0.05 · 10 = 0.5 → bounds 10 ∓ 4 · 0.5 = 8..12.
    expect(hbBounds([10, 10, 10, 10, 10.4], { a: 0.05, c: 4 })).toEqual({ lower: 8, upper: 12 });
    expect(hbBounds([10, 10, 10, 10, 10.4], { a: 0, c: 4 })).toEqual({ lower: 10, upper: 10 });
    // Quartiles interpolate between order statistics (QUARTILE.INC).
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([7], 0.75)).toBe(7);
  });

  test('fewer than minUnits districts with both figures > 0: nothing is judged', () => {
    const few = [...units.slice(0, 4), { current: 100, previous: 0 }, { current: null, previous: 10 }];
    const r = hbOutliers(few, params);
    expect(r.tested).toBe(false);
    expect(r.outlier.every((x) => !x)).toBe(true);
  });
});

describe('mergeDistricts: three districts', () => {
  // 甲区 = sample × 1; 乙区 = sample × 2 with a slip (civil cases 30 short, so R01 fails);
  // 丙区 = sample × 3 with forensic cases tripled on last year (the outlier) and fewer successful
  // mediations (so its success rate differs and the pooled rate is not the mean of the rates). Each with an explanation of its own.
  const a = districtModel('甲区司法局', 1, {}, { LA_CASES: '甲区说明' });
  const b = districtModel('乙区司法局', 2, { LA_CASES_CIVIL: 820 * 2 - 30 }, { LA_CASES: '乙区说明' });
  const c = districtModel('丙区司法局', 3, { FE_CASES: 1210 * 3 * 3, MED_SUCCESS: 90000 });
  const inputs = [input('a.xlsx', a), input('b.xlsx', b), input('c.xlsx', c)];
  const merged = mergeDistricts(inputs);

  test('the slip is an error of 乙区 only', () => {
    expect(inputs.map((d) => d.report.counts.error)).toEqual([0, expect.any(Number), 0]);
    expect(inputs[1]?.report.counts.error).toBeGreaterThan(0);
    expect(merged.withErrors.map((d) => [d.file, d.unit])).toEqual([['b.xlsx', '乙区司法局']]);
  });

  test('summed indicators equal the sums of the districts, this period and last year', () => {
    const summed = catalog.indicators.filter((i) => agg.methodOf(i.code) === 'sum' && i.code !== 'CC_END');
    expect(summed.length).toBeGreaterThan(50);
    for (const ind of summed) {
      const f = merged.byCode.get(ind.code);
      const sum = (get: (m: ReportModel, c: string) => number | null) => {
        const xs = [a, b, c].map((m) => get(m, ind.code));
        return xs.every((x) => x === null) ? null : Math.round(xs.reduce<number>((s, x) => s + (x ?? 0), 0) * 100) / 100;
      };
      expect([ind.code, f?.current]).toEqual([ind.code, sum(cur)]);
      expect([ind.code, f?.previous]).toEqual([ind.code, sum(prev)]);
    }
    expect(merged.byCode.get('LA_CASES')?.current).toBe(1985 * 6);
    expect(merged.byCode.get('FE_CASES')?.current).toBe(1300 + 2600 + 1210 * 9);
    // CC_END is a stock computed in each district; the total is the districts' sum.
    expect(merged.byCode.get('CC_END')?.current).toBe((1520 + 980 - 940) * 6);
  });

  test('rates are recomputed from the summed parts, not averaged', () => {
    const success = 34850 + 34850 * 2 + 90000;
    const disputes = 36000 * 6;
    expect(merged.byCode.get('MED_SUCCESS_RATE')?.current).toBeCloseTo((success / disputes) * 100, 10);
    // Pooled 194550 / 216000 = 90.07%; the plain mean of 96.81%, 96.81%, 83.33% is 92.31%.
    const meanOfRates = (((34850 / 36000) * 2 + 90000 / 108000) / 3) * 100;
    expect(Math.abs((merged.byCode.get('MED_SUCCESS_RATE')?.current ?? 0) - meanOfRates)).toBeGreaterThan(0.1);
    expect(merged.byCode.get('LA_PER_100K')?.current).toBeCloseTo(((1985 * 6) / (275 * 6)) * 10, 10);
    expect(merged.byCode.get('MED_SUCCESS_RATE')?.method).toBe('derived');
  });

  test('a typed percent with no parts: blank total, the range in its 说明', () => {
    const sat = merged.byCode.get('LA_SATISFACTION');
    expect(sat?.method).toBe('range');
    expect(sat?.current).toBeNull();
    expect(merged.explanations.get('LA_SATISFACTION')).toBe('98.6%–98.6%（各地区，未加权）');
    // CC_CHECK_RATE is required: the note says the city fills its own figure.
    expect(merged.explanations.get('CC_CHECK_RATE')).toBe('100%–100%（各地区，未加权）；合计数不由各地区相加得出，请按本级数据填报');
    const spread = mergeDistricts([input('a.xlsx', a), input('x.xlsx', districtModel('丁区司法局', 1, { LA_SATISFACTION: 85.2 })), input('y.xlsx', districtModel('戊区司法局', 1, { LA_SATISFACTION: 97.1 }))]);
    expect(spread.explanations.get('LA_SATISFACTION')).toBe('85.2%–98.6%（各地区，未加权）');
    expect(mergeDistricts(inputs, { locale: 'en-US' }).explanations.get('LA_SATISFACTION')).toContain('(districts, unweighted)');
  });

  test("the slip's district is named as unverified in the 说明 and in a D03 finding; explanations keep their unit", () => {
    const note = merged.explanations.get('LA_CASES') ?? '';
    expect(note).toContain('以下地区数据审核未通过、未经核实：乙区司法局');
    expect(note).not.toMatch(/未经核实：[^；]*甲区/);
    expect(note).toContain('甲区司法局：甲区说明');
    expect(note).toContain('乙区司法局：乙区说明');
    // A derived indicator computed from LA_CASES carries the caveat too; an unrelated one does not.
    expect(merged.explanations.get('LA_PER_100K')).toContain('未经核实：乙区司法局');
    expect(merged.explanations.get('NOT_CASES')).toBeUndefined();
    const d03 = merged.findings.filter((f) => f.rule === 'D03');
    expect(d03.length).toBeGreaterThan(0);
    expect(d03.every((f) => f.params.unit === '乙区司法局' && f.severity === 'warning')).toBe(true);
    const slip = d03.find((f) => f.params.rules === 'R01');
    expect(slip).toBeDefined();
    expect(districtMessage(slip!, 'zh-CN')).toMatch(/^乙区司法局的.+审核未通过（R01），合计中该地区数据未经核实$/);
  });

  test('three districts are too few for HB: nothing flagged, and the sheet still has a row each', () => {
    const cmp = compareDistricts(merged);
    expect([...cmp.hb.values()].every((r) => !r.tested)).toBe(true);
    expect(cmp.findings).toEqual([]);
    expect(cmp.rows.map((r) => r.unit)).toEqual(['甲区司法局', '乙区司法局', '丙区司法局']);
  });

  test('a unit given twice is refused, naming both files; so are mixed periods and templates', () => {
    const twice = () => mergeDistricts([inputs[0]!, inputs[1]!, input('a-again.xlsx', a)]);
    expect(twice).toThrow(AppError);
    try {
      twice();
    } catch (e) {
      expect((e as AppError).code).toBe('merge-duplicate-unit');
      expect((e as AppError).params).toEqual({ unit: '甲区司法局', fileA: 'a.xlsx', fileB: 'a-again.xlsx' });
      expect(districtError('merge-duplicate-unit', (e as AppError).params, 'zh-CN')).toBe('填报单位“甲区司法局”出现两次：a.xlsx 与 a-again.xlsx；同一单位只能计入一次');
    }
    const other = locate(withValues(template('annual', '2024', '丁区司法局'), { LA_CASES: 1 }));
    expect(() => mergeDistricts([inputs[0]!, input('d.xlsx', other)])).toThrow(expect.objectContaining({ code: 'merge-mixed-period', params: expect.objectContaining({ fileB: 'd.xlsx', periodB: '2024' }) }));
    const half = locate(withValues(template('half-year', '2025H1', '丁区司法局'), { LA_CASES: 1 }));
    expect(() => mergeDistricts([inputs[0]!, input('h.xlsx', half)])).toThrow(expect.objectContaining({ code: 'merge-mixed-template' }));
    try {
      mergeDistricts([inputs[0]!, input('h.xlsx', half)]);
    } catch (e) {
      expect(districtError('merge-mixed-template', (e as AppError).params, 'zh-CN')).toBe('不能汇总不同类型的报表：a.xlsx 为年报，h.xlsx 为半年报');
      expect(districtError('merge-mixed-template', (e as AppError).params, 'en-US')).toBe('Reports of different types cannot be added up: a.xlsx: annual report; h.xlsx: half-year report');
    }
    expect(() => mergeDistricts([])).toThrow(expect.objectContaining({ code: 'merge-empty' }));
  });
});

describe('分地区对比 with six districts', () => {
  // Six districts of different sizes whose forensic cases grow by different, ordinary amounts;
  // 丙区 triples its forensic cases. HB (U 0.4, A 0.05, C 4) flags exactly 丙区 × FE_CASES.
  // Worked roughly: ratios 1.04 1.10 3 0.96 1.07 0.99, median 1.055; E ≈ −0.25 1.0 75 −2.95
  // 0.47 −2.30; Q1 ≈ −1.79, Q2 ≈ 0.11, Q3 ≈ 0.87 → bounds ≈ −7.5 .. 3.2: only 丙区 outside.
  const growth = [1.04, 1.1, 3, 0.96, 1.07, 0.99];
  const names = ['甲区', '乙区', '丙区', '丁区', '戊区', '己区'];
  const models = names.map((n, i) => districtModel(`${n}司法局`, i + 1, { FE_CASES: Math.round(1210 * (i + 1) * (growth[i] as number)) }));
  const merged = mergeDistricts(models.map((m, i) => input(`${names[i]}.xlsx`, m)));
  const cmp = compareDistricts(merged);

  test('HB flags the outlier district on its indicator, and only there', () => {
    expect(cmp.hb.get('FE_CASES')?.tested).toBe(true);
    expect(cmp.findings.map((f) => `${f.rule}:${f.severity}:${f.params.unit}:${f.code}`)).toEqual(['D01:warning:丙区司法局:FE_CASES']);
    const f = cmp.findings[0]!;
    expect(districtMessage(f, 'zh-CN')).toBe(`丙区司法局的办理司法鉴定案件同比变动异常：本期 ${1210 * 3 * 3}，上年同期 ${1210 * 3}（本期为上年的 3 倍），超出各地区正常范围`);
    const j = cmp.columns.findIndex((c) => c.code === 'FE_CASES');
    expect(cmp.rows.map((r) => r.cells[j]?.flagged)).toEqual([false, false, true, false, false, false]);
  });

  test('the sheet plan: a row per district and the total, the flagged cell shaded and named', () => {
    const plan = comparisonSheetPlan(cmp, 'zh-CN');
    expect(plan.name).toBe('分地区对比');
    const at = (a: string) => plan.cells.find((c) => c.address === a);
    expect(names.map((_, i) => at(`A${4 + i}`)?.value)).toEqual(names.map((n) => `${n}司法局`));
    expect(at('A10')?.value).toBe('合计');
    const en = comparisonSheetPlan(cmp, 'en-US');
    expect([en.name, en.cells.find((c) => c.address === 'A10')?.value]).toEqual(['By district', 'Total']);
    const j = cmp.columns.findIndex((c) => c.code === 'FE_CASES');
    const col = String.fromCharCode(67 + j * 2); // C + 2j (fewer than 12 columns before it)
    expect(comparisonAddress(cmp, 2, 'FE_CASES')).toBe(`${col}6`);
    expect(at(`${col}6`)?.value).toBe(1210 * 9);
    expect(at(`${col}6`)?.style?.fill).toBe('FFEB9C');
    expect(at(`${col}5`)?.style?.fill).toBeUndefined();
    const last = plan.cells.filter((c) => /^[A-Z]+6$/.test(c.address)).at(-1);
    expect(last?.value).toBe('办理司法鉴定案件');
    // The per-capita rate column: the total is recomputed, not summed.
    const k = cmp.columns.findIndex((c) => c.code === 'LA_PER_100K');
    expect(cmp.total[k]?.current).toBeCloseTo((1985 * 21) / (275 * 21) * 10, 8);
    // 同比 of the total's legal aid cases: (1985 / 1862 − 1).
    const la = cmp.columns.findIndex((c) => c.code === 'LA_CASES');
    expect(cmp.total[la]?.yoy).toBeCloseTo((1985 / 1862 - 1) * 100, 8);
  });
});

describe('reconcile', () => {
  const districts = [districtModel('甲区司法局', 1), districtModel('乙区司法局', 2), districtModel('丙区司法局', 3)];

  test('a city equal to its districts has no finding; amounts within the rounding of the terms pass', () => {
    expect(reconcile(districtModel('示例市司法局', 6), districts)).toEqual([]);
    // 275 × 6 + 0.01: the city ±0.005 and three districts ±0.015 overlap.
    expect(reconcile(districtModel('示例市司法局', 6, { BASE_POP: 275 * 6 + 0.01 }), districts)).toEqual([]);
  });

  test('a city differing in two indicators (a count now, an amount last year) gets exactly those two', () => {
    const city = districtModel('示例市司法局', 6, { LA_CONSULTS: 15600 * 6 + 5, PL_VIEWS_PREV: 78.2 * 6 - 0.5 });
    const fs = reconcile(city, districts);
    expect(fs.map((f) => `${f.rule}:${f.severity}:${f.code}:${f.messageId}`)).toEqual(['D02:warning:LA_CONSULTS:district-sum-differs', 'D02:warning:PL_VIEWS:district-sum-differs-prev']);
    expect(fs[0]?.params).toEqual({ value: '93605', sum: '93600', diff: '+5', districts: 3 });
    expect(districtMessage(fs[0]!, 'zh-CN')).toBe('法律援助咨询本级填报 93605，所辖 3 个地区合计 93600，相差 +5');
    expect(districtMessage(fs[1]!, 'zh-CN')).toBe('新媒体普法阅读量上年同期本级填报 468.7，所辖 3 个地区合计 469.2，相差 -0.5');
    expect(fs[0]?.cell).toEqual(city.figures.get('LA_CONSULTS')?.cell);
    expect(fs[1]?.cell).toEqual(city.figures.get('PL_VIEWS')?.prevCell);
  });

  test('a district given twice is refused, and so is a city of another period', () => {
    expect(() => reconcile(districtModel('示例市司法局', 6), [districts[0]!, districts[0]!])).toThrow(expect.objectContaining({ code: 'merge-duplicate-unit' }));
    const city2024 = locate(withValues(template('annual', '2024', '示例市司法局'), { LA_CASES: 1 }));
    expect(() => reconcile(city2024, districts, { files: { city: 'city.xlsx', districts: ['a.xlsx', 'b.xlsx', 'c.xlsx'] } })).toThrow(
      expect.objectContaining({ code: 'merge-mixed-period', params: { fileA: 'city.xlsx', fileB: 'a.xlsx', periodA: '2024', periodB: '2025' } }),
    );
  });
});

describe('batchSummary', () => {
  const report = (error: number, warning: number, ready: boolean) => ({ ready, counts: { error, warning, info: 0 }, explained: 0, findings: [], skipped: [] });

  test('per-file lines, the totals, and the highest exit status', () => {
    const s = batchSummary([
      { file: 'a.xlsx', report: report(0, 0, true) },
      { file: 'b.xlsx', report: report(2, 1, false) },
      { file: 'c.xlsx', report: report(0, 3, false) },
    ]);
    expect(s.lines.map((l) => [l.file, l.status, l.exit])).toEqual([['a.xlsx', 'ready', 0], ['b.xlsx', 'errors', 1], ['c.xlsx', 'open', 0]]);
    expect(s.total).toEqual({ files: 3, ready: 1, withErrors: 1, unusable: 0, counts: { error: 2, warning: 4, info: 0 }, exit: 1 });
    const bad = batchSummary([{ file: 'a.xlsx', report: report(0, 0, true) }, { file: 'x.xlsx', error: new AppError('not-a-template', { file: 'x.xlsx' }) }, { file: 'y.xlsx', error: new Error('boom') }]);
    expect(bad.total.exit).toBe(2);
    expect(bad.total.unusable).toBe(2);
    expect(bad.lines[1]?.error).toEqual({ code: 'not-a-template', params: { file: 'x.xlsx' } });
    expect(bad.lines[2]?.error).toEqual({ code: 'file-unusable', params: { message: 'boom' } });
    expect(batchSummary([]).total.exit).toBe(0);
  });
});

describe('messages', () => {
  test('every message and error id has both languages with the same placeholders', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const table of [DISTRICT_MESSAGES, DISTRICT_ERRORS] as const) {
      const zh = table['zh-CN'] as Record<string, string>;
      const en = table['en-US'] as Record<string, string>;
      expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
      for (const k of Object.keys(zh)) expect([k, holes(en[k] as string)]).toEqual([k, holes(zh[k] as string)]);
    }
  });
});

describe('planMergedWorkbook: the total as one plan for every host', () => {
  // Six districts as above, 乙区 with a slip (R01), 丙区 tripling its forensic cases (D01).
  const names = ['甲区', '乙区', '丙区', '丁区', '戊区', '己区'];
  const growth = [1.04, 1.1, 3, 0.96, 1.07, 0.99];
  const models = names.map((n, i) =>
    districtModel(`${n}司法局`, i + 1, { FE_CASES: Math.round(1210 * (i + 1) * (growth[i] as number)), ...(i === 1 ? { LA_CASES_CIVIL: 820 * 2 - 30 } : {}) }),
  );
  const merged = mergeDistricts(models.map((m, i) => input(`${names[i]}.xlsx`, m)));
  const plan = planMergedWorkbook(merged, { unit: '全市合计' });
  // What a host holds after carrying the plan out: the workbook, the edits, fresh cached results.
  const written = applyEdits(snapshotFromPlan(plan.workbook), plan.edits);
  const held = applyEdits(written, planRecalc(written));
  const total = checkMergedTotal(held, plan);

  test('the template of the total (its unit and period) with 分地区对比 after it', () => {
    expect(plan.workbook.sheets.at(-1)?.name).toBe('分地区对比');
    expect(total.model.unit).toBe('全市合计');
    expect(total.model.period).toBe('2025');
  });

  test('every summed figure of the written total equals the sum of the districts; rates come from the summed parts', () => {
    for (const ind of catalog.indicators.filter((i) => agg.methodOf(i.code) === 'sum')) {
      expect([ind.code, cur(total.model, ind.code)]).toEqual([ind.code, merged.byCode.get(ind.code)?.current ?? null]);
      expect([ind.code, prev(total.model, ind.code)]).toEqual([ind.code, merged.byCode.get(ind.code)?.previous ?? null]);
    }
    expect(cur(total.model, 'LA_CASES')).toBe(1985 * 21);
    expect(cur(total.model, 'LA_CASES_CIVIL')).toBe(820 * 21 - 30);
    expect(cur(total.model, 'LA_PER_100K')).toBeCloseTo(((1985 * 21) / (275 * 21)) * 10, 2);
    expect(total.model.figures.get('LA_SATISFACTION')?.explanation).toBe('98.6%–98.6%（各地区，未加权）');
  });

  test("the total's findings carry D03 for the slip's district and D01 for the outlier", () => {
    const district = total.report.findings.filter((f) => f.rule.startsWith('D'));
    expect(district.some((f) => f.rule === 'D03' && f.params.unit === '乙区司法局' && f.code === 'LA_CASES' && f.params.rules === 'R01')).toBe(true);
    expect(district.filter((f) => f.rule === 'D01').map((f) => `${f.params.unit}:${f.code}`)).toEqual(['丙区司法局:FE_CASES']);
    expect(plan.findings).toEqual([...merged.findings, ...plan.comparison.findings]);
  });

  test('districtInput reads and checks one file as the merge takes it', () => {
    const d = districtInput('x.xlsx', withValues(template('annual', '2025', '庚区司法局'), { LA_CASES: 3 }));
    expect(d.file).toBe('x.xlsx');
    expect(d.model.unit).toBe('庚区司法局');
    expect(d.report).toEqual(checkModel(d.model));
  });
});
