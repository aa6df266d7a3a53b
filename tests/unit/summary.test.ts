/**
 * The summary model (direction, judgement by `better`, pro-rata half-year targets, small
 * bases kept out of the rises and falls, open and explained findings) and the 领导参阅 sheet
 * plan built from it (arrows, data bar over the YoY cells, no formulas from cell text).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSummary,
  estimateRowHeight,
  isScopeChange,
  narrate,
  summarySheetPlan,
  ARROWS,
  JUDGEMENT_COLORS,
  MOVERS_TOP,
  type KeyIndicator,
  type SummaryModel,
} from '../../src/core/summary';
import { getCatalog } from '../../src/core/catalog/catalog';
import type { Figure, ReportModel, TemplateId } from '../../src/core/model/types';
import type { Finding, Report } from '../../src/core/report/types';
import type { PlannedCell, SheetPlan } from '../../src/core/plan/types';

type Pair = [number | null, number | null];

function model(figs: Record<string, Pair>, template: TemplateId = 'half-year', unit = '包头市司法局'): ReportModel {
  const figures = new Map<string, Figure>(
    Object.entries(figs).map(([code, [current, previous]]) => [
      code,
      { code, current, previous, currentRaw: current, previousRaw: previous, currentIsFormula: false },
    ]),
  );
  return { template, unit, period: template === 'annual' ? '2025' : '2025H1', figures, history: new Map(), missing: [] };
}

const CLEAN: Report = { ready: true, counts: { error: 0, warning: 0, info: 0 }, explained: 0, findings: [], skipped: [] };

/** Figures of the published sample (2025 annual review) against a made-up 2024. */
const SAMPLE: Record<string, Pair> = {
  BASE_POP: [275, 274],
  LA_CASES: [1985, 1862],
  LA_PER_100K: [72.2, 68],
  NOT_CASES: [65000, 60000],
  FE_CASES: [1300, 1300],
  ARB_CASES: [600, 640],
  MED_DISPUTES: [36000, 35000],
  MED_SUCCESS: [19800, 18900],
  MED_SUCCESS_RATE: [55, 54],
  AR_NEW: [1019, 950],
  AR_SETTLE_RATE: [24.38, 22.1],
  AR_CORRECT_RATE: [11.55, 12.4],
  LIT_LOSS_RATE: [14.94, 16.94],
  LEG_REVIEWS: [900, 850],
  LEG_FILING_RATE: [100, 100],
  LEG_COUNSEL: [24000, 20870],
  ENF_ENTERPRISE_INSPECTIONS: [700, 1000],
  PL_EVENTS: [4000, null],
};

function key(s: SummaryModel, code: string): KeyIndicator {
  const k = s.key.find((x) => x.code === code);
  if (!k) throw new Error(`${code} is not a key indicator`);
  return k;
}

describe('buildSummary: header fields', () => {
  test('unit, period, template, period word and title', () => {
    const half = buildSummary(CLEAN, model(SAMPLE));
    expect(half).toMatchObject({ unit: '包头市司法局', period: '2025H1', template: 'half-year', periodWord: '上半年' });
    expect(half.title).toBe('包头市司法局2025年上半年统计数据分析');
    expect(half.periodRange).toBe('2025年1月1日至6月30日');
    const annual = buildSummary(CLEAN, model(SAMPLE, 'annual'));
    expect(annual.periodWord).toBe('全年');
    expect(annual.title).toBe('包头市司法局2025年统计数据分析');
    const en = buildSummary(CLEAN, model(SAMPLE), { locale: 'en-US' });
    expect(en.periodWord).toBe('in the first half');
    expect(en.title).toContain('first half of 2025');
    expect(key(en, 'LA_CASES').name).toBe('Legal aid cases handled');
  });

  test('key indicators are the key=yes rows, in catalogue order', () => {
    const s = buildSummary(CLEAN, model(SAMPLE));
    expect(s.key.map((k) => k.code)).toEqual(getCatalog().indicators.filter((i) => i.key).map((i) => i.code));
    expect(s.key.length).toBeGreaterThan(10);
  });
});

describe('buildSummary: movement', () => {
  const s = buildSummary(CLEAN, model(SAMPLE));

  test('a rise of an indicator whose better is up is good', () => {
    expect(key(s, 'LA_CASES')).toMatchObject({ current: 1985, previous: 1862, change: 123, direction: 'up', judgement: 'good', changePp: null });
    expect(key(s, 'LA_CASES').yoyPct).toBeCloseTo(6.6058, 3);
  });

  test('a fall of an indicator whose better is down is good; a rise of it would be bad', () => {
    expect(key(s, 'ENF_ENTERPRISE_INSPECTIONS')).toMatchObject({ direction: 'down', judgement: 'good', change: -300 });
    expect(key(s, 'ENF_ENTERPRISE_INSPECTIONS').yoyPct).toBeCloseTo(-30, 6);
    const worse = buildSummary(CLEAN, model({ ENF_ENTERPRISE_INSPECTIONS: [1200, 1000], LA_CASES: [1500, 1862] }));
    expect(key(worse, 'ENF_ENTERPRISE_INSPECTIONS')).toMatchObject({ direction: 'up', judgement: 'bad' });
    expect(key(worse, 'LA_CASES')).toMatchObject({ direction: 'down', judgement: 'bad' });
  });

  test('an indicator without better is neutral whichever way it moves', () => {
    expect(key(s, 'ARB_CASES')).toMatchObject({ direction: 'down', judgement: 'neutral' });
    expect(key(s, 'AR_NEW')).toMatchObject({ direction: 'up', judgement: 'neutral' });
  });

  test('flat and none', () => {
    expect(key(s, 'FE_CASES')).toMatchObject({ direction: 'flat', judgement: 'neutral', change: 0, yoyPct: 0 });
    expect(key(s, 'PL_EVENTS')).toMatchObject({ direction: 'none', judgement: 'neutral', change: null, yoyPct: null });
    expect(key(s, 'CC_END')).toMatchObject({ current: null, previous: null, direction: 'none' });
    const zero = buildSummary(CLEAN, model({ LA_CASES: [12, 0] }));
    expect(key(zero, 'LA_CASES')).toMatchObject({ direction: 'up', yoyPct: null, change: 12 });
  });

  test('percent indicators move in percentage points, with no YoY rate', () => {
    const k = key(s, 'LIT_LOSS_RATE');
    expect(k.yoyPct).toBeNull();
    expect(k.changePp).toBeCloseTo(-2, 9);
    expect(k).toMatchObject({ direction: 'down', judgement: 'good' });
    expect(key(s, 'LEG_FILING_RATE')).toMatchObject({ direction: 'flat', changePp: 0, yoyPct: null });
  });
});

describe('buildSummary: targets', () => {
  test('half-year: a flow target applies pro rata (115 × 0.5)', () => {
    const met = key(buildSummary(CLEAN, model({ LA_PER_100K: [60, 55] })), 'LA_PER_100K');
    expect(met.target).toEqual({ op: '>=', value: 57.5, annual: 115, proRata: true });
    expect(met.targetStatus).toBe('met');
    expect(key(buildSummary(CLEAN, model({ LA_PER_100K: [57.4, 55] })), 'LA_PER_100K').targetStatus).toBe('missed');
  });

  test('annual: the full target', () => {
    const k = key(buildSummary(CLEAN, model({ LA_PER_100K: [60, 55] }, 'annual')), 'LA_PER_100K');
    expect(k.target).toEqual({ op: '>=', value: 115, annual: 115, proRata: false });
    expect(k.targetStatus).toBe('missed');
  });

  test('a percent (stock) target is never pro rata; no target and a blank figure are none', () => {
    const s = buildSummary(CLEAN, model({ LEG_FILING_RATE: [100, 100], LIT_HEAD_APPEAR_RATE: [96, 100] }));
    expect(key(s, 'LEG_FILING_RATE')).toMatchObject({ target: { value: 100, proRata: false }, targetStatus: 'met' });
    expect(key(s, 'LIT_HEAD_APPEAR_RATE').targetStatus).toBe('missed');
    expect(key(s, 'LA_CASES')).toMatchObject({ target: null, targetStatus: 'none' });
    expect(key(s, 'LA_PER_100K').targetStatus).toBe('none');
  });

  test('the target is judged on the reported decimals (interval arithmetic)', () => {
    // 114.95 stands for [114.9, 115.0]: it can be 115.
    expect(key(buildSummary(CLEAN, model({ LA_PER_100K: [114.96, 100] }, 'annual')), 'LA_PER_100K').targetStatus).toBe('met');
    expect(key(buildSummary(CLEAN, model({ LA_PER_100K: [114.9, 100] }, 'annual')), 'LA_PER_100K').targetStatus).toBe('missed');
  });
});

describe('buildSummary: largest rises and falls', () => {
  test('small bases (previous < 20) are excluded, however large the change', () => {
    const s = buildSummary(CLEAN, model({ LA_CASES_ADMIN: [60, 15], LA_CASES: [1985, 1862], MED_CENTERS: [40, 19] }));
    expect(s.rises.map((m) => m.code)).toEqual(['LA_CASES']);
    const atBase = buildSummary(CLEAN, model({ LA_CASES_ADMIN: [60, 20] }));
    expect(atBase.rises.map((m) => m.code)).toEqual(['LA_CASES_ADMIN']);
    expect(atBase.rises[0]?.yoyPct).toBeCloseTo(200, 9);
  });

  test('only counts and amounts; sorted by size; the few largest each way; flat ones left out', () => {
    const figs: Record<string, Pair> = {
      LA_CASES: [1985, 1862], // +6.6
      LA_CONSULTS: [3000, 2000], // +50
      LA_RECOVERED: [500, 250], // amount +100
      LA_REVIEWED: [120, 100], // +20
      NOT_CASES: [65000, 60000], // +8.3
      FE_CASES: [1300, 1000], // +30
      ARB_CASES: [600, 640], // -6.25
      HL_CALLS: [5000, 10000], // -50
      MED_DISPUTES: [36000, 36000], // flat
      LA_PER_100K: [200, 20], // rate: excluded
      MED_SUCCESS_RATE: [90, 20], // percent: excluded
    };
    const s = buildSummary(CLEAN, model(figs));
    expect(MOVERS_TOP).toBe(3);
    expect(s.rises.map((m) => m.code)).toEqual(['LA_RECOVERED', 'LA_CONSULTS', 'FE_CASES']);
    expect(s.rises).toHaveLength(MOVERS_TOP);
    expect(s.falls.map((m) => m.code)).toEqual(['HL_CALLS', 'ARB_CASES']);
    expect(s.falls[0]).toMatchObject({ current: 5000, previous: 10000, change: -5000, yoyPct: -50 });
  });
});

describe('buildSummary: findings and readiness', () => {
  const findings: Finding[] = [
    { rule: 'A1', severity: 'warning', code: 'LA_CONSULTS', form: 'JS01', messageId: 'yoy-change', params: { direction: 'up', pct: '52.3', previous: 2000, current: 3046 } },
    { rule: 'R01', severity: 'error', code: 'LA_CASES', form: 'JS01', messageId: 'required-blank', params: {}, cell: { sheet: 'JS01 法律援助', address: 'E4' } },
    { rule: 'A1', severity: 'warning', code: 'NOT_CASES', form: 'JS02', messageId: 'yoy-change', params: { direction: 'up', pct: '60', previous: 40000, current: 65000 }, explanation: '新设公证处两家' },
    { rule: 'A5', severity: 'info', code: 'ARB_CASES', form: 'JS02', messageId: 'adverse-move', params: { direction: 'down', pct: '25' } },
    { rule: 'A3', severity: 'warning', code: 'AR_SETTLE_RATE', form: 'JS04', messageId: 'pp-move', params: { pp: 21, previous: 3, current: 24 }, explanation: '   ' },
  ];
  const report: Report = { ready: false, counts: { error: 1, warning: 3, info: 1 }, explained: 1, findings, skipped: [] };
  const s = buildSummary(report, model(SAMPLE));

  test('open: errors first, then warnings without an explanation; info is left out', () => {
    expect(s.open.map((f) => [f.severity, f.code])).toEqual([
      ['error', 'LA_CASES'],
      ['warning', 'LA_CONSULTS'],
      ['warning', 'AR_SETTLE_RATE'],
    ]);
    expect(s.open[0]).toMatchObject({ rule: 'R01', name: '办理法律援助案件', message: '办理法律援助案件为必填指标，本期未填报', cell: 'JS01 法律援助!E4' });
  });

  test('explained warnings carry their explanation', () => {
    expect(s.explained).toHaveLength(1);
    expect(s.explained[0]).toMatchObject({ code: 'NOT_CASES', explanation: '新设公证处两家', name: '办理公证事项' });
    expect(s.explained[0]?.message).toContain('同比增长60%');
  });

  test('readiness copies the report', () => {
    expect(s.readiness).toEqual({ ready: false, counts: { error: 1, warning: 3, info: 1 }, explained: 1, open: 3 });
  });
});

// ---------------------------------------------------------------------------------------
// The sheet plan.

function at(plan: SheetPlan, address: string): PlannedCell | undefined {
  return plan.cells.find((c) => c.address === address);
}
function rowOf(plan: SheetPlan, text: string): number {
  const c = plan.cells.find((x) => typeof x.value === 'string' && x.value.startsWith(text));
  if (!c) throw new Error(`no cell starting with ${text}`);
  return Number(/\d+$/.exec(c.address)?.[0]);
}

describe('summarySheetPlan', () => {
  const m = model(SAMPLE);
  const findings: Finding[] = [
    { rule: 'R01', severity: 'error', code: 'LA_CASES', form: 'JS01', messageId: 'required-blank', params: {} },
    { rule: 'A1', severity: 'warning', code: 'NOT_CASES', form: 'JS02', messageId: 'yoy-change', params: { direction: 'up', pct: '60', previous: 40000, current: 65000 }, explanation: '=HYPERLINK("http://x","y")' },
  ];
  const report: Report = { ready: false, counts: { error: 1, warning: 1, info: 0 }, explained: 1, findings, skipped: [] };
  const s = buildSummary(report, { ...m, unit: '=1+1' });
  const paragraphs = narrate(s, m, 'zh-CN');
  const plan = summarySheetPlan(s, paragraphs, 'zh-CN');

  test('the 领导参阅 sheet: merged Hei title with unit and period, readiness line', () => {
    expect(plan.name).toBe('领导参阅');
    expect(at(plan, 'A1')?.value).toBe('=1+12025年上半年统计数据分析');
    expect(at(plan, 'A1')?.style?.font).toBe('title');
    expect(plan.merges).toContain('A1:G1');
    const ready = plan.cells.find((c) => typeof c.value === 'string' && c.value.includes('不可报送'));
    expect(ready?.style?.color).toBe(JUDGEMENT_COLORS.bad);
    const ok = summarySheetPlan(buildSummary(CLEAN, m), [], 'zh-CN');
    expect(ok.cells.some((c) => typeof c.value === 'string' && c.value.includes('可以报送') && c.style?.color === JUDGEMENT_COLORS.good)).toBe(true);
  });

  test('the key-indicator table: headers, numbers, arrows coloured by judgement, target status', () => {
    const header = rowOf(plan, '指标（单位）');
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => at(plan, `${c}${header}`)?.value)).toEqual(['指标（单位）', '本期', '上年同期', '增减', '同比', '目标', '完成情况']);
    const la = rowOf(plan, '办理法律援助案件（件）');
    expect(at(plan, `B${la}`)?.value).toBe(1985);
    expect(at(plan, `C${la}`)?.value).toBe(1862);
    expect(at(plan, `D${la}`)).toMatchObject({ value: `${ARROWS.up} +123`, style: { color: '107C10' } });
    expect(at(plan, `G${la}`)?.value).toBe('无目标');
    const enf = rowOf(plan, '涉企行政检查');
    expect(at(plan, `D${enf}`)).toMatchObject({ value: '▼ -300', style: { color: '107C10' } });
    const arb = rowOf(plan, '受理仲裁案件');
    expect(at(plan, `D${arb}`)).toMatchObject({ value: '▼ -40', style: { color: '767676' } });
    const fe = rowOf(plan, '办理司法鉴定案件');
    expect(at(plan, `D${fe}`)?.value).toBe('持平');
    expect(at(plan, `E${fe}`)?.value).toBe('持平');
    const loss = rowOf(plan, '行政诉讼败诉率');
    expect(at(plan, `D${loss}`)?.value).toBe('▼ -2个百分点');
    expect(at(plan, `E${loss}`)?.value).toBeNull();
    const rate = rowOf(plan, '每10万人法律援助案件数');
    expect(at(plan, `F${rate}`)?.value).toBe('≥57.5（全年115）');
    expect(at(plan, `G${rate}`)).toMatchObject({ value: '达标', style: { color: '107C10' } });
    const filing = rowOf(plan, '规范性文件备案审查规范率');
    expect(at(plan, `G${filing}`)?.value).toBe('达标');
    const bad = summarySheetPlan(buildSummary(CLEAN, model({ LA_PER_100K: [40, 55], ENF_ENTERPRISE_INSPECTIONS: [1200, 1000] })), [], 'zh-CN');
    expect(at(bad, `G${rowOf(bad, '每10万人法律援助案件数')}`)).toMatchObject({ value: '未达标', style: { color: 'C50F1F' } });
    expect(at(bad, `D${rowOf(bad, '涉企行政检查')}`)).toMatchObject({ value: '▲ +200', style: { color: 'C50F1F' } });
  });

  test('YoY cells are numbers, and the data bar covers exactly them', () => {
    expect(plan.dataBars).toHaveLength(1);
    const range = plan.dataBars?.[0]?.range ?? '';
    const [, first, last] = /^E(\d+):E(\d+)$/.exec(range) ?? [];
    expect(Number(first)).toBe(rowOf(plan, '指标（单位）') + 1);
    expect(Number(last) - Number(first) + 1).toBe(s.key.length);
    const la = rowOf(plan, '办理法律援助案件（件）');
    expect(la).toBeGreaterThanOrEqual(Number(first));
    expect(la).toBeLessThanOrEqual(Number(last));
    expect(at(plan, `E${la}`)?.value).toBeCloseTo(0.066058, 5);
    expect(at(plan, `E${la}`)?.style?.numFmt).toContain('%');
    expect(at(plan, `E${Number(last) + 1}`)).toBeUndefined();
  });

  test('narrative paragraphs: merged, wrapped, Fangsong, tall enough for their text', () => {
    expect(paragraphs.length).toBeGreaterThan(3);
    for (const p of paragraphs) {
      const r = rowOf(plan, p.text);
      const cell = at(plan, `A${r}`);
      expect(cell?.value).toBe(p.text);
      expect(cell?.style).toMatchObject({ font: 'text', wrap: true });
      expect(plan.merges).toContain(`A${r}:G${r}`);
      expect(plan.rowHeights?.[r]).toBeGreaterThanOrEqual(estimateRowHeight(p.text, 106, 12, 7));
      expect(at(plan, `A${r - 1}`)?.value).toMatch(new RegExp(`^（[一二三四五六七八九十]+）${p.title}$`));
    }
    expect(estimateRowHeight('字'.repeat(400), 106, 12)).toBeGreaterThan(estimateRowHeight('字'.repeat(40), 106, 12) * 4);
  });

  test('open findings (severity, indicator, message) and explained warnings are listed', () => {
    const open = rowOf(plan, '错误');
    expect(at(plan, `A${open}`)?.value).toBe('错误');
    expect(at(plan, `B${open}`)?.value).toBe('办理法律援助案件');
    expect(at(plan, `D${open}`)?.value).toBe('办理法律援助案件为必填指标，本期未填报');
    expect(plan.merges).toContain(`D${open}:G${open}`);
    const explainedHeader = rowOf(plan, '四、已说明的警告') + 1;
    expect([at(plan, `A${explainedHeader}`)?.value, at(plan, `B${explainedHeader}`)?.value, at(plan, `E${explainedHeader}`)?.value]).toEqual(['指标', '问题', '说明']);
    expect(at(plan, `A${explainedHeader + 1}`)?.value).toBe('办理公证事项');
    expect(at(plan, `B${explainedHeader + 1}`)?.value).toContain('同比增长60%');
    expect(at(plan, `E${explainedHeader + 1}`)?.value).toBe('=HYPERLINK("http://x","y")');
  });

  test('text from cells is written as values, never as formulas', () => {
    expect(plan.cells.filter((c) => c.formula !== undefined)).toEqual([]);
    const hyperlink = plan.cells.find((c) => c.value === '=HYPERLINK("http://x","y")');
    expect(hyperlink).toBeDefined();
    expect(hyperlink?.formula).toBeUndefined();
    expect(hyperlink?.style?.numFmt).toBe('@');
    expect(plan.cells.some((c) => typeof c.value === 'string' && c.value.startsWith('=1+1'))).toBe(true);
  });

  test('print: A4 portrait, fit to width, official margins, no grid lines', () => {
    expect(plan.print).toMatchObject({ orientation: 'portrait', paper: 'A4', fitToWidth: true });
    expect(plan.print?.margins?.top).toBeCloseTo(3.7 / 2.54, 1);
    expect(plan.print?.margins?.left).toBeCloseTo(2.8 / 2.54, 1);
    expect(plan.hideGridLines).toBe(true);
    expect(plan.columns).toHaveLength(7);
  });

  test('en-US: English headers; blank figures leave blank cells under the data bar', () => {
    const empty = summarySheetPlan(buildSummary(CLEAN, model({}), { locale: 'en-US' }), [], 'en-US');
    const header = rowOf(empty, 'Indicator (unit)');
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => at(empty, `${c}${header}`)?.value)).toEqual(['Indicator (unit)', 'This period', 'Last year', 'Change', 'YoY', 'Target', 'Status']);
    expect(empty.dataBars?.[0]?.range).toBe(`E${header + 1}:E${header + getCatalog().indicators.filter((i) => i.key).length}`);
    expect(at(empty, `E${header + 1}`)?.value).toBeNull();
    expect(at(empty, `D${header + 1}`)?.value).toBe('—');
    expect(empty.cells.some((c) => typeof c.value === 'string' && c.value.startsWith('Ready to submit'))).toBe(true);
  });
});

describe('purity', () => {
  test('src/core/summary imports no node:*, exceljs, docx, Office or DOM', () => {
    const dir = join(__dirname, '../../src/core/summary');
    for (const f of readdirSync(dir)) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src).not.toMatch(/from '(node:|fs|path|exceljs|docx)/);
      expect(src).not.toMatch(/\b(Office|Excel|document|window)\./);
    }
  });
});

describe('isScopeChange: a 说明 that explains a change as one of statistical scope', () => {
  test.each([
    ['新增普法公众号，发布条数统计口径调整', true],
    ['按新口径统计', true],
    ['统计范围扩大至旗县区', true],
    ['调整统计方法，含线上咨询', true],
    ['Change of definition: online consultations now counted', true],
    ['统计口径未变，增长系新设工作站', false],
    ['与上年口径一致', false],
    ['并非口径调整，系案件量增加', false],
    ['新设公证处两家', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isScopeChange(text)).toBe(expected);
  });
});

describe('buildSummary: what is headlined', () => {
  const withNote = (figs: Record<string, Pair>, notes: Record<string, string>): ReportModel => {
    const m = model(figs, 'annual');
    for (const [code, explanation] of Object.entries(notes)) {
      const f = m.figures.get(code);
      if (f) (m.figures as Map<string, Figure>).set(code, { ...f, explanation });
    }
    return m;
  };

  test('a change explained as one of scope is left out of the rises, judged neutral, and listed with its explanation', () => {
    const m = withNote({ PL_POSTS: [7000, 650], LA_CASES: [1985, 1862], LEG_COUNSEL: [24000, 20870] }, { PL_POSTS: '新增普法公众号，发布条数统计口径调整', LA_CASES: '口径不变' });
    const s = buildSummary(CLEAN, m);
    expect(s.rises.map((r) => r.code)).toEqual(['LEG_COUNSEL', 'LA_CASES']);
    expect(s.scopeChanges).toEqual([{ code: 'PL_POSTS', form: 'JS06', name: '发布普法信息', current: 7000, previous: 650, explanation: '新增普法公众号，发布条数统计口径调整' }]);
    const k = key(buildSummary(CLEAN, withNote({ LEG_COUNSEL: [24000, 20870] }, { LEG_COUNSEL: '法律顾问服务统计口径调整' })), 'LEG_COUNSEL');
    expect(k).toMatchObject({ direction: 'up', judgement: 'neutral', scopeChange: '法律顾问服务统计口径调整' });
  });

  test('a figure with an error or an unexplained warning is not headlined; an explained one is', () => {
    const figs: Record<string, Pair> = { LAW_PRO_BONO: [3610, 800], LA_CASES: [1985, 1862], LEG_COUNSEL: [24000, 20870] };
    const warning: Finding = { rule: 'A1', severity: 'warning', code: 'LAW_PRO_BONO', form: 'JS02', messageId: 'yoy-change', params: { direction: 'up', pct: '351.3', previous: 800, current: 3610 } };
    const open: Report = { ready: false, counts: { error: 0, warning: 1, info: 0 }, explained: 0, findings: [warning], skipped: [] };
    expect(buildSummary(open, model(figs, 'annual')).rises.map((r) => r.code)).toEqual(['LEG_COUNSEL', 'LA_CASES']);
    const explained: Report = { ...open, ready: true, explained: 1, findings: [{ ...warning, explanation: '新增律师事务所三家' }] };
    expect(buildSummary(explained, model(figs, 'annual')).rises.map((r) => r.code)).toEqual(['LAW_PRO_BONO', 'LEG_COUNSEL', 'LA_CASES']);
  });

  test('targets: every indicator of the template with a target, met or missed, with its 说明', () => {
    const s = buildSummary(CLEAN, withNote({ LA_PER_100K: [72.2, 68], CC_VISIT_RATE: [100, 100] }, { LA_PER_100K: '2026年新定目标' }));
    expect(s.targets.map((x) => [x.code, x.status])).toEqual([
      ['LA_PER_100K', 'missed'],
      ['LIT_HEAD_APPEAR_RATE', 'none'],
      ['LEG_FILING_RATE', 'none'],
      ['CC_CHECK_RATE', 'none'],
      ['CC_VISIT_RATE', 'met'],
    ]);
    expect(s.targets[0]?.explanation).toBe('2026年新定目标');
  });
});

describe('summarySheetPlan: what leaders read', () => {
  const findings: Finding[] = [
    { rule: 'R01', severity: 'error', code: 'LA_CASES', form: 'JS01', messageId: 'required-blank', params: {} },
    { rule: 'A2', severity: 'warning', code: 'NOT_CASES', form: 'JS02', messageId: 'required-blank', params: {} },
    { rule: 'A5', severity: 'info', code: 'ARB_CASES', form: 'JS02', messageId: 'required-blank', params: {} },
  ];
  const report: Report = { ready: false, counts: { error: 1, warning: 1, info: 1 }, explained: 0, findings, skipped: [] };

  test.each(['zh-CN', 'en-US'] as const)('no rule id anywhere, severities from the one vocabulary (%s)', (locale) => {
    const m = model(SAMPLE);
    const s = buildSummary(report, m, { locale });
    const plan = summarySheetPlan(s, narrate(s, m, locale), locale);
    const texts = plan.cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');
    expect(texts.filter((t) => /\b[RACD]\d{2}\b/.test(t))).toEqual([]);
    const words = locale === 'zh-CN' ? ['错误', '警告'] : ['Error', 'Warning'];
    for (const w of words) expect(texts).toContain(w);
  });

  test('the YoY cell of a change of scope says 口径调整, the change cell keeps its arrow, both grey', () => {
    const m = model({ LEG_COUNSEL: [24000, 12000] }, 'annual');
    (m.figures as Map<string, Figure>).set('LEG_COUNSEL', { ...(m.figures.get('LEG_COUNSEL') as Figure), explanation: '统计口径调整，含线上服务' });
    const plan = summarySheetPlan(buildSummary(CLEAN, m), [], 'zh-CN');
    const r = rowOf(plan, '法律顾问提供法律服务');
    expect(at(plan, `E${r}`)).toMatchObject({ value: '口径调整', style: { color: JUDGEMENT_COLORS.neutral } });
    expect(at(plan, `D${r}`)).toMatchObject({ value: '▲ +12000', style: { color: JUDGEMENT_COLORS.neutral } });
  });
});
