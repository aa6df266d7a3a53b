/**
 * The core's public surface: the only way into src/core from the hosts, the pane and the
 * command line (a lint rule holds them to it). Everything here is pure: plain data in,
 * findings and plans out. The package is marked side-effect free, so the pane's startup
 * bundle takes only what it uses from here.
 */
export { AppError, isAppError, type ErrorParams } from './errors';
export { clipText, TEXT_LIMITS } from './text';
export { getCatalog, indicatorsOf, CatalogError, type Catalog } from './catalog/catalog';
export type { Indicator, Form, Template, AuditRule, Kind } from './catalog/schema';
export { RULES, RULE_IDS, isRuleId, type RuleId, type RuleEntry } from './rules/registry';
export { checkWorkbook, checkModel, currentValues, withFindings, type CheckOptions, type CheckResult } from './check';
export { locate, isReportName, NotATemplateError, SnapshotIndex } from './model/locate';
export type { ReportModel, Figure, TemplateId, HistoryPoint } from './model/types';
export type { Report, Finding, Severity, Suggestion, Skipped, Counts, ParamValue } from './report/types';
export { SEVERITIES, severityRank, worstSeverity } from './report/types';
export type * from './plan/types';
export { SEVERITY_COLORS, FONT_FACES, MARK_TOKEN, NOTE_MARKER, NOTE_AUTHOR, markFormula } from './plan/types';
export { buildTemplatePlan, formSheetName, type TemplateOptions } from './template/build';
export { defaultPeriod, periodLabel, readPeriodInput } from './template/period';
export { planImport, planPrevious, planRecalc, previousFits, periodBefore, ImportError } from './template/fill';
export { PREV_SUFFIX, NOTE_SUFFIX, META_NAMES, SHEETS, COLS } from './template/layout';
export { planMarks, SEVERITY_WORDS, cellLink } from './marks/plan';
export {
  isMarkFormula,
  isLegacyOverlay,
  toolNote,
  markNoteText,
  classifyNote,
  NOTE_CLOSINGS,
  ISSUES_NAME,
  ISSUE_SHEET_PROBE,
  isIssueSheetNamed,
  issueSheetLooksOurs,
  toolIssueSheets,
  freeIssueSheetName,
  placeIssueSheet,
  type NoteClass,
  type IssueSheetEvidence,
} from './marks/contract';
export { planAcceptSuggestion, planExplanation, planUndo, planYoyFormulas } from './edits';
export { readTypedNumber, formatNumber, type TypedNumber } from './numbers';
export { checkMergedTotal, districtInput, planMergedWorkbook, type MergedWorkbookOptions, type MergedWorkbookPlan } from './merge';
export { mergeDistricts, compareDistricts, comparisonSheetPlan, reconcile, batchSummary, hbOutliers, getAggregation, DISTRICT_TEXT, type DistrictInput, type MergedDistricts, type BatchResult, type BatchSummary, type BatchLine } from './merge';
export * as layout from './template/layout';
export * as a1 from './a1';
export {
  buildSummary,
  narrate,
  summarySheetPlan,
  movesText,
  readinessText,
  summaryDocument,
  estimatePages,
  isScopeChange,
  zhOrdinal,
  ARROWS,
  JUDGEMENT_COLORS,
  OFFICIAL_PAGE,
  type DocBlock,
  type TableCellText,
  type SummaryModel,
  type Paragraph,
  type KeyIndicator,
} from './summary';
export { localeFrom, interpolate, type Locale } from './i18n/locale';
export { formatFinding, formatSkipped, formatSuggestion, formatMessage, indicatorName, noteText, MESSAGE_IDS, type MessageId } from './i18n/findings';
export { templateText } from './i18n/template';
export { errorText, ERROR_TABLES, type ErrorCode } from './i18n/errors';
