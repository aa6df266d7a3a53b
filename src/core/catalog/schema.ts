/**
 * zod schemas for the standard: what an indicator, a form, an audit rule, an anomaly
 * threshold and a template are. The data in this folder is parsed through them once.
 */
// zod's v3 API (shipped inside zod 4 as `zod/v3`): it loads in about a quarter of the time
// zod 4 takes (≈12 ms vs ≈45 ms, measured), which `check` pays on every run, and it never
// compiles parsers with `new Function`, so the pane's CSP needs no 'unsafe-eval'. The
// catalogue is parsed once; zod 4's faster parsing would buy nothing here.
import { z } from 'zod/v3';

export const KINDS = ['count', 'amount', 'percent', 'rate'] as const;
export type Kind = (typeof KINDS)[number];

const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'indicator codes are UPPER_SNAKE_CASE');
const yesNo = z.enum(['yes', 'no']).transform((v) => v === 'yes');
/** An empty CSV field is an absent value; others are trimmed and validated. */
const optional = <T extends z.ZodTypeAny>(s: T) =>
  z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v), s.optional());

export const targetSchema = z
  .string()
  .regex(/^(>=|<=|=)\s*-?\d+(\.\d+)?$/, 'a target is ">= N", "<= N" or "= N"')
  .transform((t) => {
    const m = /^(>=|<=|=)\s*(.+)$/.exec(t) as RegExpExecArray;
    return { op: m[1] as '>=' | '<=' | '=', value: Number(m[2]) };
  });
export type Target = z.output<typeof targetSchema>;

/** One row of indicators.csv, with its columns typed. */
export const indicatorRowSchema = z.object({
  form: z.string().regex(/^JS\d\d$/),
  code,
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  unit: z.string().min(1),
  kind: z.enum(KINDS),
  decimals: z.string().regex(/^\d$/).transform(Number),
  required: yesNo,
  part_of: optional(code),
  formula: optional(z.string()),
  target: optional(targetSchema),
  better: optional(z.enum(['up', 'down'])),
  key: yesNo,
  ref: optional(z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)),
  ref_note: optional(z.string()),
});

export interface Indicator {
  form: string;
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  kind: Kind;
  decimals: number;
  required: boolean;
  partOf?: string;
  formula?: string;
  target?: Target;
  better?: 'up' | 'down';
  key: boolean;
  ref?: number;
  refNote?: string;
  /** A flow is counted over the period (cases handled); a stock is a level (lawyers). */
  flow: boolean;
}

export const formSchema = z.object({
  id: z.string().regex(/^JS\d\d$/),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  /** Sheet name in the template workbook (≤ 31 characters, no []:*?/\). */
  sheetZh: z.string().min(1).max(31).regex(/^[^[\]:*?/\\]+$/),
  sheetEn: z.string().min(1).max(31).regex(/^[^[\]:*?/\\]+$/),
});
export type Form = z.output<typeof formSchema>;

export const severitySchema = z.enum(['error', 'warning', 'info']);

/** An audit rule: one or more formulas over indicator codes that must hold. */
export const auditRuleSchema = z.object({
  id: z.string().regex(/^R\d\d$/),
  severity: severitySchema,
  /** Each a comparison over codes (`A + B = C`); `CODE_PREV` is last year's value. */
  checks: z.array(z.string().min(1)).min(1),
  /** Templates the rule applies to; absent = all. */
  templates: z.array(z.enum(['annual', 'half-year'])).optional(),
  textZh: z.string().min(1),
  textEn: z.string().min(1),
});
export type AuditRule = z.output<typeof auditRuleSchema>;

export const anomalyThresholdsSchema = z.object({
  /** A1: relative change in percent, and the smallest previous value it applies to. */
  a1ChangePct: z.number().positive(),
  a1MinBase: z.number().nonnegative(),
  /** A2: ratio current/previous at least this (or at most its inverse). */
  a2Ratio: z.number().gt(1),
  /** A3: percentage-point move of a percent indicator. */
  a3PercentPoints: z.number().positive(),
  /** A4: copy-forward — this many equal non-zero values, and this share of the form. */
  a4MinEqual: z.number().int().positive(),
  a4MinShare: z.number().gt(0).lte(1),
  /** A5: adverse move in percent, judged by `better`. */
  a5ChangePct: z.number().positive(),
  /** A6: history length and robust z-score limit. */
  a6MinHistory: z.number().int().min(1),
  a6Z: z.number().positive(),
});
export type AnomalyThresholds = z.output<typeof anomalyThresholdsSchema>;

export const templateSchema = z.object({
  id: z.enum(['annual', 'half-year']),
  nameZh: z.string(),
  nameEn: z.string(),
  /** Word used in narrative text for the period (全年 / 上半年). */
  periodWordZh: z.string(),
  periodWordEn: z.string(),
  /** Period label pattern: `2025` or `2025H1`. */
  periodPattern: z.instanceof(RegExp),
  /** Share of a flow target that applies to this template's period. */
  flowTargetShare: z.number().gt(0).lte(1),
  forms: z.array(z.string()).min(1),
  anomaly: anomalyThresholdsSchema,
  /** Per-indicator overrides of the anomaly thresholds. */
  overrides: z.record(z.string(), anomalyThresholdsSchema.partial()),
});
export type Template = z.output<typeof templateSchema>;
