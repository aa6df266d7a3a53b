/**
 * `check FILE [--json] [--out FLAGGED] [--reference OTHER] [--districts D1 D2 …]`: the report,
 * a flagged copy, R08 against the other report, and the city reconciled with its districts.
 * `check A B C …`: many files in one process, a line each and a total (or one JSON object per
 * line); a file that cannot be opened gets its line and the batch goes on.
 */
import { batchSummary, checkModel, checkWorkbook, locate, planMarks, reconcile, withFindings, type BatchResult, type Locale } from '../../core';
import type { Command } from '../args';
import type { Io } from '../io';
import { describe } from '../describe';
import { cliText } from '../messages';
import { reportJson, reportText } from '../report-text';
import { renderTable } from '../table';
import { readWorkbook, reportSnapshot } from '../workbooks';

type Check = Extract<Command, { name: 'check' }>;

export async function run(c: Check, io: Io, locale: Locale): Promise<number> {
  return c.files.length > 1 ? runBatch(c, io, locale) : runOne(c, c.files[0] as string, io, locale);
}

async function runOne(c: Check, file: string, io: Io, locale: Locale): Promise<number> {
  io.planOutputs([c.out], [file, c.reference, ...(c.districts ?? [])], c.force);
  const wb = readWorkbook(io, file);
  const reference = c.reference !== undefined ? reportSnapshot(readWorkbook(io, c.reference)) : undefined;
  const checked = checkWorkbook(reportSnapshot(wb), reference ? { reference } : {});
  let report = checked.report;
  if (c.districts) {
    const districts = [];
    for (const d of c.districts) districts.push(locate(reportSnapshot(readWorkbook(io, d))));
    report = withFindings(report, checked.model, reconcile(checked.model, districts, { files: { city: file, districts: c.districts } }));
  }
  if (c.out !== undefined) {
    wb.applyMarks(planMarks(report, locale));
    io.write(c.out, wb.toBytes(), c.force);
  }
  io.out(c.json ? JSON.stringify(reportJson(report, locale)) : reportText(report, locale));
  return report.counts.error > 0 ? 1 : 0;
}

async function runBatch(c: Check, io: Io, locale: Locale): Promise<number> {
  const results: BatchResult[] = [];
  for (const [i, file] of c.files.entries()) {
    io.progress?.(i, c.files.length);
    try {
      const model = locate(reportSnapshot(readWorkbook(io, file)));
      results.push({ file, report: checkModel(model) });
    } catch (error) {
      results.push({ file, error });
    }
  }
  io.progress?.(c.files.length, c.files.length);
  const { lines, total } = batchSummary(results);
  const t = cliText(locale).batch;
  if (c.json) {
    for (const [i, line] of lines.entries()) {
      const r = results[i] as BatchResult;
      io.out(JSON.stringify(line.report ? { file: line.file, ...reportJson(line.report, locale) } : { file: line.file, unusable: true, message: describe('error' in r ? r.error : undefined, locale) }));
    }
    io.out(JSON.stringify({ total }));
    return total.exit;
  }
  const rows = [t.headers];
  for (const [i, line] of lines.entries()) {
    const r = results[i] as BatchResult;
    const rep = line.report;
    rows.push(
      rep
        ? [line.file, t.status[line.status], String(rep.counts.error), `${rep.counts.warning}${rep.explained ? t.explainedOf(rep.explained) : ''}`, String(rep.counts.info)]
        : [line.file, t.status.unusable, '', '', describe('error' in r ? r.error : undefined, locale)],
    );
  }
  io.out(renderTable(rows));
  io.out(t.total(total.files, total.ready, total.withErrors, total.unusable, total.counts.error, total.counts.warning));
  return total.exit;
}
