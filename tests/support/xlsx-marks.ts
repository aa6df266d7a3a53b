/**
 * What a package carries that the mark contract is about, read straight from its XML (no host
 * code): per sheet, the conditional formats' formulas and the legacy notes with their authors;
 * the defined names and the sheets. For moving a workbook between the file host and the Excel fake.
 */
import { partsOf, text } from './package-fixtures';

export interface PackageMarks {
  sheets: string[];
  names: Array<{ name: string; formula: string; hidden: boolean }>;
  /** Each rule's formula, with the fill of its differential format (6-digit hex) where it has one. */
  cfs: Record<string, Array<{ sqref: string; formula: string; fill?: string }>>;
  notes: Record<string, Array<{ ref: string; text: string; author: string }>>;
}

const unesc = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function rels(all: Record<string, Uint8Array>, part: string): Array<{ id: string; type: string; target: string }> {
  const dir = part.split('/').slice(0, -1).join('/');
  const file = part.split('/').pop() ?? '';
  const xml = text(all[`${dir ? `${dir}/` : ''}_rels/${file}.rels`]);
  return [...xml.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => {
    const a = m[1] ?? '';
    const get = (k: string) => new RegExp(`\\b${k}="([^"]*)"`).exec(a)?.[1] ?? '';
    return { id: get('Id'), type: get('Type'), target: resolve(part, get('Target')) };
  });
}

export function packageMarks(bytes: Uint8Array): PackageMarks {
  const all = partsOf(bytes);
  const book = text(all['xl/workbook.xml']);
  const bookRels = rels(all, 'xl/workbook.xml');
  const out: PackageMarks = { sheets: [], names: [], cfs: {}, notes: {} };
  const styles = text(all[bookRels.find((r) => r.type.endsWith('/styles'))?.target ?? 'xl/styles.xml']);
  const dxfs = [...(/<dxfs\b[^>]*>([\s\S]*?)<\/dxfs>/.exec(styles)?.[1] ?? '').matchAll(/<dxf>([\s\S]*?)<\/dxf>|<dxf\/>/g)].map(
    (d) => /<fill>[\s\S]*?<(?:bgColor|fgColor) rgb="([0-9A-Fa-f]{6,8})"/.exec(d[1] ?? '')?.[1]?.slice(-6).toUpperCase(),
  );
  for (const m of book.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const a = m[1] ?? '';
    out.names.push({ name: /\bname="([^"]*)"/.exec(a)?.[1] ?? '', formula: unesc(m[2] ?? ''), hidden: /\bhidden="(1|true)"/.test(a) });
  }
  for (const m of book.matchAll(/<sheet\b([^>]*)\/>/g)) {
    const a = m[1] ?? '';
    const name = unesc(/\bname="([^"]*)"/.exec(a)?.[1] ?? '');
    const rid = /\br:id="([^"]*)"/.exec(a)?.[1] ?? '';
    out.sheets.push(name);
    const part = bookRels.find((r) => r.id === rid)?.target;
    if (!part) continue;
    const xml = text(all[part]);
    out.cfs[name] = [...xml.matchAll(/<conditionalFormatting sqref="([^"]*)">([\s\S]*?)<\/conditionalFormatting>/g)].flatMap((c) =>
      [...(c[2] ?? '').matchAll(/<cfRule\b([^>]*)>([\s\S]*?)<\/cfRule>/g)].flatMap((r) => {
        const dxf = /\bdxfId="(\d+)"/.exec(r[1] ?? '')?.[1];
        const fill = dxf !== undefined ? dxfs[Number(dxf)] : undefined;
        return [...(r[2] ?? '').matchAll(/<formula>([\s\S]*?)<\/formula>/g)].map((f) => ({ sqref: c[1] ?? '', formula: unesc(f[1] ?? ''), ...(fill ? { fill } : {}) }));
      }),
    );
    const comments = rels(all, part).find((r) => r.type.endsWith('/comments'));
    out.notes[name] = [];
    if (!comments) continue;
    const ct = text(all[comments.target]);
    const authors = [...ct.matchAll(/<author>([\s\S]*?)<\/author>|<author\/>/g)].map((x) => unesc(x[1] ?? ''));
    for (const c of ct.matchAll(/<comment ref="([^"]*)" authorId="(\d+)"[^>]*>([\s\S]*?)<\/comment>/g)) {
      const body = [...(c[3] ?? '').matchAll(/<t(?: [^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unesc(t[1] ?? '')).join('');
      out.notes[name].push({ ref: c[1] ?? '', text: body, author: authors[Number(c[2])] ?? '' });
    }
  }
  return out;
}
