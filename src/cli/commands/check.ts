/** `check FILE [--json] [--out FLAGGED] [--reference OTHER]`: the report, and a flagged copy. */
import { checkWorkbook, planMarks, type Locale } from '../../core';
import { applyMarks, snapshotOf, toBytes } from '../../hosts/xlsx';
import type { Command } from '../args';
import type { Io } from '../io';
import { reportJson, reportText } from '../report-text';
import { readWorkbook } from '../workbooks';

export async function run(c: Extract<Command, { name: 'check' }>, io: Io, locale: Locale): Promise<number> {
  io.planOutputs([c.out], [c.file, c.reference], c.force);
  const wb = await readWorkbook(io, c.file);
  const reference = c.reference !== undefined ? snapshotOf(await readWorkbook(io, c.reference)) : undefined;
  const { report } = checkWorkbook(snapshotOf(wb), reference ? { reference } : {});
  if (c.out !== undefined) {
    applyMarks(wb, planMarks(report, locale));
    io.write(c.out, await toBytes(wb), c.force);
  }
  io.out(c.json ? JSON.stringify(reportJson(report, locale)) : reportText(report, locale));
  return report.counts.error > 0 ? 1 : 0;
}
