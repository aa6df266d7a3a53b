/**
 * The .xlsx file host as a package of parts: reads only what the report needs and writes
 * by patching. Parts a call does not touch are carried over in their original compressed
 * form; in a part it touches only the elements it adds or replaces change.
 * Runs in Node and in the browser (no ExcelJS, no node:*).
 */
import { ISSUES_NAME, isIssueSheetNamed, SHEETS, placeIssueSheet, toolIssueSheets, type CellEdit, type MarkPlan, type NamePlan, type SheetPlan, type WorkbookPlan } from '../../../core';
import type { CellRef, Scalar, WorkbookSnapshot } from '../../../workbook/snapshot';
import { readBook, sheetByName, workbookPath, WORKBOOK_ORDER, type Book, type SheetEntry } from './book';
import { rejectByBytes, XlsxInputError } from './errors';
import { PACKAGE_LIMITS, type PackageLimits } from './limits';
import { applyMarksTo, clearMarksFrom, userNoteCells } from './marks';
import { CT, Parts, REL, relsPathOf } from './parts';
import { namesOf, snapshotOf, stylesPath, type SnapshotWant } from './read';
import { absolute, indexToCol, parseCell, quoteSheet, shiftFormula } from './refs';
import { cellBody, needsQuotePrefix, renderSheet } from './render';
import { insertionPoint, pruneStyleTail, StyleWriter, usedXfs } from './styles';
import { applySplices, attrs, child, children, esc, escBody, parseXml, prefixOf, rootOf, setAttrInTag, setAttrSplice, type Splice, type XNode } from './xml';

export { PACKAGE_LIMITS, type PackageLimits } from './limits';
export { XlsxInputError, type XlsxInputReason, type XlsxInputCode } from './errors';
export type { SnapshotWant } from './read';

const MINIMAL = {
  contentTypes:
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
  rootRels:
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
  workbook:
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets><calcPr calcId="191029"/></workbook>',
  workbookRels:
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  styles:
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>',
  core:
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>报表助手</dc:creator></cp:coreProperties>',
  app: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>',
};

/**
 * A sheet's XML up to its cell data, closed again: enough to read and patch its views (which come
 * before <sheetData>) without building a tree of a 100k-row sheet. Offsets are those of the text.
 */
function sheetHead(text: string): string {
  const data = /<(?:[A-Za-z_][\w.-]*:)?sheetData[\s>/]/.exec(text);
  const root = /<((?:[A-Za-z_][\w.-]*:)?worksheet)[\s>]/.exec(text);
  if (!data || !root) return text;
  return `${text.slice(0, data.index)}</${root[1]}>`;
}

export class XlsxPackage {
  /** @internal */ readonly parts: Parts;
  /** @internal */ readonly bookPath: string;

  private constructor(parts: Parts) {
    this.parts = parts;
    this.bookPath = workbookPath(parts);
    const book = this.book();
    if (book.sheets.length === 0) throw new XlsxInputError('xlsx-empty-workbook');
  }

  static open(bytes: Uint8Array, limits?: Partial<PackageLimits>): XlsxPackage {
    const rejected = rejectByBytes(bytes);
    if (rejected) throw rejected;
    const parts = new Parts(bytes, { ...PACKAGE_LIMITS, ...limits });
    if (!parts.has('[Content_Types].xml')) throw new XlsxInputError('xlsx-corrupt');
    return new XlsxPackage(parts);
  }

  static fromPlan(plan: WorkbookPlan): XlsxPackage {
    const parts = new Parts(undefined);
    parts.set('[Content_Types].xml', MINIMAL.contentTypes);
    parts.set('_rels/.rels', MINIMAL.rootRels);
    parts.set('docProps/core.xml', MINIMAL.core);
    parts.set('docProps/app.xml', MINIMAL.app);
    parts.set('xl/workbook.xml', MINIMAL.workbook);
    parts.set('xl/_rels/workbook.xml.rels', MINIMAL.workbookRels);
    parts.set('xl/styles.xml', MINIMAL.styles);
    const pkg = Object.create(XlsxPackage.prototype) as XlsxPackage;
    (pkg as { parts: Parts }).parts = parts;
    (pkg as { bookPath: string }).bookPath = 'xl/workbook.xml';
    pkg.addSheets(plan.sheets);
    pkg.setNames(plan.names);
    const first = plan.sheets[0];
    if (first) pkg.activate(first.name);
    if (plan.sheets.some((s) => s.cells.some((c) => c.formula !== undefined))) pkg.requestFullCalcOnLoad();
    return pkg;
  }

  get macroEnabled(): boolean {
    return this.parts.contentTypeOf(this.bookPath) === CT.workbookMacro || this.parts.has('xl/vbaProject.bin');
  }

  /** Instrumentation for tests: bytes inflated so far and which parts. */
  get inflateStats(): { inflatedBytes: number; inflatedParts: string[] } {
    return this.parts.zip?.stats ?? { inflatedBytes: 0, inflatedParts: [] };
  }

  /** @internal */ book(): Book {
    return readBook(this.parts, this.bookPath);
  }

  /** @internal */ styles(): { path: string; writer: StyleWriter } {
    let path = stylesPath(this.parts, this.bookPath);
    if (!path) {
      path = 'xl/styles.xml';
      this.parts.set(path, MINIMAL.styles);
      this.parts.addRel(this.bookPath, REL.styles, path);
      this.parts.addOverride(path, CT.styles);
    }
    return { path, writer: new StyleWriter(this.parts.text(path)) };
  }

  snapshot(want: SnapshotWant): WorkbookSnapshot {
    return snapshotOf(this.parts, this.bookPath, want);
  }

  /** Every sheet with every cell (for small workbooks and tests). */
  snapshotAll(): WorkbookSnapshot {
    return this.snapshot({ names: () => false, sheets: this.book().sheets.map((s) => s.name) });
  }

  private sheet(name: string): SheetEntry & { part: string } {
    const s = sheetByName(this.book(), name);
    if (!s || !s.part) throw new Error(`no worksheet named ${name}`);
    return s as SheetEntry & { part: string };
  }

  // ---- cell edits ------------------------------------------------------------------------

  applyCellEdits(edits: CellEdit[]): void {
    const real = edits.filter((e) => e.formula !== undefined || e.value !== undefined);
    if (real.length === 0) return;
    const bySheet = new Map<string, CellEdit[]>();
    for (const e of real) {
      const s = this.sheet(e.sheet);
      const list = bySheet.get(s.part) ?? [];
      list.push(e);
      bySheet.set(s.part, list);
    }
    const { path: stylePath, writer } = this.styles();
    let formulaOverwritten = false;
    for (const [part, list] of bySheet) {
      const text = this.parts.text(part);
      const result = editSheet(text, part, list, writer);
      if (result.formulaOverwritten) formulaOverwritten = true;
      this.parts.set(part, result.text);
    }
    const newStyles = writer.flush();
    this.parts.set(stylePath, newStyles);
    if (formulaOverwritten) this.dropCalcChain();
  }

  /**
   * calcChain.xml is Excel's cache of formula cells; an entry for a cell that no longer has a
   * formula makes Excel "repair" the file. Removing single entries is fragile (an entry's sheet
   * index is inherited by the entries after it), so the whole chain goes, with its relationship
   * and content type; Excel rebuilds it silently on load.
   */
  private dropCalcChain(): void {
    const rel = this.parts.rels(this.bookPath).find((r) => r.type === REL.calcChain);
    if (!rel || !rel.part) return;
    this.parts.remove(rel.part);
    this.parts.removeRel(this.bookPath, rel.id);
    this.parts.removeOverride(rel.part);
  }

  // ---- marks -----------------------------------------------------------------------------

  /**
   * Replaces the tool's marks: the old ones go first (clearMarks), then the overlays, notes and
   * 问题清单 of `plan` — under a free name when a sheet of the user's is called 问题清单 — with
   * the hidden name that tells any host it is the tool's (the core's mark contract).
   */
  applyMarks(plan: MarkPlan): { marked: number; notesSkipped: CellRef[] } {
    this.clearMarks();
    const placed = placeIssueSheet(plan, this.book().sheets.map((s) => s.name));
    const out = applyMarksTo(this, placed);
    this.addSheets([placed.issueSheet]);
    this.addDefinedName(ISSUES_NAME, `${quoteSheet(placed.issueSheet.name)}!$A$1`, undefined, true);
    return out;
  }

  /**
   * Whether the workbook carries the tool's 问题清单 (a flagged copy), from workbook.xml and that
   * sheet alone: cheap where clearMarks must read every sheet.
   */
  hasIssueSheet(): boolean {
    return this.toolIssueSheets().length > 0;
  }

  /** The tool's 问题清单 sheets, as the core's contract tells them. */
  private toolIssueSheets(): string[] {
    const book = this.book();
    const named = book.sheets.filter((s) => isIssueSheetNamed(s.name)).map((s) => s.name);
    const probe = named.length ? this.snapshot({ names: () => false, sheets: named }) : undefined;
    return toolIssueSheets({
      sheets: book.sheets.map((s) => s.name),
      names: namesOf(book),
      probe: (sheet, address) => probe?.sheets.find((x) => x.name === sheet)?.cells[address]?.v ?? undefined,
    });
  }

  /**
   * Cells that already carry the user's own note or a threaded comment: applyMarks will not
   * write a note there (it reports them as notesSkipped). Lets a caller plan 问题清单 first.
   */
  cellsWithUserNotes(): CellRef[] {
    const out: CellRef[] = [];
    for (const s of this.book().sheets) {
      if (!s.part || !this.parts.has(s.part)) continue;
      for (const address of userNoteCells(this, s.part)) out.push({ sheet: s.name, address });
    }
    return out;
  }

  /**
   * Removes every mark the tool added — overlays, its notes (a reply typed into one stays as the
   * user's note), its 问题清单 — and nothing else. Returns the number of overlays removed.
   */
  clearMarks(): number {
    const n = clearMarksFrom(this);
    for (const name of this.toolIssueSheets()) {
      const issues = sheetByName(this.book(), name);
      if (!issues) continue;
      const used = issues.part && this.parts.has(issues.part) ? usedXfs(this.parts.text(issues.part)) : new Set<number>();
      this.removeSheet(issues.name);
      const elsewhere = new Set<number>();
      for (const s of this.book().sheets) {
        if (s.part && this.parts.has(s.part)) for (const i of usedXfs(this.parts.text(s.part))) elsewhere.add(i);
      }
      const path = stylesPath(this.parts, this.bookPath);
      if (path && used.size) this.parts.set(path, pruneStyleTail(this.parts.text(path), used, elsewhere));
    }
    return n;
  }

  // ---- sheets ----------------------------------------------------------------------------

  addSheets(sheets: SheetPlan[]): void {
    for (const plan of sheets) this.addSheet(plan);
  }

  private addSheet(plan: SheetPlan): void {
    if (Array.from(plan.name).length > 31) throw new Error(`sheet name longer than 31 characters: ${plan.name}`);
    const { path: stylePath, writer } = this.styles();
    const rendered = renderSheet(plan, writer);
    this.parts.set(stylePath, writer.flush());
    let book = this.book();
    const old = sheetByName(book, plan.name);
    let index: number;
    if (old && old.part) {
      index = old.index;
      this.dropSheetParts(old.part);
      this.parts.set(old.part, rendered.xml);
      this.dropNamesInto(old.name, old.index);
      if (old.name !== plan.name) {
        book = this.book();
        const node = book.sheets[index]?.node;
        if (node) this.spliceBook([setAttrSplice(book.text, node, 'name', plan.name)]);
      }
    } else {
      const part = this.parts.freshName('xl/worksheets/sheet', '.xml');
      this.parts.set(part, rendered.xml);
      const rid = this.parts.addRel(this.bookPath, REL.worksheet, part);
      this.parts.addOverride(part, CT.worksheet);
      book = this.book();
      const sheetId = Math.max(0, ...book.sheets.map((s) => s.sheetId)) + 1;
      const sheetsNode = child(book.root, 'sheets');
      if (!sheetsNode) throw new XlsxInputError('xlsx-corrupt');
      const p = prefixOf(sheetsNode);
      const RELS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
      const declared = Object.keys(book.root.attrs).find((k) => k.startsWith('xmlns:') && book.root.attrs[k] === RELS_NS)?.slice(6);
      // a workbook that declares the relationships namespace only on each <sheet> (openpyxl) gets it on ours too
      const xml = `<${p}sheet${attrs({ ...(declared ? {} : { 'xmlns:r': RELS_NS }), name: plan.name, sheetId, state: plan.hidden ? 'hidden' : undefined, [`${declared ?? 'r'}:id`]: rid })}/>`;
      this.parts.set(this.bookPath, insertChild(book.text, sheetsNode, xml));
      index = book.sheets.length;
    }
    if (rendered.printTitles) {
      this.addDefinedName('_xlnm.Print_Titles', `${quoteSheet(plan.name)}!${rendered.printTitles}`, index);
    }
  }

  /** The parts hanging off a sheet that is replaced (its notes, drawings, tables) go with it. */
  private dropSheetParts(part: string): void {
    for (const r of this.parts.rels(part)) {
      if (!r.part) continue;
      if (r.type === REL.comments || r.type === REL.vmlDrawing || r.type === REL.threadedComment) {
        this.parts.remove(r.part);
        this.parts.removeOverride(r.part);
      }
    }
    this.parts.remove(relsPathOf(part));
  }

  private spliceBook(splices: Array<Splice | undefined>): void {
    const list = splices.filter((s): s is Splice => s !== undefined);
    if (list.length === 0) return;
    this.parts.set(this.bookPath, applySplices(this.book().text, list));
  }

  /** Removes the names pointing into a sheet (and those scoped to it). */
  private dropNamesInto(sheetName: string, index: number): void {
    const book = this.book();
    const lower = sheetName.toLowerCase();
    const splices: Splice[] = [];
    for (const n of book.names) {
      const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(n.formula.trim());
      const target = m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : undefined;
      if (n.localSheetId === index || target?.toLowerCase() === lower) splices.push({ start: n.node.start, end: n.node.end, text: '' });
    }
    // every name goes: the element goes too (it was added with them; an empty one is not written back)
    const dn = child(book.root, 'definedNames');
    if (dn && splices.length > 0 && splices.length === book.names.length) {
      this.spliceBook([{ start: dn.start, end: dn.end, text: '' }]);
      return;
    }
    this.spliceBook(splices);
  }

  /** Removes a sheet: its element, relationship, part, content type, its names; renumbers localSheetId and views. */
  removeSheet(name: string): void {
    const s = sheetByName(this.book(), name);
    if (!s) return;
    this.dropNamesInto(s.name, s.index);
    if (s.part) {
      this.dropSheetParts(s.part);
      this.parts.remove(s.part);
      this.parts.removeOverride(s.part);
    }
    this.parts.removeRel(this.bookPath, s.rid);
    const book = this.book();
    const entry = book.sheets[s.index];
    if (!entry) return;
    const splices: Array<Splice | undefined> = [{ start: entry.node.start, end: entry.node.end, text: '' }];
    for (const n of book.names) {
      if (n.localSheetId !== undefined && n.localSheetId > s.index) splices.push(setAttrSplice(book.text, n.node, 'localSheetId', String(n.localSheetId - 1)));
    }
    for (const v of children(child(book.root, 'bookViews') ?? book.root, 'workbookView')) {
      const tab = Number(v.attrs.activeTab ?? 0);
      const first = Number(v.attrs.firstSheet ?? 0);
      const last = book.sheets.length - 2;
      const original = book.text.slice(v.start, v.openEnd);
      let tag = original;
      if (v.attrs.activeTab !== undefined && tab >= s.index && tab > 0) tag = setTagAttr(tag, 'activeTab', String(Math.min(tab - 1, last)));
      if (v.attrs.firstSheet !== undefined && first >= s.index && first > 0) tag = setTagAttr(tag, 'firstSheet', String(first - 1));
      if (tag !== original) splices.push({ start: v.start, end: v.openEnd, text: tag });
    }
    this.spliceBook(splices);
  }

  private addDefinedName(name: string, formula: string, localSheetId: number | undefined, hidden = false): void {
    const book = this.book();
    const existing = book.names.find((n) => n.name.toLowerCase() === name.toLowerCase() && n.localSheetId === localSheetId);
    const xml = `<definedName${attrs({ name, localSheetId, hidden: hidden ? '1' : undefined })}>${esc(formula)}</definedName>`;
    if (existing) {
      this.spliceBook([{ start: existing.node.start, end: existing.node.end, text: xml }]);
      return;
    }
    const dn = child(book.root, 'definedNames');
    if (dn) this.parts.set(this.bookPath, insertChild(book.text, dn, xml));
    else {
      const at = insertionPoint(book.root, 'definedNames', WORKBOOK_ORDER);
      this.spliceBook([{ start: at, end: at, text: `<definedNames>${xml}</definedNames>` }]);
    }
  }

  setNames(names: NamePlan[]): void {
    if (names.length === 0) return;
    const planned = new Set(names.map((n) => n.name.toLowerCase()));
    let book = this.book();
    this.spliceBook(
      book.names
        .filter((n) => n.localSheetId === undefined && planned.has(n.name.toLowerCase()))
        .map((n) => ({ start: n.node.start, end: n.node.end, text: '' })),
    );
    book = this.book();
    let xml = '';
    for (const n of names) {
      const s = sheetByName(book, n.sheet);
      if (!s) throw new Error(`name ${n.name} points to a missing sheet: ${n.sheet}`);
      xml += `<definedName name="${esc(n.name)}">${esc(`${quoteSheet(s.name)}!${absolute(n.address)}`)}</definedName>`;
    }
    const dn = child(book.root, 'definedNames');
    if (dn) this.parts.set(this.bookPath, insertChild(book.text, dn, xml));
    else {
      const at = insertionPoint(book.root, 'definedNames', WORKBOOK_ORDER);
      this.spliceBook([{ start: at, end: at, text: `<definedNames>${xml}</definedNames>` }]);
    }
  }

  activate(sheetName: string): void {
    const book = this.book();
    const s = sheetByName(book, sheetName);
    if (!s) throw new Error(`no sheet named ${sheetName}`);
    const views = child(book.root, 'bookViews');
    const wv = views ? child(views, 'workbookView') : undefined;
    if (wv) {
      let tag = setTagAttr(book.text.slice(wv.start, wv.openEnd), 'activeTab', String(s.index));
      if (Number(wv.attrs.firstSheet ?? 0) > s.index) tag = setTagAttr(tag, 'firstSheet', String(s.index));
      this.spliceBook([{ start: wv.start, end: wv.openEnd, text: tag }]);
    } else {
      const at = insertionPoint(book.root, 'bookViews', WORKBOOK_ORDER);
      this.spliceBook([{ start: at, end: at, text: `<bookViews><workbookView activeTab="${s.index}"/></bookViews>` }]);
    }
    for (const other of this.book().sheets) {
      if (!other.part || !this.parts.has(other.part)) continue;
      const text = this.parts.text(other.part);
      const root = rootOf(parseXml(sheetHead(text), other.part));
      const view = child(child(root, 'sheetViews') ?? root, 'sheetView');
      if (!view) continue;
      const selected = view.attrs.tabSelected === '1' || view.attrs.tabSelected === 'true';
      if (other.index === s.index && !selected) this.parts.set(other.part, applySplices(text, [setAttrSplice(text, view, 'tabSelected', '1') as Splice]));
      if (other.index !== s.index && selected) this.parts.set(other.part, applySplices(text, [setAttrSplice(text, view, 'tabSelected', undefined) as Splice]));
    }
  }

  requestFullCalcOnLoad(): void {
    const book = this.book();
    const calc = child(book.root, 'calcPr');
    if (calc) {
      if (calc.attrs.fullCalcOnLoad === '1' || calc.attrs.fullCalcOnLoad === 'true') return;
      this.spliceBook([setAttrSplice(book.text, calc, 'fullCalcOnLoad', '1')]);
    } else {
      const at = insertionPoint(book.root, 'calcPr', WORKBOOK_ORDER);
      this.spliceBook([{ start: at, end: at, text: `<${prefixOf(book.root)}calcPr fullCalcOnLoad="1"/>` }]);
    }
  }

  toBytes(): Uint8Array {
    return this.parts.toBytes();
  }
}

/** The issue sheet's name (the tool's list goes under the next free name when a user's sheet has it). */
export const ISSUE_SHEET = SHEETS.issues;

const setTagAttr = setAttrInTag;

function insertChild(text: string, node: XNode, xml: string): string {
  if (node.selfClosing) return text.slice(0, node.start) + `${text.slice(node.start, node.openEnd - 2)}>${xml}</${node.qname}>` + text.slice(node.end);
  return text.slice(0, node.closeStart) + xml + text.slice(node.closeStart);
}

// ---- editing cells in one sheet's XML --------------------------------------------------------

interface EditResult {
  text: string;
  formulaOverwritten: boolean;
}

function editSheet(text: string, part: string, edits: CellEdit[], styles: StyleWriter): EditResult {
  const root = rootOf(parseXml(text, part));
  const sheetData = child(root, 'sheetData');
  if (!sheetData) throw new XlsxInputError('xlsx-corrupt', { part });
  const p = prefixOf(sheetData);
  const rows = new Map<number, XNode>();
  const cells = new Map<string, XNode>();
  let rowNo = 0;
  for (const row of children(sheetData, 'row')) {
    rowNo = row.attrs.r !== undefined ? Number(row.attrs.r) : rowNo + 1;
    rows.set(rowNo, row);
    let colNo = 0;
    for (const c of children(row, 'c')) {
      const pos = c.attrs.r !== undefined ? parseCell(c.attrs.r) : { row: rowNo, col: colNo + 1 };
      if (!pos) continue;
      colNo = pos.col;
      cells.set(`${pos.row}:${pos.col}`, c);
    }
  }
  // last edit of a cell wins
  const byCell = new Map<string, { row: number; col: number; edit: CellEdit }>();
  for (const e of edits) {
    const pos = parseCell(e.address);
    if (!pos) throw new Error(`not a cell address: ${e.address}`);
    byCell.set(`${pos.row}:${pos.col}`, { row: pos.row, col: pos.col, edit: e });
  }
  const splices: Splice[] = [];
  let formulaOverwritten = false;
  const newCell = (row: number, col: number, e: CellEdit, old: XNode | undefined): string => {
    let s = Number(old?.attrs.s ?? 0);
    const value: Scalar | undefined = e.formula !== undefined ? e.result : e.value;
    if (e.formula === undefined && typeof value === 'string' && needsQuotePrefix(value)) s = styles.quotePrefixed(s);
    const { t, inner } = cellBody(value, e.formula, p);
    const keep = old ? keptAttrs(old) : {};
    const a = attrs({ r: `${indexToCol(col)}${row}`, s: s ? s : undefined, t, ...keep });
    return inner ? `<${p}c${a}>${inner}</${p}c>` : `<${p}c${a}/>`;
  };
  // shared-formula masters about to be overwritten: their clones get their own text
  const detach = new Set<string>();
  for (const [key, { edit }] of byCell) {
    const old = cells.get(key);
    const f = old ? child(old, 'f') : undefined;
    if (f) {
      if (edit.formula === undefined) formulaOverwritten = true;
      if (f.attrs.t === 'shared' && f.attrs.ref !== undefined && f.attrs.si !== undefined) detach.add(f.attrs.si);
    }
  }
  if (detach.size) {
    const masters = new Map<string, { row: number; col: number; f: string }>();
    for (const [key, c] of cells) {
      const f = child(c, 'f');
      if (f && f.attrs.t === 'shared' && f.attrs.ref !== undefined && f.attrs.si !== undefined && detach.has(f.attrs.si)) {
        const [r, co] = key.split(':').map(Number);
        masters.set(f.attrs.si, { row: r ?? 0, col: co ?? 0, f: f.text });
      }
    }
    for (const [key, c] of cells) {
      if (byCell.has(key)) continue;
      const f = child(c, 'f');
      if (!f || f.attrs.t !== 'shared' || f.attrs.si === undefined || !detach.has(f.attrs.si)) continue;
      const m = masters.get(f.attrs.si);
      if (!m) continue;
      const [r, co] = key.split(':').map(Number);
      const shifted = shiftFormula(m.f, (r ?? 0) - m.row, (co ?? 0) - m.col);
      splices.push({ start: f.start, end: f.end, text: `<${f.qname}>${escBody(shifted)}</${f.qname}>` });
    }
  }
  // group new cells by row
  const byRow = new Map<number, Array<{ col: number; edit: CellEdit }>>();
  for (const { row, col, edit } of byCell.values()) {
    const list = byRow.get(row) ?? [];
    list.push({ col, edit });
    byRow.set(row, list);
  }
  for (const [row, list] of byRow) {
    list.sort((a, b) => a.col - b.col);
    const rowNode = rows.get(row);
    // A long 说明: the row is made at least as tall as the core's estimate (never lowered).
    const hint = Math.max(0, ...list.map((x) => x.edit.rowHeight ?? 0));
    const tallerTag = (tag: string, node: XNode | undefined): string => {
      if (hint <= 0) return tag;
      const ht = Number(node?.attrs.ht ?? 0);
      return ht >= hint ? tag : setTagAttr(tag, 'ht', String(hint));
    };
    if (rowNode && !rowNode.selfClosing && hint > 0) {
      const open = text.slice(rowNode.start, rowNode.openEnd);
      const next = tallerTag(open, rowNode);
      if (next !== open) splices.push({ start: rowNode.start, end: rowNode.openEnd, text: next });
    }
    if (!rowNode) {
      const xml = `${tallerTag(`<${p}row r="${row}">`, undefined)}${list.map((x) => newCell(row, x.col, x.edit, undefined)).join('')}</${p}row>`;
      const next = [...rows.entries()].filter(([r]) => r > row).sort((a, b) => a[0] - b[0])[0];
      if (next) splices.push({ start: next[1].start, end: next[1].start, text: xml });
      else if (sheetData.selfClosing) splices.push({ start: sheetData.start, end: sheetData.end, text: `${text.slice(sheetData.start, sheetData.openEnd - 2)}>${xml}</${sheetData.qname}>` });
      else splices.push({ start: sheetData.closeStart, end: sheetData.closeStart, text: xml });
      continue;
    }
    if (rowNode.selfClosing) {
      const xml = `${tallerTag(`${text.slice(rowNode.start, rowNode.openEnd - 2)}>`, rowNode)}${list.map((x) => newCell(row, x.col, x.edit, undefined)).join('')}</${rowNode.qname}>`;
      splices.push({ start: rowNode.start, end: rowNode.end, text: xml });
      continue;
    }
    const rowCells = [...cells.entries()]
      .filter(([k]) => k.startsWith(`${row}:`))
      .map(([k, c]) => ({ col: Number(k.split(':')[1]), c }))
      .sort((a, b) => a.col - b.col);
    for (const x of list) {
      const old = cells.get(`${row}:${x.col}`);
      if (old) {
        splices.push({ start: old.start, end: old.end, text: newCell(row, x.col, x.edit, old) });
        continue;
      }
      const next = rowCells.find((rc) => rc.col > x.col);
      const at = next ? next.c.start : rowNode.closeStart;
      splices.push({ start: at, end: at, text: newCell(row, x.col, x.edit, undefined) });
    }
  }
  return { text: applySplices(text, splices), formulaOverwritten };
}

/** Attributes of an old `<c>` that stay (ph); cm/vm (rich-value metadata) belong to the old value and go. */
function keptAttrs(c: XNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.attrs)) if (k !== 'r' && k !== 's' && k !== 't' && k !== 'cm' && k !== 'vm') out[k] = v;
  return out;
}

