/**
 * How each indicator adds up from districts to the city (data only; aggregation.ts validates
 * it against the catalogue, so adding an indicator needs no code: it takes the default of its
 * kind, or `derived` when it has a formula).
 *
 * - `sum`: counts, amounts and stocks (the city's lawyers are its districts' lawyers, CC_END
 *   the persons on the districts' registers).
 * - `derived`: recomputed by its formula from the summed parts (a city rate is Σ part ÷ Σ whole,
 *   not the mean of the district rates).
 * - `range`: a typed percent with no parts (satisfaction, check rates). Without the counts it
 *   was computed from there are no weights, and a plain mean of district rates is not a city
 *   rate; the total's cell is left blank and its 说明 shows the districts' min–max instead, so
 *   nobody reports an invented figure. (A rate typed as "100%" everywhere gives 100%–100%,
 *   which says all that can be said.)
 */
export const AGGREGATION = {
  /** Method of an indicator that has a formula, unless `byCode` says otherwise. */
  withFormula: 'derived',
  /** Method by kind for an indicator without a formula. */
  byKind: { count: 'sum', amount: 'sum', percent: 'range', rate: 'range' },
  /**
   * Exceptions by code. CC_END has a formula (CC_START + CC_NEW − CC_RELEASED) but is a stock
   * that adds up; the two agree when every district reports its parts, and summing keeps the
   * districts' own figure when one typed it.
   */
  byCode: { CC_END: 'sum' },
  /**
   * Hidiroglou–Berthelot (1986) outlier detection on period-on-period ratios across districts:
   * `u` weights by size (0 = ratios only, 1 = full size), `a` guards against a tiny median
   * effect, `c` widens the bounds; `minUnits` districts with both figures > 0 are needed before
   * the quartiles mean anything. `scope`: the indicators tested — `key` (key indicators that
   * are summed) or `summed` (every summed indicator).
   */
  hb: { u: 0.4, a: 0.05, c: 4, minUnits: 5, scope: 'key' },
} as const;
