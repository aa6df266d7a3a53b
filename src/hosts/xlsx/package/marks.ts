/**
 * Marks as patches: per marked cell one conditional format (rule formula
 * `ISTEXT("BRA-MARK:<severity>")`, the same contract as the Excel host) with a differential
 * format per severity appended to styles.xml, and the tool's note in the sheet's legacy
 * comments + VML parts. The user's rules move down by the number of ours (and back on clear);
 * a cell with the user's own note or threaded comment keeps it untouched and is reported.
 */
import { classifyNote, isLegacyOverlay, isMarkFormula, markFormula, markNoteText, MARK_TOKEN, NOTE_AUTHOR, NOTE_MARKER, SEVERITY_COLORS, SEVERITIES, type Mark, type MarkPlan, type NoteClass, type Severity } from '../../../core';
import type { CellRef } from '../../../workbook/snapshot';
import { sheetByName } from './book';
import type { XlsxPackage } from './index';
import { CT, REL } from './parts';
import { stylesPath } from './read';
import { indexToCol, parseCell } from './refs';
import { argb, insertionPoint } from './styles';
import { applySplices, attrs, child, children, escText, parseXml, prefixOf, rootOf, setAttrSplice, type Splice, type XNode } from './xml';

/** The core's mark contract, the same for every host. */
export { MARK_TOKEN, NOTE_MARKER, NOTE_AUTHOR };

/** Order of CT_Worksheet's children. */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

function dxfXml(severity: Severity): string {
  const c = SEVERITY_COLORS[severity];
  const fill = argb(c.fill);
  return `<dxf><font><color rgb="${argb(c.font)}"/></font><fill><patternFill patternType="solid"><fgColor rgb="${fill}"/><bgColor rgb="${fill}"/></patternFill></fill></dxf>`;
}

function mostSevere(marks: Mark[]): Severity {
  const rank = (s: Severity): number => SEVERITIES.indexOf(s);
  return marks.reduce<Severity>((worst, m) => (rank(m.severity) < rank(worst) ? m.severity : worst), 'info');
}

function walk(node: XNode, visit: (n: XNode) => void): void {
  for (const c of node.children) {
    visit(c);
    walk(c, visit);
  }
}

/**
 * Our overlay, by the core's contract: every rule carrying MARK_TOKEN. Also an overlay of the
 * earliest versions (isLegacyOverlay: one `TRUE` expression rule whose differential fill is a
 * severity colour, here also on one cell), so re-checking a copy flagged by an older version
 * leaves no stale overlay.
 */
function isOurs(cf: XNode, dxfFills: Map<number, string>): boolean {
  const rules = children(cf, 'cfRule');
  if (rules.length > 0 && rules.every((r) => children(r, 'formula').some((f) => isMarkFormula(f.text)))) return true;
  if (rules.length !== 1 || /[:\s]/.test(cf.attrs.sqref ?? ':')) return false;
  const r = rules[0];
  const f = r ? children(r, 'formula') : [];
  return r?.attrs.type === 'expression' && f.length === 1 && isLegacyOverlay(f[0]?.text ?? '', dxfFills.get(Number(r.attrs.dxfId ?? -1)));
}

/** Each differential format's solid fill colour (for the earliest versions' overlays). */
function dxfFillColors(stylesText: string | undefined): Map<number, string> {
  const out = new Map<number, string>();
  if (stylesText === undefined || !stylesText.includes('dxf')) return out;
  const dxfs = child(rootOf(parseXml(stylesText)), 'dxfs');
  children(dxfs ?? rootOf(parseXml('<x/>')), 'dxf').forEach((d, i) => {
    walk(d, (n) => {
      if ((n.name === 'bgColor' || n.name === 'fgColor') && n.attrs.rgb !== undefined && !out.has(i)) out.set(i, n.attrs.rgb);
    });
  });
  return out;
}

/** Shifts every cfRule priority (also the x14 ones in extLst) by `by`, skipping `except`. */
function shiftPriorities(text: string, root: XNode, by: number, except: Set<XNode>): Splice[] {
  const out: Splice[] = [];
  walk(root, (n) => {
    if (n.name !== 'cfRule' || except.has(n) || n.attrs.priority === undefined) return;
    const sp = setAttrSplice(text, n, 'priority', String(Number(n.attrs.priority) + by));
    if (sp) out.push(sp);
  });
  return out;
}

function relPrefixOf(root: XNode): string {
  const k = Object.keys(root.attrs).find((a) => a.startsWith('xmlns:') && root.attrs[a] === 'http://schemas.openxmlformats.org/officeDocument/2006/relationships');
  return k ? k.slice(6) : 'r';
}

// ---- notes -------------------------------------------------------------------------------------

function commentText(c: XNode): string {
  let out = '';
  walk(c, (n) => {
    if (n.name === 't') out += n.text;
  });
  return out;
}

/** Each legacy comment with its owner by the core's mark contract (its text and author). */
function classifiedComments(root: XNode): Array<{ node: XNode; owner: NoteClass }> {
  const authors = children(child(root, 'authors') ?? root, 'author').map((a) => a.text);
  const cl = child(root, 'commentList');
  return (cl ? children(cl, 'comment') : []).map((node) => ({ node, owner: classifyNote(commentText(node), authors[Number(node.attrs.authorId ?? -1)]) }));
}

function vmlShape(id: number, row: number, col: number): string {
  return (
    `<v:shape ${VML_NS} id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:90pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 2, ${col + 5}, 15, ${row + 4}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/** Declared on each element we add, so it is valid in a VML part written with other prefixes. */
const VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';

const SHAPETYPE =
  `<v:shapetype ${VML_NS} id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

function newVml(block: number, shapes: string): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPETYPE}${shapes}</xml>`
  );
}

/** Cells of one sheet that carry the user's own note (not ours) or a threaded comment. */
export function userNoteCells(pkg: XlsxPackage, part: string): string[] {
  const parts = pkg.parts;
  const out = new Set<string>();
  for (const r of parts.rels(part)) {
    if (!r.part || !parts.has(r.part)) continue;
    if (r.type === REL.comments) {
      const root = rootOf(parts.doc(r.part));
      for (const { node, owner } of classifiedComments(root)) if (owner.kind !== 'tool') out.add((node.attrs.ref ?? '').toUpperCase());
    } else if (r.type === REL.threadedComment) {
      walk(rootOf(parts.doc(r.part)), (n) => {
        if (n.name === 'threadedComment' && n.attrs.ref) out.add(n.attrs.ref.toUpperCase());
      });
    }
  }
  return [...out];
}

/** Adds our notes to one sheet; returns the cells skipped because the user has a note there. */
function addNotes(pkg: XlsxPackage, sheetName: string, part: string, notes: Array<{ address: string; text: string }>, author: string = NOTE_AUTHOR): CellRef[] {
  const parts = pkg.parts;
  const rels = parts.rels(part);
  const skipped: CellRef[] = [];
  const taken = new Set<string>();
  const commentsRel = rels.find((r) => r.type === REL.comments);
  let commentsText = commentsRel?.part ? parts.textOrUndefined(commentsRel.part) : undefined;
  if (commentsText !== undefined) {
    for (const c of children(child(rootOf(parseXml(commentsText)), 'commentList') ?? rootOf(parseXml(commentsText)), 'comment')) taken.add((c.attrs.ref ?? '').toUpperCase());
  }
  for (const r of rels.filter((x) => x.type === REL.threadedComment)) {
    const t = r.part ? parts.textOrUndefined(r.part) : undefined;
    if (t === undefined) continue;
    walk(rootOf(parseXml(t)), (n) => {
      if (n.name === 'threadedComment' && n.attrs.ref) taken.add(n.attrs.ref.toUpperCase());
    });
  }
  const ours = notes.filter((n) => {
    if (taken.has(n.address)) {
      skipped.push({ sheet: sheetName, address: n.address });
      return false;
    }
    return true;
  });
  if (ours.length === 0) return skipped;

  // comments part
  let authorId: number;
  let commentsPart: string;
  if (commentsText === undefined || !commentsRel?.part) {
    commentsPart = parts.freshName('xl/comments', '.xml');
    authorId = 0;
    commentsText = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${escText(author)}</author></authors><commentList></commentList></comments>`;
    parts.set(commentsPart, commentsText);
    parts.addRel(part, REL.comments, commentsPart);
    parts.addOverride(commentsPart, CT.comments);
  } else {
    commentsPart = commentsRel.part;
  }
  {
    const root = rootOf(parseXml(commentsText));
    const p = prefixOf(root);
    const authors = child(root, 'authors');
    const list = authors ? children(authors, 'author') : [];
    const found = list.findIndex((a) => a.text === author);
    const splices: Splice[] = [];
    if (found >= 0) authorId = found;
    else {
      authorId = list.length;
      if (!authors) throw new Error('comments part without authors');
      splices.push(authors.selfClosing ? { start: authors.start, end: authors.end, text: `<${authors.qname}><${p}author>${escText(author)}</${p}author></${authors.qname}>` } : { start: authors.closeStart, end: authors.closeStart, text: `<${p}author>${escText(author)}</${p}author>` });
    }
    const cl = child(root, 'commentList');
    const xml = ours
      .map((n) => `<${p}comment ref="${n.address}" authorId="${authorId}"><${p}text><${p}r><${p}t xml:space="preserve">${escText(n.text)}</${p}t></${p}r></${p}text></${p}comment>`)
      .join('');
    if (!cl) throw new Error('comments part without commentList');
    splices.push(cl.selfClosing ? { start: cl.start, end: cl.end, text: `<${cl.qname}>${xml}</${cl.qname}>` } : { start: cl.closeStart, end: cl.closeStart, text: xml });
    parts.set(commentsPart, applySplices(commentsText, splices));
  }

  // VML part
  const sheetText = parts.text(part);
  const sheetRoot = rootOf(parseXml(sheetText, part));
  const legacy = child(sheetRoot, 'legacyDrawing');
  const rp = relPrefixOf(sheetRoot);
  const vmlRel = legacy ? parts.rels(part).find((r) => r.id === legacy.attrs[`${rp}:id`]) : undefined;
  const vmlText = vmlRel?.part ? parts.textOrUndefined(vmlRel.part) : undefined;
  const pos = (a: string): { row: number; col: number } => {
    const c = parseCell(a);
    return { row: (c?.row ?? 1) - 1, col: (c?.col ?? 1) - 1 };
  };
  if (vmlText !== undefined && vmlRel?.part) {
    let max = 1024;
    for (const m of vmlText.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
    const shapes = ours.map((n, i) => vmlShape(max + 1 + i, pos(n.address).row, pos(n.address).col)).join('');
    const end = vmlText.lastIndexOf('</xml>');
    const add = (vmlText.includes('_x0000_t202') ? '' : SHAPETYPE) + shapes;
    parts.set(vmlRel.part, end < 0 ? vmlText + add : vmlText.slice(0, end) + add + vmlText.slice(end));
  } else {
    const vmlPart = parts.freshName('xl/drawings/vmlDrawing', '.vml');
    const block = 100 + Number(/(\d+)\.vml$/.exec(vmlPart)?.[1] ?? 1);
    parts.set(vmlPart, newVml(block, ours.map((n, i) => vmlShape(block * 1024 + 1 + i, pos(n.address).row, pos(n.address).col)).join('')));
    parts.addOverride(vmlPart, CT.vml);
    const rid = parts.addRel(part, REL.vmlDrawing, vmlPart);
    const t = parts.text(part);
    const root = rootOf(parseXml(t, part));
    const at = insertionPoint(root, 'legacyDrawing', WORKSHEET_ORDER);
    const declared = Object.keys(root.attrs).some((a) => a === `xmlns:${rp}`);
    const ns = declared ? '' : ` xmlns:${rp}="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
    parts.set(part, t.slice(0, at) + `<${prefixOf(root)}legacyDrawing${ns} ${rp}:id="${rid}"/>` + t.slice(at));
  }
  return skipped;
}

// ---- apply / clear -----------------------------------------------------------------------------

/** What one cell gets: an overlay (the formula, drawn in the severity's colours) and a note. */
export interface CellMark {
  address: string;
  severity: Severity;
  /** The overlay's formula, without '=' (null: no overlay). */
  formula: string | null;
  /** The note's text, as it is written (null: none). */
  note: string | null;
}

export function applyMarksTo(pkg: XlsxPackage, plan: MarkPlan): { marked: number; notesSkipped: CellRef[] } {
  const bySheet = new Map<string, Map<string, Mark[]>>();
  for (const m of plan.marks) {
    const cells = bySheet.get(m.sheet) ?? new Map<string, Mark[]>();
    const key = m.address.replace(/\$/g, '').toUpperCase();
    cells.set(key, [...(cells.get(key) ?? []), m]);
    bySheet.set(m.sheet, cells);
  }
  let marked = 0;
  const notesSkipped: CellRef[] = [];
  const { path: stylePath, writer } = pkg.styles();
  const dxfIds = new Map<Severity, number>();
  for (const [sheetName, cells] of bySheet) {
    const list = [...cells].map(([address, marks]): CellMark => {
      const severity = mostSevere(marks);
      return { address, severity, formula: markFormula(severity), note: markNoteText(marks.map((m) => m.note)) };
    });
    const out = writeSheetMarks(pkg, sheetName, list, NOTE_AUTHOR, writer, dxfIds);
    marked += out.marked;
    notesSkipped.push(...out.notesSkipped);
  }
  pkg.parts.set(stylePath, writer.flush());
  return { marked, notesSkipped };
}

/**
 * Writes overlays and notes on one sheet exactly as given (applyMarksTo gives them by the
 * core's contract). Notes are written under `author`; a cell with a note already is skipped.
 */
export function writeCellMarks(pkg: XlsxPackage, sheetName: string, cells: readonly CellMark[], author: string = NOTE_AUTHOR): { marked: number; notesSkipped: CellRef[] } {
  const { path: stylePath, writer } = pkg.styles();
  const out = writeSheetMarks(pkg, sheetName, cells, author, writer, new Map());
  pkg.parts.set(stylePath, writer.flush());
  return out;
}

function writeSheetMarks(
  pkg: XlsxPackage,
  sheetName: string,
  cells: readonly CellMark[],
  author: string,
  writer: ReturnType<XlsxPackage['styles']>['writer'],
  dxfIds: Map<Severity, number>,
): { marked: number; notesSkipped: CellRef[] } {
  const entry = sheetByName(pkg.book(), sheetName);
  if (!entry || !entry.part) throw new Error(`mark on a missing sheet: ${sheetName}`);
  const part = entry.part;
  const text = pkg.parts.text(part);
  const root = rootOf(parseXml(text, part));
  const p = prefixOf(root);
  const drawn = cells.filter((c): c is CellMark & { formula: string } => c.formula !== null);
  const k = drawn.length;
  const splices = k ? shiftPriorities(text, root, k, new Set()) : [];
  let priority = 1;
  let xml = '';
  for (const c of drawn) {
    let dxf = dxfIds.get(c.severity);
    if (dxf === undefined) {
      dxf = writer.dxf(dxfXml(c.severity));
      dxfIds.set(c.severity, dxf);
    }
    xml += `<${p}conditionalFormatting sqref="${c.address}"><${p}cfRule${attrs({ type: 'expression', dxfId: dxf, priority: priority++ })}><${p}formula>${escText(c.formula)}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
  }
  const firstCf = child(root, 'conditionalFormatting');
  const at = firstCf ? firstCf.start : insertionPoint(root, 'conditionalFormatting', WORKSHEET_ORDER);
  if (k) {
    splices.push({ start: at, end: at, text: xml });
    pkg.parts.set(part, applySplices(text, splices));
  }
  const notes = cells.filter((c) => c.note !== null).map((c) => ({ address: c.address, text: c.note as string }));
  return { marked: k, notesSkipped: notes.length ? addNotes(pkg, entry.name, part, notes, author) : [] };
}

export function clearMarksFrom(pkg: XlsxPackage): number {
  const parts = pkg.parts;
  let removed = 0;
  const ourDxfs = new Set<number>();
  const stylePath = stylesPath(parts, pkg.bookPath);
  let legacy: Map<number, string> | undefined;
  for (const entry of pkg.book().sheets) {
    const part = entry.part;
    if (!part || !parts.has(part)) continue;
    let text = parts.text(part);
    const maybeLegacy = text.includes('>TRUE<');
    if (text.includes(MARK_TOKEN) || maybeLegacy) {
      if (maybeLegacy) legacy ??= dxfFillColors(stylePath ? parts.textOrUndefined(stylePath) : undefined);
      const root = rootOf(parseXml(text, part));
      const ours = children(root, 'conditionalFormatting').filter((cf) => isOurs(cf, legacy ?? new Map()));
      if (ours.length) {
        const except = new Set<XNode>();
        let k = 0;
        for (const cf of ours) {
          for (const r of children(cf, 'cfRule')) {
            except.add(r);
            k++;
            if (r.attrs.dxfId !== undefined && text.slice(r.start, r.end).includes(MARK_TOKEN)) ourDxfs.add(Number(r.attrs.dxfId));
          }
        }
        const splices = shiftPriorities(text, root, -k, except);
        for (const cf of ours) splices.push({ start: cf.start, end: cf.end, text: '' });
        text = applySplices(text, splices);
        parts.set(part, text);
        removed += ours.length;
      }
    }
    clearNotes(pkg, part);
  }
  if (ourDxfs.size) {
    const { path, writer } = pkg.styles();
    void writer;
    const st = parts.text(path);
    const root = rootOf(parseXml(st, path));
    const dxfs = child(root, 'dxfs');
    if (dxfs) {
      const list = children(dxfs, 'dxf');
      let cut = list.length;
      while (cut > 0 && ourDxfs.has(cut - 1)) cut--;
      if (cut < list.length) {
        const first = list[cut];
        const last = list[list.length - 1];
        if (first && last) {
          let next: string;
          if (cut === 0 && dxfs.attrs.count === undefined) next = st.slice(0, dxfs.start) + st.slice(dxfs.end);
          else if (cut === 0) next = st.slice(0, dxfs.start) + `${st.slice(dxfs.start, dxfs.openEnd - 1).replace(/count\s*=\s*("[^"]*"|'[^']*')/, 'count="0"')}/>` + st.slice(dxfs.end);
          else {
            const sp: Splice[] = [{ start: first.start, end: last.end, text: '' }];
            const c = setAttrSplice(st, dxfs, 'count', String(cut));
            if (c && dxfs.attrs.count !== undefined) sp.push(c);
            next = applySplices(st, sp);
          }
          parts.set(path, next);
        }
      }
    }
  }
  return removed;
}

/**
 * The tool's notes on one sheet, by the core's contract: its own go (with their VML shapes); one
 * the user typed a reply into keeps the user's words as its text (the shape stays); the user's
 * are untouched.
 */
function clearNotes(pkg: XlsxPackage, part: string): void {
  const parts = pkg.parts;
  const rels = parts.rels(part);
  const cRel = rels.find((r) => r.type === REL.comments);
  if (!cRel?.part) return;
  const ct = parts.textOrUndefined(cRel.part);
  if (ct === undefined || !ct.includes(NOTE_MARKER)) return;
  const root = rootOf(parseXml(ct, cRel.part));
  const p = prefixOf(root);
  const authors = children(child(root, 'authors') ?? root, 'author');
  const classified = classifiedComments(root);
  const all = classified.map((c) => c.node);
  const ours = classified.filter((c) => c.owner.kind === 'tool').map((c) => c.node);
  const replies = classified.filter((c) => c.owner.kind === 'reply');
  if (ours.length === 0 && replies.length === 0) return;
  const refs = new Set(ours.map((c) => (c.attrs.ref ?? '').toUpperCase()));
  const rest = all.filter((c) => !ours.includes(c));
  const sheetText = parts.text(part);
  const sheetRoot = rootOf(parseXml(sheetText, part));
  const legacy = child(sheetRoot, 'legacyDrawing');
  const rp = relPrefixOf(sheetRoot);
  const vRel = legacy ? parts.rels(part).find((r) => r.id === legacy.attrs[`${rp}:id`]) : undefined;
  if (rest.length === 0) {
    parts.remove(cRel.part);
    parts.removeOverride(cRel.part);
    parts.removeRel(part, cRel.id);
  } else {
    const splices: Splice[] = ours.map((c) => ({ start: c.start, end: c.end, text: '' }));
    for (const { node, owner } of replies) {
      const t = child(node, 'text');
      if (!t || owner.kind !== 'reply') continue;
      splices.push({ start: t.start, end: t.end, text: `<${p}text><${p}r><${p}t xml:space="preserve">${escText(owner.userText)}</${p}t></${p}r></${p}text>` });
    }
    // Authors at the end of the list that only our removed notes used were added with them.
    const usedBy = (list: XNode[], i: number) => list.some((c) => Number(c.attrs.authorId) === i);
    for (let i = authors.length - 1; i >= 0 && usedBy(ours, i) && !usedBy(rest, i); i--) {
      const a = authors[i];
      if (a) splices.push({ start: a.start, end: a.end, text: '' });
    }
    parts.set(cRel.part, applySplices(ct, splices));
  }
  if (refs.size === 0) return;
  // VML shapes of the removed notes
  if (!vRel?.part || !legacy) return;
  const vml = parts.textOrUndefined(vRel.part);
  if (vml === undefined) return;
  let kept = 0;
  const next = vml.replace(/<((?:[\w.-]+:)?)shape\b[^>]*>[\s\S]*?<\/\1shape>/g, (shape) => {
    const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape);
    const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape);
    const isNote = /ObjectType\s*=\s*"Note"/.test(shape);
    if (isNote && row && col) {
      const addr = `${indexToCol(Number(col[1]) + 1)}${Number(row[1]) + 1}`;
      if (refs.has(addr)) return '';
    }
    kept++;
    return shape;
  });
  if (kept === 0) {
    parts.remove(vRel.part);
    parts.removeOverride(vRel.part);
    parts.removeRel(part, vRel.id);
    const t = parts.text(part);
    const r = rootOf(parseXml(t, part));
    const l = child(r, 'legacyDrawing');
    if (l) parts.set(part, t.slice(0, l.start) + t.slice(l.end));
  } else {
    parts.set(vRel.part, next);
  }
}

