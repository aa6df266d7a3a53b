/**
 * The merged total as a plan: everything `merge` and the pane's 下级汇总 tab decide about the
 * city total, in one place, so both write exactly the same workbook. A host carries it out:
 *
 *   1. a new workbook from `workbook` (the template, unit and period of the total, and the
 *      分地区对比 sheet after it);
 *   2. `edits` (the summed figures and the 说明 texts) written into it;
 *   3. fresh cached results for its formulas (planRecalc on what it now holds);
 *   4. checkMergedTotal on what it then holds: the total's own check with the district
 *      findings (D03 unverified figures, D01 outliers).
 *
 * Also `districtInput`: one district's file read into a model and checked, as both hosts do
 * before the merge.
 */
import { checkModel, withFindings } from '../check';
import type { Locale } from '../i18n/locale';
import { locate } from '../model/locate';
import type { ReportModel } from '../model/types';
import type { CellEdit, NamePlan, WorkbookPlan } from '../plan/types';
import type { Report } from '../report/types';
import { buildTemplatePlan } from '../template/build';
import { NOTE_SUFFIX, PREV_SUFFIX } from '../template/layout';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { compareDistricts, comparisonSheetPlan, type Comparison } from './compare';
import type { DistrictInput, MergedDistricts } from './districts';
import type { DistrictFinding } from './messages';

export interface MergedWorkbookPlan {
  /** The template of the total (its unit and period) and the 分地区对比 sheet. */
  workbook: WorkbookPlan;
  /** The summed figures (this period and last year) and the 说明 texts, cell by cell. */
  edits: CellEdit[];
  comparison: Comparison;
  /** D03 (a district's error on an indicator) and D01 (HB outliers), for the total's findings. */
  findings: DistrictFinding[];
}

export interface MergedWorkbookOptions {
  /** The total's unit (e.g. 全市合计). */
  unit: string;
  locale?: Locale;
}

/** A district's report read and checked: what the merge takes for each file. */
export function districtInput(file: string, snapshot: WorkbookSnapshot): DistrictInput {
  const model = locate(snapshot);
  return { file, model, report: checkModel(model) };
}

export function planMergedWorkbook(merged: MergedDistricts, options: MergedWorkbookOptions): MergedWorkbookPlan {
  const locale = options.locale ?? 'zh-CN';
  const template = buildTemplatePlan(merged.template, { unit: options.unit, period: merged.period, locale });
  const names = new Map<string, NamePlan>(template.names.map((n) => [n.name.toUpperCase(), n]));
  const at = (name: string) => {
    const n = names.get(name.toUpperCase());
    return n ? { sheet: n.sheet, address: n.address } : undefined;
  };
  const edits: CellEdit[] = [];
  for (const f of merged.figures) {
    if (f.method !== 'sum') continue;
    const cur = at(f.code);
    const prev = at(f.code + PREV_SUFFIX);
    if (cur && f.current !== null) edits.push({ ...cur, value: f.current });
    if (prev && f.previous !== null) edits.push({ ...prev, value: f.previous });
  }
  for (const [code, text] of merged.explanations) {
    const note = at(code + NOTE_SUFFIX);
    if (note) edits.push({ ...note, value: text });
  }
  const comparison = compareDistricts(merged);
  return {
    workbook: { sheets: [...template.sheets, comparisonSheetPlan(comparison, locale)], names: template.names },
    edits,
    comparison,
    findings: [...merged.findings, ...comparison.findings],
  };
}

/** The total's own check (on what the host wrote) with the district findings of the plan. */
export function checkMergedTotal(snapshot: WorkbookSnapshot, plan: Pick<MergedWorkbookPlan, 'findings'>): { report: Report; model: ReportModel } {
  const model = locate(snapshot);
  return { model, report: withFindings(checkModel(model), model, plan.findings) };
}
