/**
 * Both languages complete, for every table a user reads: finding messages, template words,
 * the pane, the command line. Like zod's locale parity test: a key missing (or empty) in
 * one language fails here, whatever the type checker was told.
 */
import { MESSAGE_IDS, MESSAGE_TABLES } from '../../src/core/i18n/findings';
import { templateText } from '../../src/core/i18n/template';
import { uiText } from '../../src/taskpane/ui-text';
import { districtsText } from '../../src/taskpane/districts-text';
import { ERROR_TABLES } from '../../src/core/i18n/errors';
import { cliText } from '../../src/cli/messages';
import { marksText } from '../../src/core/i18n/marks';
import { summaryText } from '../../src/core/i18n/summary';

/** Every leaf path of a table (`notices.accepted`, `headers.3`) with what it is. */
function leaves(x: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof x === 'function') out.set(path, 'function');
  else if (typeof x === 'string') out.set(path, x.trim() === '' ? 'empty' : 'string');
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) for (const [p, t] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, t);
  } else out.set(path, typeof x);
  return out;
}

function expectParity(zh: unknown, en: unknown): void {
  const a = leaves(zh);
  const b = leaves(en);
  expect([...b.keys()].filter((k) => !a.has(k))).toEqual([]);
  expect([...a.keys()].filter((k) => !b.has(k))).toEqual([]);
  for (const [k, t] of a) expect([k, b.get(k)]).toEqual([k, t]);
  expect([...a.values()].filter((t) => t === 'empty')).toEqual([]);
}

describe('locale parity', () => {
  test('finding messages: every id in zh-CN and en-US', () => {
    expect(MESSAGE_IDS.length).toBeGreaterThan(20);
    expect(Object.keys(MESSAGE_TABLES['zh-CN']).sort()).toEqual([...MESSAGE_IDS].sort());
    expectParity(MESSAGE_TABLES['zh-CN'], MESSAGE_TABLES['en-US']);
  });

  test('template words', () => expectParity(templateText('zh-CN'), templateText('en-US')));

  test('the pane', () => expectParity(uiText('zh-CN'), uiText('en-US')));

  test('the pane: 下级汇总', () => expectParity(districtsText('zh-CN'), districtsText('en-US')));
});

describe('locale parity beyond the pane', () => {
  test('error words', () => expectParity(ERROR_TABLES['zh-CN'], ERROR_TABLES['en-US']));
  test('the command line', () => expectParity(cliText('zh-CN'), cliText('en-US')));
  test('the flagged copy', () => expectParity(marksText('zh-CN'), marksText('en-US')));
  test('what leaders read (narrative, 领导参阅, Word)', () => expectParity(summaryText('zh-CN'), summaryText('en-US')));
});

describe('one vocabulary for the three severities', () => {
  test.each(['zh-CN', 'en-US'] as const)('%s: the pane, 问题清单 and the command line use the same three words', (locale) => {
    const words = marksText(locale).severity;
    expect(uiText(locale).severity).toEqual(words);
    const cli = cliText(locale);
    // the batch table's last three headers are the severities, in order (counted: plural in English)
    const plural = (w: string) => (locale === 'en-US' && w !== 'Info' ? `${w}s` : w);
    expect(cli.batch.headers.slice(-3)).toEqual([words.error, words.warning, words.info].map(plural));
  });

  test('no user-facing text says 待核实 for a warning, or 提示 where a warning is meant', () => {
    const all = JSON.stringify([uiText('zh-CN'), marksText('zh-CN'), cliText('zh-CN'), templateText('zh-CN'), MESSAGE_TABLES['zh-CN'], ERROR_TABLES['zh-CN']], (_k, v: unknown) => (typeof v === 'function' ? String(v) : v));
    expect(all).not.toContain('待核实');
    expect(all).not.toMatch(/所有提示均已说明|提示待说明/);
  });
});
