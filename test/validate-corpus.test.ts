/**
 * The validator on real filings and conformance files (../shared): no false errors, and the requires-element
 * checks on the XBRL 2.1 suite's own files. Unit tests of each rule, on hand-made fixtures, sit beside the rules.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateInstance } from '../src/app/validate.js';
import type { Finding } from '../src/core/model/finding.js';
import { loadTaxonomy } from '../src/core/taxonomy/loader.js';
import { readInstanceFile } from '../src/formats/xbrl/read/read.js';
import { DEFAULT_OPTIONS, type RuleContext } from '../src/validate/rule.js';
import { findingsOf, validate } from '../src/validate/validate.js';
import { instanceRules } from '../src/validate/xbrl21/instance.js';
import { taxonomyRules } from '../src/validate/xbrl21/taxonomy.js';
import { SHARED } from './support/example.js';

describe('SEC filings with dimensional contexts (us-gaap unavailable offline)', () => {
  const corpus = join(SHARED, 'corpus');
  const filings = ['sec-pg-10k-fy2010-xml/pg-20100630.xml', 'sec-msft-10k-fy2015-xml/msft-20150630.xml'].map((f) => join(corpus, f));
  it.skipIf(!filings.every((f) => existsSync(f)))('no XBRL Dimensions findings', () => {
    for (const f of filings) {
      const { findings } = validateInstance(f);
      expect(findings.filter((x) => /^(xbrld[it]e|sche):/.test(x.code)).map((x) => `${x.code} ${x.line} ${x.message}`)).toEqual([]);
    }
  }, 60_000);
});

const conformance = join(SHARED, 'conformance', 'xbrl-2.1', 'Common', '300-instance');
describe.skipIf(!existsSync(conformance))('requires-element (conformance files 306)', () => {
  const run = (name: string) => {
    const file = join(conformance, name);
    const report = readInstanceFile(file);
    const tax = loadTaxonomy([file]);
    return validate({ report, instance: report.instance, taxonomy: tax, taxonomyIncomplete: false, file }, instanceRules);
  };
  it('accepts an instance that has the required fact', () => {
    expect(run('306-02-RequiredInstanceTupleValid.xml')).toEqual([]);
  });
  it('reports the requiring fact when the required one is missing', () => {
    const f = run('306-03-RequiredInstanceInvalid.xml');
    expect(f.map((x) => x.code)).toContain('xbrl.5.2.6.2.4:requiresElementInconsistency');
  });
});

const corpus = join(SHARED, 'corpus');
const FILINGS = [
  'sec-msft-10k-fy2015-xml/msft-20150630.xml',
  'sec-nflx-10q-2010q3-xml/nflx-20100930.xml',
  'sec-pg-10k-fy2010-xml/pg-20100630.xml',
  'sec-unp-10k-fy2012-xml-noschema/unp-20121231.xml',
  'tdnet-toyota-tanshin-2013-03-us-xml/us-cons-2013-q4.xbrl',
];
describe.skipIf(!existsSync(corpus))('real filings give no errors', () => {
  it.each(FILINGS.filter((f) => existsSync(join(corpus, f))))('%s', (name) => {
    const file = join(corpus, name);
    const report = readInstanceFile(file);
    const tax = loadTaxonomy([file]);
    const found = validate({ report, instance: report.instance, taxonomy: tax, taxonomyIncomplete: tax.unavailable.length > 0, file }, instanceRules);
    expect(found.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.line} ${f.message}`)).toEqual([]);
  }, 60_000);
});

describe('the XBRL 2.1 taxonomy rules on a real taxonomy', () => {
  const msft = join(SHARED, 'corpus/sec-msft-10k-fy2015-xml/msft-20150630.xsd');
  it.skipIf(!existsSync(msft))('the MSFT 10-K taxonomy (us-gaap unavailable offline: placeholders are not errors)', () => {
    const t = loadTaxonomy([msft]);
    const ctx: RuleContext = {
      report: { facts: [], taxonomy: { schemaRefs: [] }, namespaces: {}, documentInfo: {}, findings: [] },
      taxonomy: t, taxonomyIncomplete: t.unavailable.length > 0, options: DEFAULT_OPTIONS, file: msft,
    };
    const found: Finding[] = taxonomyRules.filter((r) => !r.needs.includes('instance')).flatMap((r) => [...findingsOf(r, ctx)]);
    expect(found.map((f) => `${f.code} ${f.file?.split('/').pop()}:${f.line}`)).toEqual([]);
  });
});
