/**
 * Anomaly checks A1–A6 (rules.md): they need last year's figure or earlier history, and
 * flag what is possible but unusual. Thresholds come from the template data, with
 * per-indicator overrides; none are written here.
 */
import { formatNumber } from '../numbers';
import { figure, finding, fmt, thresholds, type RuleContext } from './context';

const pct1 = (x: number) => formatNumber(Math.abs(x), 1);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Robust z-score of x against history (median and MAD, scaled to a normal's σ). */
export function robustZ(x: number, history: number[]): number | null {
  if (history.length === 0) return null;
  const med = median(history);
  const mad = median(history.map((h) => Math.abs(h - med)));
  if (mad === 0) return x === med ? 0 : null;
  return (0.6745 * (x - med)) / mad;
}

export const anomalyChecks = (ctx: RuleContext): void => {
  const copied = new Map<string, { equal: string[]; filled: number }>();
  for (const ind of ctx.catalog.indicators) {
    const fig = figure(ctx, ind.code);
    if (!fig.cell) continue;
    const cur = ctx.values.get(ind.code) ?? null;
    const prev = fig.previous;
    const t = thresholds(ctx, ind.code);
    const volume = ind.kind === 'count' || ind.kind === 'amount';

    if (volume && cur !== null) {
      const form = copied.get(ind.form) ?? { equal: [], filled: 0 };
      form.filled++;
      if (cur !== 0 && prev !== null && cur === prev) form.equal.push(ind.code);
      copied.set(ind.form, form);
    }
    if (cur === null || prev === null) continue;

    // A2: magnitude slip (typed in 万 where 件 is expected); it says more than A1, so it wins.
    let slipped = false;
    if (ind.kind !== 'percent' && cur !== 0 && prev !== 0) {
      const ratio = cur / prev;
      if (ratio >= t.a2Ratio || ratio <= 1 / t.a2Ratio) {
        slipped = true;
        ctx.push(finding(ctx, 'A2', ind.code, 'magnitude-slip', { current: fmt(ind, cur), previous: fmt(ind, prev), ratio: formatNumber(ratio, ratio >= 1 ? 1 : 3) }));
      }
    }
    // A1: a large year-on-year change, where the base is not small.
    if (volume && !slipped && prev >= t.a1MinBase) {
      const change = ((cur - prev) / prev) * 100;
      if (Math.abs(change) > t.a1ChangePct) {
        ctx.push(finding(ctx, 'A1', ind.code, 'yoy-change', { direction: change > 0 ? 'up' : 'down', pct: pct1(change), current: fmt(ind, cur), previous: fmt(ind, prev) }));
      }
    }
    // A3: a percent indicator moves by many points. Typing `98.6%` into a plain number cell
    // makes Excel store 0.986: when the figure times 100 would not have moved, say so and
    // propose it.
    if (ind.kind === 'percent' && Math.abs(cur - prev) > t.a3PercentPoints) {
      const fraction = !figure(ctx, ind.code).currentIsFormula && cur > 0 && cur <= 1 && Math.abs(cur * 100 - prev) <= t.a3PercentPoints;
      if (fraction) {
        const proposed = Number(formatNumber(cur * 100, ind.decimals));
        ctx.push(finding(ctx, 'A3', ind.code, 'percent-fraction', { current: formatNumber(cur, ind.decimals + 2), proposed: fmt(ind, proposed) }, { suggestion: { value: proposed, approx: false } }));
      } else {
        ctx.push(finding(ctx, 'A3', ind.code, 'pp-move', { pp: formatNumber(cur - prev, 2), current: fmt(ind, cur), previous: fmt(ind, prev) }));
      }
    }
    // A5: a move against the desired direction.
    if (ind.better && prev > 0) {
      const change = ((cur - prev) / prev) * 100;
      if ((ind.better === 'down' && change > t.a5ChangePct) || (ind.better === 'up' && change < -t.a5ChangePct)) {
        ctx.push(finding(ctx, 'A5', ind.code, 'adverse-move', { direction: change > 0 ? 'up' : 'down', pct: pct1(change) }));
      }
    }
  }

  // A6: far from its own history (median and MAD).
  for (const ind of ctx.catalog.indicators) {
    const cur = ctx.values.get(ind.code) ?? null;
    const hist = ctx.model.history.get(ind.code) ?? [];
    const t = thresholds(ctx, ind.code);
    if (cur === null || hist.length < t.a6MinHistory || !figure(ctx, ind.code).cell) continue;
    const values = hist.map((h) => h.value);
    const z = robustZ(cur, values);
    if (z !== null && Math.abs(z) > t.a6Z) {
      ctx.push(finding(ctx, 'A6', ind.code, 'outlier', { current: fmt(ind, cur), median: fmt(ind, median(values)), z: formatNumber(z, 1) }));
    }
  }

  // A4: copy-forward, one finding per form on its first affected indicator.
  for (const [form, { equal, filled }] of copied) {
    const t = thresholds(ctx, equal[0] ?? '');
    if (equal.length >= t.a4MinEqual && equal.length >= t.a4MinShare * filled) {
      ctx.push({
        ...finding(ctx, 'A4', equal[0] as string, 'copy-forward', { count: equal.length, share: formatNumber((equal.length / filled) * 100, 0), codes: equal.join(', ') }),
        form,
      });
    }
  }
};
