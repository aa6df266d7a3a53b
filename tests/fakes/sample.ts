/**
 * Test helper: the bundled sample as a snapshot (template plan + sample CSV + recalculated
 * formulas), with a way to set figures by code — so each rule test states only what it changes.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { buildTemplatePlan } from '../../src/core/template/build';
import { planImport, planRecalc } from '../../src/core/template/fill';
import { checkWorkbook, type CheckOptions } from '../../src/core/check';
import type { TemplateId } from '../../src/core/model/types';
import type { Finding } from '../../src/core/report/types';
import type { Scalar, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { applyEdits, snapshotFromPlan } from './plan-snapshot';

export const SAMPLE_CSV = readFileSync(join(__dirname, '..', '..', 'assets', 'sample', 'annual-2025.csv'), 'utf8');
export const SLIPS_CSV = readFileSync(join(__dirname, '..', '..', 'assets', 'sample', 'slips.csv'), 'utf8');

export function template(id: TemplateId = 'annual', period = id === 'annual' ? '2025' : '2025H1', unit = '示例市司法局'): WorkbookSnapshot {
  return snapshotFromPlan(buildTemplatePlan(id, { unit, period }));
}

export function fill(snap: WorkbookSnapshot, csv: string): WorkbookSnapshot {
  const s = applyEdits(snap, planImport(csv, snap));
  return applyEdits(s, planRecalc(s));
}

export function sample(id: TemplateId = 'annual', period?: string): WorkbookSnapshot {
  return fill(template(id, period), SAMPLE_CSV);
}

/** Sets figures by name: `{ LA_CASES: 10, LA_CASES_PREV: 8, LA_CASES_NOTE: '…' }`. */
export function withValues(snap: WorkbookSnapshot, values: Record<string, Scalar>): WorkbookSnapshot {
  const lines = new Map<string, [string, string, string, string]>();
  for (const [name, v] of Object.entries(values)) {
    const m = /^(.*?)(_PREV|_NOTE)?$/.exec(name) as RegExpExecArray;
    const code = m[1] as string;
    const row = lines.get(code) ?? [code, '', '', ''];
    row[m[2] === '_PREV' ? 2 : m[2] === '_NOTE' ? 3 : 1] = v === null ? '' : String(v);
    lines.set(code, row);
  }
  const csv = ['code,current,previous,explanation', ...[...lines.values()].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))].join('\n');
  return fill(snap, csv);
}

/** Sets a cell to blank (an import CSV cannot: an empty field leaves the cell alone). */
export function blank(snap: WorkbookSnapshot, name: string): WorkbookSnapshot {
  const n = snap.names.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  return applyEdits(snap, [{ sheet: n.sheet, address: n.address, value: null }]);
}

export function findings(snap: WorkbookSnapshot, options: CheckOptions = {}): Finding[] {
  return checkWorkbook(snap, options).report.findings;
}

export const brief = (fs: Finding[]) => fs.map((f) => `${f.rule}:${f.severity}:${f.code}`);
