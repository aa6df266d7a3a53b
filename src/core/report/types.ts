/**
 * The one report shape: the command line, the pane, the flagged copy and the tests all
 * read this. A finding is a rule id, an indicator, a message id and its parameters; the
 * wording lives in src/i18n so zh-CN and en-US are one switch.
 */
import type { CellRef } from '../../workbook/snapshot';
import type { MessageId } from '../i18n/findings';
import type { RuleId } from '../rules/registry';

export type Severity = 'error' | 'warning' | 'info';
/** The severities, worst first: the one order everything sorts and ranks by. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** 0 for an error, 1 for a warning, 2 for info: smaller is worse. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** The worst of some severities (info when there are none). */
export function worstSeverity(list: Iterable<Severity>): Severity {
  let worst: Severity = 'info';
  for (const s of list) if (severityRank(s) < severityRank(worst)) worst = s;
  return worst;
}

export type ParamValue = string | number;

export interface Suggestion {
  /** The number the text most likely means; null means "leave the cell blank". */
  value: number | null;
  /** True when the text said 约/余/多 — the number is approximate. */
  approx: boolean;
  /**
   * A derived cell: the template's formula (without '=') to put back, whose result is `value`;
   * accepting restores the formula rather than typing a constant over it.
   */
  formula?: string;
}

export interface Finding {
  /** Stable rule id (src/core/rules/registry.ts): C00–C06, R01–R08, A1–A6, CFG. */
  rule: RuleId;
  severity: Severity;
  /** Indicator code the finding is about. */
  code: string;
  /** Form id (JS01 …). */
  form: string;
  /** Key into the message table of src/core/i18n. */
  messageId: MessageId;
  params: Record<string, ParamValue>;
  /** The cell to mark (the indicator's current-period cell unless said otherwise). */
  cell?: CellRef;
  suggestion?: Suggestion;
  /** For warnings: the explanation (说明) typed beside the figure, if any. */
  explanation?: string;
}

export interface Skipped {
  rule: RuleId;
  messageId: MessageId;
  params: Record<string, ParamValue>;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export interface Report {
  ready: boolean;
  counts: Counts;
  /** Warnings that carry an explanation (they no longer block). */
  explained: number;
  findings: Finding[];
  skipped: Skipped[];
  template?: string;
  unit?: string;
  period?: string;
}
