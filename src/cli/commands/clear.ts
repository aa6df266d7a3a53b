/**
 * `clear FLAGGED.xlsx --out CLEAN.xlsx`: the workbook as it was before flagging, with its figures
 * and 说明 as they are now: every mark the tool added (overlays, its notes, 问题清单) removed and
 * nothing else — the file to hand in.
 */
import type { Locale } from '../../core';
import type { Command } from '../args';
import type { Io } from '../io';
import { cliText } from '../messages';
import { readWorkbook } from '../workbooks';

export async function run(c: Extract<Command, { name: 'clear' }>, io: Io, locale: Locale): Promise<number> {
  io.planOutputs([c.out], [c.file], c.force);
  const wb = readWorkbook(io, c.file);
  const removed = wb.clearMarks();
  io.write(c.out, wb.toBytes(), c.force);
  io.err(cliText(locale).cleared(removed, c.out));
  return 0;
}
