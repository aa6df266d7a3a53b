/** `merge A.xlsx B.xlsx … --out TOTAL.xlsx`: a new report of the same template holding the total. */
import type { Command } from './args';
import type { Io } from './io';
import { MergeError, NOTE_SUFFIX, PREV_SUFFIX, SnapshotIndex, buildTemplatePlan, locate, mergeModels, type CellEdit } from '../core';
import { snapshotOf, toBytes, applyCellEdits } from '../hosts/xlsx';
import { UsageError } from './args';
import { newWorkbook, readWorkbook, recalc } from './commands';
import { applyWorkbookPlan } from '../hosts/xlsx';

export async function runMerge(c: Extract<Command, { name: 'merge' }>, io: Io): Promise<number> {
  const models = [];
  for (const f of c.files) models.push(locate(snapshotOf(await readWorkbook(io, f))));
  let merged;
  try {
    merged = mergeModels(models);
  } catch (e) {
    if (e instanceof MergeError) throw new UsageError(e.message);
    throw e;
  }
  const wb = await newWorkbook();
  applyWorkbookPlan(wb, buildTemplatePlan(merged.template, { unit: c.unit ?? '合计', period: merged.period }));
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
  io.write(c.out, await toBytes(wb));
  io.err(`已合并 ${c.files.length} 个报表到 ${c.out}`);
  return 0;
}
