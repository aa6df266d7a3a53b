/**
 * The narrative of the leadership summary: one paragraph per form, in the voice of a bureau
 * work report (`上半年，全市共办理法律援助案件1985件，同比增长6.6%；……`). Every figure comes
 * from the model; nothing here knows a number. Each rule below has a test in
 * tests/unit/narrative.test.ts.
 *
 * Paragraphs
 * - One per form of the template, titled with the form's name (法律援助工作情况); a form whose
 *   indicators are all blank gets none. Text or a blank in a cell is blank here.
 * - Opening: period word of the template (上半年 / 全年) + `，` + place word (全市 for a city
 *   bureau, 全区 / 全县 / 全旗 … for others, the unit's own name when it names no place;
 *   see scopeWord) + `共` when the first figure is a flow count named by a verb of work done
 *   (共办理法律援助案件, 共新收行政复议案件; not a level such as 人民调解组织, nor a noun such
 *   as 刑满释放人员). Clauses are joined with `；`, the paragraph ends with `。`.
 * Clauses, in catalogue order
 * - An indicator: name + figure + unit (`办理法律援助案件1985件`); rates and percentages take
 *   `为` (`调解成功率为55.1%`), and a figure that meets a `>=` / `=` target takes `达到`.
 * - Breakdown items (part_of) follow their whole as one clause `其中，刑事案件620件、民事案件
 *   1300件` (no YoY for items, blank items left out; with the whole blank, the items stand
 *   without `其中`).
 * - Derived rates and percentages (a formula, kind rate/percent) follow the whole of the first
 *   indicator of the same form their formula names (调解成功率 after 调解矛盾纠纷 and its
 *   其中项; 每10万人法律援助案件数 after 法律援助案件). Other derived figures keep their place.
 * Year on year (上年同期), after the figure
 * - rise: `，同比增长X%`; fall: `，同比下降X%`, X to one decimal, trailing .0 dropped;
 * - flat: `，与上年同期持平` when the rate rounds to 0.0% (so equal figures are flat too);
 * - last year blank: `，上年同期无可比数据`; last year 0 and this year not: `，上年同期为0`;
 * - percent indicators: `为55.1%，较上年同期提高/降低X个百分点` (or 持平 when it rounds to 0.0);
 *   figures all below 1% keep the catalogue decimals (`为0.14%，较上年同期降低0.14个百分点`).
 * Targets (work plan), after the YoY
 * - met: `，完成年度目标`; missed: `，未达到年度目标（115件）`; in a half-year report a flow target
 *   is pro rata (target × flowTargetShare): `，达到年度目标时序进度` / `，未达到年度目标时序进度
 *   （57.5件）`. A `<=` target reads `（不高于N）`. Met is judged as the catalogue check does
 *   (interval arithmetic on the reported decimals).
 * Numbers: see format.ts (counts ≥ 10000 that are multiples of 1000 in 万: 6.5万件).
 * en-US: the same structure, plainer: `In the first half, legal aid cases handled: 1,985, up
 * 6.6% year on year; of which criminal 620, civil 1,300; …`.
 */
import { getCatalog, indicatorsOf, type Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/schema';
import { refsOf } from '../formula/ast';
import { parseExpr } from '../formula/parse';
import type { ReportModel } from '../model/types';
import { indicatorName } from '../i18n/findings';
import type { Locale } from '../i18n/locale';
import { absText, pct1, percentPlaces, round1, scopeWord, valueText } from './format';
import { appliedTarget, figureValues, qualifiedName, targetStatus, type AppliedTarget, type SummaryModel } from './model';

export interface Paragraph {
  /** Form id (JS01 …). */
  form: string;
  /** The form's name in the locale (法律援助工作情况). */
  title: string;
  text: string;
}

interface Group {
  lead: Indicator;
  parts: Indicator[];
  derived: Indicator[];
}

type Values = (code: string) => { current: number | null; previous: number | null };

/** The top-level whole of a breakdown item (itself when it is not one). */
function topOf(catalog: Catalog, ind: Indicator): Indicator {
  let cur = ind;
  for (let i = 0; i < 10 && cur.partOf; i++) {
    const up = catalog.byCode.get(cur.partOf);
    if (!up) break;
    cur = up;
  }
  return cur;
}

function isDerivedRate(ind: Indicator): boolean {
  return ind.formula !== undefined && (ind.kind === 'percent' || ind.kind === 'rate');
}

/** Groups a form's indicators: each whole with its items and the rates derived from it. */
export function groupsOf(catalog: Catalog, formId: string): Group[] {
  const inds = indicatorsOf(catalog, formId);
  const groups = new Map<string, Group>();
  const order: Group[] = [];
  const lead = (ind: Indicator) => {
    const g: Group = { lead: ind, parts: [], derived: [] };
    groups.set(ind.code, g);
    order.push(g);
  };
  for (const ind of inds) if (!ind.partOf && !isDerivedRate(ind)) lead(ind);
  for (const ind of inds) {
    if (ind.partOf) {
      const g = groups.get(topOf(catalog, ind).code);
      if (g) g.parts.push(ind);
      else lead(ind);
    } else if (isDerivedRate(ind)) {
      const parsed = parseExpr(ind.formula ?? '');
      const refs = parsed.ok ? refsOf(parsed.value) : [];
      const anchor = refs
        .map((c) => catalog.byCode.get(c))
        .find((r): r is Indicator => r !== undefined && r.form === formId);
      const g = anchor ? groups.get(topOf(catalog, anchor).code) : undefined;
      if (g) g.derived.push(ind);
      else lead(ind);
    }
  }
  const pos = new Map(inds.map((ind, i) => [ind.code, i]));
  return order.sort((a, b) => (pos.get(a.lead.code) ?? 0) - (pos.get(b.lead.code) ?? 0));
}

function movementPhrase(ind: Indicator, current: number, previous: number | null, locale: Locale): string {
  const en = locale === 'en-US';
  if (previous === null) return en ? ', no comparable figure for last year' : '，上年同期无可比数据';
  const flat = en ? ', unchanged from a year earlier' : '，与上年同期持平';
  if (ind.kind === 'percent') {
    const pp = current - previous;
    const amount = absText(pp, percentPlaces(ind.decimals, current, previous));
    if (amount === '0') return flat;
    if (en) return `, ${pp > 0 ? 'up' : 'down'} ${amount} percentage points on a year earlier`;
    return `，较上年同期${pp > 0 ? '提高' : '降低'}${amount}个百分点`;
  }
  if (previous === 0) {
    if (current === 0) return flat;
    return en ? ', against none a year earlier' : '，上年同期为0';
  }
  const yoy = ((current - previous) / Math.abs(previous)) * 100;
  if (round1(yoy) === 0) return flat;
  if (en) return `, ${yoy > 0 ? 'up' : 'down'} ${pct1(yoy)}% year on year`;
  return `，同比${yoy > 0 ? '增长' : '下降'}${pct1(yoy)}%`;
}

function targetValueText(ind: Indicator, t: AppliedTarget, locale: Locale): string {
  const v = valueText(ind, t.value, locale);
  if (t.op === '<=') return locale === 'en-US' ? `at most ${v}` : `不高于${v}`;
  return v;
}

function targetPhrase(ind: Indicator, t: AppliedTarget | null, status: string, locale: Locale): string {
  if (!t || status === 'none') return '';
  const v = targetValueText(ind, t, locale);
  if (locale === 'en-US') {
    if (status === 'met') return t.proRata ? ', on track for the annual target' : ', meeting the annual target';
    return t.proRata ? `, behind the pro-rata annual target (${v})` : `, short of the annual target (${v})`;
  }
  if (status === 'met') return t.proRata ? '，达到年度目标时序进度' : '，完成年度目标';
  return t.proRata ? `，未达到年度目标时序进度（${v}）` : `，未达到年度目标（${v}）`;
}

/** The name inside a sentence; in English a leading capital is lowered (not an acronym's). */
function nameOf(ind: Indicator, locale: Locale): string {
  const name = indicatorName(ind.code, locale);
  if (locale !== 'en-US' || /^[A-Z]{2}/.test(name)) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** One indicator's clause: figure, year on year, target. */
function clause(ind: Indicator, current: number, previous: number | null, summary: SummaryModel, locale: Locale): string {
  const template = getCatalog().templateById.get(summary.template);
  const target = template ? appliedTarget(ind, template) : null;
  const status = targetStatus(ind, target, current);
  const reaches = status === 'met' && target !== null && target.op !== '<=';
  const figure = valueText(ind, current, locale);
  let head: string;
  if (locale === 'en-US') head = `${nameOf(ind, locale)}: ${figure}`;
  else {
    const verb = reaches ? '达到' : ind.kind === 'percent' || ind.kind === 'rate' ? '为' : '';
    head = `${nameOf(ind, locale)}${verb}${figure}`;
  }
  return head + movementPhrase(ind, current, previous, locale) + targetPhrase(ind, target, status, locale);
}

function partsClause(parts: Indicator[], values: Values, withWhole: boolean, locale: Locale): string | null {
  const items: string[] = [];
  for (const p of parts) {
    const v = values(p.code).current;
    if (v === null) continue;
    const name = locale === 'en-US' ? nameOf(p, locale).replace(/^of which\s+/i, '') : nameOf(p, locale);
    items.push(locale === 'en-US' ? `${name} ${valueText(p, v, locale)}` : `${name}${valueText(p, v, locale)}`);
  }
  if (items.length === 0) return null;
  if (locale === 'en-US') return `${withWhole ? 'of which ' : ''}${items.join(', ')}`;
  return `${withWhole ? '其中，' : ''}${items.join('、')}`;
}

/** Names that open with a verb of work done take 共 (共办理…); nouns (刑满释放人员) do not. */
const HANDLING_VERB = /^(办理|受理|新收|新接收|调解|审结|开展|解答|发布|培育|新建|化解|提供|接待|组织)/;

/** The paragraph of one form, or null when all its indicators are blank. */
export function narrateForm(formId: string, summary: SummaryModel, model: ReportModel, locale: Locale): Paragraph | null {
  const catalog = getCatalog();
  const form = catalog.formById.get(formId);
  if (!form) return null;
  const values: Values = (code) => figureValues(model, code);
  const clauses: string[] = [];
  /** The indicator of the opening clause (null when it is a list of items). */
  let first: Indicator | null | undefined;
  const push = (text: string, ind: Indicator | null) => {
    if (clauses.length === 0) first = ind;
    clauses.push(text);
  };
  for (const g of groupsOf(catalog, formId)) {
    const lead = values(g.lead.code);
    if (lead.current !== null) push(clause(g.lead, lead.current, lead.previous, summary, locale), g.lead);
    const parts = partsClause(g.parts, values, lead.current !== null, locale);
    if (parts !== null) push(parts, null);
    for (const d of g.derived) {
      const v = values(d.code);
      if (v.current !== null) push(clause(d, v.current, v.previous, summary, locale), d);
    }
  }
  if (clauses.length === 0) return null;
  const template = catalog.templateById.get(summary.template);
  if (locale === 'en-US') {
    const word = template?.periodWordEn ?? '';
    const opening = word ? `${word.charAt(0).toUpperCase()}${word.slice(1)}, ` : '';
    const body = clauses.join('; ');
    const text = opening ? `${opening}${body}.` : `${body.charAt(0).toUpperCase()}${body.slice(1)}.`;
    return { form: formId, title: form.nameEn, text };
  }
  const word = template?.periodWordZh ?? '';
  const gong = first && first.kind === 'count' && first.flow && !first.formula && HANDLING_VERB.test(first.nameZh) ? '共' : '';
  const text = `${word ? `${word}，` : ''}${scopeWord(summary.unit, locale)}${gong}${clauses.join('；')}。`;
  return { form: formId, title: form.nameZh, text };
}

/** One paragraph per form of the template, in form order; forms with no figures are left out. */
export function narrate(summary: SummaryModel, model: ReportModel, locale: Locale): Paragraph[] {
  const catalog = getCatalog();
  const template = catalog.templateById.get(summary.template);
  const forms = template ? template.forms : catalog.forms.map((f) => f.id);
  const out: Paragraph[] = [];
  for (const f of forms) {
    const p = narrateForm(f, summary, model, locale);
    if (p) out.push(p);
  }
  return out;
}

/** The largest rises and falls as one sentence, or null when there are none. */
export function movesText(summary: SummaryModel, locale: Locale): string | null {
  const item = (m: SummaryModel['rises'][number]) =>
    locale === 'en-US'
      ? `${qualifiedName(m.code, locale)} (${m.yoyPct > 0 ? '+' : '−'}${pct1(m.yoyPct)}%)`
      : `${qualifiedName(m.code, locale)}（${m.yoyPct > 0 ? '增长' : '下降'}${pct1(m.yoyPct)}%）`;
  const parts: string[] = [];
  if (locale === 'en-US') {
    if (summary.rises.length) parts.push(`largest rises: ${summary.rises.map(item).join(', ')}`);
    if (summary.falls.length) parts.push(`largest falls: ${summary.falls.map(item).join(', ')}`);
    if (!parts.length) return null;
    const s = `Against a year earlier, ${parts.join('; ')}.`;
    return s;
  }
  if (summary.rises.length) parts.push(`增幅居前的有${summary.rises.map(item).join('、')}`);
  if (summary.falls.length) parts.push(`降幅居前的有${summary.falls.map(item).join('、')}`);
  if (!parts.length) return null;
  return `与上年同期相比，${parts.join('；')}。`;
}

/** Whether the report can be submitted, as one sentence (可以报送 / 不可报送 …). */
export function readinessText(summary: SummaryModel, locale: Locale): string {
  const r = summary.readiness;
  const openWarnings = summary.open.filter((f) => f.severity === 'warning').length;
  const errors = r.counts.error;
  if (locale === 'en-US') {
    if (r.ready) {
      return r.explained > 0
        ? `Ready to submit: no errors; ${r.explained} warning(s) explained.`
        : 'Ready to submit: no errors and no unexplained warnings.';
    }
    return `Not ready to submit: ${errors} error(s) and ${openWarnings} unexplained warning(s) to fix or explain.`;
  }
  if (r.ready) {
    return r.explained > 0
      ? `审核结果：可以报送。无错误，${r.explained}项警告已填写说明。`
      : '审核结果：可以报送。无错误，无待说明的警告。';
  }
  return `审核结果：不可报送。尚有错误${errors}项、未说明的警告${openWarnings}项，请修正或填写说明后再报送。`;
}
