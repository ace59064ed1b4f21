import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { loadTaxonomy } from '../../core/taxonomy/loader.js';
import { projectRoot } from '../../core/taxonomy/resolver.js';
import type { Finding } from '../../core/model/finding.js';
import type { RuleContext } from '../rule.js';
import { findingsOf } from '../validate.js';
import { DEFAULT_OPTIONS } from '../rule.js';
import { inferredDecimals, roundTo } from './calculations.js';
import { taxonomyRules } from './taxonomy.js';

const root = projectRoot();
const FX = join(root, 'src/validate/xbrl21/fixtures/taxonomy');

function run(entry: string): Finding[] {
  const t = loadTaxonomy([entry]);
  const ctx: RuleContext = {
    report: { facts: [], taxonomy: { schemaRefs: [] }, namespaces: {}, documentInfo: {}, findings: [] },
    taxonomy: t, taxonomyIncomplete: t.unavailable.length > 0, options: DEFAULT_OPTIONS, file: entry,
  };
  return taxonomyRules.filter((r) => !r.needs.includes('instance')).flatMap((r) => [...findingsOf(r, ctx)]);
}
const at = (fs: Finding[]) => fs.map((f) => `${f.code} ${f.file?.split('/').pop()}:${f.line}`).sort();

describe('XBRL 2.1 taxonomy rules on an invalid fixture', () => {
  const fs = run(join(FX, 'bad.xsd'));
  it.each([
    'xbrl.5.1.1.1:itemPeriodType bad.xsd:15',
    'xbrl.5.1.1.2:itemBalance bad.xsd:16',
    'xbrl.4.3.3:linkbaseRefArcrole bad.xsd:6',
    'xbrl.5.1.1.2:balanceCalcWeightIllegalNegative bad_cal.xml:8',
    'xbrl.5.2.5.2.1:zeroWeight bad_cal.xml:9',
    'xbrl.5.2.5.2:nonNumericCalc bad_cal.xml:10',
    'xbrl.3.5.2.4.5:roleRefDuplicate bad_pre.xml:4',
    'xbrl.5.1.3.4:custRoleUsedOn bad_pre.xml:5',
    'xbrl.5.2.4.2.1:preferredLabelMissing bad_pre.xml:8',
    'xbrl.5.2.4.2 bad_pre.xml:9',
  ])('reports %s', (want) => {
    expect(at(fs)).toContain(want);
  });
  it('every finding is an error with a plain message', () => {
    for (const f of fs) expect(f.severity).toBe('error');
  });
});

describe('no false errors on valid taxonomies', () => {
  it('the IIJ taxonomy', () => {
    expect(at(run(join(root, 'taxonomy/iij/iij-2004.xsd')))).toEqual([]);
  });
});

describe('calculation rounding (XBRL 2.1 §4.6.6, half even)', () => {
  const info = (decimalsRaw?: string, precisionRaw?: string) => ({ decimalsRaw, precisionRaw }) as never;
  it('infers decimals from decimals and precision', () => {
    expect(inferredDecimals(new Decimal('1234'), info('-2'))).toBe(-2);
    expect(inferredDecimals(new Decimal('123.4'), info(undefined, '3'))).toBe(0);
    expect(inferredDecimals(new Decimal('5'), info(undefined, 'INF'))).toBe(Infinity);
    expect(Number.isNaN(inferredDecimals(new Decimal('5'), info(undefined, '0')))).toBe(true);
  });
  it('rounds half to even at any scale', () => {
    expect(roundTo(new Decimal('2.5'), 0).toFixed()).toBe('2');
    expect(roundTo(new Decimal('3.5'), 0).toFixed()).toBe('4');
    expect(roundTo(new Decimal('1250'), -2).toFixed()).toBe('1200');
    expect(roundTo(new Decimal('1.25'), Infinity).toFixed()).toBe('1.25');
  });
});
