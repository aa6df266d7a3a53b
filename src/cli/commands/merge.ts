/** `merge A.xlsx B.xlsx … --out TOTAL.xlsx`: a new report of the same template holding the total. */
import { buildTemplatePlan, locate, mergeModels, NOTE_SUFFIX, PREV_SUFFIX, SnapshotIndex, type CellEdit, type Locale } from '../../core';
import { applyCellEdits, newReportWorkbook, snapshotOf, toBytes } from '../../hosts/xlsx';
import type { Command } from '../args';
import type { Io } from '../io';
import { cliText } from '../messages';
import { readWorkbook, recalc } from '../workbooks';

export async function run(c: Extract<Command, { name: 'merge' }>, io: Io, locale: Locale): Promise<number> {
  io.planOutputs([c.out], c.files, c.force);
  const models = [];
  for (const f of c.files) models.push(locate(snapshotOf(await readWorkbook(io, f))));
  const merged = mergeModels(models);
  const t = cliText(locale);
  const wb = await newReportWorkbook(buildTemplatePlan(merged.template, { unit: c.unit ?? t.mergedUnit, period: merged.period, locale }));
  const idx = new SnapshotIndex(snapshotOf(wb));
  const edits: CellEdit[] = [];
  for (const f of merged.figures) {
    if (f.method === 'formula') continue;
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
  recalc(wb);
  io.write(c.out, await toBytes(wb), c.force);
  io.err(t.merged(c.files.length, c.out));
  return 0;
}
