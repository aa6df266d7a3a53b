/**
 * Audit rules R01–R07: comparisons over indicator codes from the standard's data, parsed
 * once and judged with interval arithmetic. A rule that does not parse, or names a code
 * the catalogue lacks, becomes a CFG finding naming the rule; the run goes on.
 */
import { refsOf, type Comparison, type Expr } from '../formula/ast';
import { parseComparison } from '../formula/parse';
import { check, mid } from '../formula/interval';
import type { AuditRule } from '../catalog/schema';
import type { Catalog } from '../catalog/catalog';
import { formatNumber } from '../numbers';
import { PREV_SUFFIX } from '../template/layout';
import { finding, intervalEnv, type RuleContext } from './context';
import type { RuleId } from './registry';

export interface CompiledCheck {
  source: string;
  comparison: Comparison;
}

export type CompiledRule = { rule: AuditRule; checks: CompiledCheck[] } | { rule: AuditRule; problem: string };

const cache = new WeakMap<readonly AuditRule[], CompiledRule[]>();

/** Parses every rule once (per rule list) and validates the codes it names. */
export function compileRules(catalog: Catalog): CompiledRule[] {
  const hit = cache.get(catalog.rules);
  if (hit) return hit;
  const out = catalog.rules.map((rule): CompiledRule => {
    const checks: CompiledCheck[] = [];
    for (const source of rule.checks) {
      const parsed = parseComparison(source);
      if (!parsed.ok) return { rule, problem: `“${source}” 第 ${parsed.at + 1} 个字符：${parsed.message}` };
      const unknown = refsOf(parsed.value).filter((c) => !catalog.byCode.has(c.endsWith(PREV_SUFFIX) ? c.slice(0, -PREV_SUFFIX.length) : c));
      if (unknown.length) return { rule, problem: `未知指标 ${unknown.join(', ')}` };
      checks.push({ source, comparison: parsed.value });
    }
    return { rule, checks };
  });
  cache.set(catalog.rules, out);
  return out;
}

/** The code a finding is about: the side that is a single indicator (left first). */
function subject(c: Comparison): string {
  const single = (e: Expr) => (e.t === 'ref' ? e.code.replace(/_PREV$/, '') : undefined);
  return single(c.lhs) ?? single(c.rhs) ?? (refsOf(c.lhs)[0] as string).replace(/_PREV$/, '');
}

function exprText(e: Expr, source: string, c: Comparison): string {
  // The source text of one side: split at the comparison operator.
  const i = source.search(/<=|>=|=|<|>/);
  const side = e === c.lhs ? source.slice(0, i) : source.slice(i + (source.slice(i, i + 2).match(/<=|>=/) ? 2 : 1));
  return side.trim();
}

export const auditRules = (ctx: RuleContext): void => {
  const env = intervalEnv(ctx);
  for (const compiled of compileRules(ctx.catalog)) {
    const { rule } = compiled;
    if (rule.templates && !rule.templates.includes(ctx.template.id)) continue;
    if ('problem' in compiled) {
      const code = ctx.catalog.indicators[0]?.code ?? '';
      ctx.push({ ...finding(ctx, 'CFG', code, 'rule-malformed', { ruleId: rule.id, detail: compiled.problem }), form: '' });
      continue;
    }
    for (const { source, comparison } of compiled.checks) {
      const out = check(comparison, env);
      if (out.holds !== false || !out.lhs || !out.rhs) continue;
      const decimals = Math.max(0, ...refsOf(comparison).map((c) => ctx.catalog.byCode.get(c.replace(/_PREV$/, ''))?.decimals ?? 0));
      ctx.push(
        finding(ctx, rule.id as RuleId, subject(comparison), 'rule-failed', {
          ruleId: rule.id,
          lhsExpr: exprText(comparison.lhs, source, comparison),
          rhsExpr: exprText(comparison.rhs, source, comparison),
          lhs: formatNumber(mid(out.lhs), decimals),
          rhs: formatNumber(mid(out.rhs), decimals),
        }),
      );
    }
  }
};
