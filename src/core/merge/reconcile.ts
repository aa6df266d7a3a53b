/**
 * Upper/lower-level reconciliation: the city's own report (often filled from its own ledgers)
 * against the sum of its districts, for every indicator the aggregation table sums, this
 * period and last year. Counts must be equal; an amount shown with d decimals stands for
 * ±½·10^−d, so the districts' sum is an interval n times as wide and the city's figure must
 * meet it (interval arithmetic of src/core/formula/interval.ts).
 *
 * An indicator is compared only when the city and every district have the figure: a blank
 * district is a C01 matter of its own report, not a difference.
 */
import { getCatalog, type Catalog } from '../catalog/catalog';
import { currentValues } from '../check';
import { AppError } from '../errors';
import { point, rounded, satisfiable, type Interval } from '../formula/interval';
import type { ReportModel } from '../model/types';
import { formatNumber } from '../numbers/format';
import { getAggregation, type Aggregation } from './aggregation';
import { assertMergeable } from './districts';
import { DISTRICT_RULES, type DistrictFinding } from './messages';

export interface ReconcileOptions {
  catalog?: Catalog;
  aggregation?: Aggregation;
  /** File labels for the refusal messages (city first, then districts). */
  files?: { city: string; districts: readonly string[] };
}

export function reconcile(city: ReportModel, districts: readonly ReportModel[], options: ReconcileOptions = {}): DistrictFinding[] {
  const catalog = options.catalog ?? getCatalog();
  const aggregation = options.aggregation ?? getAggregation(catalog);
  const label = (i: number) => options.files?.districts[i] ?? districts[i]?.unit ?? `#${i + 1}`;
  // The districts among themselves (one unit twice, mixed periods) and the city against them.
  assertMergeable(districts.map((m, i) => ({ file: label(i), model: m })));
  // The city against them: same template and period (its own unit may be anything).
  const cityFile = options.files?.city ?? city.unit;
  const d0 = districts[0];
  if (d0 && d0.template !== city.template)
    throw new AppError('merge-mixed-template', { fileA: cityFile, fileB: label(0), templateA: city.template, templateB: d0.template });
  if (d0 && d0.period !== city.period) throw new AppError('merge-mixed-period', { fileA: cityFile, fileB: label(0), periodA: city.period, periodB: d0.period });

  const cityCur = currentValues(city, catalog);
  const distCur = districts.map((m) => currentValues(m, catalog));
  const out: DistrictFinding[] = [];
  for (const ind of catalog.indicators) {
    if (aggregation.methodOf(ind.code) !== 'sum') continue;
    const width = (v: number): Interval => (ind.decimals === 0 ? point(v) : rounded(v, ind.decimals));
    for (const which of ['current', 'previous'] as const) {
      const mine = which === 'current' ? (cityCur.get(ind.code) ?? null) : (city.figures.get(ind.code)?.previous ?? null);
      if (mine === null) continue;
      const values = districts.map((m, i) => (which === 'current' ? (distCur[i]?.get(ind.code) ?? null) : (m.figures.get(ind.code)?.previous ?? null)));
      if (values.some((v) => v === null)) continue;
      let sum = 0;
      let iv: Interval = point(0);
      for (const v of values as number[]) {
        sum += v;
        const w = width(v);
        iv = { lo: iv.lo + w.lo, hi: iv.hi + w.hi };
      }
      if (satisfiable(width(mine), '=', iv)) continue;
      const fig = city.figures.get(ind.code);
      const cell = which === 'current' ? fig?.cell : fig?.prevCell;
      const f: DistrictFinding = {
        rule: 'D02',
        severity: DISTRICT_RULES.D02.severity,
        code: ind.code,
        form: ind.form,
        messageId: which === 'current' ? 'district-sum-differs' : 'district-sum-differs-prev',
        params: {
          value: formatNumber(mine, ind.decimals),
          sum: formatNumber(sum, ind.decimals),
          diff: `${mine - sum > 0 ? '+' : ''}${formatNumber(mine - sum, ind.decimals)}`,
          districts: districts.length,
        },
      };
      if (cell) f.cell = cell;
      out.push(f);
    }
  }
  return out;
}
