/**
 * The mark contract: how every host writes what the tool adds to a workbook, and how every
 * host tells it apart from the user's own things when it checks again or clears. One place,
 * so marks made by one host are recognised and cleared by any other.
 *
 *  - An overlay is a conditional format whose formula is markFormula(severity)
 *    (`ISTEXT("BRA-MARK:<severity>")`, always TRUE): isMarkFormula.
 *  - A note of the tool's is toolNote(body): NOTE_MARKER, the body, and a closing line the tool
 *    always writes last (`（报表助手标注，清除标记时删除）`, in the locale of the check). Whatever a
 *    user types before the marker or after the closing line is theirs: classifyNote gives it back
 *    as the user's note when the marks are cleared. Notes of the earlier format (the marker, no
 *    closing line) are the tool's when they end in the tool's rule line (`规则：R01`, optionally
 *    followed by `建议值：…`) — what follows that line is the user's — or when their author is
 *    NOTE_AUTHOR (the file host wrote them under that name); a note that merely begins with the
 *    marker is the user's.
 *  - The tool's 问题清单 is the sheet the hidden workbook name ISSUES_NAME points at. A sheet
 *    flagged before that name existed is the tool's when it is called 问题清单 and its title and
 *    header row are the tool's (issueSheetLooksOurs). A user's own sheet of that name is left
 *    alone; the tool's list then goes under the next free name (问题清单（2）).
 */
import type { Scalar } from '../../workbook/snapshot';
import { marksText } from '../i18n/marks';
import { word } from '../i18n/findings';
import type { Locale } from '../i18n/locale';
import { MARK_TOKEN, NOTE_AUTHOR, NOTE_MARKER, SEVERITY_COLORS, type MarkPlan } from '../plan/types';
import { SHEETS } from '../template/layout';
import { clipText, TEXT_LIMITS } from '../text';

const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

// ---- overlays ----------------------------------------------------------------------------

/** A conditional format's formula (with or without '=') is one of the tool's overlays. */
export function isMarkFormula(formula: string): boolean {
  return formula.includes(`"${MARK_TOKEN}:`);
}

/**
 * An overlay of the earliest versions (before MARK_TOKEN): a rule whose formula is plain TRUE,
 * filled in one of the severity colours (`fill`: 6-digit hex, '#' and an alpha prefix allowed).
 * A host that knows the rule's range also requires it to be one cell.
 */
export function isLegacyOverlay(formula: string, fill: string | null | undefined): boolean {
  const f = formula.trim().replace(/^=/, '').toUpperCase();
  const hex = (fill ?? '').replace(/^#/, '').toUpperCase().slice(-6);
  return f === 'TRUE' && Object.values(SEVERITY_COLORS).some((c) => c.fill.toUpperCase() === hex);
}

// ---- notes -------------------------------------------------------------------------------

/** The closing line of the tool's notes, in every locale (a note is recognised in any of them). */
export const NOTE_CLOSINGS: readonly string[] = LOCALES.map((l) => marksText(l).noteClosing);

/**
 * The text of one of the tool's notes: NOTE_MARKER, the body (clipped so the whole fits in
 * `limit` characters) and the closing line.
 */
export function toolNote(body: string, locale: Locale = 'zh-CN', limit: number = TEXT_LIMITS.cell): string {
  const closing = marksText(locale).noteClosing;
  const head = body.startsWith(NOTE_MARKER) ? body : `${NOTE_MARKER}${body}`;
  return `${clipText(head, Math.max(NOTE_MARKER.length + 1, limit - closing.length - 1))}\n${closing}`;
}

/**
 * The note a host writes on a cell marked by `notes` (a plan's Mark.note texts; planMarks
 * already gives each cell one note built by toolNote): one tool note whose body is every
 * note's body, its closing line in the locale the plan's notes were written in.
 */
export function markNoteText(notes: readonly string[], limit: number = TEXT_LIMITS.cell): string {
  let locale: Locale = 'zh-CN';
  const bodies = notes.map((n) => {
    let body = n.startsWith(NOTE_MARKER) ? n.slice(NOTE_MARKER.length) : n;
    LOCALES.forEach((l) => {
      const c = `\n${marksText(l).noteClosing}`;
      if (body.endsWith(c)) {
        body = body.slice(0, -c.length);
        locale = l;
      }
    });
    return body;
  });
  return toolNote(bodies.join('\n\n'), locale, limit);
}

export type NoteClass =
  /** The tool's own note: clearing removes it. */
  | { kind: 'tool'; legacy: boolean }
  /** The tool's note with the user's words typed into it: clearing leaves `userText` as the user's note. */
  | { kind: 'reply'; userText: string; legacy: boolean }
  /** The user's note: never touched. */
  | { kind: 'user' };

const ruleLine = new RegExp(
  `^(?:${LOCALES.map((l) => escapeRe(word(l, 'note-rule'))).join('|')})\\s*[:：]\\s*[A-Z][0-9]{1,3}(?:\\s*,\\s*[A-Z][0-9]{1,3})*\\s*$`,
);
const suggestionLine = new RegExp(`^(?:${LOCALES.map((l) => escapeRe(word(l, 'note-suggestion'))).join('|')})\\s*[:：]`);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function joinUser(before: string, after: string): string {
  const a = before.trim();
  const b = after.trim();
  return a && b ? `${a}\n${b}` : a || b;
}

/**
 * Whose a note is, from its text and, where the host knows it, its author. See the module's
 * comment for the rules; a note whose owner is in doubt is the user's.
 */
export function classifyNote(text: string, author?: string): NoteClass {
  const start = text.indexOf(NOTE_MARKER);
  if (start >= 0) {
    let at = -1;
    let len = 0;
    for (const c of NOTE_CLOSINGS) {
      const j = text.indexOf(c, start + NOTE_MARKER.length);
      if (j >= 0 && (at < 0 || j < at)) {
        at = j;
        len = c.length;
      }
    }
    if (at >= 0) {
      const userText = joinUser(text.slice(0, start), text.slice(at + len));
      return userText ? { kind: 'reply', userText, legacy: false } : { kind: 'tool', legacy: false };
    }
  }
  if (!text.startsWith(NOTE_MARKER)) return { kind: 'user' };
  // The earlier format: the marker, the findings' lines, no closing line.
  const lines = text.split(/\r?\n/);
  let last = -1;
  lines.forEach((l, i) => {
    if (ruleLine.test(l.trim())) last = i;
  });
  if (last >= 0) {
    if (suggestionLine.test((lines[last + 1] ?? '').trim())) last++;
    const userText = lines.slice(last + 1).join('\n').trim();
    return userText ? { kind: 'reply', userText, legacy: true } : { kind: 'tool', legacy: true };
  }
  if (author !== undefined && author === NOTE_AUTHOR) return { kind: 'tool', legacy: true };
  return { kind: 'user' };
}

// ---- 问题清单 ----------------------------------------------------------------------------

/** The hidden workbook name that points at A1 of the tool's 问题清单. */
export const ISSUES_NAME = 'BRA_MARK_ISSUES';

/** The cells a host reads of a sheet called 问题清单 to tell an earlier flagged copy's list. */
export const ISSUE_SHEET_PROBE = 'A1:I3';

/** Whether a sheet is called 问题清单 (and so needs the probe when no name points at it). */
export function isIssueSheetNamed(name: string): boolean {
  return name.toUpperCase() === SHEETS.issues.toUpperCase();
}

/** The tool's title in A1 and header row in row 3, in one of the locales. */
export function issueSheetLooksOurs(cell: (address: string) => Scalar | undefined): boolean {
  const a1 = cell('A1');
  return LOCALES.some((l) => {
    const t = marksText(l);
    return a1 === t.issueTitle && t.issueHeaders.every((h, i) => cell(`${String.fromCharCode(65 + i)}3`) === h);
  });
}

export interface IssueSheetEvidence {
  /** Every sheet's name. */
  sheets: readonly string[];
  /** Workbook names that point into a sheet. */
  names: ReadonlyArray<{ name: string; sheet: string }>;
  /** A cell of a sheet called 问题清单 (only ISSUE_SHEET_PROBE's cells are asked for). */
  probe: (sheet: string, address: string) => Scalar | undefined;
}

/** The tool's 问题清单 sheets in a workbook (normally none or one), by their names there. */
export function toolIssueSheets(e: IssueSheetEvidence): string[] {
  const byUpper = new Map(e.sheets.map((s) => [s.toUpperCase(), s]));
  const out = new Set<string>();
  for (const n of e.names) {
    if (n.name.toUpperCase() !== ISSUES_NAME) continue;
    const s = byUpper.get(n.sheet.toUpperCase());
    if (s) out.add(s);
  }
  for (const s of e.sheets) {
    if (!out.has(s) && isIssueSheetNamed(s) && issueSheetLooksOurs((a) => e.probe(s, a))) out.add(s);
  }
  return [...out];
}

/** 问题清单, or 问题清单（2）… when a sheet of the user's (one that stays) already has the name. */
export function freeIssueSheetName(remaining: readonly string[]): string {
  const taken = new Set(remaining.map((s) => s.toUpperCase()));
  if (!taken.has(SHEETS.issues.toUpperCase())) return SHEETS.issues;
  for (let i = 2; ; i++) {
    const n = `${SHEETS.issues}（${i}）`;
    if (!taken.has(n.toUpperCase())) return n;
  }
}

/** The plan with its 问题清单 under a name free among the sheets that stay. */
export function placeIssueSheet(plan: MarkPlan, remaining: readonly string[]): MarkPlan {
  const name = freeIssueSheetName(remaining);
  return name === plan.issueSheet.name ? plan : { ...plan, issueSheet: { ...plan.issueSheet, name } };
}
