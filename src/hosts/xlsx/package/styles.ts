/**
 * styles.xml: read only as far as number formats and quote prefixes matter; written only by
 * appending (fonts, fills, borders, number formats, cell formats, differential formats) so
 * every existing style index keeps its meaning.
 */
import type { CellStyle } from '../../../core';
import { applySplices, attrs, child, children, esc, parseXml, prefixOf, rootOf, setAttrInTag, setAttrSplice, type Splice, type XNode } from './xml';

/** Built-in number formats by id (ECMA-376 18.8.30), as ExcelJS knows them. */
export const BUILTIN_NUMFMTS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00',
  12: '# ?/?', 13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy',
  18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** A date or time format, judged as ExcelJS judges it (so the snapshot matches its reader). */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const f = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

export interface StyleInfo {
  /** Per cellXfs index: is it a date format. */
  dateXf: boolean[];
  quotePrefixXf: boolean[];
}

export function readStyleInfo(text: string | undefined): StyleInfo {
  const info: StyleInfo = { dateXf: [], quotePrefixXf: [] };
  if (text === undefined) return info;
  const root = rootOf(parseXml(text, 'xl/styles.xml'));
  const codes = new Map<number, string>();
  for (const nf of children(child(root, 'numFmts') ?? root, 'numFmt')) {
    codes.set(Number(nf.attrs.numFmtId), nf.attrs.formatCode ?? '');
  }
  for (const xf of children(child(root, 'cellXfs') ?? root, 'xf')) {
    const id = Number(xf.attrs.numFmtId ?? 0);
    const code = codes.get(id) ?? BUILTIN_NUMFMTS[id];
    info.dateXf.push(id !== 0 && isDateFormat(code));
    info.quotePrefixXf.push(xf.attrs.quotePrefix === '1' || xf.attrs.quotePrefix === 'true');
  }
  return info;
}

/** Order of CT_Stylesheet's children, to insert a missing section where the schema wants it. */
const STYLE_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const FONT_FACES: Record<NonNullable<CellStyle['font']>, string> = { title: '黑体', body: '宋体', text: '仿宋' };
const GB2312 = 134;
export const LINK_COLOR = '0563C1';

export function argb(hex: string): string {
  const h = hex.replace(/^#/, '');
  if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new Error(`colour must be 6 hex digits: ${hex}`);
  return `FF${h.toUpperCase()}`;
}

/**
 * Appends to styles.xml. Calls queue elements per section; `flush()` returns the new text
 * (one splice per touched section plus its count attribute).
 */
export class StyleWriter {
  private root: XNode;
  private added = new Map<string, string[]>();
  private counts = new Map<string, number>();
  private cache = new Map<string, number>();
  private ownNumFmts = new Map<string, number>();
  private nextNumFmt = 164;

  /** The namespace prefix the part uses for the main namespace (`x:` or ''). */
  private p: string;

  constructor(private text: string) {
    this.root = rootOf(parseXml(text, 'xl/styles.xml'));
    this.p = prefixOf(this.root);
    for (const nf of children(child(this.root, 'numFmts') ?? this.root, 'numFmt')) {
      const id = Number(nf.attrs.numFmtId);
      if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
    }
  }

  private section(name: string): XNode | undefined {
    return child(this.root, name);
  }

  count(name: string): number {
    let n = this.counts.get(name);
    if (n === undefined) {
      const s = this.section(name);
      n = s ? s.children.filter((c) => c.name !== 'extLst').length : 0;
      this.counts.set(name, n);
    }
    return n;
  }

  /** Appends one element to a section; returns its index. */
  append(section: string, xml: string, raw = false): number {
    if (!raw && this.p) xml = withPrefix(xml, this.p);
    const index = this.count(section);
    this.counts.set(section, index + 1);
    const list = this.added.get(section) ?? [];
    list.push(xml);
    this.added.set(section, list);
    return index;
  }

  private once(key: string, make: () => number): number {
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const id = make();
    this.cache.set(key, id);
    return id;
  }

  /** The raw `<xf>` of a cellXfs index, to clone. */
  cellXf(index: number): XNode | undefined {
    return children(this.section('cellXfs') ?? this.root, 'xf')[index];
  }

  /** A copy of cellXfs[index] with quotePrefix="1" (the cell keeps its look; Excel keeps the text as text). */
  quotePrefixed(index: number): number {
    return this.once(`qp:${index}`, () => {
      const xf = this.cellXf(index);
      if (!xf) return this.append('cellXfs', '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>');
      const tag = setAttrInTag(this.text.slice(xf.start, xf.openEnd), 'quotePrefix', '1');
      return this.append('cellXfs', tag + this.text.slice(xf.openEnd, xf.end), true);
    });
  }

  numFmt(code: string): number {
    for (const [id, c] of Object.entries(BUILTIN_NUMFMTS)) if (c === code) return Number(id);
    // Only our own appended formats are reused: a user's format is never shared with our
    // cells, so removing our sheet later can take exactly our formats back out.
    const known = this.ownNumFmts.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    this.ownNumFmts.set(code, id);
    this.append('numFmts', `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    return id;
  }

  font(s: CellStyle, link = false): number {
    const wanted = s.font !== undefined || s.size !== undefined || s.bold || s.italic || s.color !== undefined || link;
    if (!wanted) return 0;
    const color = s.color !== undefined ? argb(s.color) : link ? argb(LINK_COLOR) : undefined;
    const xml =
      '<font>' +
      (s.bold ? '<b/>' : '') +
      (s.italic ? '<i/>' : '') +
      (link ? '<u/>' : '') +
      `<sz val="${s.size ?? 11}"/>` +
      (color ? `<color rgb="${color}"/>` : '') +
      `<name val="${esc(FONT_FACES[s.font ?? 'body'])}"/><charset val="${GB2312}"/>` +
      '</font>';
    return this.once(xml, () => this.append('fonts', xml));
  }

  fill(hex: string | undefined): number {
    if (hex === undefined) return 0;
    const xml = `<fill><patternFill patternType="solid"><fgColor rgb="${argb(hex)}"/><bgColor indexed="64"/></patternFill></fill>`;
    return this.once(xml, () => this.append('fills', xml));
  }

  border(on: boolean | undefined): number {
    if (!on) return 0;
    const side = (n: string): string => `<${n} style="thin"><color indexed="64"/></${n}>`;
    const xml = `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;
    return this.once(xml, () => this.append('borders', xml));
  }

  /** A cellXfs index for a planned style. */
  cellStyle(s: CellStyle | undefined, link = false): number {
    if (!s && !link) return 0;
    const st = s ?? {};
    const fontId = this.font(st, link);
    const fillId = this.fill(st.fill);
    const borderId = this.border(st.border);
    const numFmtId = st.numFmt !== undefined ? this.numFmt(st.numFmt) : 0;
    const align =
      st.align !== undefined || st.valign !== undefined || st.wrap
        ? `<alignment${attrs({
            horizontal: st.align,
            vertical: st.valign === 'middle' ? 'center' : st.valign,
            wrapText: st.wrap ? '1' : undefined,
          })}/>`
        : '';
    const prot = st.unlocked ? '<protection locked="0"/>' : '';
    const a = attrs({
      numFmtId,
      fontId,
      fillId,
      borderId,
      xfId: 0,
      applyNumberFormat: numFmtId ? '1' : undefined,
      applyFont: fontId ? '1' : undefined,
      applyFill: fillId ? '1' : undefined,
      applyBorder: borderId ? '1' : undefined,
      applyAlignment: align ? '1' : undefined,
      applyProtection: prot ? '1' : undefined,
    });
    const xml = align || prot ? `<xf${a}>${align}${prot}</xf>` : `<xf${a}/>`;
    if (xml === '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>') return 0;
    return this.once(xml, () => this.append('cellXfs', xml));
  }

  dxf(xml: string): number {
    return this.once(`dxf:${xml}`, () => this.append('dxfs', xml));
  }

  /** The new styles.xml text, or the old one when nothing was appended. */
  flush(): string {
    if (this.added.size === 0) return this.text;
    const splices: Splice[] = [];
    for (const [name, items] of this.added) {
      const body = items.join('');
      const sec = this.section(name);
      const total = this.count(name);
      if (sec) {
        if (sec.selfClosing) {
          const tag = setAttrInTag(this.text.slice(sec.start, sec.openEnd), 'count', String(total));
          splices.push({ start: sec.start, end: sec.end, text: `${tag.slice(0, -2)}>${body}</${sec.qname}>` });
        } else {
          const countSp = sec.attrs.count !== undefined ? setAttrSplice(this.text, sec, 'count', String(total)) : undefined;
          if (countSp) splices.push(countSp);
          splices.push({ start: sec.closeStart, end: sec.closeStart, text: body });
        }
      } else {
        // dxfs we create carry no count, so clearMarks can tell them from the user's own
        const countAttr = name === 'dxfs' ? '' : ` count="${total}"`;
        const xml = `<${this.p}${name}${countAttr}>${body}</${this.p}${name}>`;
        const at = insertionPoint(this.root, name, STYLE_ORDER);
        splices.push({ start: at, end: at, text: xml });
      }
    }
    this.text = applySplices(this.text, splices);
    this.root = rootOf(parseXml(this.text, 'xl/styles.xml'));
    this.added.clear();
    this.counts.clear();
    return this.text;
  }
}

/** Our generated XML (no `<` in text: it is escaped) with every tag given the part's prefix. */
export function withPrefix(xml: string, p: string): string {
  return xml.replace(/<(\/?)([A-Za-z])/g, `<$1${p}$2`);
}

/**
 * Where a missing child `name` goes under `parent`, by the schema's order: before the first
 * existing child that comes after it, or before the parent's end tag.
 */
export function insertionPoint(parent: XNode, name: string, order: readonly string[]): number {
  const rank = order.indexOf(name);
  for (const c of parent.children) {
    const r = order.indexOf(c.name);
    if (r > rank) return c.start;
  }
  return parent.closeStart;
}

/** cellXfs indices a sheet's XML uses (cells, rows, columns). */
export function usedXfs(sheetXml: string): Set<number> {
  const out = new Set<number>();
  for (const m of sheetXml.matchAll(/<(?:[\w.-]+:)?(?:c|row)\s[^>]*?\bs\s*=\s*["'](\d+)["']/g)) out.add(Number(m[1]));
  for (const m of sheetXml.matchAll(/<(?:[\w.-]+:)?col\s[^>]*?\bstyle\s*=\s*["'](\d+)["']/g)) out.add(Number(m[1]));
  return out;
}

/**
 * After a sheet we wrote is removed: the tail of cellXfs that only it used goes, and with it the
 * tail of fonts / fills / borders / numFmts that only those formats used. Our sheets' styles are
 * always appended (never shared with the user's), so this gives back styles.xml as it was.
 */
export function pruneStyleTail(text: string, onlyRemoved: Set<number>, usedElsewhere: Set<number>): string {
  let root = rootOf(parseXml(text, 'xl/styles.xml'));
  const xfsNode = child(root, 'cellXfs');
  if (!xfsNode) return text;
  const xfs = children(xfsNode, 'xf');
  let cut = xfs.length;
  while (cut > 1 && onlyRemoved.has(cut - 1) && !usedElsewhere.has(cut - 1)) cut--;
  if (cut === xfs.length) return text;
  const removed = xfs.slice(cut);
  const kept = xfs.slice(0, cut);
  const refs = (list: XNode[], attr: string): Set<number> => new Set(list.map((x) => Number(x.attrs[attr] ?? 0)));
  const splices: Splice[] = [];
  const cutSection = (section: string, removedRefs: Set<number>, keptRefs: Set<number>, idOf: (n: XNode, i: number) => number): void => {
    const sec = child(root, section);
    if (!sec) return;
    const list = children(sec, section === 'numFmts' ? 'numFmt' : section.slice(0, -1));
    let c = list.length;
    while (c > 0) {
      const node = list[c - 1];
      if (!node) break;
      const id = idOf(node, c - 1);
      if (!removedRefs.has(id) || keptRefs.has(id)) break;
      c--;
    }
    if (c === list.length) return;
    const first = list[c];
    const last = list[list.length - 1];
    if (!first || !last) return;
    if (c === 0) {
      splices.push({ start: sec.start, end: sec.end, text: '' });
      return;
    }
    splices.push({ start: first.start, end: last.end, text: '' });
    const sp = sec.attrs.count !== undefined ? setAttrSplice(text, sec, 'count', String(c)) : undefined;
    if (sp) splices.push(sp);
  };
  const first = removed[0];
  const last = removed[removed.length - 1];
  if (!first || !last) return text;
  splices.push({ start: first.start, end: last.end, text: '' });
  const sp = xfsNode.attrs.count !== undefined ? setAttrSplice(text, xfsNode, 'count', String(cut)) : undefined;
  if (sp) splices.push(sp);
  cutSection('fonts', refs(removed, 'fontId'), refs(kept, 'fontId'), (_, i) => i);
  cutSection('fills', refs(removed, 'fillId'), refs(kept, 'fillId'), (_, i) => i);
  cutSection('borders', refs(removed, 'borderId'), refs(kept, 'borderId'), (_, i) => i);
  cutSection('numFmts', refs(removed, 'numFmtId'), refs(kept, 'numFmtId'), (n) => Number(n.attrs.numFmtId ?? 0));
  const next = applySplices(text, splices);
  root = rootOf(parseXml(next, 'xl/styles.xml'));
  return next;
}
