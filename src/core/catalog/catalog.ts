/**
 * The standard, loaded once: indicators parsed from the embedded CSV and validated, forms,
 * audit rules and templates validated, with the indexes every rule needs. Bad catalogue
 * data is a programming error and throws a CatalogError at load (the tests load it);
 * a rule whose formula does not parse is a finding at check time, not a throw.
 */
import { z } from 'zod/v3';
import { parseCsv } from './csv';
import { INDICATORS_CSV } from './indicators.data';
import {
  auditRuleSchema,
  formSchema,
  indicatorRowSchema,
  templateSchema,
  type AuditRule,
  type Form,
  type Indicator,
  type Template,
} from './schema';
import { FORMS, STOCK_INDICATORS, TEMPLATES } from './standard.data';
import { RULES } from '../rules/registry';

export class CatalogError extends Error {
  override name = 'CatalogError';
}

export interface Catalog {
  indicators: readonly Indicator[];
  byCode: ReadonlyMap<string, Indicator>;
  forms: readonly Form[];
  formById: ReadonlyMap<string, Form>;
  /** The audit rules with formulas (R01–R07), from the rule registry. */
  rules: readonly AuditRule[];
  templates: readonly Template[];
  templateById: ReadonlyMap<string, Template>;
  /** Breakdown items of each whole (`LA_CASES` → its 其中项). */
  partsOf: ReadonlyMap<string, readonly string[]>;
}

function fail(what: string, error: z.ZodError): never {
  const first = error.issues[0];
  throw new CatalogError(`${what}: ${first ? `${first.path.join('.')}: ${first.message}` : error.message}`);
}

export function parseIndicators(csv: string, stocks: readonly string[] = STOCK_INDICATORS): Indicator[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header) throw new CatalogError('indicator catalogue is empty');
  return rows.map((cells, i) => {
    const record = Object.fromEntries(header.map((h, j) => [h.trim(), cells[j] ?? '']));
    const parsed = indicatorRowSchema.safeParse(record);
    if (!parsed.success) fail(`indicators.csv line ${i + 2}`, parsed.error);
    const r = parsed.data;
    const ind: Indicator = {
      form: r.form,
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      unit: r.unit,
      kind: r.kind,
      decimals: r.decimals,
      required: r.required,
      key: r.key,
      flow: r.kind !== 'percent' && !stocks.includes(r.code),
    };
    if (r.part_of !== undefined) ind.partOf = r.part_of;
    if (r.formula !== undefined) ind.formula = r.formula;
    if (r.target !== undefined) ind.target = r.target;
    if (r.better !== undefined) ind.better = r.better;
    if (r.ref !== undefined) ind.ref = r.ref;
    if (r.ref_note !== undefined) ind.refNote = r.ref_note;
    return ind;
  });
}

export function buildCatalog(indicators: Indicator[]): Catalog {
  const forms = z.array(formSchema).safeParse(FORMS);
  if (!forms.success) fail('forms', forms.error);
  const audit = Object.entries(RULES).flatMap(([id, r]) =>
    'checks' in r ? [{ id, severity: r.severity, checks: r.checks, textZh: r.textZh, textEn: r.textEn, ...('templates' in r ? { templates: r.templates } : {}) }] : [],
  );
  const rules = z.array(auditRuleSchema).safeParse(audit);
  if (!rules.success) fail('audit rules', rules.error);
  const templates = z.array(templateSchema).safeParse(TEMPLATES);
  if (!templates.success) fail('templates', templates.error);

  const byCode = new Map<string, Indicator>();
  for (const ind of indicators) {
    if (byCode.has(ind.code)) throw new CatalogError(`indicator ${ind.code} appears twice`);
    byCode.set(ind.code, ind);
  }
  const formById = new Map(forms.data.map((f) => [f.id, f]));
  const partsOf = new Map<string, string[]>();
  for (const ind of indicators) {
    if (!formById.has(ind.form)) throw new CatalogError(`indicator ${ind.code} names unknown form ${ind.form}`);
    if (ind.partOf === undefined) continue;
    if (!byCode.has(ind.partOf)) throw new CatalogError(`indicator ${ind.code} is part of unknown ${ind.partOf}`);
    partsOf.set(ind.partOf, [...(partsOf.get(ind.partOf) ?? []), ind.code]);
  }
  return {
    indicators,
    byCode,
    forms: forms.data,
    formById,
    rules: rules.data,
    templates: templates.data,
    templateById: new Map(templates.data.map((t) => [t.id, t])),
    partsOf,
  };
}

let standard: Catalog | undefined;

/** The bundled standard (parsed on first use). */
export function getCatalog(): Catalog {
  standard ??= buildCatalog(parseIndicators(INDICATORS_CSV));
  return standard;
}

/** Indicators of one form, in catalogue order. */
export function indicatorsOf(catalog: Catalog, formId: string): Indicator[] {
  return catalog.indicators.filter((i) => i.form === formId);
}
