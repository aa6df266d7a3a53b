/**
 * `merge A.xlsx B.xlsx … --out TOTAL.xlsx`: the districts' reports of one template and period,
 * each checked first, added into a new report. What the total holds is the core's plan
 * (planMergedWorkbook: sums, recomputed derived cells, 说明 with the districts' range of a typed
 * percent, the 分地区对比 sheet with Hidiroglou–Berthelot outliers); this command reads, writes
 * and prints the total's findings.
 */
import { checkMergedTotal, districtInput, mergeDistricts, planMergedWorkbook, type DistrictInput, type Locale } from '../../core';
import { applyCellEdits, newReportWorkbook } from '../../hosts/xlsx';
import type { Command } from '../args';
import type { Io } from '../io';
import { cliText } from '../messages';
import { reportText } from '../report-text';
import { readWorkbook, recalc, reportSnapshot } from '../workbooks';

export async function run(c: Extract<Command, { name: 'merge' }>, io: Io, locale: Locale): Promise<number> {
  io.planOutputs([c.out], c.files, c.force);
  const inputs: DistrictInput[] = [];
  for (const file of c.files) inputs.push(districtInput(file, reportSnapshot(readWorkbook(io, file))));
  const merged = mergeDistricts(inputs, { locale });
  const t = cliText(locale);
  if (merged.withErrors.length > 0) io.err(t.mergeErrors(merged.withErrors.map((d) => `${d.unit}（${d.file}）`).join(t.listJoin)));

  const plan = planMergedWorkbook(merged, { unit: c.unit ?? t.mergedUnit, locale });
  const wb = newReportWorkbook(plan.workbook);
  applyCellEdits(wb, plan.edits);
  recalc(wb);
  io.write(c.out, wb.toBytes(), c.force);

  // The total's own check, with the district findings (D01 outliers, D03 unverified figures).
  io.out(reportText(checkMergedTotal(reportSnapshot(wb), plan).report, locale));
  io.err(t.merged(c.files.length, c.out));
  return 0;
}
