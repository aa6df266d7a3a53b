/**
 * The package as parts: original entries are kept as the zip had them until a write replaces
 * one; relationships and content types are edited by splicing single elements.
 */
import { strToU8 } from 'fflate';
import { XlsxInputError } from './errors';
import { PACKAGE_LIMITS, type PackageLimits } from './limits';
import { attrs, children, parseXml, rootOf, type XNode } from './xml';
import { writeZip, ZipArchive, type OutEntry } from './zip';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
  threadedComment: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
  theme: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme',
} as const;

export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  workbookMacro: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  calcChain: 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml',
} as const;

export interface Rel {
  id: string;
  type: string;
  target: string;
  /** Resolved part name (no leading '/'), undefined for external targets. */
  part: string | undefined;
  node: XNode;
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segs = (dirOf(fromPart) + target).split('/');
  const out: string[] = [];
  for (const s of segs) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Relative target from one part to another (both package part names). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = dirOf(fromPart).split('/').filter(Boolean);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export class Parts {
  readonly zip: ZipArchive | undefined;
  /** Part names in their original order, new parts appended. */
  private order: string[] = [];
  private texts = new Map<string, string>();
  private changed = new Set<string>();
  private removed = new Set<string>();

  constructor(bytes: Uint8Array | undefined, limits: PackageLimits = PACKAGE_LIMITS) {
    this.zip = bytes ? new ZipArchive(bytes, limits) : undefined;
    if (this.zip) this.order = [...this.zip.entries.keys()];
  }

  has(name: string): boolean {
    if (this.removed.has(name)) return false;
    return this.texts.has(name) || (this.zip?.has(name) ?? false);
  }

  names(): string[] {
    return this.order.filter((n) => this.has(n));
  }

  text(name: string): string {
    const hit = this.texts.get(name);
    if (hit !== undefined) return hit;
    if (!this.zip || this.removed.has(name) || !this.zip.has(name)) throw new XlsxInputError('xlsx-corrupt', { part: name });
    const t = decoder.decode(this.zip.read(name));
    this.texts.set(name, t);
    return t;
  }

  private docs = new Map<string, { text: string; doc: XNode }>();

  /** The part parsed, cached until its text changes. */
  doc(name: string): XNode {
    const text = this.text(name);
    const hit = this.docs.get(name);
    if (hit && hit.text === text) return hit.doc;
    const doc = parseXml(text, name);
    this.docs.set(name, { text, doc });
    return doc;
  }

  textOrUndefined(name: string): string | undefined {
    return this.has(name) ? this.text(name) : undefined;
  }

  set(name: string, text: string): void {
    if (!this.order.includes(name)) this.order.push(name);
    this.removed.delete(name);
    if (this.texts.get(name) === text && !this.changed.has(name) && this.zip?.has(name)) return;
    this.texts.set(name, text);
    this.changed.add(name);
  }

  remove(name: string): void {
    this.removed.add(name);
    this.texts.delete(name);
    this.changed.delete(name);
  }

  isChanged(name: string): boolean {
    return this.changed.has(name) || !(this.zip?.has(name) ?? false);
  }

  /** A part name not yet used, like `xl/worksheets/sheet12.xml`. */
  freshName(prefix: string, ext: string): string {
    for (let i = 1; ; i++) {
      const n = `${prefix}${i}${ext}`;
      if (!this.has(n) && !this.order.some((o) => o.toLowerCase() === n.toLowerCase() && this.has(o))) return n;
    }
  }

  toBytes(): Uint8Array {
    const out: OutEntry[] = [];
    for (const name of this.order) {
      if (!this.has(name)) continue;
      const entry = this.zip?.entries.get(name);
      if (entry && this.zip && !this.changed.has(name)) out.push({ name, copy: entry, from: this.zip });
      else out.push({ name, data: strToU8(this.text(name)) });
    }
    return writeZip(out);
  }

  // ---- relationships -----------------------------------------------------------------------

  rels(part: string): Rel[] {
    const path = relsPathOf(part);
    if (!this.has(path)) return [];
    const root = rootOf(this.doc(path));
    return children(root, 'Relationship').map((node) => {
      const target = node.attrs.Target ?? '';
      const external = node.attrs.TargetMode === 'External';
      return { id: node.attrs.Id ?? '', type: node.attrs.Type ?? '', target, part: external ? undefined : resolveTarget(part, target), node };
    });
  }

  /** Adds a relationship from `part` to `toPart`; returns its id. */
  addRel(part: string, type: string, toPart: string): string {
    const path = relsPathOf(part);
    const existing = this.rels(part);
    let n = existing.length + 1;
    const ids = new Set(existing.map((r) => r.id));
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const xml = `<Relationship${attrs({ Id: id, Type: type, Target: relativeTarget(part, toPart) })}/>`;
    const text = this.textOrUndefined(path);
    if (text === undefined) {
      this.set(
        path,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${xml}</Relationships>`,
      );
    } else {
      const root = rootOf(parseXml(text, path));
      this.set(path, spliceInto(text, root, xml));
    }
    return id;
  }

  /** Removes one relationship; a rels part left empty is removed too. */
  removeRel(part: string, id: string): void {
    const path = relsPathOf(part);
    const text = this.textOrUndefined(path);
    if (text === undefined) return;
    const rel = this.rels(part).find((r) => r.id === id);
    if (!rel) return;
    const next = text.slice(0, rel.node.start) + text.slice(rel.node.end);
    const root = rootOf(parseXml(next, path));
    if (root.children.length === 0) this.remove(path);
    else this.set(path, next);
  }

  // ---- content types -----------------------------------------------------------------------

  addOverride(part: string, contentType: string): void {
    const path = '[Content_Types].xml';
    const text = this.text(path);
    const root = rootOf(parseXml(text, path));
    if (children(root, 'Override').some((o) => o.attrs.PartName === `/${part}`)) return;
    this.set(path, spliceInto(text, root, `<Override${attrs({ PartName: `/${part}`, ContentType: contentType })}/>`));
  }

  removeOverride(part: string): void {
    const path = '[Content_Types].xml';
    const text = this.text(path);
    const root = rootOf(parseXml(text, path));
    const o = children(root, 'Override').find((x) => x.attrs.PartName === `/${part}`);
    if (o) this.set(path, text.slice(0, o.start) + text.slice(o.end));
  }

  contentTypeOf(part: string): string | undefined {
    const root = rootOf(this.doc('[Content_Types].xml'));
    const o = children(root, 'Override').find((x) => x.attrs.PartName === `/${part}`);
    if (o) return o.attrs.ContentType;
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    return children(root, 'Default').find((d) => (d.attrs.Extension ?? '').toLowerCase() === ext)?.attrs.ContentType;
  }
}

/** Inserts `xml` just before the end tag of `node` (expanding a self-closing element). */
export function spliceInto(text: string, node: XNode, xml: string): string {
  if (node.selfClosing) {
    const tag = text.slice(node.start, node.openEnd - 2);
    return text.slice(0, node.start) + `${tag}>${xml}</${node.qname}>` + text.slice(node.end);
  }
  return text.slice(0, node.closeStart) + xml + text.slice(node.closeStart);
}
