/**
 * `npm run demo`: the whole job on the bundled sample. Builds the annual template, fills it
 * from published figures (assets/sample/annual-2025.csv), plants a few realistic slips
 * (assets/sample/slips.csv), checks it, writes the flagged copy and the summary to out/,
 * and prints the findings.
 */
import { join, resolve } from 'node:path';
import type { Io } from './io';
import { checkWorkbook, planMarks } from '../core';
import { applyMarks, loadWorkbook, snapshotOf, toBytes } from '../hosts/xlsx';
import { fillWorkbook, makeTemplate } from './commands';
import { reportText } from './report-text';
import { writeSummary } from './summary';

export const SAMPLE_DIR = resolve(__dirname, '..', '..', 'assets', 'sample');
export const DEMO_UNIT = '示例市司法局';

export async function runDemo(outDir: string, io: Io): Promise<number> {
  const decoder = new TextDecoder('utf-8');
  const csv = decoder.decode(io.read(join(SAMPLE_DIR, 'annual-2025.csv')));
  const slips = decoder.decode(io.read(join(SAMPLE_DIR, 'slips.csv')));
  const paths = {
    template: join(outDir, 'annual-2025-template.xlsx'),
    clean: join(outDir, 'annual-2025-sample.xlsx'),
    demo: join(outDir, 'annual-2025-demo.xlsx'),
    flagged: join(outDir, 'annual-2025-demo-flagged.xlsx'),
    summary: join(outDir, 'annual-2025-summary.xlsx'),
    docx: join(outDir, 'annual-2025-summary.docx'),
  };
  const wb = await makeTemplate('annual', { unit: DEMO_UNIT, period: '2025' });
  io.write(paths.template, await toBytes(wb));
  fillWorkbook(wb, csv, undefined);
  const cleanBytes = await toBytes(wb);
  io.write(paths.clean, cleanBytes);
  const clean = checkWorkbook(snapshotOf(wb)).report;
  await writeSummary(await loadWorkbook(cleanBytes), paths.summary, paths.docx, 'zh-CN', io);

  fillWorkbook(wb, slips, undefined);
  io.write(paths.demo, await toBytes(wb));
  const { report } = checkWorkbook(snapshotOf(wb));
  applyMarks(wb, planMarks(report));
  io.write(paths.flagged, await toBytes(wb));

  io.out(`示例：按公开数据填好的报表（${paths.clean}）：错误 ${clean.counts.error} 个，核实 ${clean.counts.warning} 个（已说明 ${clean.explained} 个）`);
  io.out(`示例：埋入 6 处常见差错后（${paths.demo}）：\n`);
  io.out(reportText(report));
  io.out(`\n已写出：\n  模板        ${paths.template}\n  示例报表    ${paths.clean}\n  含差错报表  ${paths.demo}\n  标记副本    ${paths.flagged}\n  领导参阅    ${paths.summary}\n  Word 文稿   ${paths.docx}`);
  return 0;
}
