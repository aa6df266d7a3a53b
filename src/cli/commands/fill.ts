/** `fill FILE [--data CSV] [--previous LAST] --out FILE`: figures in, cached results refreshed. */
import type { Locale } from '../../core';
import type { Command } from '../args';
import type { Io } from '../io';
import { cliText } from '../messages';
import { decodeCsv } from '../decode';
import { fillWorkbook, readWorkbook } from '../workbooks';

export async function run(c: Extract<Command, { name: 'fill' }>, io: Io, locale: Locale): Promise<number> {
  io.planOutputs([c.out], [c.file, c.data, c.previous], c.force);
  const wb = readWorkbook(io, c.file);
  const csv = c.data !== undefined ? decodeCsv(io.read(c.data), c.data) : undefined;
  const previous = c.previous !== undefined ? readWorkbook(io, c.previous) : undefined;
  fillWorkbook(wb, csv, previous);
  io.write(c.out, wb.toBytes(), c.force);
  io.err(cliText(locale).wrote(c.out));
  return 0;
}
