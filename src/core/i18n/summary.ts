/**
 * The words of what leaders read — the narrative, the 领导参阅 sheet and the Word document —
 * in both languages. Nothing here names a rule id: leaders read the severity words of the one
 * vocabulary (错误, 警告, 提示, from marks.ts), the indicator and the problem.
 *
 * SCOPE_CHANGE_WORDS is how an explanation (说明) is recognised as a change of statistical
 * scope or definition (统计口径): one list for both languages, used whatever the reader's
 * language, since the 说明 is typed by whoever filled in the report.
 */
import type { Severity } from '../report/types';
import type { Locale } from './locale';
import { marksText } from './marks';

type Verb = 'reaches' | 'is' | '';

const zhCN = {
  severity: marksText('zh-CN').severity as Record<Severity, string>,
  title: (unit: string, label: string) => `${unit || '司法行政'}${label}统计数据分析`,
  /** A breakdown item named by its whole: 办理法律援助案件中的刑事案件. */
  qualified: (whole: string, part: string) => `${whole}中的${part}`,
  /** An indicator's name inside a sentence. */
  inSentence: (name: string) => name,

  // The narrative: clauses and their joints.
  noPrevious: '，上年同期无可比数据',
  flat: '，与上年同期持平',
  fromZero: '，上年同期为0',
  yoy: (up: boolean, pct: string) => `，同比${up ? '增长' : '下降'}${pct}%`,
  pp: (up: boolean, amount: string) => `，较上年同期${up ? '提高' : '降低'}${amount}个百分点`,
  scopeChanged: '，因统计口径调整，与上年同期不可比',
  atMost: (v: string) => `不高于${v}`,
  targetMet: '，完成年度目标',
  targetMetProRata: '，达到年度目标时序进度',
  targetMissed: (v: string) => `，未达到年度目标（${v}）`,
  targetMissedProRata: (v: string) => `，未达到年度目标时序进度（${v}）`,
  /** `reaches` for a figure that meets a ≥ / = target, `is` for rates and percentages. */
  head: (name: string, verb: Verb, figure: string) => `${name}${verb === 'reaches' ? '达到' : verb === 'is' ? '为' : ''}${figure}`,
  part: (name: string, figure: string) => `${name}${figure}`,
  parts: (items: string[], withWhole: boolean) => `${withWhole ? '其中，' : ''}${items.join('、')}`,
  /** `gong` when the opening clause is a flow count named by a verb of work done (共办理…). */
  paragraph: (periodWord: string, scope: string, gong: boolean, clauses: string[]) =>
    `${periodWord ? `${periodWord}，` : ''}${scope}${gong ? '共' : ''}${clauses.join('；')}。`,

  // The few notable changes.
  moveItem: (name: string, up: boolean, pct: string) => `${name}（${up ? '增长' : '下降'}${pct}%）`,
  rises: (items: string[]) => `增幅居前的有${items.join('、')}`,
  falls: (items: string[]) => `降幅居前的有${items.join('、')}`,
  moves: (parts: string[]) => `与上年同期相比，${parts.join('；')}。`,
  scopeNote: (name: string, explanation: string) => `${name}因统计口径调整，与上年同期不可比，未列入增减排序（说明：${explanation}）。`,

  // The overview.
  overview: (periodWord: string, scope: string, total: number, up: number, down: number, flat: number, none: number) => {
    const moved = [up ? `增长${up}项` : '', down ? `下降${down}项` : '', flat ? `持平${flat}项` : ''].filter(Boolean);
    const rest = none ? `${moved.length ? '，' : ''}${none}项无可比数据或未填报` : '';
    return `${periodWord ? `${periodWord}，` : ''}${scope}${total}项主要指标中，与上年同期相比${moved.join('、')}${rest}。`;
  },
  targets: (total: number, met: number, missed: string[]) =>
    missed.length === 0
      ? `有工作目标的${total}项指标均已完成。`
      : met === 0
        ? `有工作目标的${total}项指标均未完成：${missed.join('；')}。`
        : `有工作目标的${total}项指标中，完成${met}项，未完成${missed.length}项：${missed.join('；')}。`,
  missedItem: (name: string, figure: string, target: string) => `${name}为${figure}，目标为${target}`,
  missedItemProRata: (name: string, figure: string, target: string) => `${name}为${figure}，低于年度目标时序进度${target}`,
  withExplanation: (item: string, explanation: string) => `${item}（说明：${explanation}）`,

  // Whether the report can go.
  readyExplained: (n: number) => `审核结果：可以报送。无错误，${n}项警告已填写说明。`,
  readyClean: '审核结果：可以报送。无错误，无待说明的警告。',
  notReady: (errors: number, warnings: number) => `审核结果：不可报送。尚有错误${errors}项、未说明的警告${warnings}项，请修正或填写说明后再报送。`,
  /** One severity's open findings by indicator: 错误3项，涉及A、B、C (at most a few names, then 等). */
  openGroup: (severity: string, n: number, names: string[], more: boolean) => `${severity}${n}项，涉及${names.join('、')}${more ? '等' : ''}`,
  openList: (groups: string[]) => `尚待处理：${groups.join('；')}。详见“问题清单”。`,
  explainedItem: (name: string, explanation: string) => `${name}（${explanation}）`,
  explainedList: (items: string[], more: number) => `已填写说明的警告：${items.join('；')}${more ? `，另有${more}项详见“问题清单”` : ''}。`,

  // The document's headings.
  headings: { overview: '总体情况', work: '主要工作情况', moves: '主要变化', audit: '数据审核情况' },
  /** `ordinal` is the Chinese numeral of `i` (一, 二 …). */
  heading: (_i: number, ordinal: string, t: string) => `${ordinal}、${t}`,
  subheading: (_i: number, ordinal: string, t: string) => `（${ordinal}）${t}。`,
  period: (r: string) => `（${r}）`,
  annex: '附：主要指标情况表',

  // The key-indicator table (sheet and document).
  headers: ['指标（单位）', '本期', '上年同期', '增减', '同比', '目标', '完成情况'],
  withUnit: (name: string, unit: string) => (unit ? `${name}（${unit}）` : name),
  unchanged: '持平',
  notComparable: '口径调整',
  met: '达标',
  missed: '未达标',
  noTarget: '无目标',
  blank: '未填报',
  ppUnit: '个百分点',
  proRataAnnual: (v: string) => `（全年${v}）`,

  // The 领导参阅 sheet.
  sheet: {
    key: '一、主要指标',
    narrative: '二、工作情况',
    open: '三、待处理问题',
    explained: '四、已说明的警告',
    none: '无',
    unitLabel: '填报单位：',
    periodLabel: '统计期间：',
    openHeaders: ['级别', '指标', '问题'],
    explainedHeaders: ['指标', '问题', '说明'],
    counted: (label: string, n: number) => `${label}（${n}）`,
    ordinal: (_i: number, ordinal: string, title: string) => `（${ordinal}）${title}`,
  },

};

type SummaryText = typeof zhCN;

const EN_TABLE_UNITS: Record<string, string> = { '%': '%', 万人: '10k people', 万人次: '10k visits', 万元: '10k yuan', 亿元: '100m yuan', '件/10万人': 'per 100k' };

const enUS: SummaryText = {
  severity: marksText('en-US').severity,
  title: (unit: string, label: string) => `${unit ? `${unit}: ` : ''}statistical analysis, ${label}`,
  qualified: (whole: string, part: string) => `${whole}, ${part}`,
  inSentence: (name: string) => (/^[A-Z]{2}/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1)),

  noPrevious: ', no comparable figure for last year',
  flat: ', unchanged',
  fromZero: ', against none a year earlier',
  yoy: (up: boolean, pct: string) => `, ${up ? 'up' : 'down'} ${pct}% year on year`,
  pp: (up: boolean, amount: string) => `, ${up ? 'up' : 'down'} ${amount} points`,
  scopeChanged: ', not comparable (change of statistical scope)',
  atMost: (v: string) => `at most ${v}`,
  targetMet: ', meeting the annual target',
  targetMetProRata: ', on track for the annual target',
  targetMissed: (v: string) => `, short of the annual target (${v})`,
  targetMissedProRata: (v: string) => `, behind the pro-rata annual target (${v})`,
  head: (name: string, _verb: Verb, figure: string) => `${name}: ${figure}`,
  part: (name: string, figure: string) => `${name} ${figure}`,
  parts: (items: string[], withWhole: boolean) => `${withWhole ? 'of which ' : ''}${items.join(', ')}`,
  paragraph: (periodWord: string, _scope: string, _gong: boolean, clauses: string[]) => {
    const body = clauses.join('; ');
    return periodWord ? `${periodWord.charAt(0).toUpperCase()}${periodWord.slice(1)}, ${body}.` : `${body.charAt(0).toUpperCase()}${body.slice(1)}.`;
  },

  moveItem: (name: string, up: boolean, pct: string) => `${name} (${up ? '+' : '−'}${pct}%)`,
  rises: (items: string[]) => `largest rises: ${items.join(', ')}`,
  falls: (items: string[]) => `largest falls: ${items.join(', ')}`,
  moves: (parts: string[]) => `Against a year earlier, ${parts.join('; ')}.`,
  scopeNote: (name: string, explanation: string) => `${name} is not comparable with a year earlier because of a change of statistical scope and is left out of the ranking (explanation: ${explanation}).`,

  overview: (periodWord: string, _scope: string, total: number, up: number, down: number, flat: number, none: number) => {
    const moved = [up ? `${up} up` : '', down ? `${down} down` : '', flat ? `${flat} unchanged` : ''].filter(Boolean);
    const rest = none ? `${moved.length ? ', ' : ''}${none} without a comparable figure or blank` : '';
    const lead = periodWord ? `${periodWord.charAt(0).toUpperCase()}${periodWord.slice(1)}, of` : 'Of';
    return `${lead} ${total} key indicators, against a year earlier: ${moved.join(', ')}${rest}.`;
  },
  targets: (total: number, met: number, missed: string[]) =>
    missed.length === 0
      ? ` Every indicator with a work-plan target (${total}) met it.`
      : ` Indicators with a work-plan target: ${total}; met: ${met}; missed: ${missed.length} (${missed.join('; ')}).`,
  missedItem: (name: string, figure: string, target: string) => `${name} ${figure}, target ${target}`,
  missedItemProRata: (name: string, figure: string, target: string) => `${name} ${figure}, behind the pro-rata target ${target}`,
  withExplanation: (item: string, explanation: string) => `${item} (explanation: ${explanation})`,

  readyExplained: (n: number) => `Ready to submit: no errors; ${n} warning(s) explained.`,
  readyClean: 'Ready to submit: no errors and no unexplained warnings.',
  notReady: (errors: number, warnings: number) => `Not ready to submit: ${errors} error(s) and ${warnings} unexplained warning(s) to fix or explain.`,
  openGroup: (severity: string, n: number, names: string[], more: boolean) => `${severity}s: ${n}, on ${names.join(', ')}${more ? ' and others' : ''}`,
  openList: (groups: string[]) => `Still open: ${groups.join('; ')}. See the findings sheet.`,
  explainedItem: (name: string, explanation: string) => `${name} (${explanation})`,
  explainedList: (items: string[], more: number) => `Warnings explained: ${items.join('; ')}${more ? `; ${more} more in the findings sheet` : ''}.`,

  headings: { overview: 'Overview', work: 'Work in figures', moves: 'Notable changes', audit: 'Data checks' },
  heading: (i: number, _ordinal: string, t: string) => `${i}. ${t}`,
  subheading: (i: number, _ordinal: string, t: string) => `(${i}) ${t}. `,
  period: (r: string) => `(${r})`,
  annex: 'Annex: key indicators',

  headers: ['Indicator (unit)', 'This period', 'Last year', 'Change', 'YoY', 'Target', 'Status'],
  /** Chinese counting words (件, 人, 次 …) say nothing in English; measures keep an English unit. */
  withUnit: (name: string, unit: string) => {
    const en = EN_TABLE_UNITS[unit];
    return en ? `${name} (${en})` : name;
  },
  unchanged: 'unchanged',
  notComparable: 'scope changed',
  met: 'Met',
  missed: 'Missed',
  noTarget: 'None',
  blank: 'Blank',
  ppUnit: ' pp',
  proRataAnnual: (v: string) => ` (year ${v})`,

  sheet: {
    key: '1. Key indicators',
    narrative: '2. Work in figures',
    open: '3. Open problems',
    explained: '4. Explained warnings',
    none: 'None',
    unitLabel: 'Unit: ',
    periodLabel: 'Period: ',
    openHeaders: ['Severity', 'Indicator', 'Problem'],
    explainedHeaders: ['Indicator', 'Problem', 'Explanation'],
    counted: (label: string, n: number) => `${label} (${n})`,
    ordinal: (i: number, _ordinal: string, title: string) => `(${i}) ${title}`,
  },

};

/**
 * How an explanation is recognised as a change of statistical scope (口径): by clause (split on
 * ，。；;,.), a clause holding a term and none of the negations. Lower-cased before matching.
 */
export const SCOPE_CHANGE_WORDS = {
  terms: ['口径', '统计范围', '调整统计', '统计方法', '计算方法', '统计标准', '指标解释', 'statistical scope', 'scope of the statistics', 'definition', 'reclassif', 'counting method', 'methodology'],
  negations: ['未变', '不变', '未调整', '未作调整', '没有调整', '无变化', '没有变化', '未发生变化', '未改变', '一致', '相同', '并非', '不是', '非因', 'unchanged', 'not changed', 'no change', 'same', 'not a ', 'not due'],
} as const;

export const SUMMARY_TABLES: Record<Locale, SummaryText> = { 'zh-CN': zhCN, 'en-US': enUS };

export function summaryText(locale: Locale): SummaryText {
  return SUMMARY_TABLES[locale];
}
