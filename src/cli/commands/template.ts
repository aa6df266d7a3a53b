/** `template <annual|half-year> --out FILE`: a blank report of the standard template. */
import { defaultPeriod, type Locale } from '../../core';
import type { Command } from '../args';
import type { Io } from '../io';
import { cliText } from '../messages';
import { makeTemplate } from '../workbooks';

export async function run(c: Extract<Command, { name: 'template' }>, io: Io, locale: Locale, today: Date): Promise<number> {
  io.planOutputs([c.out], [], c.force);
  const wb = makeTemplate(c.template, { unit: c.unit ?? '', period: c.period ?? defaultPeriod(c.template, today), locale });
  io.write(c.out, wb.toBytes(), c.force);
  io.err(cliText(locale).made(c.out));
  return 0;
}
