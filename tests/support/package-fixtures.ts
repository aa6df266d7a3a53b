/** Workbooks for the package tests: the report fixtures made as the CLI makes them (ExcelJS host). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { checkWorkbook } from '../../src/core/check';
import { planMarks } from '../../src/core/marks/plan';
import { applyMarks, fillWorkbook, loadWorkbook, makeTemplate, snapshotOf, toBytes } from './exceljs-host';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample');

export interface Fixture {
  name: string;
  bytes: Uint8Array;
}

let cached: Promise<Fixture[]> | undefined;

export function reportFixtures(): Promise<Fixture[]> {
  cached ??= (async () => {
    const csv = readFileSync(join(SAMPLE, 'annual-2025.csv'), 'utf8');
    const slips = readFileSync(join(SAMPLE, 'slips.csv'), 'utf8');
    const out: Fixture[] = [];
    const wb = await makeTemplate('annual', { unit: '示例市司法局', period: '2025' });
    out.push({ name: 'annual template', bytes: await toBytes(wb) });
    fillWorkbook(wb, csv, undefined);
    out.push({ name: 'annual sample', bytes: await toBytes(wb) });
    fillWorkbook(wb, slips, undefined);
    out.push({ name: 'annual demo (slips)', bytes: await toBytes(wb) });
    const flagged = await loadWorkbook(await toBytes(wb));
    applyMarks(flagged, planMarks(checkWorkbook(snapshotOf(flagged)).report));
    out.push({ name: 'annual demo flagged (ExcelJS)', bytes: await toBytes(flagged) });
    const half = await makeTemplate('half-year', { unit: '示例县司法局', period: '2025H1' });
    out.push({ name: 'half-year template', bytes: await toBytes(half) });
    return out;
  })();
  return cached;
}

/** Every part of a package, inflated, by name. */
export function partsOf(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** Names of the parts that differ between two packages (added, removed or changed). */
export function changedParts(a: Uint8Array, b: Uint8Array): string[] {
  const pa = partsOf(a);
  const pb = partsOf(b);
  const names = new Set([...Object.keys(pa), ...Object.keys(pb)]);
  const out: string[] = [];
  for (const n of names) {
    if (n.endsWith('/')) continue;
    const x = pa[n];
    const y = pb[n];
    if (!x || !y || x.length !== y.length || x.some((v, i) => v !== y[i])) out.push(n);
  }
  return out.sort();
}

export const text = (b: Uint8Array | undefined): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b ?? new Uint8Array());
