/**
 * Fast generators of large workbooks for benches and tests (issues 9 and 12): they take a report
 * .xlsx and add plain OOXML text, zipped with fflate — no ExcelJS, no cell objects. Parts they do
 * not need to change are carried over byte for byte.
 *
 * - `addUserSheet(report, { rows: 100_000 })`: a sheet of the user's own data, N rows × 8 columns
 *   (numbers, dates, text; the text as shared strings appended to sharedStrings.xml, some unique
 *   per row, some repeated), as a clerk pastes a register next to the report.
 * - `fillHistory(report, { rows: 300_000 })`: the 历史数据 sheet with N code rows × several
 *   periods: the report's own codes first (with plausible values), then rows of other codes.
 */
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const WORKSHEET_TYPE = REL_NS + '/worksheet';
const SST_TYPE = REL_NS + '/sharedStrings';
const WORKSHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const SST_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

type Parts = Record<string, Uint8Array>;

function read(parts: Parts, name: string): string {
  const p = parts[name];
  if (!p) throw new Error(`big-workbook: the package has no part ${name}`);
  return strFromU8(p);
}

function write(parts: Parts, name: string, xml: string): void {
  parts[name] = strToU8(xml);
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Resolves a relationship target against the folder of the part that owns the rels. */
function resolve(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = fromPart.includes('/') ? fromPart.slice(0, fromPart.lastIndexOf('/') + 1) : '';
  const out: string[] = [];
  for (const seg of (base + target).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function relsOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

function relsIn(xml: string): Rel[] {
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const tag = m[0];
    const id = /\bId="([^"]*)"/.exec(tag)?.[1];
    const type = /\bType="([^"]*)"/.exec(tag)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
    if (id !== undefined && type !== undefined && target !== undefined) out.push({ id, type, target: unescapeXml(target) });
  }
  return out;
}

/** The package with its workbook part located and helpers to edit it. */
class Pkg {
  readonly parts: Parts;
  readonly workbook: string;
  constructor(bytes: Uint8Array) {
    this.parts = unzipSync(bytes);
    const root = relsIn(read(this.parts, '_rels/.rels')).find((r) => r.type === REL_NS + '/officeDocument');
    if (!root) throw new Error('big-workbook: no officeDocument relationship');
    this.workbook = resolve('', root.target);
  }
  workbookRels(): Rel[] {
    return relsIn(read(this.parts, relsOf(this.workbook)));
  }
  /** The part of the sheet called `name`, or undefined. */
  sheetPart(name: string): string | undefined {
    const wb = read(this.parts, this.workbook);
    for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const tag = m[0];
      if (unescapeXml(/\bname="([^"]*)"/.exec(tag)?.[1] ?? '') !== name) continue;
      const id = /\b\w+:id="([^"]*)"/.exec(tag)?.[1];
      const rel = this.workbookRels().find((r) => r.id === id);
      return rel ? resolve(this.workbook, rel.target) : undefined;
    }
    return undefined;
  }
  addRel(owner: string, type: string, target: string): string {
    const name = relsOf(owner);
    const xml = read(this.parts, name);
    const used = new Set(relsIn(xml).map((r) => r.id));
    let n = 1;
    while (used.has(`rIdBig${n}`)) n++;
    const id = `rIdBig${n}`;
    write(this.parts, name, xml.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/></Relationships>`));
    return id;
  }
  addOverride(part: string, contentType: string): void {
    const xml = read(this.parts, '[Content_Types].xml');
    write(this.parts, '[Content_Types].xml', xml.replace('</Types>', `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`));
  }
  /** The shared-strings part, made if the package has none. */
  sharedStrings(): SharedStrings {
    const rel = this.workbookRels().find((r) => r.type === SST_TYPE);
    if (rel) return new SharedStrings(this, resolve(this.workbook, rel.target));
    const part = this.workbook.slice(0, this.workbook.lastIndexOf('/') + 1) + 'sharedStrings.xml';
    write(this.parts, part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="0" uniqueCount="0"></sst>`);
    this.addRel(this.workbook, SST_TYPE, part.slice(part.lastIndexOf('/') + 1));
    this.addOverride(part, SST_CT);
    return new SharedStrings(this, part);
  }
  zip(): Uint8Array {
    // level 1: the bench inputs are made once per run; deflate level 1 is several times faster than 6
    return zipSync(this.parts, { level: 1 });
  }
}

/** The text of each `<si>` of a shared-strings part (runs joined; phonetic runs left out). */
function sstItems(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g)].map((m) =>
    unescapeXml(
      [...(m[1] ?? '').replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '').matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)]
        .map((t) => t[1] ?? '')
        .join(''),
    ),
  );
}

/** Appends strings to sharedStrings.xml; `index(s)` gives a string's index (new ones appended). */
class SharedStrings {
  private readonly xml: string;
  private readonly base: number;
  private count: number;
  private readonly added: string[] = [];
  private readonly known = new Map<string, number>();
  constructor(
    private readonly pkg: Pkg,
    readonly part: string,
  ) {
    this.xml = read(pkg.parts, part);
    const existing = sstItems(this.xml);
    this.base = existing.length;
    existing.forEach((s, i) => {
      if (!this.known.has(s)) this.known.set(s, i);
    });
    this.count = Number(/\bcount="(\d+)"/.exec(this.xml)?.[1] ?? this.base);
  }
  /** Index of `s`: reused if added before in this run, else appended. */
  index(s: string): number {
    this.count++;
    const k = this.known.get(s);
    if (k !== undefined) return k;
    const i = this.base + this.added.length;
    this.added.push(s);
    this.known.set(s, i);
    return i;
  }
  save(): void {
    const unique = this.base + this.added.length;
    const items = this.added.map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${escapeXml(s)}</t></si>`).join('');
    let xml = this.xml.replace(/<\/((?:\w+:)?)sst>\s*$/, (_m, p: string) => `${items}</${p}sst>`);
    if (/<(?:\w+:)?sst\b[^>]*\/>/.test(xml)) xml = xml.replace(/<((?:\w+:)?)sst\b([^>]*)\/>/, (_m, p: string, a: string) => `<${p}sst${a}>${items}</${p}sst>`);
    xml = xml.replace(/(<(?:\w+:)?sst\b[^>]*?)\bcount="\d+"/, `$1count="${this.count}"`);
    xml = xml.replace(/(<(?:\w+:)?sst\b[^>]*?)\buniqueCount="\d+"/, `$1uniqueCount="${unique}"`);
    write(this.pkg.parts, this.part, xml);
  }
}

/** A1 column letters of a 0-based column index. */
function col(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A small deterministic PRNG (mulberry32) so the same options give the same bytes. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface UserSheetOptions {
  /** Data rows below the header row. */
  rows: number;
  /** The new sheet's name; 我的台账 unless given. */
  name?: string;
  seed?: number;
}

const USER_HEADERS = ['序号', '当事人', '案件类型', '受理日期', '标的额（元）', '办理天数', '所属街道', '满意度'];
const CASE_TYPES = ['刑事', '民事', '行政', '非诉讼', '咨询'];
const STREETS = ['东城街道', '西城街道', '南湖街道', '北关镇', '新区管委会', '城关镇', '河西街道'];

function newSheetXml(sheetData: string, lastRef: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${lastRef}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `${sheetData}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

/**
 * Adds a sheet of the user's own data (rows × 8 columns: 序号, a unique name, a case type, a date
 * serial, an amount, days, a street, a score) after the last sheet. Returns the new package.
 */
export function addUserSheet(report: Uint8Array, opts: UserSheetOptions): Uint8Array {
  const pkg = new Pkg(report);
  const name = opts.name ?? '我的台账';
  if (pkg.sheetPart(name) !== undefined) throw new Error(`big-workbook: the workbook already has a sheet ${name}`);
  const sst = pkg.sharedStrings();
  const rand = rng(opts.seed ?? 1);
  const chunks: string[] = ['<sheetData><row r="1">'];
  USER_HEADERS.forEach((h, i) => chunks.push(`<c r="${col(i)}1" t="s"><v>${sst.index(h)}</v></c>`));
  chunks.push('</row>');
  for (let i = 1; i <= opts.rows; i++) {
    const r = i + 1;
    const caseType = CASE_TYPES[Math.floor(rand() * CASE_TYPES.length)] as string;
    const street = STREETS[Math.floor(rand() * STREETS.length)] as string;
    chunks.push(
      `<row r="${r}"><c r="A${r}"><v>${i}</v></c>` +
        `<c r="B${r}" t="s"><v>${sst.index(`当事人${String(i).padStart(6, '0')}`)}</v></c>` +
        `<c r="C${r}" t="s"><v>${sst.index(caseType)}</v></c>` +
        `<c r="D${r}"><v>${45658 + Math.floor(rand() * 365)}</v></c>` +
        `<c r="E${r}"><v>${Math.round(rand() * 5_000_000) / 100}</v></c>` +
        `<c r="F${r}"><v>${1 + Math.floor(rand() * 90)}</v></c>` +
        `<c r="G${r}" t="s"><v>${sst.index(street)}</v></c>` +
        `<c r="H${r}"><v>${Math.round(rand() * 1000) / 10}</v></c></row>`,
    );
  }
  chunks.push('</sheetData>');
  sst.save();

  const used = new Set(Object.keys(pkg.parts));
  const folder = pkg.workbook.slice(0, pkg.workbook.lastIndexOf('/') + 1);
  let n = 1;
  while (used.has(`${folder}worksheets/sheet${n}.xml`)) n++;
  const part = `${folder}worksheets/sheet${n}.xml`;
  write(pkg.parts, part, newSheetXml(chunks.join(''), `H${opts.rows + 1}`));
  pkg.addOverride(part, WORKSHEET_CT);
  const rid = pkg.addRel(pkg.workbook, WORKSHEET_TYPE, part.slice(folder.length));

  const wb = read(pkg.parts, pkg.workbook);
  const rootTag = /<(?:\w+:)?workbook\b[^>]*>/.exec(wb)?.[0] ?? '';
  const rPrefix = new RegExp(`xmlns:(\\w+)="${REL_NS.replace(/[.]/g, '\\.')}"`).exec(rootTag)?.[1];
  const prefix = rPrefix ?? 'rBig';
  const ids = [...wb.matchAll(/<(?:\w+:)?sheet\b[^>]*\bsheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...ids) + 1;
  let out = wb.replace(/<\/((?:\w+:)?)sheets>/, (_m, p: string) => `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${prefix}:id="${rid}"/></${p}sheets>`);
  if (rPrefix === undefined) out = out.replace(rootTag, rootTag.replace(/>$/, ` xmlns:rBig="${REL_NS}">`));
  write(pkg.parts, pkg.workbook, out);
  return pkg.zip();
}

export interface HistoryOptions {
  /** Code rows below the label row (the report's own codes first, then other codes). */
  rows: number;
  /** Period labels of the columns B, C, …; five years before 2025 unless given. */
  periods?: string[];
  /** Current values by code (e.g. from assets/sample/annual-2025.csv): the report's own codes get
   * a history that trends up to them, so the A6 outlier rule stays quiet; others get random ones. */
  currentValues?: Readonly<Record<string, number>>;
  seed?: number;
}

/**
 * Fills the 历史数据 sheet with `rows` code rows × the periods. Replaces only that sheet's
 * `<dimension>` and `<sheetData>`; its views, columns and the rest stay as they were.
 */
export function fillHistory(report: Uint8Array, opts: HistoryOptions): Uint8Array {
  const pkg = new Pkg(report);
  const part = pkg.sheetPart('历史数据');
  if (part === undefined) throw new Error('big-workbook: the workbook has no 历史数据 sheet');
  const xml = read(pkg.parts, part);
  const sst = pkg.sharedStrings();
  const strings = sstItems(read(pkg.parts, sst.part));
  // the report's own codes, in the order the sheet lists them (column A below the label)
  const codes: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?c\b[^>]*\br="A(\d+)"[^>]*>([\s\S]*?)<\/(?:\w+:)?c>/g)) {
    if (m[1] === '1') continue;
    const tag = m[0];
    const v = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/.exec(m[2] ?? '')?.[1];
    const inline = /<(?:\w+:)?t\b[^>]*>([^<]*)</.exec(m[2] ?? '')?.[1];
    if (/\bt="s"/.test(tag) && v !== undefined) codes.push(strings[Number(v)] ?? '');
    else if (inline !== undefined) codes.push(unescapeXml(inline));
  }
  const periods = opts.periods ?? ['2020', '2021', '2022', '2023', '2024'];
  const rand = rng(opts.seed ?? 7);
  const chunks: string[] = [`<sheetData><row r="1"><c r="A1" t="s"><v>${sst.index('指标代码')}</v></c>`];
  periods.forEach((p, i) => chunks.push(`<c r="${col(i + 1)}1" t="s"><v>${sst.index(p)}</v></c>`));
  chunks.push('</row>');
  for (let i = 0; i < opts.rows; i++) {
    const r = i + 2;
    const code = i < codes.length ? (codes[i] as string) : `USR_HIST_${String(i + 1).padStart(6, '0')}`;
    const known = opts.currentValues?.[code];
    const base = known ?? 50 + rand() * 2000;
    let row = `<row r="${r}"><c r="A${r}" t="s"><v>${sst.index(code)}</v></c>`;
    periods.forEach((_p, j) => {
      const step = (periods.length - j) * 0.02;
      const v = base * (1 - step + (rand() - 0.5) * 0.01);
      row += `<c r="${col(j + 1)}${r}"><v>${known !== undefined && Math.abs(base) < 10 ? Math.round(v * 100) / 100 : Math.round(v)}</v></c>`;
    });
    chunks.push(row + '</row>');
  }
  chunks.push('</sheetData>');
  sst.save();
  const last = `${col(periods.length)}${opts.rows + 1}`;
  let out = xml.replace(/<((?:\w+:)?)sheetData\s*\/>|<((?:\w+:)?)sheetData\b[^>]*>[\s\S]*?<\/(?:\w+:)?sheetData>/, () => chunks.join(''));
  out = /<(?:\w+:)?dimension\b/.test(out)
    ? out.replace(/(<(?:\w+:)?dimension\b[^>]*\bref=")[^"]*"/, `$1A1:${last}"`)
    : out;
  write(pkg.parts, part, out);
  return pkg.zip();
}
