import fc from 'fast-check';
import { formatNumber, readTypedNumber, type TypedNumber } from '../../src/core/numbers';

function num(value: number, approx = false, percent = false): TypedNumber {
  return { kind: 'number', value, approx, percent };
}

/** Rounds to d decimals; the result is the double nearest to a number with at most d decimals. */
function round(n: number, d: number): number {
  const r = Math.round(n * 10 ** d) / 10 ** d;
  return r === 0 ? 0 : r; // no -0
}

/** The full-width form of ASCII text: '-12.5' → '－１２．５'. */
function fullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

describe('readTypedNumber: magnitudes and approximations', () => {
  it.each<[string, number, boolean]>([
    ['约2.4万', 24000, true],
    ['6.5万余', 65000, true],
    ['2.4万余次', 24000, true],
    ['近300', 300, true],
    ['超1万', 10000, true],
    ['300多', 300, true],
    ['300余', 300, true],
    ['300以上', 300, true],
    ['1.2亿', 120000000, false],
    ['3千', 3000, false],
    ['300余万', 3000000, true],
    ['300多万元', 3000000, true],
    ['2.4万人次左右', 24000, true],
    ['1.2万亿', 1.2e12, false],
    ['3百万', 3000000, false],
    ['共计1985件', 1985, false],
    ['大约 2.4 万', 24000, true],
    ['300+', 300, true],
  ])('%s → %d (approx %s)', (text, value, approx) => {
    expect(readTypedNumber(text)).toEqual(num(value, approx));
  });

  it('has no float noise', () => {
    // 2.4 * 10000 is 23999.999999999996 in binary floating point
    expect(readTypedNumber('约2.4万')).toEqual(num(24000, true));
    expect(readTypedNumber('0.07万')).toEqual(num(700));
    expect(readTypedNumber('1.1亿')).toEqual(num(110000000));
    expect(readTypedNumber('4.35万')).toEqual(num(43500));
    expect(readTypedNumber('0.3')).toEqual(num(0.3));
  });

  it('does not take 百分 (百分点, 百分比) for a magnitude', () => {
    expect(readTypedNumber('3百分点')).toEqual(num(3));
    expect(readTypedNumber('3个百分点')).toEqual(num(3));
  });
});

describe('readTypedNumber: grouping and unit words', () => {
  it.each<[string, number]>([
    ['1,985', 1985],
    ['1 985', 1985],
    ['1\u00a0985', 1985],
    ['1\u202f985', 1985],
    ['1,234,567.89', 1234567.89],
    ['12 345 678', 12345678],
    ['1985件', 1985],
    ['1985人次', 1985],
    ['1985 件', 1985],
    ['1 985 件', 1985],
    ['1985（人）', 1985],
    ['1985', 1985],
    ['.5', 0.5],
    ['1985.', 1985],
    ['24。38', 24.38],
    ['1985。', 1985],
  ])('%j → %d', (text, value) => {
    expect(readTypedNumber(text)).toEqual(num(value));
  });

  it.each(['1,98', '1,9850', '1 98', '19,85', '1,985 000', '1.2.3', '12三千', '1985 km', '1985件3', '--5'])(
    'rejects malformed %j',
    (text) => {
      expect(readTypedNumber(text)).toEqual({ kind: 'unreadable' });
    },
  );
});

describe('readTypedNumber: full width, sign, percent, whitespace', () => {
  it.each<[string, TypedNumber]>([
    ['１９８５', num(1985)],
    ['１，９８５', num(1985)],
    ['２４．３８', num(24.38)],
    ['－３．５', num(-3.5)],
    ['１２．５％', num(12.5, false, true)],
    ['12.5%', num(12.5, false, true)],
    ['12.5％', num(12.5, false, true)],
    ['约12.5%', num(12.5, true, true)],
    ['12.5 %左右', num(12.5, true, true)],
    ['-5', num(-5)],
    ['−5', num(-5)],
    ['- 5', num(-5)],
    ['+5', num(5)],
    ['＋１９８５', num(1985)],
    ['-0', num(0)],
    ['  1985\t', num(1985)],
    ['\u3000１９８５\u3000', num(1985)],
    ['\t约2.4万 ', num(24000, true)],
    ["'1985", num(1985)],
    ['\u200b1985\ufeff', num(1985)],
  ])('%j', (text, expected) => {
    expect(readTypedNumber(text)).toEqual(expected);
  });

  it('never answers -0', () => {
    const r = readTypedNumber('-0.000');
    expect(r.kind === 'number' && Object.is(r.value, 0)).toBe(true);
  });

  it('reads exponent notation and refuses numbers too large to represent', () => {
    expect(readTypedNumber('1.2E+04')).toEqual(num(12000));
    expect(readTypedNumber('1e999')).toEqual({ kind: 'unreadable' });
    expect(readTypedNumber('9'.repeat(400))).toEqual({ kind: 'unreadable' });
  });
});

describe('readTypedNumber: empty symbols and unreadable text', () => {
  it.each(['-', '—', '–', '－', '/', '／', '无', 'N/A', 'n/a', '——', '--', ' - ', '\u3000—\u3000', '暂无', '\\'])(
    '%j is an empty symbol',
    (text) => {
      expect(readTypedNumber(text)).toEqual({ kind: 'empty-symbol' });
    },
  );

  it.each(['abc', '', '   ', '约', '万', '约万', '%', '.', '件', '一千', 'x12', '12x', '1985 件 3'])(
    '%j is unreadable',
    (text) => {
      expect(readTypedNumber(text)).toEqual({ kind: 'unreadable' });
    },
  );

  it('does not throw for a value that is not a string at run time', () => {
    expect(readTypedNumber(undefined as unknown as string)).toEqual({ kind: 'unreadable' });
    expect(readTypedNumber(12 as unknown as string)).toEqual({ kind: 'unreadable' });
  });
});

describe('readTypedNumber: the cell unit', () => {
  it.each<[string, string, TypedNumber]>([
    ['12.5万元', '万元', num(12.5)],
    ['12.5万元', '元', num(125000)],
    ['约2.4万', '次', num(24000, true)],
    ['2.4万人次', '万人次', num(2.4)],
    ['275万人', '万人', num(275)],
    ['1.2亿元', '亿元', num(1.2)],
    ['约3亿元', '亿元', num(3, true)],
    ['300余万元', '万元', num(300, true)],
    ['2.4万余人次', '万人次', num(2.4, true)],
    ['2.4万人次以上', '万人次', num(2.4, true)],
    // a magnitude in the text is converted into the cell's unit
    ['1.2亿元', '万元', num(12000)],
    ['3000万', '亿元', num(0.3)],
    ['12.5万', '万元', num(12.5)],
    // a bare number is already in the cell's unit
    ['12.5', '万元', num(12.5)],
    ['1,985', '件', num(1985)],
    ['115件/10万人', '件/10万人', num(115)],
    ['115', '件/10万人', num(115)],
    ['12.5%', '%', num(12.5, false, true)],
    ['-', '万元', { kind: 'empty-symbol' }],
  ])('%j in a %j cell', (text, unit, expected) => {
    expect(readTypedNumber(text, { unit })).toEqual(expected);
  });

  it('treats an empty or missing unit as no unit', () => {
    expect(readTypedNumber('12.5万元', { unit: '' })).toEqual(num(125000));
    expect(readTypedNumber('12.5万元', { unit: undefined })).toEqual(num(125000));
    expect(readTypedNumber('12.5万元', {})).toEqual(num(125000));
  });
});

describe('formatNumber', () => {
  it.each<[number, number, string]>([
    [1985, 0, '1985'],
    [24.38, 2, '24.38'],
    [-3.5, 1, '-3.5'],
    [24.383, 2, '24.38'],
    [24.3, 2, '24.3'],
    [24, 2, '24'],
    [1234567.891, 2, '1234567.89'],
    [0.5, 0, '1'],
    [-0.5, 0, '-1'],
    [2.5, 0, '3'],
    [1.005, 2, '1.01'],
    [2.675, 2, '2.68'],
    [9.995, 2, '10'],
    [99.96, 1, '100'],
    [0.0001, 2, '0'],
    [-0.0001, 2, '0'],
    [-0, 2, '0'],
    [0.00012, 4, '0.0001'],
    [1e-7, 4, '0'],
    [1.5e-7, 7, '0.0000002'],
    [1e21, 0, '1000000000000000000000'],
    [1.2e22, 2, '12000000000000000000000'],
    [123.456, -1, '123'],
    [123.456, 1.9, '123.5'],
  ])('%p with %p decimals → %p', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it('writes non-finite values as JavaScript does', () => {
    expect(formatNumber(Number.NaN, 2)).toBe('NaN');
    expect(formatNumber(Number.POSITIVE_INFINITY, 2)).toBe('Infinity');
  });
});

describe('properties', () => {
  const kinds = new Set(['number', 'empty-symbol', 'unreadable']);
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    // text built from the characters the reader cares about, so the interesting paths are hit
    fc.string({
      unit: fc.constantFrom(
        ...'0123456789.,%- +约近超余多万亿千百十件人次元以上左右/—－．，％１９\u3000\u00a0eE(（）)分点个无'.split(''),
      ),
    }),
  );
  const anyUnit = fc.option(fc.oneof(fc.string(), fc.constantFrom('万元', '亿元', '万人次', '元', '件/10万人', '%')), {
    nil: undefined,
  });

  it('never throws and always answers one of the three kinds', () => {
    fc.assert(
      fc.property(anyText, anyUnit, (text, unit) => {
        const r = readTypedNumber(text, { unit });
        expect(kinds.has(r.kind)).toBe(true);
        if (r.kind === 'number') {
          expect(Number.isFinite(r.value)).toBe(true);
          expect(Object.is(r.value, -0)).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });

  const decimals = fc.integer({ min: 0, max: 4 });
  const integers = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map(Number);
  const doubles = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
  /** [a value with at most d decimals, d] */
  const rounded = fc
    .tuple(fc.oneof(integers, doubles), decimals)
    .map(([n, d]) => [round(n, d), d] as const);

  it('reads back what formatNumber writes', () => {
    fc.assert(
      fc.property(rounded, ([x, d]) => {
        const text = formatNumber(x, d);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(readTypedNumber(text)).toEqual(num(x));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the full-width form the same', () => {
    fc.assert(
      fc.property(rounded, ([x, d]) => {
        expect(readTypedNumber(fullWidth(formatNumber(x, d)))).toEqual(num(x));
      }),
      { numRuns: 1000 },
    );
  });

  it("reads '约' + the number as the same value, approximate", () => {
    fc.assert(
      fc.property(rounded, ([x, d]) => {
        expect(readTypedNumber(`约${formatNumber(x, d)}`)).toEqual(num(x, true));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads thousands grouping with commas or spaces the same', () => {
    const group = (digits: string, sep: string): string => digits.replace(/\B(?=(\d{3})+$)/g, sep);
    fc.assert(
      fc.property(rounded, fc.constantFrom(',', ' ', '\u00a0', '，'), ([x, d], sep) => {
        const [, sign = '', whole = '', frac = ''] = /^(-?)(\d+)(\.\d+)?$/.exec(formatNumber(x, d)) ?? [];
        expect(readTypedNumber(`${sign}${group(whole, sep)}${frac}件`)).toEqual(num(x));
      }),
      { numRuns: 1000 },
    );
  });

  it('scales by 万 exactly as the decimal text says', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 4 }), (k, d) => {
        // k / 10^d 万 = k * 10^(4-d), an integer: exact, no float noise
        const text = `${formatNumber(k / 10 ** d, d)}万`;
        expect(readTypedNumber(text)).toEqual(num(k * 10 ** (4 - d)));
      }),
    );
  });

  it('formatNumber writes at most `decimals` decimals and stays within half a unit of the last place', () => {
    fc.assert(
      fc.property(doubles, decimals, (x, d) => {
        const text = formatNumber(x, d);
        const fraction = text.split('.')[1] ?? '';
        expect(fraction.length).toBeLessThanOrEqual(d);
        expect(fraction.endsWith('0')).toBe(false);
        expect(Math.abs(Number(text) - x)).toBeLessThanOrEqual(0.5 * 10 ** -d * (1 + 1e-9) + Math.abs(x) * 1e-15);
      }),
      { numRuns: 2000 },
    );
  });
});
