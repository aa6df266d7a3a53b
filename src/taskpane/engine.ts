/**
 * The part of the core the pane calls to check, gathered in one module so the pane can load it
 * as one lazy chunk: the catalogue, its zod schemas and the rules are most of the pane's weight,
 * and nobody needs them before a file is chosen or 校验 is pressed. What comes after a check
 * (edit plans, the summary) is a further chunk each. Nothing here decides anything new; every
 * entry is the core's own function.
 */
import { checkWorkbook, defaultPeriod, getCatalog, periodLabel, readPeriodInput } from '../core';
import { formatFinding, formatSkipped, type Locale, type ReportModel } from '../core';

/** A form's display name in the pane's language ('' for an unknown form id). */
function formName(form: string, locale: Locale): string {
  const f = getCatalog().formById.get(form);
  if (!f) return '';
  return locale === 'en-US' ? f.nameEn : f.nameZh;
}

/** A template's display name (年报 / Annual report). */
function templateName(id: string, locale: Locale): string {
  const t = getCatalog().templateById.get(id);
  if (!t) return id;
  return locale === 'en-US' ? t.nameEn : t.nameZh;
}

/** Whether a period fits the template (`2025` for annual, `2025H1` for half-year), by the catalogue. */
function periodFits(id: string, period: string): boolean {
  return getCatalog().templateById.get(id)?.periodPattern.test(period) ?? false;
}

/** The open report, named as the page shows it at the top: unit, period, template. */
function reportTitle(model: ReportModel, locale: Locale): { unit: string; period: string; template: string } {
  return { unit: model.unit.trim(), period: model.period ? periodLabel(model.period, locale) : '', template: templateName(model.template, locale) };
}

export const engine = {
  checkWorkbook,
  defaultPeriod,
  /** The edit plans (accept, explain, undo, marks, last year, template): a chunk of their own. */
  plans: () => import(/* webpackChunkName: "plans" */ './plans'),
  /** The summary's functions, loaded when 领导参阅 is first asked for (a chunk of their own). */
  summary: () => import(/* webpackChunkName: "summary" */ './summary-engine'),
  /** The district reports' functions (下级汇总), a chunk of their own. */
  districts: () => import(/* webpackChunkName: "districts" */ './districts-engine'),
  formatFinding,
  formatSkipped,
  reportTitle,
  /** A period typed in the template form, in the template's own form ('' when blank). */
  readPeriod: readPeriodInput,
  formName,
  templateName,
  periodFits,
};

export type Engine = typeof engine;
