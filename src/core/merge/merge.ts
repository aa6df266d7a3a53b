/**
 * Adding district reports into a city total. Counts and amounts add up (stocks too: the
 * city's lawyers are the districts' lawyers); derived indicators keep their formulas and
 * are recomputed from the totals; a typed percent (satisfaction, check rates) has no
 * weights to add by, so the total takes the districts' plain mean and says so.
 *
 * Superseded by mergeDistricts (districts.ts: checked inputs, refusals, the aggregation table,
 * range notes for typed percents). Kept only until `merge` switches to it: the CLI's current
 * integration test merges the sample with itself, which mergeDistricts refuses (one unit twice).
 */
import { getCatalog, type Catalog } from '../catalog/catalog';
import type { ReportModel } from '../model/types';

export class MergeError extends Error {
  override name = 'MergeError';
}

export interface MergedFigure {
  code: string;
  current: number | null;
  previous: number | null;
  /** How many of the inputs had a current figure. */
  reported: number;
  method: 'sum' | 'mean' | 'formula';
}

export interface Merged {
  template: ReportModel['template'];
  period: string;
  figures: MergedFigure[];
  /** Explanations from the districts, prefixed with each unit's name. */
  explanations: Map<string, string>;
}

export function mergeModels(models: ReportModel[], catalog: Catalog = getCatalog()): Merged {
  const first = models[0];
  if (!first) throw new MergeError('没有可合并的报表');
  for (const m of models) {
    if (m.template !== first.template) throw new MergeError(`不能合并不同类型的报表（${first.template} 与 ${m.template}）`);
    if (m.period !== first.period) throw new MergeError(`不能合并不同报告期的报表（${first.period} 与 ${m.period}）`);
  }
  const figures: MergedFigure[] = [];
  const explanations = new Map<string, string>();
  for (const ind of catalog.indicators) {
    const cur = models.map((m) => m.figures.get(ind.code)?.current ?? null).filter((v): v is number => v !== null);
    const prev = models.map((m) => m.figures.get(ind.code)?.previous ?? null).filter((v): v is number => v !== null);
    const notes = models
      .map((m, i) => ({ unit: m.unit || `#${i + 1}`, text: m.figures.get(ind.code)?.explanation }))
      .filter((n) => n.text)
      .map((n) => `${n.unit}：${n.text}`);
    if (notes.length) explanations.set(ind.code, notes.join('；'));
    if (ind.formula) {
      figures.push({ code: ind.code, current: null, previous: null, reported: cur.length, method: 'formula' });
      continue;
    }
    const mean = ind.kind === 'percent';
    const agg = (xs: number[]) => (xs.length === 0 ? null : mean ? round(xs.reduce((a, b) => a + b, 0) / xs.length, ind.decimals) : round(xs.reduce((a, b) => a + b, 0), ind.decimals));
    figures.push({ code: ind.code, current: agg(cur), previous: agg(prev), reported: cur.length, method: mean ? 'mean' : 'sum' });
  }
  return { template: first.template, period: first.period, figures, explanations };
}

function round(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}
