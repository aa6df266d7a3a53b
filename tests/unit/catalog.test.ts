import { readFileSync } from 'fs';
import { join } from 'path';
import { buildCatalog, CatalogError, getCatalog, parseIndicators } from '../../src/core/catalog/catalog';
import { INDICATORS_CSV } from '../../src/core/catalog/indicators.data';
import { rulesDoc } from '../../src/core/catalog/rules-doc';
import { RULES, RULE_IDS, type RuleEntry } from '../../src/core/rules/registry';
import { MESSAGE_IDS, MESSAGE_TABLES } from '../../src/core/i18n/findings';

/** The project's own copy of the standard (standard/, brought up to date by npm run standard:update). */
const SPEC = join(__dirname, '..', '..', 'standard', 'indicators.csv');

describe('the standard as data', () => {
  test('the embedded catalogue is standard/indicators.csv, verbatim', () => {
    expect(INDICATORS_CSV).toBe(readFileSync(SPEC, 'utf8'));
  });

  test('82 indicators in 8 forms, both templates, R01–R07 as formulas', () => {
    const c = getCatalog();
    expect(c.indicators).toHaveLength(82);
    expect(c.forms.map((f) => f.id)).toEqual(['JS00', 'JS01', 'JS02', 'JS03', 'JS04', 'JS05', 'JS06', 'JS07']);
    expect(new Set(c.indicators.map((i) => i.form)).size).toBe(8);
    expect(c.templates.map((t) => t.id)).toEqual(['annual', 'half-year']);
    expect(c.rules.map((r) => r.id)).toEqual(['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07']);
  });

  test('columns are typed: targets, better, key, part_of, flows', () => {
    const c = getCatalog();
    expect(c.byCode.get('LA_PER_100K')).toMatchObject({ kind: 'rate', decimals: 1, target: { op: '>=', value: 115 }, better: 'up', key: true, flow: true });
    expect(c.byCode.get('LIT_HEAD_APPEAR_RATE')?.target).toEqual({ op: '=', value: 100 });
    expect(c.byCode.get('AR_SETTLE_RATE')?.ref).toBe(24.38);
    expect(c.byCode.get('LAWYERS')?.flow).toBe(false);
    expect(c.partsOf.get('LA_CASES')).toEqual(['LA_CASES_CRIMINAL', 'LA_CASES_CIVIL', 'LA_CASES_ADMIN', 'LA_CASES_MIGRANT_WAGE', 'LA_CASES_ELDERLY', 'LA_CASES_MINOR']);
  });

  test('bad catalogue data is refused with the line that is wrong', () => {
    const bad = INDICATORS_CSV.replace('JS01,LA_CASES,办理法律援助案件,Legal aid cases handled,件,count', 'JS01,LA_CASES,办理法律援助案件,Legal aid cases handled,件,counts');
    expect(() => parseIndicators(bad)).toThrow(/line 5: kind/);
    const dup = INDICATORS_CSV + 'JS01,LA_CASES,x,x,件,count,0,yes,,,,,no,,\n';
    expect(() => buildCatalog(parseIndicators(dup))).toThrow(CatalogError);
    const orphan = INDICATORS_CSV + 'JS01,LA_X,x,x,件,count,0,yes,NO_SUCH,,,,no,,\n';
    expect(() => buildCatalog(parseIndicators(orphan))).toThrow(/unknown NO_SUCH/);
  });
});

describe('the rule catalogue page', () => {
  test('docs/rules.md is what the rule metadata generates (run npm run docs:rules after changing a rule)', () => {
    expect(readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8')).toBe(rulesDoc());
  });

  test('every rule id of the registry has a row, with its severity', () => {
    const doc = rulesDoc();
    expect(RULE_IDS).toHaveLength(22);
    for (const id of RULE_IDS) expect(doc).toContain(`| ${id} | ${RULES[id].severity} |`);
  });
});

describe('the rule registry', () => {
  test('the audit rules of the catalogue are the registry entries with formulas', () => {
    const audit = RULE_IDS.filter((id) => 'checks' in RULES[id]);
    expect(getCatalog().rules.map((r) => [r.id, r.severity])).toEqual(audit.map((id) => [id, RULES[id].severity]));
  });

  test('every anomaly threshold belongs to exactly one rule', () => {
    const keys = Object.keys(getCatalog().templates[0]?.anomaly ?? {});
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) {
      const owners = RULE_IDS.filter((id) => ((RULES[id] as RuleEntry).thresholds ?? []).includes(k as never));
      expect([k, owners.length]).toEqual([k, 1]);
    }
  });

  test('every message id a rule names exists in both languages', () => {
    for (const id of RULE_IDS) {
      for (const m of RULES[id].messages) {
        expect(MESSAGE_IDS).toContain(m);
        expect(MESSAGE_TABLES['en-US'][m]).toBeTruthy();
      }
    }
  });
});
