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
 * Change of scope
 * - a figure whose 说明 says its statistical scope changed (口径, see scope.ts) is not called a
 *   rise or a fall: `，因统计口径调整，与上年同期不可比`.
 * What leaders read (the default, `scope: 'leaders'`)
 * - only the key indicators (`key` in the catalogue: "shown in the leadership summary"),
 *   without their breakdown items: the figures a work report leads with; the targets of the
 *   others are in the overview. `scope: 'all'` narrates every
 *   indicator of the form with its items.
 * en-US: the same structure, plainer: `In the first half, legal aid cases handled: 1,985, up
 * 6.6% year on year; of which criminal 620, civil 1,300; …`. Every word is in i18n/summary.ts.
 */
import { getCatalog, indicatorsOf, type Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/schema';
import { refsOf } from '../formula/ast';
import { parseExpr } from '../formula/parse';
import type { ReportModel } from '../model/types';
import { indicatorName } from '../i18n/findings';
import type { Locale } from '../i18n/locale';
import { summaryText } from '../i18n/summary';
import { absText, formNameOf, pct1, percentPlaces, periodWordOf, round1, scopeWord, valueText } from './format';
import { appliedTarget, figureValues, qualifiedName, targetStatus, type AppliedTarget, type SummaryModel } from './model';
import { isScopeChange } from './scope';

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

function movementPhrase(ind: Indicator, current: number, previous: number | null, scoped: boolean, locale: Locale): string {
  const t = summaryText(locale);
  if (previous === null) return t.noPrevious;
  if (scoped && current !== previous) return t.scopeChanged;
  if (ind.kind === 'percent') {
    const pp = current - previous;
    const amount = absText(pp, percentPlaces(ind.decimals, current, previous));
    if (amount === '0') return t.flat;
    return t.pp(pp > 0, amount);
  }
  if (previous === 0) return current === 0 ? t.flat : t.fromZero;
  const yoy = ((current - previous) / Math.abs(previous)) * 100;
  if (round1(yoy) === 0) return t.flat;
  return t.yoy(yoy > 0, pct1(yoy));
}

function targetValueText(ind: Indicator, target: AppliedTarget, locale: Locale): string {
  const v = valueText(ind, target.value, locale);
  return target.op === '<=' ? summaryText(locale).atMost(v) : v;
}

function targetPhrase(ind: Indicator, target: AppliedTarget | null, status: string, locale: Locale): string {
  if (!target || status === 'none') return '';
  const t = summaryText(locale);
  if (status === 'met') return target.proRata ? t.targetMetProRata : t.targetMet;
  const v = targetValueText(ind, target, locale);
  return target.proRata ? t.targetMissedProRata(v) : t.targetMissed(v);
}

/** The name inside a sentence (in English a leading capital is lowered, not an acronym's). */
function nameOf(ind: Indicator, locale: Locale): string {
  return summaryText(locale).inSentence(indicatorName(ind.code, locale));
}

/** One indicator's clause: figure, year on year, target. */
function clause(ind: Indicator, current: number, previous: number | null, summary: SummaryModel, model: ReportModel, locale: Locale): string {
  const template = getCatalog().templateById.get(summary.template);
  const target = template ? appliedTarget(ind, template) : null;
  const status = targetStatus(ind, target, current);
  const reaches = status === 'met' && target !== null && target.op !== '<=';
  const verb = reaches ? 'reaches' : ind.kind === 'percent' || ind.kind === 'rate' ? 'is' : '';
  const scoped = isScopeChange(model.figures.get(ind.code)?.explanation);
  const head = summaryText(locale).head(nameOf(ind, locale), verb, valueText(ind, current, locale));
  return head + movementPhrase(ind, current, previous, scoped, locale) + targetPhrase(ind, target, status, locale);
}

function partsClause(parts: Indicator[], values: Values, withWhole: boolean, locale: Locale): string | null {
  const t = summaryText(locale);
  const items: string[] = [];
  for (const p of parts) {
    const v = values(p.code).current;
    if (v === null) continue;
    items.push(t.part(nameOf(p, locale), valueText(p, v, locale)));
  }
  return items.length === 0 ? null : t.parts(items, withWhole);
}

/** Names that open with a verb of work done take 共 (共办理…); nouns (刑满释放人员) do not. */
const HANDLING_VERB = /^(办理|受理|新收|新接收|调解|审结|开展|解答|发布|培育|新建|化解|提供|接待|组织)/;

export interface NarrateOptions {
  /** `leaders` (default): key indicators and those with a target, no items; `all`: every indicator. */
  scope?: 'leaders' | 'all';
}

/**
 * Whether an indicator is told in what leaders read: the key indicators (`key` in the
 * catalogue). Targets of other indicators, met or missed, are in the overview (overviewText).
 */
export function forLeaders(ind: Indicator): boolean {
  return ind.key;
}

/** The paragraph of one form, or null when all its indicators are blank. */
export function narrateForm(formId: string, summary: SummaryModel, model: ReportModel, locale: Locale, options: NarrateOptions = {}): Paragraph | null {
  const catalog = getCatalog();
  const form = catalog.formById.get(formId);
  if (!form) return null;
  const all = options.scope === 'all';
  const told = (ind: Indicator) => all || forLeaders(ind);
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
    if (lead.current !== null && told(g.lead)) push(clause(g.lead, lead.current, lead.previous, summary, model, locale), g.lead);
    const parts = all ? partsClause(g.parts, values, lead.current !== null, locale) : null;
    if (parts !== null) push(parts, null);
    for (const d of g.derived) {
      const v = values(d.code);
      if (v.current !== null && told(d)) push(clause(d, v.current, v.previous, summary, model, locale), d);
    }
    if (!all) {
      // A told item whose whole is not told (none in the standard today) still gets its clause.
      for (const p of g.parts) {
        const v = values(p.code);
        if (v.current !== null && forLeaders(p)) push(clause(p, v.current, v.previous, summary, model, locale), p);
      }
    }
  }
  if (clauses.length === 0) return null;
  const template = catalog.templateById.get(summary.template);
  const word = template ? periodWordOf(template, locale) : '';
  const gong = first !== null && first !== undefined && first.kind === 'count' && first.flow && !first.formula && HANDLING_VERB.test(first.nameZh);
  const text = summaryText(locale).paragraph(word, scopeWord(summary.unit, locale), gong, clauses);
  return { form: formId, title: formNameOf(form, locale), text };
}

/** One paragraph per form of the template, in form order; forms with no figures are left out. */
export function narrate(summary: SummaryModel, model: ReportModel, locale: Locale, options: NarrateOptions = {}): Paragraph[] {
  const catalog = getCatalog();
  const template = catalog.templateById.get(summary.template);
  const forms = template ? template.forms : catalog.forms.map((f) => f.id);
  const out: Paragraph[] = [];
  for (const f of forms) {
    const p = narrateForm(f, summary, model, locale, options);
    if (p) out.push(p);
  }
  return out;
}

/**
 * The few notable changes as one sentence (largest rises and falls, then each change explained
 * as one of scope, with its explanation), or null when there are none.
 */
export function movesText(summary: SummaryModel, locale: Locale): string | null {
  const t = summaryText(locale);
  const item = (m: SummaryModel['rises'][number]) => t.moveItem(qualifiedName(m.code, locale), m.yoyPct > 0, pct1(m.yoyPct));
  const parts: string[] = [];
  if (summary.rises.length) parts.push(t.rises(summary.rises.map(item)));
  if (summary.falls.length) parts.push(t.falls(summary.falls.map(item)));
  const notes = summary.scopeChanges.map((c) => t.scopeNote(c.name, c.explanation));
  if (!parts.length && !notes.length) return null;
  return [parts.length ? t.moves(parts) : '', ...notes].join('');
}

/** Whether the report can be submitted, as one sentence (可以报送 / 不可报送 …). */
export function readinessText(summary: SummaryModel, locale: Locale): string {
  const t = summaryText(locale);
  const r = summary.readiness;
  const openWarnings = summary.open.filter((f) => f.severity === 'warning').length;
  if (r.ready) return r.explained > 0 ? t.readyExplained(r.explained) : t.readyClean;
  return t.notReady(r.counts.error, openWarnings);
}

/**
 * The overview a work report opens with: how the key indicators moved (up, down, 持平), and
 * the work-plan targets met and missed, the missed ones named with figure and target.
 */
export function overviewText(summary: SummaryModel, locale: Locale): string {
  const t = summaryText(locale);
  const catalog = getCatalog();
  const template = catalog.templateById.get(summary.template);
  const word = template ? periodWordOf(template, locale) : '';
  const count = (d: string) => summary.key.filter((k) => k.direction === d && k.scopeChange === undefined).length;
  const none = summary.key.length - count('up') - count('down') - count('flat');
  let text = t.overview(word, scopeWord(summary.unit, locale), summary.key.length, count('up'), count('down'), count('flat'), none);
  const judged = summary.targets.filter((x) => x.status !== 'none');
  if (judged.length > 0) {
    const missed = judged
      .filter((x) => x.status === 'missed')
      .map((x) => {
        const ind = catalog.byCode.get(x.code);
        if (!ind || x.current === null) return x.name;
        const figure = valueText(ind, x.current, locale);
        const target = targetValueText(ind, x.target, locale);
        const item = x.target.proRata ? t.missedItemProRata(x.name, figure, target) : t.missedItem(x.name, figure, target);
        return x.explanation ? t.withExplanation(item, x.explanation) : item;
      });
    text += t.targets(judged.length, judged.length - missed.length, missed);
  }
  return text;
}
