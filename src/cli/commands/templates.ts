/** `templates [--json]`: the standard templates, their default periods and forms. */
import { defaultPeriod, getCatalog, type Locale } from '../../core';
import type { Command } from '../args';
import type { Io } from '../io';
import { cliText } from '../messages';

export async function run(c: Extract<Command, { name: 'templates' }>, io: Io, locale: Locale, today: Date): Promise<number> {
  const catalog = getCatalog();
  const en = locale === 'en-US';
  const list = catalog.templates.map((t) => ({
    id: t.id,
    name: t.nameZh,
    nameEn: t.nameEn,
    period: defaultPeriod(t.id, today),
    forms: t.forms.map((f) => {
      const form = catalog.formById.get(f);
      return { id: f, name: form?.nameZh ?? f, nameEn: form?.nameEn ?? f, indicators: catalog.indicators.filter((i) => i.form === f).length };
    }),
  }));
  if (c.json) {
    io.out(JSON.stringify({ templates: list }));
    return 0;
  }
  const t = cliText(locale);
  for (const x of list) {
    io.out(t.templateLine(x.id, en ? x.nameEn : x.name, x.period, x.forms.map((f) => `${f.id} ${en ? f.nameEn : f.name}`).join(t.listJoin)));
  }
  return 0;
}
