/** decodeCsv: a BOM decides, else valid UTF-8, else GB18030; anything else is refused, never mojibake. */
import { decodeCsv, decodeCsvBytes } from '../../src/cli/decode';
import { outputMessage } from '../../src/cli/messages';
import { AppError } from '../../src/core/errors';
import { parseCsv } from '../../src/core/catalog/csv';

const TEXT = 'code,current,previous,explanation\r\nLA_CASES,1985,1862,受疫情影响，线下接待减少；“援助”事项另行说明\r\nMED_CASES,12,10,𠀀字与€符号\r\n';
/** TEXT as GB18030 bytes (Python's codec, the way Excel/WPS on Chinese Windows save "CSV (逗号分隔)"); 𠀀 is a four-byte sequence. */
const GB18030 = Buffer.from(
  '636f64652c63757272656e742c70726576696f75732c6578706c616e6174696f6e0d0a4c415f43415345532c313938352c313836322c' +
    'cadcd2dfc7e9d3b0cfeca3accfdfcfc2bdd3b4fdbcf5c9d9a3bba1b0d4aed6faa1b1cac2cfeec1edd0d0cbb5c3f70d0a' +
    '4d45445f43415345532c31322c31302c95328236d7d6d3eba2e3b7fbbac50d0a',
  'hex',
);

const utf16le = (s: string) => Buffer.from(s, 'utf16le');
const utf16be = (s: string) => {
  const b = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1] as number, b[i] as number];
  return b;
};
const refused = (bytes: Uint8Array) => {
  try {
    decodeCsv(bytes, 'D:\\数据\\导入.csv');
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
};

test('GB18030 bytes of Chinese 说明 text decode to the same text', () => {
  expect(decodeCsvBytes(GB18030)).toEqual({ text: TEXT, encoding: 'gb18030' });
  expect(parseCsv(decodeCsv(GB18030))[1]?.[3]).toBe('受疫情影响，线下接待减少；“援助”事项另行说明');
});

test('GBK (the subset Excel writes) is GB18030', () => {
  expect(decodeCsvBytes(Buffer.from('636f64652c3132330a4c415f43415345532c312c322ccbb5c3f70a', 'hex'))).toEqual({
    text: 'code,123\nLA_CASES,1,2,说明\n',
    encoding: 'gb18030',
  });
});

test('valid UTF-8 is UTF-8, with or without a BOM; the BOM is not part of the text', () => {
  expect(decodeCsvBytes(Buffer.from(TEXT, 'utf8'))).toEqual({ text: TEXT, encoding: 'utf-8' });
  expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]))).toEqual({ text: TEXT, encoding: 'utf-8' });
});

test('UTF-16 with a BOM, both byte orders', () => {
  expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(TEXT)]))).toEqual({ text: TEXT, encoding: 'utf-16le' });
  expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]))).toEqual({ text: TEXT, encoding: 'utf-16be' });
});

test('an empty file is empty text', () => {
  expect(decodeCsv(new Uint8Array())).toBe('');
});

describe('refused with how to save as UTF-8, never mojibake', () => {
  test.each([
    ['Latin-1 bytes (café)', Buffer.from('636f64652c63757272656e740a636166e90a', 'hex')],
    ['UTF-16LE without a BOM', utf16le(TEXT)],
    ['UTF-16LE with a BOM and an odd byte', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(TEXT), Buffer.from([0x41])])],
    ['a UTF-8 BOM before invalid UTF-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), GB18030])],
    ['truncated GB18030 (half a character at the end)', GB18030.subarray(0, GB18030.length - 3)],
    ['random bytes', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256))],
    ['GBK user-defined code points (private use)', Buffer.from('636f64652caaa1aaa20a', 'hex')],
  ])('%s', (_, bytes) => {
    const e = refused(bytes);
    expect([e.code, e.params]).toEqual(['csv-encoding', { path: 'D:\\数据\\导入.csv' }]);
    expect(outputMessage(e.code as 'csv-encoding', e.params, 'zh-CN')).toBe(
      '无法识别导入文件 D:\\数据\\导入.csv 的文字编码；请在 Excel 或 WPS 中打开它，另存为 → CSV UTF-8（逗号分隔）(*.csv)，再导入',
    );
  });

  test('valid UTF-8 is never re-read as GB18030, even when it holds a NUL', () => {
    const e = refused(Buffer.from('code,说明\u0000\n', 'utf8'));
    expect(e.code).toBe('csv-encoding');
  });
});
