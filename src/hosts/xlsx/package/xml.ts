/**
 * XML with offsets. Parts are parsed with saxes (strict, small, fast: see the commit message
 * for the measurements) into a light tree whose nodes know where they start and end in the
 * original text, so a write is a splice into that text and every byte outside the spliced
 * elements stays as it was.
 */
import { SaxesParser } from 'saxes';
import { XlsxInputError } from './errors';

export interface XNode {
  /** Qualified name as written (`x:c` stays `x:c`). */
  qname: string;
  /** Local name (`c`). */
  name: string;
  attrs: Record<string, string>;
  /** Offset of `<`. */
  start: number;
  /** Offset just after the start tag's `>`. */
  openEnd: number;
  /** Offset just after the element's end (its end tag, or `/>`). */
  end: number;
  /** Offset of the end tag's `<` (equals `end` for an empty element). */
  closeStart: number;
  selfClosing: boolean;
  children: XNode[];
  /** Character data directly inside, entities decoded. */
  text: string;
}

export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** Parses a whole part. Malformed XML is a corrupt package. */
export function parseXml(text: string, part = ''): XNode {
  const root: XNode = {
    qname: '#document',
    name: '#document',
    attrs: {},
    start: 0,
    openEnd: 0,
    end: text.length,
    closeStart: text.length,
    selfClosing: false,
    children: [],
    text: '',
  };
  const stack: XNode[] = [root];
  const parser = new SaxesParser({ position: true });
  parser.on('opentag', (tag) => {
    const openEnd = parser.position;
    const start = text.lastIndexOf('<', openEnd - 1);
    const node: XNode = {
      qname: tag.name,
      name: localName(tag.name),
      attrs: tag.attributes as Record<string, string>,
      start,
      openEnd,
      end: openEnd,
      closeStart: openEnd,
      selfClosing: tag.isSelfClosing,
      children: [],
      text: '',
    };
    const parent = stack[stack.length - 1];
    parent?.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    const node = stack.pop();
    if (!node) return;
    node.end = parser.position;
    node.closeStart = node.selfClosing ? node.end : text.lastIndexOf('<', node.end - 1);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top && stack.length > 1) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top && stack.length > 1) top.text += t;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    throw new XlsxInputError('xlsx-corrupt', { part }, { cause: e });
  }
  return root;
}

/** The document element. */
export function rootOf(doc: XNode): XNode {
  const r = doc.children[0];
  if (!r) throw new XlsxInputError('xlsx-corrupt');
  return r;
}

export function child(node: XNode, name: string): XNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function children(node: XNode, name: string): XNode[] {
  return node.children.filter((c) => c.name === name);
}

/** Text of `<t>` descendants, skipping phonetic runs (`rPh`), as Excel shows a string item. */
export function stringItemText(si: XNode): string {
  let out = '';
  const walk = (n: XNode): void => {
    for (const c of n.children) {
      if (c.name === 'rPh' || c.name === 'phoneticPr') continue;
      if (c.name === 't') out += c.text;
      else walk(c);
    }
  };
  walk(si);
  return out;
}

// ---- writing ---------------------------------------------------------------------------------

export function esc(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Character data: only & < > need escaping there. */
export function escBody(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** XML 1.0 forbids most control characters; Excel writes them as _xHHHH_. */
export function escText(text: string): string {
  return escBody(text.replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m.slice(1)}`)).replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/** Excel's _xHHHH_ escapes in string items and inline strings, decoded. */
export function unescOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function attrs(a: Record<string, string | number | boolean | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    const s = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
    out += ` ${k}="${esc(s)}"`;
  }
  return out;
}

/** The namespace prefix an element was written with (`x:` for `x:c`, '' for `c`). */
export function prefixOf(node: XNode): string {
  const i = node.qname.indexOf(':');
  return i < 0 ? '' : node.qname.slice(0, i + 1);
}

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices (any order); insertions at the same offset keep their order. */
export function applySplices(text: string, splices: Splice[]): string {
  if (splices.length === 0) return text;
  const sorted = splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const { s } of sorted) {
    if (s.start < at) throw new Error(`overlapping splices at ${s.start}`);
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

/** One attribute of a start tag's text set (kept in place, quote style kept), added, or removed. */
export function setAttrInTag(tag: string, name: string, value: string | undefined): string {
  const re = new RegExp(`(\\s)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*=\\s*)(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  if (m) {
    const q = m[3] !== undefined ? '"' : "'";
    const repl = value === undefined ? '' : `${m[1] ?? ' '}${name}${m[2] ?? '='}${q}${q === '"' ? esc(value) : esc(value).replace(/'/g, '&apos;')}${q}`;
    return tag.slice(0, m.index) + repl + tag.slice(m.index + m[0].length);
  }
  if (value === undefined) return tag;
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${esc(value)}"${tag.slice(close)}`;
}

/** A splice that sets one attribute of an element's start tag, the rest of the tag as written. */
export function setAttrSplice(text: string, node: XNode, name: string, value: string | undefined): Splice | undefined {
  const tag = text.slice(node.start, node.openEnd);
  const next = setAttrInTag(tag, name, value);
  return next === tag ? undefined : { start: node.start, end: node.openEnd, text: next };
}
