/**
 * Hidiroglou–Berthelot (1986) outliers for period-on-period ratios across units, as used in
 * official business statistics. For each unit with both figures > 0:
 *
 *   r_i = x_i(t) / x_i(t−1), r_med = median of r
 *   s_i = 1 − r_med / r_i   when r_i < r_med,   r_i / r_med − 1 otherwise   (centred, symmetric)
 *   E_i = s_i · max(x_i(t), x_i(t−1))^U                                     (size-weighted)
 *   Q1, Q2, Q3 = quartiles of E (linear interpolation between order statistics, Excel's
 *   QUARTILE.INC / R type 7)
 *   outside (Q2 − C·max(Q2 − Q1, |A·Q2|), Q2 + C·max(Q3 − Q2, |A·Q2|)) → outlier.
 *
 * Quartiles of fewer than about five values say nothing, so with fewer than `minUnits` units
 * that have both figures > 0 the method does not judge at all (returns `tested: false`). A
 * unit with a 0 or blank figure is not judged (its ratio is undefined). Cost: one sort of n
 * ratios and one of n effects, O(n log n).
 */
import type { HbParams } from './aggregation';

export interface HbUnit {
  current: number | null;
  previous: number | null;
}

export interface HbResult {
  /** False when fewer than minUnits units had both figures > 0: nothing was judged. */
  tested: boolean;
  /** By input index: the effect E_i, or null when the unit was not judged. */
  effects: (number | null)[];
  /** By input index: true when E_i falls outside the bounds. */
  outlier: boolean[];
  lower: number | null;
  upper: number | null;
  medianRatio: number | null;
}

/** Quantile p (0..1) of sorted values by linear interpolation (R type 7, QUARTILE.INC). */
export function quantile(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of no values');
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(n - 1, lo + 1)] as number;
  return a + (h - lo) * (b - a);
}

/** The bounds from the effects: Q2 ∓ C·max(Q2 − Q1 | Q3 − Q2, |A·Q2|). */
export function hbBounds(effects: readonly number[], params: Pick<HbParams, 'a' | 'c'>): { lower: number; upper: number } {
  const es = [...effects].sort((p, q) => p - q);
  const q1 = quantile(es, 0.25);
  const q2 = quantile(es, 0.5);
  const q3 = quantile(es, 0.75);
  const guard = Math.abs(params.a * q2);
  return { lower: q2 - params.c * Math.max(q2 - q1, guard), upper: q2 + params.c * Math.max(q3 - q2, guard) };
}

export function hbOutliers(units: readonly HbUnit[], params: Pick<HbParams, 'u' | 'a' | 'c' | 'minUnits'>): HbResult {
  const idx: number[] = [];
  const ratios: number[] = [];
  units.forEach((x, i) => {
    if (x.current !== null && x.previous !== null && x.current > 0 && x.previous > 0) {
      idx.push(i);
      ratios.push(x.current / x.previous);
    }
  });
  const effects: (number | null)[] = units.map(() => null);
  const outlier = units.map(() => false);
  if (idx.length < params.minUnits) return { tested: false, effects, outlier, lower: null, upper: null, medianRatio: null };
  const rMed = quantile([...ratios].sort((p, q) => p - q), 0.5);
  const es: number[] = [];
  idx.forEach((i, k) => {
    const r = ratios[k] as number;
    const u = units[i] as HbUnit;
    const s = r < rMed ? 1 - rMed / r : r / rMed - 1;
    const e = s * Math.max(u.current as number, u.previous as number) ** params.u;
    effects[i] = e;
    es.push(e);
  });
  const { lower, upper } = hbBounds(es, params);
  for (const i of idx) {
    const e = effects[i] as number;
    outlier[i] = e < lower || e > upper;
  }
  return { tested: true, effects, outlier, lower, upper, medianRatio: rMed };
}
