import fc from 'fast-check';
import {
  classifyNote,
  freeIssueSheetName,
  isLegacyOverlay,
  isMarkFormula,
  ISSUES_NAME,
  issueSheetLooksOurs,
  markFormula,
  markNoteText,
  NOTE_AUTHOR,
  NOTE_CLOSINGS,
  NOTE_MARKER,
  placeIssueSheet,
  planMarks,
  toolIssueSheets,
  toolNote,
  type Report,

} from '../../src/core';
import { marksText } from '../../src/core/i18n/marks';
import type { Scalar } from '../../src/workbook/snapshot';

const clean = (s: string) => !s.includes(NOTE_MARKER) && NOTE_CLOSINGS.every((c) => !s.includes(c));
const body = fc.string({ minLength: 0, maxLength: 200, unit: 'grapheme' }).filter(clean);
const userText = fc.string({ minLength: 1, maxLength: 120, unit: 'grapheme' }).filter((s) => clean(s) && s.trim() !== '');

describe('notes: build → classify', () => {
  test('a note the tool builds is the tool\'s, in either locale, whatever its body', () => {
    fc.assert(
      fc.property(body, fc.constantFrom('zh-CN' as const, 'en-US' as const), (b, locale) => {
        const text = toolNote(b, locale);
        expect(text.startsWith(NOTE_MARKER)).toBe(true);
        expect(text.endsWith(marksText(locale).noteClosing)).toBe(true);
        expect(classifyNote(text)).toEqual({ kind: 'tool', legacy: false });
        expect(classifyNote(text, '张三')).toEqual({ kind: 'tool', legacy: false });
      }),
    );
  });

  test('whatever the user types after (or before) the tool\'s note survives as the user\'s note', () => {
    fc.assert(
      fc.property(body, userText, fc.constantFrom('\n', '\n\n', ' ', ''), fc.boolean(), (b, u, sep, before) => {
        const tool = toolNote(b);
        const text = before ? `${u}${sep}${tool}` : `${tool}${sep}${u}`;
        expect(classifyNote(text, '张三')).toEqual({ kind: 'reply', userText: u.trim(), legacy: false });
      }),
    );
  });

  test('a note of the user\'s own is left, even when it begins with the marker', () => {
    fc.assert(
      fc.property(userText, (u) => {
        expect(classifyNote(u, '张三')).toEqual({ kind: 'user' });
        expect(classifyNote(`${NOTE_MARKER}${u}`, '张三')).toEqual({ kind: 'user' });
        expect(classifyNote(`${NOTE_MARKER}${u}`)).toEqual({ kind: 'user' });
      }),
    );
    expect(classifyNote('【报表助手】这一格的数据来自区县汇总，请勿改动')).toEqual({ kind: 'user' });
  });

  test('notes of the earlier format: the tool\'s by their rule line (what follows it is the user\'s) or by the tool\'s author', () => {
    const old = `${NOTE_MARKER}本期填报“约2.4万”为文字，无法参与求和\n规则：C02\n建议值：24000`;
    expect(classifyNote(old, '张三')).toEqual({ kind: 'tool', legacy: true });
    expect(classifyNote(`${old}\n已核实，按24000修改`, '张三')).toEqual({ kind: 'reply', userText: '已核实，按24000修改', legacy: true });
    const two = `${NOTE_MARKER}合计不等于分项之和\n规则：R01\n\n同比下降25%\n规则：A5`;
    expect(classifyNote(two)).toEqual({ kind: 'tool', legacy: true });
    expect(classifyNote(`${NOTE_MARKER}Total differs\nRule: R01, A5`)).toEqual({ kind: 'tool', legacy: true });
    // no rule line: only the file host's author tells
    expect(classifyNote(`${NOTE_MARKER}旧版本写下的批注`, NOTE_AUTHOR)).toEqual({ kind: 'tool', legacy: true });
    expect(classifyNote(`${NOTE_MARKER}旧版本写下的批注`, '张三')).toEqual({ kind: 'user' });
  });

  test('planMarks writes each note through the contract; markNoteText joins several into one', () => {
    const cell = { sheet: 'JS01 法律援助', address: 'E5' };
    const report: Report = {
      ready: false, counts: { error: 1, warning: 0, info: 1 }, explained: 0, skipped: [],
      findings: [
        { rule: 'A5', severity: 'info', code: 'LA_CASES', form: 'JS01', messageId: 'adverse-move', params: { direction: 'down', pct: '25' }, cell },
        { rule: 'C01', severity: 'error', code: 'LA_CASES', form: 'JS01', messageId: 'required-blank', params: {}, cell },
      ],
    };
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const [m] = planMarks(report, locale).marks;
      expect(m && classifyNote(m.note)).toEqual({ kind: 'tool', legacy: false });
      expect(m?.note.endsWith(marksText(locale).noteClosing)).toBe(true);
      expect(markNoteText([m?.note ?? ''])).toBe(m?.note);
    }
    const joined = markNoteText(['甲（R01）', toolNote('乙')]);
    expect(joined).toBe(toolNote('甲（R01）\n\n乙'));
    expect(classifyNote(joined)).toEqual({ kind: 'tool', legacy: false });
  });

  test('a long body is clipped so that the closing line stays', () => {
    const text = toolNote('长'.repeat(40000));
    expect(text.length).toBeLessThanOrEqual(32767);
    expect(classifyNote(text)).toEqual({ kind: 'tool', legacy: false });
  });
});

describe('overlays and 问题清单', () => {
  test('the overlay formula carries the token; user formulas do not', () => {
    for (const s of ['error', 'warning', 'info'] as const) {
      expect(isMarkFormula(markFormula(s))).toBe(true);
      expect(isMarkFormula(`=${markFormula(s)}`)).toBe(true);
    }
    expect(isMarkFormula('=E4>1000')).toBe(false);
    expect(isMarkFormula('TRUE')).toBe(false);
    // the earliest versions' overlays: TRUE in a severity colour, and nothing else
    expect(isLegacyOverlay('=TRUE', '#FFC7CE')).toBe(true);
    expect(isLegacyOverlay('TRUE', 'FFFFEB9C')).toBe(true);
    expect(isLegacyOverlay('=TRUE', '#00FF00')).toBe(false);
    expect(isLegacyOverlay('=E4>0', '#FFC7CE')).toBe(false);
    expect(isLegacyOverlay('=TRUE', null)).toBe(false);
  });

  const ours = (locale: 'zh-CN' | 'en-US'): Record<string, Scalar> => {
    const t = marksText(locale);
    const out: Record<string, Scalar> = { A1: t.issueTitle };
    t.issueHeaders.forEach((h, i) => (out[`${String.fromCharCode(65 + i)}3`] = h));
    return out;
  };

  test('the tool\'s 问题清单: the hidden name, else an earlier copy\'s title and headers; a user\'s sheet of that name is not', () => {
    const user: Record<string, Scalar> = { A1: '问题清单', A3: '序号', B3: '问题', C3: '责任人' };
    const cells: Record<string, Record<string, Scalar>> = { 问题清单: user, '问题清单（2）': {}, 旧: ours('zh-CN') };
    const probe = (s: string, a: string) => cells[s]?.[a];
    expect(toolIssueSheets({ sheets: ['封面', '问题清单', '问题清单（2）'], names: [{ name: ISSUES_NAME, sheet: '问题清单（2）' }], probe })).toEqual(['问题清单（2）']);
    expect(toolIssueSheets({ sheets: ['封面', '问题清单'], names: [], probe })).toEqual([]);
    cells['问题清单'] = ours('en-US');
    expect(toolIssueSheets({ sheets: ['封面', '问题清单'], names: [], probe })).toEqual(['问题清单']);
    // the title and headers alone do not make another sheet the tool's
    expect(toolIssueSheets({ sheets: ['旧'], names: [], probe })).toEqual([]);
    expect(issueSheetLooksOurs((a) => ours('zh-CN')[a])).toBe(true);
    expect(issueSheetLooksOurs((a) => ({ ...ours('zh-CN'), I3: '备注' })[a])).toBe(false);
  });

  test('the list goes under a free name when the user has a sheet called 问题清单', () => {
    expect(freeIssueSheetName(['封面'])).toBe('问题清单');
    expect(freeIssueSheetName(['封面', '问题清单'])).toBe('问题清单（2）');
    expect(freeIssueSheetName(['问题清单', '问题清单（2）'])).toBe('问题清单（3）');
    const plan = { marks: [], issueSheet: { name: '问题清单', columns: [], cells: [], merges: [] } };
    expect(placeIssueSheet(plan, ['封面'])).toBe(plan);
    expect(placeIssueSheet(plan, ['问题清单']).issueSheet.name).toBe('问题清单（2）');
  });
});
