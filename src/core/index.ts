/**
 * The core's public surface: what hosts, the pane and the command line may use. Everything
 * here is pure: plain data in, findings and plans out.
 */
export { getCatalog, indicatorsOf, CatalogError, type Catalog } from './catalog/catalog';
export type { Indicator, Form, Template, AuditRule, Kind } from './catalog/schema';
export { checkWorkbook, checkModel, currentValues, type CheckOptions, type CheckResult } from './check';
export { locate, NotATemplateError } from './model/locate';
export type { ReportModel, Figure, TemplateId, HistoryPoint } from './model/types';
export type { Report, Finding, Severity, Suggestion, Skipped, Counts } from './report/types';
export { SEVERITIES } from './report/types';
export type * from './plan/types';
export { SEVERITY_COLORS } from './plan/types';
export { buildTemplatePlan, defaultPeriod, periodLabel, formSheetName, type TemplateOptions } from './template/build';
export { planImport, planPrevious, planRecalc, ImportError } from './template/fill';
export { planMarks, SEVERITY_WORDS, cellLink } from './marks/plan';
export { planAcceptSuggestion, planExplanation, planYoyFormulas } from './edits';
export { readTypedNumber, formatNumber, type TypedNumber } from './numbers';
export * as layout from './template/layout';
