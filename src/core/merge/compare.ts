/**
 * 分地区对比: the districts side by side — one row per district with its key indicators and
 * per-capita rates, this period and 同比, and Hidiroglou–Berthelot outliers on the summed key
 * indicators (hb.ts). A flagged district × indicator is a D01 warning in the total's findings
 * and a shaded cell on the sheet. The plan holds values only (no formulas), so a unit name
 * starting with `=` stays text.
 *
 * Cost: O(columns × districts) plus one HB sort per tested indicator.
 */
import { toA1 } from '../a1';
import { getCatalog, type Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/schema';
import type { Locale } from '../i18n/locale';
import { formatNumber } from '../numbers/format';
import type { CellStyle, PlannedCell, SheetPlan } from '../plan/types';
import { SEVERITY_COLORS } from '../plan/types';
import { getAggregation, type Aggregation } from './aggregation';
import type { MergedDistricts } from './districts';
import { hbOutliers, type HbResult } from './hb';
import { DISTRICT_RULES, type DistrictFinding } from './messages';
import { DISTRICT_TEXT } from './text';

export interface ComparisonColumn {
  code: string;
  indicator: Indicator;
  /** Tested by HB (a summed key indicator, or every summed one with scope `summed`). */
  tested: boolean;
}

export interface ComparisonCell {
  current: number | null;
  previous: number | null;
  /** 同比: percent change (counts, amounts, rates) or percentage points (percents); null when undefined. */
  yoy: number | null;
  flagged: boolean;
}

export interface ComparisonRow {
  file: string;
  unit: string;
  errors: number;
  cells: ComparisonCell[];
}

export interface Comparison {
  period: string;
  columns: ComparisonColumn[];
  rows: ComparisonRow[];
  total: ComparisonCell[];
  /** HB results by tested code (tested: false when too few districts). */
  hb: Map<string, HbResult>;
  /** D01: one warning per flagged district × indicator. */
  findings: DistrictFinding[];
  minUnits: number;
}

function yoyOf(ind: Indicator, current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  if (ind.kind === 'percent') return current - previous;
  return previous > 0 ? (current / previous - 1) * 100 : null;
}

export function compareDistricts(merged: MergedDistricts, options: { catalog?: Catalog; aggregation?: Aggregation } = {}): Comparison {
  const catalog = options.catalog ?? getCatalog();
  const aggregation = options.aggregation ?? getAggregation(catalog);
  const hbParams = aggregation.hb;
  const columns: ComparisonColumn[] = catalog.indicators
    .filter((ind) => ind.key || ind.kind === 'rate')
    .map((ind) => {
      const summed = aggregation.methodOf(ind.code) === 'sum';
      return { code: ind.code, indicator: ind, tested: summed && (hbParams.scope === 'summed' || ind.key) };
    });
  if (hbParams.scope === 'summed') {
    for (const ind of catalog.indicators) {
      if (aggregation.methodOf(ind.code) === 'sum' && !columns.some((c) => c.code === ind.code)) columns.push({ code: ind.code, indicator: ind, tested: true });
    }
  }
  const rows: ComparisonRow[] = merged.districts.map((d) => ({
    file: d.file,
    unit: d.unit,
    errors: d.errors,
    cells: columns.map((c) => {
      const current = d.current.get(c.code) ?? null;
      const previous = d.previous.get(c.code) ?? null;
      return { current, previous, yoy: yoyOf(c.indicator, current, previous), flagged: false };
    }),
  }));
  const hb = new Map<string, HbResult>();
  const findings: DistrictFinding[] = [];
  columns.forEach((c, j) => {
    if (!c.tested) return;
    const result = hbOutliers(rows.map((r) => r.cells[j] as ComparisonCell), hbParams);
    hb.set(c.code, result);
    result.outlier.forEach((out, i) => {
      if (!out) return;
      const row = rows[i] as ComparisonRow;
      const cell = row.cells[j] as ComparisonCell;
      cell.flagged = true;
      findings.push({
        rule: 'D01',
        severity: DISTRICT_RULES.D01.severity,
        code: c.code,
        form: c.indicator.form,
        messageId: 'district-outlier',
        params: {
          unit: row.unit,
          current: formatNumber(cell.current as number, c.indicator.decimals),
          previous: formatNumber(cell.previous as number, c.indicator.decimals),
          ratio: formatNumber(Math.round(((cell.current as number) / (cell.previous as number)) * 100) / 100, 2),
        },
      });
    });
  });
  const total = columns.map((c) => {
    const f = merged.byCode.get(c.code);
    const current = f?.current ?? null;
    const previous = f?.previous ?? null;
    return { current, previous, yoy: yoyOf(c.indicator, current, previous), flagged: false };
  });
  return { period: merged.period, columns, rows, total, hb, findings, minUnits: hbParams.minUnits };
}

/** First row of districts and first indicator column of the 分地区对比 sheet (A 地区, B 审核). */
const FIRST_ROW = 4;
const FIRST_COL = 3;

/**
 * The address on the 分地区对比 sheet of a district's current figure (district index as in
 * `rows`), e.g. to point a D01 finding at it; null when the code is not a column.
 */
export function comparisonAddress(cmp: Comparison, district: number, code: string): string | null {
  const j = cmp.columns.findIndex((c) => c.code === code);
  return j < 0 || district < 0 || district >= cmp.rows.length ? null : toA1(FIRST_ROW + district, FIRST_COL + j * 2);
}

const numFmt = (d: number) => (d > 0 ? `0.${'0'.repeat(d)}` : '0');

/** The 分地区对比 sheet: title, two header rows, a row per district, the total, a note. */
export function comparisonSheetPlan(cmp: Comparison, locale: Locale): SheetPlan {
  const t = DISTRICT_TEXT[locale];
  const cells: PlannedCell[] = [];
  const merges: string[] = [];
  const body: CellStyle = { font: 'body', size: 10, border: true, valign: 'middle' };
  const head: CellStyle = { ...body, bold: true, fill: 'F2F2F2', align: 'center', wrap: true };
  const flag: CellStyle = { fill: SEVERITY_COLORS.warning.fill, color: SEVERITY_COLORS.warning.font, bold: true };
  const put = (row: number, col: number, value: PlannedCell['value'], style: CellStyle) => {
    const asText = typeof value === 'string' && /^[=+\-@]/.test(value);
    cells.push({ address: toA1(row, col), value: value ?? null, style: asText ? { ...style, numFmt: '@' } : style });
  };
  // Columns: A 地区, B 审核, then 本期 + 同比 per indicator, then 异常指标.
  const first = FIRST_COL;
  const lastCol = first + cmp.columns.length * 2;
  const name = (ind: Indicator) => (locale === 'en-US' ? `${ind.nameEn} (${ind.unit})` : `${ind.nameZh}（${ind.unit}）`);

  put(1, 1, t.title(cmp.period), { font: 'title', size: 16, bold: true, align: 'left' });
  merges.push(`A1:${toA1(1, lastCol)}`);
  put(2, 1, t.unit, head);
  put(2, 2, t.status, head);
  put(3, 1, null, head);
  put(3, 2, null, head);
  merges.push('A2:A3', 'B2:B3');
  cmp.columns.forEach((c, j) => {
    const col = first + j * 2;
    put(2, col, name(c.indicator), head);
    put(2, col + 1, null, head);
    merges.push(`${toA1(2, col)}:${toA1(2, col + 1)}`);
    put(3, col, locale === 'en-US' ? 'This period' : '本期', head);
    put(3, col + 1, c.indicator.kind === 'percent' ? `${t.yoy}${locale === 'en-US' ? ' (pp)' : '（百分点）'}` : t.yoy, head);
  });
  put(2, lastCol, t.flagged, head);
  put(3, lastCol, null, head);
  merges.push(`${toA1(2, lastCol)}:${toA1(3, lastCol)}`);

  const line = (row: number, unit: string, status: string, values: readonly { current: number | null; yoy: number | null; flagged: boolean }[], flagged: string, extra: CellStyle = {}) => {
    put(row, 1, unit, { ...body, ...extra, wrap: true });
    put(row, 2, status, { ...body, ...extra, align: 'center' });
    values.forEach((v, j) => {
      const c = cmp.columns[j] as ComparisonColumn;
      const col = first + j * 2;
      const mark = v.flagged ? flag : {};
      put(row, col, v.current, { ...body, ...extra, ...mark, align: 'right', numFmt: numFmt(c.indicator.decimals) });
      const yoy = v.yoy === null ? null : c.indicator.kind === 'percent' ? Math.round(v.yoy * 100) / 100 : v.yoy / 100;
      put(row, col + 1, yoy, { ...body, ...extra, ...mark, align: 'right', numFmt: c.indicator.kind === 'percent' ? '+0.00;-0.00;0.00' : '+0.0%;-0.0%;0.0%' });
    });
    put(row, lastCol, flagged, { ...body, ...extra, wrap: true });
  };
  let row = FIRST_ROW - 1;
  for (const r of cmp.rows) {
    row += 1;
    const flagged = cmp.columns.filter((_, j) => r.cells[j]?.flagged).map((c) => (locale === 'en-US' ? c.indicator.nameEn : c.indicator.nameZh));
    line(row, r.unit, r.errors > 0 ? t.errors(r.errors) : t.passed, r.cells, flagged.join(t.list), r.errors > 0 ? { color: SEVERITY_COLORS.error.font } : {});
  }
  row += 1;
  line(row, t.total, '', cmp.total, '', { bold: true, fill: 'F2F2F2' });
  row += 2;
  put(row, 1, t.legend(cmp.minUnits), { font: 'text', size: 10, wrap: true, valign: 'top' });
  merges.push(`${toA1(row, 1)}:${toA1(row, Math.min(lastCol, 12))}`);

  return {
    name: t.sheet,
    columns: [16, 10, ...cmp.columns.flatMap(() => [12, 9]), 24],
    cells,
    merges,
    rowHeights: { 1: 30, 2: 42, [row]: 48 },
    freeze: { rows: 3, cols: 2 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: [1, 3] },
    tabColor: '2F5597',
  };
}
