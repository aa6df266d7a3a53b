/** District reports (issue 13): the pure core the CLI and the pane wire in. */
export { AGGREGATION } from './aggregation.data';
export { buildAggregation, getAggregation, METHODS, type Aggregation, type AggregationMethod, type HbParams } from './aggregation';
export { assertMergeable, districtFigures, mergeDistricts, totalsOf, unitOf, type DistrictFigures, type DistrictInput, type MergedDistricts, type MergedFigure, type MergeOptions } from './districts';
export { hbBounds, hbOutliers, quantile, type HbResult, type HbUnit } from './hb';
export { compareDistricts, comparisonAddress, comparisonSheetPlan, type Comparison, type ComparisonCell, type ComparisonColumn, type ComparisonRow } from './compare';
export { reconcile, type ReconcileOptions } from './reconcile';
export { checkMergedTotal, districtInput, planMergedWorkbook, type MergedWorkbookOptions, type MergedWorkbookPlan } from './total';
export { batchSummary, type BatchLine, type BatchResult, type BatchSummary, type BatchTotal, type ExitStatus } from './batch';
export {
  DISTRICT_ERRORS,
  DISTRICT_MESSAGES,
  DISTRICT_RULES,
  type DistrictErrorCode,
  type DistrictFinding,
  type DistrictMessageId,
  type DistrictRuleId,
} from './messages';
export { DISTRICT_TEXT } from './text';
