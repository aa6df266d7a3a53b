/**
 * The flagged copy: each marked cell gets a one-cell conditional-format overlay and a note,
 * and the workbook gets the issue sheet. The overlay is drawn *over* the user's own fill and
 * number format, never in place of them, so deleting the rule leaves the cell as it was; no
 * value is written.
 */
import type { Comment, ConditionalFormattingRule, Font, RichText, Style } from 'exceljs';
import { SEVERITIES, SEVERITY_COLORS, type Mark, type MarkPlan, type Severity } from '../../../src/core';
import type { Cell, Workbook, Worksheet } from './exceljs';
import { sheetNamed } from './read';
import { addSheets, argb } from './write';

/** ARGB fills of our overlays, to recognise (and replace) those of an earlier flagged copy. */
const OVERLAY_FILLS = new Set(Object.values(SEVERITY_COLORS).map((c) => argb(c.fill)));

function overlayStyle(severity: Severity): Partial<Style> {
  const colors = SEVERITY_COLORS[severity];
  const fill = { argb: argb(colors.fill) };
  // In a differential (conditional) format Excel paints a solid fill with bgColor, while
  // other readers look at fgColor; both are set.
  return {
    fill: { type: 'pattern', pattern: 'solid', fgColor: fill, bgColor: fill },
    font: { color: { argb: argb(colors.font) } },
  };
}

function mostSevere(marks: Mark[]): Severity {
  const rank = (s: Severity): number => SEVERITIES.indexOf(s);
  return marks.reduce<Severity>((worst, m) => (rank(m.severity) < rank(worst) ? m.severity : worst), 'info');
}

type CfRule = { type?: string; formulae?: unknown[]; priority?: number; style?: Partial<Style> };
type Cf = { ref: string; rules: CfRule[] };

function isOurOverlay(cf: Cf): boolean {
  if (/[:\s]/.test(cf.ref) || cf.rules.length !== 1) return false;
  const rule = cf.rules[0];
  if (!rule || rule.type !== 'expression') return false;
  if (String(rule.formulae?.[0] ?? '').toUpperCase() !== 'TRUE') return false;
  const fill = rule.style?.fill as { fgColor?: { argb?: string }; bgColor?: { argb?: string } } | undefined;
  const color = fill?.bgColor?.argb ?? fill?.fgColor?.argb;
  return color !== undefined && OVERLAY_FILLS.has(color.toUpperCase());
}

/**
 * Drops overlays left by an earlier flagged copy (a fixed cell must not stay red) and moves the
 * user's own rules down by `count`, so our overlays (priority 1..count) win where both apply.
 */
function makeRoomForOverlays(ws: Worksheet, count: number): void {
  // Not in ExcelJS's typings, but it is the list the writer renders.
  const all = (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;
  const kept = all.filter((cf) => !isOurOverlay(cf));
  const rules = kept.flatMap((cf) => cf.rules);
  // Rules added in this session have no priority until ExcelJS writes them; give them theirs
  // now, after the existing ones, so no two rules end up sharing a number.
  let last = rules.reduce((max, r) => (typeof r.priority === 'number' ? Math.max(max, r.priority) : max), 0);
  for (const rule of rules) {
    if (typeof rule.priority !== 'number') rule.priority = ++last;
    rule.priority += count;
  }
  (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings = kept;
}

function noteText(note: string | Comment): string {
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** Our text after the user's note, separated by a blank line; the user's runs keep their fonts. */
function appendNote(cell: Cell, text: string): void {
  const existing = cell.note as string | Comment | undefined;
  if (existing === undefined || existing === null || noteText(existing).trim() === '') {
    cell.note = text;
    return;
  }
  if (noteText(existing).includes(text)) return; // already there from an earlier flagged copy
  if (typeof existing === 'string') {
    cell.note = `${existing}\n\n${text}`;
    return;
  }
  const texts = existing.texts ?? [];
  const lastFont = texts[texts.length - 1]?.font;
  const run: RichText = { text: `\n\n${text}` };
  if (lastFont) run.font = { ...lastFont, bold: false } as Partial<Font>;
  cell.note = { ...existing, texts: [...texts, run] };
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Draws every mark, then adds (or replaces) the issue sheet. Values are never changed. */
export function applyMarks(wb: Workbook, plan: MarkPlan): void {
  for (const [sheetName, marks] of groupBy(plan.marks, (m) => m.sheet)) {
    const ws = sheetNamed(wb, sheetName);
    if (!ws) throw new Error(`标记指向不存在的工作表：${sheetName}`);
    const byCell = groupBy(marks, (m) => m.address.replace(/\$/g, '').toUpperCase());
    makeRoomForOverlays(ws, byCell.size);
    let priority = 1;
    for (const [address, cellMarks] of byCell) {
      const rule = {
        type: 'expression',
        formulae: ['TRUE'],
        priority: priority++,
        style: overlayStyle(mostSevere(cellMarks)),
      } as ConditionalFormattingRule;
      ws.addConditionalFormatting({ ref: address, rules: [rule] });
      appendNote(ws.getCell(address), cellMarks.map((m) => m.note).join('\n\n'));
    }
  }
  addSheets(wb, [plan.issueSheet]);
}
