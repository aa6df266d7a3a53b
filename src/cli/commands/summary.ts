/** `summary FILE --out FILE [--docx FILE]`: the 领导参阅 sheet added to a copy, and the Word text. */
import type { Locale } from '../../core';
import type { Command } from '../args';
import type { Io } from '../io';
import { cliText } from '../messages';
import { readWorkbook, summaryFiles } from '../workbooks';

export async function run(c: Extract<Command, { name: 'summary' }>, io: Io, locale: Locale): Promise<number> {
  io.planOutputs([c.out, c.docx], [c.file], c.force);
  const files = await summaryFiles(readWorkbook(io, c.file), locale, c.docx !== undefined);
  io.write(c.out, files.xlsx, c.force);
  if (c.docx !== undefined && files.docx) io.write(c.docx, files.docx, c.force);
  const t = cliText(locale);
  io.err(c.docx !== undefined ? t.wroteTwo(c.out, c.docx) : t.wrote(c.out));
  return 0;
}
