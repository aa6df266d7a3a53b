/**
 * How long a piece of the user's own text may be where the tool shows or writes it. A cell
 * can hold 5 MB of pasted text; a finding, a note or a line on a terminal must not. Shown
 * text is shortened with an ellipsis; nothing is written past Excel's cell limit.
 */
export const TEXT_LIMITS = {
  /** Excel's limit for the text of one cell (and of a note). */
  cell: 32767,
  /** A value quoted in a finding (`约2.4万`), the unit's name in a header. */
  quoted: 200,
  /** An explanation (说明) carried in a finding and the issue list. */
  explanation: 4000,
} as const;

/** `text` cut to at most `max` characters (code points), ending in … when it was cut. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
