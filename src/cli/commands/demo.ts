/**
 * `npm run demo`: the whole job on the bundled sample. Builds the annual template, fills it
 * from published figures (assets/sample/annual-2025.csv), plants a few realistic slips
 * (assets/sample/slips.csv), checks it, writes the flagged copy and the summary to out/,
 * and prints the findings.
 */
import { join, resolve } from 'node:path';
import { checkWorkbook, planMarks, type Locale } from '../../core';
import type { Command } from '../args';
import type { Io } from '../io';
import { cliText } from '../messages';
import { reportText } from '../report-text';
import { displayWidth, pad } from '../table';
import { decodeCsv } from '../decode';
import { fillWorkbook, makeTemplate, reportSnapshot, summaryFiles } from '../workbooks';
import { openWorkbook } from '../../hosts/xlsx';

/** build/cli/commands → the repository's assets/sample. */
export const SAMPLE_DIR = resolve(__dirname, '..', '..', '..', 'assets', 'sample');
export const DEMO_UNIT = '示例市司法局';
/** The demo writes only its own files in its own folder, and replaces them on every run. */
const DEMO_REPLACES = true;

export async function run(c: Extract<Command, { name: 'demo' }>, io: Io, locale: Locale): Promise<number> {
  const outDir = c.outDir;
  const csv = decodeCsv(io.read(join(SAMPLE_DIR, 'annual-2025.csv')));
  const slips = decodeCsv(io.read(join(SAMPLE_DIR, 'slips.csv')));
  const paths = {
    template: join(outDir, 'annual-2025-template.xlsx'),
    clean: join(outDir, 'annual-2025-sample.xlsx'),
    demo: join(outDir, 'annual-2025-demo.xlsx'),
    flagged: join(outDir, 'annual-2025-demo-flagged.xlsx'),
    summary: join(outDir, 'annual-2025-summary.xlsx'),
    docx: join(outDir, 'annual-2025-summary.docx'),
  };
  const wb = makeTemplate('annual', { unit: DEMO_UNIT, period: '2025', locale });
  io.write(paths.template, wb.toBytes(), DEMO_REPLACES);
  fillWorkbook(wb, csv, undefined);
  const cleanBytes = wb.toBytes();
  io.write(paths.clean, cleanBytes, DEMO_REPLACES);
  const clean = checkWorkbook(reportSnapshot(wb)).report;
  const summary = await summaryFiles(openWorkbook(cleanBytes), locale, true);
  io.write(paths.summary, summary.xlsx, DEMO_REPLACES);
  if (summary.docx) io.write(paths.docx, summary.docx, DEMO_REPLACES);

  fillWorkbook(wb, slips, undefined);
  io.write(paths.demo, wb.toBytes(), DEMO_REPLACES);
  const { report } = checkWorkbook(reportSnapshot(wb));
  wb.applyMarks(planMarks(report, locale));
  io.write(paths.flagged, wb.toBytes(), DEMO_REPLACES);

  const t = cliText(locale).demo;
  io.out(t.clean(paths.clean, clean.counts.error, clean.counts.warning, clean.explained));
  io.out(t.slips(paths.demo));
  io.out(reportText(report, locale));
  const list = [paths.template, paths.clean, paths.demo, paths.flagged, paths.summary, paths.docx];
  const width = Math.max(...t.files.map(displayWidth));
  io.out(`\n${t.written}\n${list.map((p, i) => `  ${pad(t.files[i] ?? '', width)}  ${p}`).join('\n')}`);
  return 0;
}
