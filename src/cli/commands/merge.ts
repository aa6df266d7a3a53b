/**
 * `merge A.xlsx B.xlsx … --out TOTAL.xlsx`: the districts' reports of one template and period,
 * each checked first, added into a new report: summed where the template data says so, derived
 * indicators recomputed from the sums, typed percents shown as the districts' range in 说明; a
 * 分地区对比 sheet with the outliers (Hidiroglou–Berthelot); the total's findings printed.
 */
import {
  buildTemplatePlan,
  checkModel,
  compareDistricts,
  comparisonSheetPlan,
  locate,
  mergeDistricts,
  NOTE_SUFFIX,
  PREV_SUFFIX,
  SnapshotIndex,
  withFindings,
  type CellEdit,
  type DistrictInput,
  type Locale,
} from '../../core';
import { applyCellEdits, applyWorkbookPlan, newReportWorkbook } from '../../hosts/xlsx';
import type { Command } from '../args';
import type { Io } from '../io';
import { cliText } from '../messages';
import { reportText } from '../report-text';
import { readWorkbook, recalc, reportSnapshot } from '../workbooks';

export async function run(c: Extract<Command, { name: 'merge' }>, io: Io, locale: Locale): Promise<number> {
  io.planOutputs([c.out], c.files, c.force);
  const inputs: DistrictInput[] = [];
  for (const file of c.files) {
    const model = locate(reportSnapshot(readWorkbook(io, file)));
    inputs.push({ file, model, report: checkModel(model) });
  }
  const merged = mergeDistricts(inputs, { locale });
  const t = cliText(locale);
  if (merged.withErrors.length > 0) io.err(t.mergeErrors(merged.withErrors.map((d) => `${d.unit}（${d.file}）`).join(t.listJoin)));

  const wb = newReportWorkbook(buildTemplatePlan(merged.template, { unit: c.unit ?? t.mergedUnit, period: merged.period, locale }));
  const idx = new SnapshotIndex(reportSnapshot(wb));
  const edits: CellEdit[] = [];
  for (const f of merged.figures) {
    if (f.method !== 'sum') continue;
    const cur = idx.named(f.code);
    const prev = idx.named(f.code + PREV_SUFFIX);
    if (cur && f.current !== null) edits.push({ ...cur.ref, value: f.current });
    if (prev && f.previous !== null) edits.push({ ...prev.ref, value: f.previous });
  }
  for (const [code, text] of merged.explanations) {
    const note = idx.named(code + NOTE_SUFFIX);
    if (note) edits.push({ ...note.ref, value: text });
  }
  applyCellEdits(wb, edits);
  const comparison = compareDistricts(merged);
  applyWorkbookPlan(wb, { sheets: [comparisonSheetPlan(comparison, locale)], names: [] });
  recalc(wb);
  io.write(c.out, wb.toBytes(), c.force);

  // The total's own check, with the district findings (D01 outliers, D03 unverified figures).
  const model = locate(reportSnapshot(wb));
  const report = withFindings(checkModel(model), model, [...merged.findings, ...comparison.findings]);
  io.out(reportText(report, locale));
  io.err(t.merged(c.files.length, c.out));
  return 0;
}
