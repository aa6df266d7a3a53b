/**
 * The leadership summary (领导参阅), public surface: build the summary from a report and its
 * model, narrate it, and plan its sheet. Hosts render the plan (xlsx, Excel) or the
 * paragraphs (src/hosts/docx); none of them decides a word of it.
 */
export {
  buildSummary,
  movement,
  judge,
  appliedTarget,
  targetStatus,
  figureValues,
  qualifiedName,
  MOVERS_TOP,
  type SummaryModel,
  type ScopeChange,
  type TargetLine,
  type SummaryOptions,
  type KeyIndicator,
  type Mover,
  type Movement,
  type AppliedTarget,
  type SummaryFinding,
  type ExplainedWarning,
  type Readiness,
  type Direction,
  type Judgement,
  type TargetStatus,
} from './model';
export { narrate, narrateForm, movesText, readinessText, overviewText, forLeaders, type Paragraph, type NarrateOptions } from './narrative';
export { summarySheetPlan, DATA_BAR_COLOR, SUMMARY_COLUMNS } from './sheet';
export {
  summaryDocument,
  estimatePages,
  changeText,
  yoyText,
  targetText,
  statusCell,
  ARROWS,
  JUDGEMENT_COLORS,
  OFFICIAL_PAGE,
  MAX_LISTED,
  MAX_PAGES,
  type DocBlock,
  type TableCellText,
} from './document';
export { isScopeChange } from './scope';
export {
  countText,
  valueText,
  numberText,
  pct1,
  percentPlaces,
  round1,
  periodLabel,
  periodRange,
  scopeWord,
  zhOrdinal,
  estimateRowHeight,
} from './format';
