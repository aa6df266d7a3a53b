/**
 * Plain text for a number as a person would type it in a cell: '1985', '24.38', '-3.5', no
 * grouping, at most `decimals` decimals, trailing zeros trimmed.
 *
 * Rounding works on the number's shortest decimal form (what JavaScript and Excel display),
 * half away from zero, as Excel's ROUND does: 1.005 with 2 decimals is '1.01' (not '1', which
 * the binary value 1.00499999… would give), 2.675 is '2.68', -2.5 with 0 decimals is '-3'.
 * Very large and very small numbers are written out in full, never with an exponent.
 * A result that rounds to zero is '0', never '-0'. `decimals` is clamped to 0..20; a value that
 * is not finite gives 'NaN', 'Infinity' or '-Infinity'.
 */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  const places = Number.isFinite(decimals) ? Math.min(20, Math.max(0, Math.trunc(decimals))) : 0;

  // Shortest form: '-1.2345e-7', '1e+21', '24.38'.
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (m === null) return String(value); // not reached: String() of a finite number always matches
  const negative = m[1] === '-';
  const whole = m[2] ?? '0';
  let digits = whole + (m[3] ?? '');
  // Number of digits of `digits` before the decimal point (may be <= 0 or > digits.length).
  let point = whole.length + Number(m[4] ?? '0');
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);

  // Keep `places` decimals, rounding half away from zero on the decimal digits.
  const keepLength = Math.min(digits.length, point + places);
  let kept = digits.slice(0, keepLength);
  const next = digits.charAt(keepLength);
  if (next !== '' && next >= '5') {
    const raised = (BigInt(kept) + 1n).toString();
    kept = raised.padStart(kept.length, '0');
    if (kept.length > keepLength) point += 1; // 9.99 → 10.0
  }

  const intPart = kept.slice(0, point).replace(/^0+(?=\d)/, '');
  const fracPart = kept.slice(point).replace(/0+$/, '');
  const text = fracPart === '' ? intPart : `${intPart}.${fracPart}`;
  if (/^[0.]*$/.test(text)) return '0';
  return negative ? `-${text}` : text;
}
