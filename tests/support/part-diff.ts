/**
 * Part-by-part comparison of two .xlsx (OOXML) packages, for tests that prove a write touched only
 * what its plan names. Uses fflate only (no ExcelJS), so it judges the bytes the user gets.
 *
 * - `partsOf(bytes)`: every part of the package, inflated, by its name inside the zip.
 * - `diffParts(a, b)`: which part names were added, removed, or have different content.
 * - `xmlElementsDiff(aXml, bXml)`: inside one XML part, which children of the root element were
 *   added, removed or changed (compared by a canonical token string: whitespace-only text between
 *   tags is dropped, everything else — attributes, their order, prefixes — counts).
 */
import { unzipSync } from 'fflate';

/** The parts of a zip package, inflated, keyed by their names (directories left out). */
export function partsOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const files = unzipSync(bytes);
  const parts = new Map<string, Uint8Array>();
  for (const name of Object.keys(files).sort()) {
    if (name.endsWith('/')) continue;
    const data = files[name];
    if (data) parts.set(name, data);
  }
  return parts;
}

export interface PartsDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function asParts(p: Uint8Array | Map<string, Uint8Array>): Map<string, Uint8Array> {
  return p instanceof Map ? p : partsOf(p);
}

/** Which parts `b` adds to `a`, which it lacks, and which differ in content (all sorted). */
export function diffParts(a: Uint8Array | Map<string, Uint8Array>, b: Uint8Array | Map<string, Uint8Array>): PartsDiff {
  const pa = asParts(a);
  const pb = asParts(b);
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  for (const [name, data] of pa) {
    const other = pb.get(name);
    if (other === undefined) removed.push(name);
    else if (!sameBytes(data, other)) changed.push(name);
  }
  for (const name of pb.keys()) if (!pa.has(name)) added.push(name);
  return { added: added.sort(), removed: removed.sort(), changed: changed.sort() };
}

/** One child element of the root: its qualified name and its canonical text. */
export interface XmlChild {
  name: string;
  canonical: string;
}

export interface XmlParsedRoot {
  /** The root element's start tag, canonical (attributes as written). */
  rootTag: string;
  children: XmlChild[];
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<\/?[^>]+>|[^<]+/g;

function tagName(tag: string): string {
  const m = /^<\/?\s*([^\s/>]+)/.exec(tag);
  return m?.[1] ?? '';
}

function canonicalTag(tag: string): string {
  // whitespace runs inside a tag (between attributes) count as one space; no space before /> or >
  return tag.replace(/\s+/g, ' ').replace(/\s+(\/?>)$/, '$1');
}

/** Splits an XML document into the root's start tag and its child elements (depth 1). */
export function rootChildren(xml: string): XmlParsedRoot {
  let depth = 0;
  let rootTag = '';
  const children: XmlChild[] = [];
  let current: { name: string; tokens: string[] } | null = null;
  for (const m of xml.matchAll(TOKEN)) {
    const tok = m[0];
    if (tok.startsWith('<?') || tok.startsWith('<!--') || (tok.startsWith('<!') && !tok.startsWith('<![CDATA['))) {
      if (current) current.tokens.push(tok);
      continue;
    }
    if (!tok.startsWith('<') || tok.startsWith('<![CDATA[')) {
      if (current && (tok.startsWith('<![CDATA[') || tok.trim() !== '')) current.tokens.push(tok);
      continue;
    }
    const closing = tok.startsWith('</');
    const selfClosing = !closing && /\/\s*>$/.test(tok);
    const canon = canonicalTag(tok);
    if (closing) {
      depth--;
      if (current) {
        current.tokens.push(canon);
        if (depth === 1) {
          children.push({ name: current.name, canonical: current.tokens.join('') });
          current = null;
        }
      }
      continue;
    }
    if (depth === 0) {
      rootTag = canon;
      if (!selfClosing) depth = 1;
      continue;
    }
    if (depth === 1) {
      current = { name: tagName(tok), tokens: [canon] };
      if (selfClosing) {
        children.push({ name: current.name, canonical: canon });
        current = null;
        continue;
      }
      depth = 2;
      continue;
    }
    current?.tokens.push(canon);
    if (!selfClosing) depth++;
  }
  if (depth !== 0 || rootTag === '') throw new Error('xmlElementsDiff: not a well-formed XML document');
  return { rootTag, children };
}

export interface XmlElementsDiff {
  /** Child elements of the root present only in b, by qualified name (one entry per element). */
  added: string[];
  /** Child elements present only in a. */
  removed: string[];
  /** Child elements present in both (the n-th of that name in each) whose canonical text differs. */
  changed: string[];
  /** The root's start tag (namespace declarations, mc:Ignorable …) differs. */
  rootChanged: boolean;
  /** The order of the elements both documents share differs. */
  reordered: boolean;
}

/**
 * Which children of the root element differ between two XML parts. Elements are matched by name
 * and occurrence: the n-th `<conditionalFormatting>` of a with the n-th of b; surplus ones count as
 * added or removed. So "in sheet2.xml only <conditionalFormatting> and <legacyDrawing> were added"
 * reads `{ added: ['conditionalFormatting', 'legacyDrawing'], removed: [], changed: [] }`.
 */
export function xmlElementsDiff(aXml: string, bXml: string): XmlElementsDiff {
  const a = rootChildren(aXml);
  const b = rootChildren(bXml);
  const group = (xs: XmlChild[]): Map<string, string[]> => {
    const m = new Map<string, string[]>();
    for (const c of xs) m.set(c.name, [...(m.get(c.name) ?? []), c.canonical]);
    return m;
  };
  const ga = group(a.children);
  const gb = group(b.children);
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  for (const [name, as] of ga) {
    const bs = gb.get(name) ?? [];
    for (let i = 0; i < Math.max(as.length, bs.length); i++) {
      if (i >= bs.length) removed.push(name);
      else if (i >= as.length) added.push(name);
      else if (as[i] !== bs[i]) changed.push(name);
    }
  }
  for (const [name, bs] of gb) if (!ga.has(name)) for (let i = 0; i < bs.length; i++) added.push(name);
  const shared = (xs: XmlChild[], other: Map<string, string[]>): string[] => {
    const seen = new Map<string, number>();
    const out: string[] = [];
    for (const c of xs) {
      const n = seen.get(c.name) ?? 0;
      seen.set(c.name, n + 1);
      if (n < (other.get(c.name)?.length ?? 0)) out.push(`${c.name}#${n}`);
    }
    return out;
  };
  const oa = shared(a.children, gb);
  const ob = shared(b.children, ga);
  return {
    added,
    removed,
    changed,
    rootChanged: a.rootTag !== b.rootTag,
    reordered: oa.join('\n') !== ob.join('\n'),
  };
}

/** Decodes a part as UTF-8 text (for XML parts). */
export function partText(parts: Map<string, Uint8Array>, name: string): string {
  const data = parts.get(name);
  if (data === undefined) throw new Error(`part-diff: no part ${name}`);
  return new TextDecoder('utf-8').decode(data);
}
