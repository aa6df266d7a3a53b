/** One describe per rule family; each case states the figures it changes from the consistent sample. */
import { checkWorkbook, currentValues } from '../../src/core/check';
import { planMarks } from '../../src/core/marks/plan';
import { TEXT_LIMITS } from '../../src/core/text';
import { auditRules } from '../../src/core/rules/audit';
import type { Finding } from '../../src/core/report/types';
import { getCatalog } from '../../src/core/catalog/catalog';
import { compileRules } from '../../src/core/rules';
import { robustZ } from '../../src/core/rules/anomaly';
import { formatFinding } from '../../src/core/i18n/findings';
import { applyEdits } from '../fakes/plan-snapshot';
import { blank, brief, findings, sample, template, withValues, fill, SAMPLE_CSV, SLIPS_CSV } from '../fakes/sample';
import type { CellData, WorkbookSnapshot } from '../../src/workbook/snapshot';

describe('the consistent sample', () => {
  test('has no errors and no warnings beyond the real target miss, which is explained', () => {
    const { report } = checkWorkbook(sample());
    expect(brief(report.findings)).toEqual(['C06:warning:LA_PER_100K']);
    expect(report.findings[0]?.explanation).toMatch(/2026年工作计划/);
    expect(report.ready).toBe(true);
    expect(report.counts).toEqual({ error: 0, warning: 1, info: 0 });
  });

  test('each planted slip is found with the right severity and cell', () => {
    const { report } = checkWorkbook(fill(sample(), SLIPS_CSV));
    const at = (rule: string, code: string) => report.findings.find((f) => f.rule === rule && f.code === code);
    expect(at('R01', 'LA_CASES')).toMatchObject({ severity: 'error', cell: { sheet: 'JS01 法律援助', address: 'E4' } });
    expect(at('C02', 'LEG_COUNSEL')).toMatchObject({ severity: 'error', cell: { sheet: 'JS05 法治政府建设', address: 'E9' }, suggestion: { value: 24000, approx: true } });
    expect(at('C05', 'AR_SETTLE_RATE')).toMatchObject({ severity: 'error', suggestion: { value: 24.38 } });
    expect(at('A2', 'PL_POSTS')?.severity).toBe('warning');
    expect(formatFinding(at('A2', 'PL_POSTS')!)).toContain('疑似单位或录入错误');
    expect(at('A1', 'LAW_PRO_BONO')?.severity).toBe('warning');
    expect(at('C06', 'CC_VISIT_RATE')?.severity).toBe('warning');
    expect(report.ready).toBe(false);
    expect(report.counts.error).toBe(3);
  });
});

/** A copy of a snapshot with one named cell replaced (an error value, say). */
function setCell(snap: WorkbookSnapshot, name: string, cell: CellData): WorkbookSnapshot {
  const n = snap.names.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  return { ...snap, sheets: snap.sheets.map((s) => (s.name === n.sheet ? { ...s, cells: { ...s.cells, [n.address]: cell } } : s)) };
}

describe('errors, merges and the cover (C07, C08, C00/C01 on the header)', () => {
  test('C07 an error value is named (this period and last year), not called blank', () => {
    const snap = setCell(setCell(sample(), 'LA_CASES', { v: null, error: '#DIV/0!' }), 'NOT_CASES_PREV', { v: null, error: '#NUM!' });
    const fs = findings(snap);
    expect(brief(fs)).toContain('C07:error:LA_CASES');
    expect(brief(fs)).toContain('C07:error:NOT_CASES');
    expect(brief(fs)).not.toContain('C01:error:LA_CASES');
    const f = fs.find((x) => x.rule === 'C07' && x.code === 'LA_CASES');
    expect(formatFinding(f!)).toBe('本期为错误值 #DIV/0!，不是数字；请改正公式或填入数字');
    expect(formatFinding(fs.find((x) => x.rule === 'C07' && x.code === 'NOT_CASES')!, 'en-US')).toContain('#NUM!');
  });

  test('C08 a figure cell inside a merged range is named with the range', () => {
    const snap = sample();
    const n = snap.names.find((x) => x.name === 'LA_CASES')!;
    const merged = { ...snap, sheets: snap.sheets.map((s) => (s.name === n.sheet ? { ...s, merges: ['A1:I1', 'E4:F4'] } : s)) };
    const fs = findings(merged);
    expect(fs.filter((f) => f.rule === 'C08').map((f) => [f.code, f.params['which'], f.params['range']])).toEqual([
      ['LA_CASES', 'current', 'E4:F4'],
      ['LA_CASES', 'previous', 'E4:F4'],
    ]);
  });

  test('a 5 MB string in a cell is quoted shortened, and nothing planned passes Excel\'s cell limit', () => {
    const huge = '约'.repeat(5 * 1024 * 1024);
    const snap = setCell(setCell(sample(), 'LA_CASES', { v: huge }), 'LA_REVIEWED_NOTE', { v: huge });
    const { report } = checkWorkbook(withValues(snap, { LA_REVIEWED: 481, LA_REVIEWED_PREV: 320 }));
    const c02 = report.findings.find((f) => f.rule === 'C02' && f.code === 'LA_CASES');
    expect(formatFinding(c02!).length).toBeLessThan(400);
    expect(formatFinding(c02!)).toContain('…');
    const a1 = report.findings.find((f) => f.rule === 'A1' && f.code === 'LA_REVIEWED');
    expect(a1?.explanation?.length).toBeLessThanOrEqual(TEXT_LIMITS.explanation);
    const plan = planMarks(report);
    for (const m of plan.marks) expect(m.note.length).toBeLessThanOrEqual(TEXT_LIMITS.cell);
    for (const c of plan.issueSheet.cells) expect(String(c.value ?? '').length).toBeLessThanOrEqual(TEXT_LIMITS.cell);
  });

  test('the cover: a deleted RPT_PERIOD name is C00, a blank 填报单位 is C01', () => {
    const noPeriod = { ...sample(), names: sample().names.filter((x) => x.name !== 'RPT_PERIOD') };
    expect(findings(noPeriod).filter((f) => f.rule === 'C00').map((f) => f.code)).toEqual(['RPT_PERIOD']);
    const noUnit = template('annual', '2025', '');
    const fs = findings(fill(noUnit, SAMPLE_CSV));
    const unit = fs.filter((f) => f.code === 'RPT_UNIT');
    expect(unit.map((f) => `${f.rule}:${f.severity}`)).toEqual(['C01:error']);
    expect(formatFinding(unit[0]!)).toBe('封面未填写填报单位');
    expect(unit[0]?.cell?.sheet).toBe('封面');
  });
});

describe('catalogue checks (C01–C06)', () => {
  test('C01 a required blank is an error; an optional blank is not', () => {
    expect(brief(findings(blank(sample(), 'LA_CASES_CIVIL')))).toContain('C01:error:LA_CASES_CIVIL');
    expect(brief(findings(blank(sample(), 'LA_CONSULTS'))).filter((b) => b.startsWith('C01'))).toEqual([]);
  });

  test('C02 text in a number cell proposes the number and changes nothing', () => {
    const snap = withValues(sample(), { NOT_CASES: '6.5万余', LA_CASES_PREV: '1,862', PL_EVENTS: '—' });
    const fs = findings(snap);
    expect(fs.find((f) => f.code === 'NOT_CASES')).toMatchObject({ rule: 'C02', severity: 'error', suggestion: { value: 65000, approx: true } });
    const prev = fs.find((f) => f.rule === 'C02' && f.code === 'LA_CASES');
    expect(prev).toMatchObject({ cell: { address: 'F4' }, suggestion: { value: 1862 } });
    expect(formatFinding(prev!)).toBe('上年同期填报“1,862”为文字，无法参与求和，建议改为 1862件');
    expect(fs.find((f) => f.code === 'PL_EVENTS')).toMatchObject({ rule: 'C02', suggestion: { value: null } });
    const cell = snap.sheets.find((s) => s.name === 'JS02 公共法律服务')?.cells['E4'];
    expect(cell?.v).toBe('6.5万余');
  });

  test('C03 negative counts, fractional counts, percents over 100', () => {
    const fs = brief(findings(withValues(sample(), { LA_CONSULTS: -5, LA_REVIEWED: 12.5, LA_SATISFACTION: 101 })));
    expect(fs).toEqual(expect.arrayContaining(['C03:error:LA_CONSULTS', 'C03:error:LA_REVIEWED', 'C03:error:LA_SATISFACTION']));
  });

  test('C04 a breakdown item may not exceed its whole', () => {
    expect(brief(findings(withValues(sample(), { NOT_ONE_VISIT: 65001 })))).toContain('C04:error:NOT_ONE_VISIT');
    expect(brief(findings(withValues(sample(), { NOT_ONE_VISIT: 65000 })))).not.toContain('C04:error:NOT_ONE_VISIT');
  });

  test('C05 a constant typed over a derived cell must agree within rounding', () => {
    // 247 / 1013 = 24.3830…: 24.38 agrees, 24.39 does not.
    expect(brief(findings(withValues(sample(), { AR_SETTLE_RATE: 24.38 })))).not.toContain('C05:error:AR_SETTLE_RATE');
    expect(brief(findings(withValues(sample(), { AR_SETTLE_RATE: 24.39 })))).toContain('C05:error:AR_SETTLE_RATE');
    // Denominator 0: the derived value is blank, which is not an error.
    const zero = withValues(sample(), { LIT_HEARINGS: 0, LIT_HEAD_APPEAR: 0 });
    expect(brief(findings(zero)).filter((b) => b.includes('LIT_HEAD_APPEAR_RATE'))).toEqual([]);
  });

  test('C06 targets: missed is a warning; a flow target is halved in a half-year report', () => {
    expect(brief(findings(withValues(sample(), { LIT_HEAD_APPEAR: 300 })))).toContain('C06:warning:LIT_HEAD_APPEAR_RATE');
    // 1985 cases / 275万 = 72.2 per 100k: misses 115 for a year, meets 57.5 for a half year.
    const half = fill(template('half-year'), 'code,current,previous\nBASE_POP,275.00,\nLA_CASES,1985,\n');
    expect(brief(findings(half))).not.toContain('C06:warning:LA_PER_100K');
    const low = fill(template('half-year'), 'code,current,previous\nBASE_POP,275.00,\nLA_CASES,1500,\n');
    expect(brief(findings(low))).toContain('C06:warning:LA_PER_100K');
  });
});

describe('audit rules (R01–R08)', () => {
  test('R01 the legal-aid breakdown must add up exactly', () => {
    const f = findings(withValues(sample(), { LA_CASES_ADMIN: 64 })).find((x) => x.rule === 'R01');
    expect(f).toMatchObject({ severity: 'error', code: 'LA_CASES', form: 'JS01' });
    expect(formatFinding(f!)).toBe('刑事、民事、行政法律援助案件之和应等于案件总数：刑事案件 + 民事案件 + 行政案件为 1984，办理法律援助案件为 1985');
  });

  test('R02 special groups exceeding the total is a warning', () => {
    expect(brief(findings(withValues(sample(), { LA_CASES_MIGRANT_WAGE: 1500, LA_CASES_ELDERLY: 300, LA_CASES_MINOR: 200 })))).toContain('R02:warning:LA_CASES');
  });

  test('R03 and R04 reconsideration closings', () => {
    expect(brief(findings(withValues(sample(), { AR_CLOSED: 1066, AR_SETTLED: 247, AR_CORRECTED: 117 })))).toContain('R03:error:AR_CLOSED');
    expect(brief(findings(withValues(sample(), { AR_SETTLED: 900, AR_CORRECTED: 117 })))).toContain('R04:error:AR_CLOSED');
  });

  test('R05 releases and reoffences within the caseload', () => {
    const fs = brief(findings(withValues(sample(), { CC_RELEASED: 2501, CC_REOFFEND: 2600 })));
    expect(fs).toEqual(expect.arrayContaining(['R05:error:CC_RELEASED', 'R05:error:CC_REOFFEND']));
  });

  test('R06 only in the annual template: this start equals last end', () => {
    expect(brief(findings(withValues(sample(), { CC_START: 1530 })))).toContain('R06:warning:CC_START');
    const half = withValues(sample('half-year', '2025H1'), { CC_START: 1530 });
    expect(brief(findings(half))).not.toContain('R06:warning:CC_START');
  });

  test('R07 more lawyers than firms, more mediators than organisations', () => {
    expect(brief(findings(withValues(sample(), { LAWYERS: 90, MED_MEDIATORS: 1000, MED_ORGS: 1420 })))).toEqual(expect.arrayContaining(['R07:warning:LAWYERS', 'R07:warning:MED_MEDIATORS']));
  });

  test('R08 needs a reference report; a half-year flow may not exceed the annual one', () => {
    const annual = sample();
    const { report } = checkWorkbook(annual);
    expect(report.skipped.map((s) => s.rule)).toEqual(['R08']);
    const half = withValues(sample('half-year', '2025H1'), { NOT_CASES: 70000 });
    const fs = findings(annual, { reference: half });
    expect(brief(fs).filter((b) => b.startsWith('R08'))).toEqual(['R08:error:NOT_CASES']);
    // Stocks (lawyers) are levels, not flows: equal figures in both reports are fine.
    expect(brief(fs)).not.toContain('R08:error:LAWYERS');
    // A different year is not the other report of the same year.
    const other = checkWorkbook(annual, { reference: sample('half-year', '2024H1') }).report;
    expect(other.skipped[0]?.messageId).toBe('reference-mismatch');
  });

  test('a malformed rule in the template data is a finding naming it, not a crash', () => {
    const catalog = { ...getCatalog(), rules: [...getCatalog().rules, { id: 'R99', severity: 'error' as const, checks: ['LA_CASES >= + 2'], textZh: 'x', textEn: 'x' }, { id: 'R98', severity: 'error' as const, checks: ['NO_SUCH_CODE <= LA_CASES'], textZh: 'x', textEn: 'x' }] };
    expect(compileRules(catalog).filter((c) => 'problem' in c).map((c) => c.rule.id)).toEqual(['R99', 'R98']);
    // The rule families read the catalogue from their context; the engine's entry uses the standard.
    const model = checkWorkbook(sample()).model;
    const found: Finding[] = [];
    auditRules({ catalog, template: getCatalog().templates[0]!, model, values: currentValues(model, catalog), push: (f) => found.push(f), skip: () => undefined });
    const cfg = found.filter((f) => f.rule === 'CFG');
    expect(cfg.map((f) => f.params['ruleId'])).toEqual(['R99', 'R98']);
    expect(formatFinding(cfg[1]!)).toContain('未知指标 NO_SUCH_CODE');
  });
});

describe('anomaly checks (A1–A6)', () => {
  test('A1 more than 50% year on year, only from a base of 20', () => {
    expect(brief(findings(withValues(sample(), { LA_REVIEWED: 481, LA_REVIEWED_PREV: 320 })))).toContain('A1:warning:LA_REVIEWED');
    expect(brief(findings(withValues(sample(), { LA_REVIEWED: 480, LA_REVIEWED_PREV: 320 })))).not.toContain('A1:warning:LA_REVIEWED');
    expect(brief(findings(withValues(sample(), { PL_VENUES_NEW: 15, PL_VENUES_NEW_PREV: 7 })))).not.toContain('A1:warning:PL_VENUES_NEW');
  });

  test('A2 a magnitude slip says 疑似单位或录入错误 and replaces A1', () => {
    const fs = findings(withValues(sample(), { MED_DISPUTES: 4, MED_SUCCESS: 3 }));
    const f = fs.find((x) => x.code === 'MED_DISPUTES' && x.rule.startsWith('A'));
    expect(f?.rule).toBe('A2');
    expect(formatFinding(f!)).toContain('疑似单位或录入错误');
  });

  test('A3 a percent moving more than 20 points', () => {
    expect(brief(findings(withValues(sample(), { LA_SATISFACTION: 70, LA_SATISFACTION_PREV: 98.2 })))).toContain('A3:warning:LA_SATISFACTION');
    expect(brief(findings(withValues(sample(), { LA_SATISFACTION: 80, LA_SATISFACTION_PREV: 98.2 })))).not.toContain('A3:warning:LA_SATISFACTION');
  });

  test('A3 a percent typed as 98.6% (stored by Excel as 0.986) is named and the figure proposed', () => {
    const f = findings(withValues(sample(), { LA_SATISFACTION: 0.986 })).find((x) => x.code === 'LA_SATISFACTION');
    expect(f).toMatchObject({ rule: 'A3', severity: 'warning', messageId: 'percent-fraction', suggestion: { value: 98.6 } });
    expect(formatFinding(f!)).toBe('受援人满意度填报为 0.986，疑似把 98.6% 录成了小数（在单元格中输入“98.6%”会存为 0.986），本列应填 98.6');
    // A real fall to a small percentage is not a fraction slip.
    expect(findings(withValues(sample(), { LA_SATISFACTION: 0.5 })).find((x) => x.code === 'LA_SATISFACTION')?.messageId).toBe('pp-move');
  });

  test('A4 copy-forward: five equal non-zero figures, half of the form', () => {
    const same = { FE_CASES: 1210, ARB_CASES: 570, ARB_CLOSED: 550, HL_CALLS: 45500, HL_CONSULTS: 43800 };
    const fs = findings(withValues(sample(), same)).filter((f) => f.rule === 'A4');
    // JS02 has 12 filled volume figures: 5 equal is less than half.
    expect(fs).toEqual([]);
    const more = { ...same, LAW_FIRMS: 95, LAWYERS: 1580, NOT_CASES: 61200 };
    const a4 = findings(withValues(sample(), more)).filter((f) => f.rule === 'A4');
    expect(a4).toHaveLength(1);
    expect(a4[0]).toMatchObject({ severity: 'warning', form: 'JS02', code: 'NOT_CASES' });
  });

  test('A5 a move against `better` is info', () => {
    expect(brief(findings(withValues(sample(), { ENF_ENTERPRISE_INSPECTIONS: 2950 })))).toContain('A5:info:ENF_ENTERPRISE_INSPECTIONS');
    expect(brief(findings(withValues(sample(), { LA_CONSULTS: 11000 })))).toContain('A5:info:LA_CONSULTS');
  });

  test('A6 robust z-score against three or more earlier periods', () => {
    expect(robustZ(10, [10, 11, 9])).toBeCloseTo(0);
    expect(Math.abs(robustZ(100, [10, 11, 9, 10]) as number)).toBeGreaterThan(3.5);
    const history = (snap: ReturnType<typeof sample>, values: number[]) =>
      applyEdits(snap, [
        ...values.map((_, i) => ({ sheet: '历史数据', address: `${'BCD'[i]}1`, value: String(2021 + i) })),
        ...values.map((v, i) => ({ sheet: '历史数据', address: `${'BCD'[i]}5`, value: v })),
      ]);
    // Row 5 of 历史数据 is LA_CASES (row 2 is the first code).
    expect(brief(findings(history(sample(), [1200, 1250, 1300])))).toContain('A6:warning:LA_CASES');
    expect(brief(findings(history(sample(), [1800, 1900, 1850])))).not.toContain('A6:warning:LA_CASES');
    expect(brief(findings(history(sample(), [1200, 1250].slice(0, 2))))).not.toContain('A6:warning:LA_CASES');
  });

  test('an explained warning no longer blocks', () => {
    const snap = withValues(sample(), { LA_REVIEWED: 600 });
    expect(checkWorkbook(snap).report.ready).toBe(false);
    const explained = withValues(snap, { LA_REVIEWED_NOTE: '开展专项评查，数量大幅增加' });
    const { report } = checkWorkbook(explained);
    expect(report.ready).toBe(true);
    expect(report.findings.find((f) => f.code === 'LA_REVIEWED')?.explanation).toBe('开展专项评查，数量大幅增加');
  });
});
