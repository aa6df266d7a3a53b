/**
 * The aggregation table (aggregation.data.ts) validated once against the catalogue: an
 * unknown code, `derived` for an indicator without a formula, or `sum` for a percent or a
 * rate (adding percents is meaningless) is a CatalogError at load, like bad catalogue data.
 */
import { z } from 'zod/v3';
import { CatalogError, getCatalog, type Catalog } from '../catalog/catalog';
import { KINDS, type Indicator } from '../catalog/schema';
import { AGGREGATION } from './aggregation.data';

export const METHODS = ['sum', 'derived', 'range'] as const;
export type AggregationMethod = (typeof METHODS)[number];

const method = z.enum(METHODS);

export const hbParamsSchema = z.object({
  u: z.number().min(0).max(1),
  a: z.number().nonnegative(),
  c: z.number().positive(),
  minUnits: z.number().int().min(3),
  scope: z.enum(['key', 'summed']),
});
export type HbParams = z.output<typeof hbParamsSchema>;

export const aggregationSchema = z.object({
  withFormula: method,
  byKind: z.object(Object.fromEntries(KINDS.map((k) => [k, method])) as Record<(typeof KINDS)[number], typeof method>),
  byCode: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), method),
  hb: hbParamsSchema,
});
export type AggregationTable = z.output<typeof aggregationSchema>;

export interface Aggregation {
  methodOf(code: string): AggregationMethod;
  hb: HbParams;
}

function resolve(table: AggregationTable, ind: Indicator): AggregationMethod {
  return table.byCode[ind.code] ?? (ind.formula ? table.withFormula : table.byKind[ind.kind]);
}

/** Validates a table against a catalogue; throws CatalogError naming the first problem. */
export function buildAggregation(data: unknown, catalog: Catalog): Aggregation {
  const parsed = aggregationSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new CatalogError(`aggregation: ${first ? `${first.path.join('.')}: ${first.message}` : parsed.error.message}`);
  }
  const table = parsed.data;
  for (const code of Object.keys(table.byCode)) {
    if (!catalog.byCode.has(code)) throw new CatalogError(`aggregation: unknown indicator ${code}`);
  }
  const methods = new Map<string, AggregationMethod>();
  for (const ind of catalog.indicators) {
    const m = resolve(table, ind);
    if (m === 'derived' && !ind.formula) throw new CatalogError(`aggregation: ${ind.code} is derived but has no formula`);
    if (m === 'sum' && (ind.kind === 'percent' || ind.kind === 'rate')) throw new CatalogError(`aggregation: ${ind.code} is a ${ind.kind}; it cannot be summed`);
    methods.set(ind.code, m);
  }
  return {
    methodOf: (code) => methods.get(code) ?? 'range',
    hb: table.hb,
  };
}

let standard: Aggregation | undefined;

/** The bundled table against the bundled catalogue (validated on first use). */
export function getAggregation(catalog: Catalog = getCatalog()): Aggregation {
  if (catalog !== getCatalog()) return buildAggregation(AGGREGATION, catalog);
  standard ??= buildAggregation(AGGREGATION, catalog);
  return standard;
}
