/**
 * R08: a half-year flow figure cannot exceed the annual figure of the same unit and year.
 * It needs the other report (check --reference); without it the rule is listed as skipped.
 */
import { satisfiable } from '../formula/interval';
import { figureInterval, finding, fmt, type RuleContext } from './context';

const yearOf = (period: string) => /^(\d{4})/.exec(period)?.[1] ?? '';

export const referenceRule = (ctx: RuleContext): void => {
  const ref = ctx.reference;
  if (!ref) {
    ctx.skip({ rule: 'R08', messageId: 'no-reference', params: {} });
    return;
  }
  const me = ctx.model;
  const sameYear = yearOf(me.period) !== '' && yearOf(me.period) === yearOf(ref.period);
  const sameUnit = me.unit === ref.unit || me.unit === '' || ref.unit === '';
  if (me.template === ref.template || !sameYear || !sameUnit) {
    ctx.skip({ rule: 'R08', messageId: 'reference-mismatch', params: {} });
    return;
  }
  const half = me.template === 'half-year' ? me : ref;
  const annual = me.template === 'annual' ? me : ref;
  for (const ind of ctx.catalog.indicators) {
    if (!ind.flow || (ind.kind !== 'count' && ind.kind !== 'amount')) continue;
    const h = half.figures.get(ind.code)?.current ?? null;
    const a = annual.figures.get(ind.code)?.current ?? null;
    if (h === null || a === null) continue;
    if (!satisfiable(figureInterval(ind, h), '<=', figureInterval(ind, a))) {
      ctx.push(finding(ctx, 'R08', ind.code, 'half-exceeds-annual', { half: fmt(ind, h), annual: fmt(ind, a) }));
    }
  }
};
