/** The rule families, run in this order. Adding a family is one line here plus its file. */
import { anomalyChecks } from './anomaly';
import { auditRules } from './audit';
import { catalogueChecks } from './catalogue';
import type { RuleFamily } from './context';
import { referenceRule } from './reference';

export const RULE_FAMILIES: readonly RuleFamily[] = [catalogueChecks, auditRules, referenceRule, anomalyChecks];
export { compileRules } from './audit';
export { robustZ } from './anomaly';
export type { RuleContext, RuleFamily } from './context';
