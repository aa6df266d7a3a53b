/**
 * Reading the text a person typed into a number cell ("Text in numeric cells" in the rules).
 *
 * Excel does not treat `约2.4万`, `1,985`, `1985件` or full-width `１９８５` as numbers; the
 * rules report such a cell and propose the number the text most likely means. This module
 * says what that number is. It is pure: no host, file or DOM access.
 */

export type TypedNumber =
  | { kind: 'number'; value: number; approx: boolean; percent: boolean }
  /** '-', '—', '–', '－', '/', '／', '无', 'N/A', '——' …: a person's way of writing "nothing". */
  | { kind: 'empty-symbol' }
  | { kind: 'unreadable' };

export interface ReadTypedNumberOptions {
  /**
   * The unit of the cell (`件`, `万元`, `件/10万人` …). A text that states a magnitude
   * (`万`, `亿` …) is converted into this unit: `12.5万元` is 12.5 in a `万元` cell and
   * 125000 in a `元` cell. A bare number is taken to be in the cell's unit already.
   */
  unit?: string | undefined;
}

const UNREADABLE: TypedNumber = { kind: 'unreadable' };
const EMPTY_SYMBOL: TypedNumber = { kind: 'empty-symbol' };

/** Chinese magnitude characters and their power of ten. */
const MAGNITUDES: ReadonlyMap<string, number> = new Map([
  ['十', 1],
  ['百', 2],
  ['千', 3],
  ['万', 4],
  ['亿', 8],
]);

/** Words before a number that make it an approximation (约, 近, 超 …). Longest first. */
const APPROX_PREFIXES = byLengthDesc([
  '大约', '大概', '约计', '约合', '约有', '约', '将近', '接近', '近', '超过', '超出', '超', '逾',
  '多于', '高于', '不少于', '不低于', '不止', '少于', '低于', '不足', '不到', '≈', '~',
]);

/** Words before a number that say nothing about its precision (共, 合计 …). Longest first. */
const NEUTRAL_PREFIXES = byLengthDesc(['共计', '合计', '累计', '总计', '共', '计', '达到', '达']);

/** Words after a number (or its magnitude or unit) that make it an approximation. Longest first. */
const APPROX_SUFFIXES = byLengthDesc([
  '左右', '上下', '以上', '以下', '以内', '有余', '开外', '出头', '不到', '余', '多', '来', '许', '+',
]);

/** Words that mean "nothing here" (compared after removing spaces, Latin letters lower-cased). */
const EMPTY_WORDS: ReadonlySet<string> = new Set([
  '无', '暂无', '没有', '空', '空白', '无数据', '暂无数据', '不适用',
  'n/a', 'na', 'n.a.', 'null', 'none', 'nil',
]);

/** Only dash-like characters: -, ‐ ‑ ‒ – — ―, −, ─ ━, ー, ﹘, ﹣. */
const DASHES_ONLY = /^[-\u2010-\u2015\u2212\u2500\u2501\u30fc\ufe58\ufe63]+$/;
/** Only slashes: / \ ∕ ⧸. */
const SLASHES_ONLY = /^[/\\\u2215\u29f8]+$/;

/**
 * A number as people type it: digits with optional grouping (`1,985` or `1 985`, groups of
 * three with one kind of separator), an optional fraction and an optional exponent.
 */
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)?(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?/;

/** A unit word: Han characters, optionally in brackets (`件`, `人次`, `(人)`). */
const UNIT_WORD = /^[([]?\p{Script=Han}+[)\]]?$/u;
/** Han digits: a "unit" containing them is really more number (`12三千`), not a unit. */
const HAN_DIGITS = /[〇零一二三四五六七八九两壹贰叁肆伍陆柒捌玖]/;

/** Reads text a person typed into a number cell and says the number it most likely means. Never throws. */
export function readTypedNumber(text: string, options?: ReadTypedNumberOptions): TypedNumber {
  if (typeof text !== 'string') return UNREADABLE;
  let s = normalize(text);
  if (s.startsWith("'")) s = s.slice(1).trim(); // Excel's "store as text" apostrophe
  if (s === '') return UNREADABLE;
  if (isEmptySymbol(s)) return EMPTY_SYMBOL;

  let approx = false;
  // Leading words: 约, 近, 超, 共计 …
  for (let changed = true; changed; ) {
    changed = false;
    const approxWord = APPROX_PREFIXES.find((w) => s.startsWith(w));
    if (approxWord !== undefined) {
      approx = true;
      s = s.slice(approxWord.length).trimStart();
      changed = true;
      continue;
    }
    const neutralWord = NEUTRAL_PREFIXES.find((w) => s.startsWith(w));
    if (neutralWord !== undefined) {
      s = s.slice(neutralWord.length).trimStart();
      changed = true;
    }
  }

  // Sign.
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
    if (s.startsWith(' ')) s = s.slice(1);
  }

  // The number itself.
  const m = NUMBER.exec(s);
  if (m === null) return UNREADABLE;
  const intDigits = (m[1] ?? '').replace(/[, ]/g, '');
  const fracDigits = m[2] ?? '';
  if (intDigits === '' && fracDigits === '') return UNREADABLE;
  const exponent = m[3] === undefined ? 0 : Number(m[3]);

  // What follows it: magnitude, approximation words, percent sign, unit.
  const unit = unitInfo(options?.unit);
  const tail = readTail(s.slice(m[0].length), unit);
  if (tail === null) return UNREADABLE;

  // The value is digits × 10^power, computed by the decimal parser so that 2.4万 is exactly 24000.
  let power = exponent - fracDigits.length;
  if (tail.power !== 0) power += tail.power - (unit?.power ?? 0);
  const value = Number(`${negative ? '-' : ''}${intDigits}${fracDigits}e${power}`);
  if (!Number.isFinite(value)) return UNREADABLE;
  return {
    kind: 'number',
    value: value === 0 ? 0 : value, // no -0
    approx: approx || tail.approx,
    percent: tail.percent,
  };
}

interface UnitInfo {
  /** The unit, normalised and without spaces. */
  text: string;
  /** The power of ten of its leading magnitude (万元 → 4, 亿元 → 8, 件 → 0). */
  power: number;
}

function unitInfo(unit: string | undefined): UnitInfo | null {
  if (typeof unit !== 'string') return null;
  let u = normalize(unit).replace(/ /g, '');
  const bracketed = /^[([](.*)[)\]]$/.exec(u);
  if (bracketed !== null) u = bracketed[1] ?? '';
  if (u === '') return null;
  return { text: u, power: readMagnitude(u, 0).power };
}

interface Tail {
  /** The power of ten the text states after the number (万 → 4); 0 when it states none. */
  power: number;
  approx: boolean;
  percent: boolean;
}

/** Reads what follows the number; null when it is not a magnitude, approximation, percent or unit. */
function readTail(rest: string, unit: UnitInfo | null): Tail | null {
  let r = rest.replace(/ /g, '');
  let approx = false;

  // Percent: `12.5%`, `12.5%左右`.
  if (r.startsWith('%')) {
    const after = stripLeadingApprox(r.slice(1));
    if (after.text !== '') return null;
    return { power: 0, approx: after.approx, percent: true };
  }

  // Trailing approximation words: `300人次以上`, `2.4万左右`.
  const trailing = stripTrailingApprox(r);
  r = trailing.text;
  approx ||= trailing.approx;

  // The cell's own unit, written out: `12.5万元` in a 万元 cell, `115件/10万人`.
  let unitPower = 0;
  if (unit !== null && r.endsWith(unit.text)) {
    r = r.slice(0, r.length - unit.text.length);
    unitPower = unit.power;
  }

  // [approx] [magnitude] [approx] [unit word]: `余万元`, `万余次`, `多万`.
  const before = stripLeadingApprox(r);
  approx ||= before.approx;
  r = before.text;
  const magnitude = readMagnitude(r, 0);
  r = r.slice(magnitude.end);
  const after = stripLeadingApprox(r);
  approx ||= after.approx;
  r = after.text;

  if (r !== '' && !(UNIT_WORD.test(r) && !HAN_DIGITS.test(r))) return null;
  return { power: magnitude.power + unitPower, approx, percent: false };
}

/** Reads a run of magnitude characters (万, 亿, 百万 …) starting at `start`. */
function readMagnitude(s: string, start: number): { power: number; end: number } {
  let i = start;
  let power = 0;
  while (i < s.length && i - start < 4) {
    const p = MAGNITUDES.get(s.charAt(i));
    if (p === undefined) break;
    if (s.charAt(i + 1) === '分') break; // 百分点, 百分比, 千分之: not magnitudes
    power += p;
    i += 1;
  }
  return { power, end: i };
}

function stripLeadingApprox(s: string): { text: string; approx: boolean } {
  let text = s;
  let approx = false;
  for (;;) {
    const w = APPROX_SUFFIXES.find((x) => text.startsWith(x));
    if (w === undefined) return { text, approx };
    text = text.slice(w.length);
    approx = true;
  }
}

function stripTrailingApprox(s: string): { text: string; approx: boolean } {
  let text = s;
  let approx = false;
  for (;;) {
    const w = APPROX_SUFFIXES.find((x) => text.endsWith(x));
    if (w === undefined) return { text, approx };
    text = text.slice(0, text.length - w.length);
    approx = true;
  }
}

function isEmptySymbol(s: string): boolean {
  const compact = s.replace(/ /g, '');
  return DASHES_ONLY.test(compact) || SLASHES_ONLY.test(compact) || EMPTY_WORDS.has(compact.toLowerCase());
}

/**
 * Full-width forms to ASCII (`１，９８５．５％` → `1,985.5%`), minus-like signs to `-`,
 * every kind of space to one ASCII space, zero-width characters removed, `。` typed as a
 * decimal point (Chinese input mode) to `.`; trimmed.
 */
function normalize(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCharCode(cp - 0xfee0);
    else if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff) continue;
    else if (cp === 0x2212 || cp === 0xfe63 || cp === 0x2013) out += '-';
    else if (cp === 0xfe6a) out += '%';
    else if (/\s/.test(ch)) out += ' ';
    else out += ch;
  }
  return out
    .replace(/ {2,}/g, ' ')
    .replace(/(\d)。(?=\d)/g, '$1.')
    .trim()
    .replace(/。+$/, '')
    .trim();
}

function byLengthDesc(words: readonly string[]): readonly string[] {
  return [...words].sort((a, b) => b.length - a.length);
}
