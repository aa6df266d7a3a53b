/** workbook.xml: the sheets, their parts, the defined names, views and calculation settings. */
import { XlsxInputError } from './errors';
import { REL, type Parts } from './parts';
import { child, children, rootOf, type XNode } from './xml';

export interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  /** Worksheet part, e.g. `xl/worksheets/sheet1.xml` (undefined for a chartsheet or a dangling id). */
  part: string | undefined;
  node: XNode;
  index: number;
  hidden: boolean;
}

export interface DefinedName {
  name: string;
  localSheetId: number | undefined;
  formula: string;
  node: XNode;
}

export interface Book {
  path: string;
  text: string;
  root: XNode;
  sheets: SheetEntry[];
  names: DefinedName[];
  date1904: boolean;
}

/** The workbook part's name, from the package relationships. */
export function workbookPath(parts: Parts): string {
  const rel = parts.rels('').find((r) => r.type === REL.officeDocument) ?? parts.rels('').find((r) => r.type.endsWith('/officeDocument'));
  const path = rel?.part ?? 'xl/workbook.xml';
  if (!parts.has(path)) throw new XlsxInputError('xlsx-corrupt', { part: path });
  return path;
}

export function readBook(parts: Parts, path: string): Book {
  const text = parts.text(path);
  const root = rootOf(parts.doc(path));
  if (root.name !== 'workbook') throw new XlsxInputError('xlsx-corrupt', { part: path });
  const rels = new Map(parts.rels(path).map((r) => [r.id, r]));
  const sheetsNode = child(root, 'sheets');
  const sheets: SheetEntry[] = children(sheetsNode ?? root, 'sheet').map((node, index) => {
    const rid = node.attrs['r:id'] ?? Object.entries(node.attrs).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
    const rel = rels.get(rid);
    const part = rel && rel.type.endsWith('/worksheet') ? rel.part : undefined;
    return {
      name: node.attrs.name ?? '',
      sheetId: Number(node.attrs.sheetId ?? 0),
      rid,
      part,
      node,
      index,
      hidden: node.attrs.state === 'hidden' || node.attrs.state === 'veryHidden',
    };
  });
  const names: DefinedName[] = children(child(root, 'definedNames') ?? root, 'definedName').map((node) => ({
    name: node.attrs.name ?? '',
    localSheetId: node.attrs.localSheetId !== undefined ? Number(node.attrs.localSheetId) : undefined,
    formula: node.text,
    node,
  }));
  const pr = child(root, 'workbookPr');
  const date1904 = pr?.attrs.date1904 === '1' || pr?.attrs.date1904 === 'true';
  return { path, text, root, sheets, names, date1904 };
}

/** Excel compares sheet names without regard to case. */
export function sheetByName(book: Book, name: string): SheetEntry | undefined {
  const exact = book.sheets.find((s) => s.name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return book.sheets.find((s) => s.name.toLowerCase() === lower);
}

/** Order of CT_Workbook's children. */
export const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'absPath', 'revisionPtr', 'AlternateContent', 'workbookProtection', 'bookViews', 'sheets',
  'functionGroups', 'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews',
  'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst',
];
