/** `summary FILE --out FILE [--docx FILE]`: the 领导参阅 sheet added to a copy, and the Word text. */
import type { Locale } from '../../core';
import type { Command } from '../args';
import type { Io } from '../io';
import { cliText } from '../messages';
import { guardOutput, readWorkbook, summaryFiles } from '../workbooks';

export async function run(c: Extract<Command, { name: 'summary' }>, io: Io, locale: Locale): Promise<number> {
  guardOutput(io, c.out, c.file);
  if (c.docx !== undefined) guardOutput(io, c.docx, c.file);
  const files = await summaryFiles(await readWorkbook(io, c.file), locale, c.docx !== undefined);
  io.write(c.out, files.xlsx);
  if (c.docx !== undefined && files.docx) io.write(c.docx, files.docx);
  const t = cliText(locale);
  io.err(c.docx !== undefined ? t.wroteTwo(c.out, c.docx) : t.wrote(c.out));
  return 0;
}
