/**
 * Test helper: district reports as real .xlsx bytes, made from the bundled sample scaled by a
 * whole factor (counts and amounts; percents and rates as they are, formulas recomputed), as
 * tests/unit/districts.test.ts builds its district models — so every identity of the sample
 * still holds — with extra figures set where a test plants a slip or an outlier. Written by
 * the same functions as `template` + `fill`.
 */
import { getCatalog } from '../../src/core';
import { fillWorkbook, makeTemplate } from '../../src/cli/workbooks';
import { SAMPLE_CSV } from '../fakes/sample';

/** The sample's own figures: code → [current, previous] (blank → null). */
const SAMPLE = new Map(
  SAMPLE_CSV.trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','))
    .map((r) => [r[0] as string, [r[1] ? Number(r[1]) : null, r[2] ? Number(r[2]) : null, r.slice(3).join(',')] as const]),
);

/** The import CSV of the sample scaled by `k`, then `extra` (`CODE` or `CODE_PREV` → value). */
export function scaledCsv(k: number, extra: Record<string, number> = {}): string {
  const rows = new Map<string, [string, string, string]>();
  for (const ind of getCatalog().indicators) {
    const [cur, prev, note] = SAMPLE.get(ind.code) ?? [null, null, ''];
    const scale = (v: number) => (ind.kind === 'percent' || ind.kind === 'rate' ? v : Math.round(v * k * 10 ** ind.decimals) / 10 ** ind.decimals);
    rows.set(ind.code, [cur === null ? '' : String(scale(cur)), prev === null ? '' : String(scale(prev)), note]);
  }
  for (const [name, v] of Object.entries(extra)) {
    const prev = name.endsWith('_PREV');
    const code = prev ? name.slice(0, -5) : name;
    const row = rows.get(code);
    if (!row) throw new Error(`no indicator ${code}`);
    row[prev ? 1 : 0] = String(v);
  }
  return ['code,current,previous,explanation', ...[...rows].map(([code, [c, p, n]]) => `${code},${c},${p},${n}`)].join('\n');
}

/** A district's report as .xlsx bytes: the annual template for `unit`, filled with the scaled sample. */
export function districtBytes(unit: string, k: number, extra: Record<string, number> = {}, period = '2025'): Uint8Array {
  const wb = makeTemplate('annual', { unit, period, locale: 'zh-CN' });
  fillWorkbook(wb, scaledCsv(k, extra), undefined);
  return wb.toBytes();
}
