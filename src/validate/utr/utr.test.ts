import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { qname, NS } from '../../core/model/qname.js';
import { validateInstance } from '../../app/validate.js';
import { loadUtr, utrVerdict } from './registry.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

function utre(name: string, utr?: string): string[] {
  const { findings } = validateInstance(join(fixtures, name), { calc: 'none', duplicates: 'none', ...(utr ? { utr } : {}) });
  expect(findings.filter((f) => f.severity === 'error' && f.code !== 'utre:error-NumericFactUtrInvalid')).toEqual([]);
  return findings.filter((f) => f.code === 'utre:error-NumericFactUtrInvalid').map((f) => `${f.line}`);
}

describe('utre:error-NumericFactUtrInvalid', () => {
  it('accepts units the UTR allows, and any unit for a type it does not list', () => {
    expect(utre('utr-valid.xbrl')).toEqual([]);
  });

  // Arelle 2.44.4 (`run-arelle -v --utr`) reports the same four facts: Cash in XXY, Area in JPY, Land in widget, Eps in JPY/acre.
  it('reports the facts Arelle reports, at their lines', () => {
    expect(utre('utr-invalid.xbrl')).toEqual(['13', '14', '15', '16']);
  });

  it("the utr option: 'none' turns the check off", () => {
    expect(utre('utr-invalid.xbrl', 'none')).toEqual([]);
  });

  it('matches simple and division entries of the bundled registry', () => {
    const utr = loadUtr();
    const m = (ns: string, l: string) => qname(ns, l);
    const monetary = [m(NS.xbrli, 'monetaryItemType')];
    const perShare = [m(NS.num, 'perShareItemType')];
    expect(utrVerdict(utr, monetary, [m(NS.iso4217, 'USD')], [])?.allowed).toBe(true);
    expect(utrVerdict(utr, monetary, [m(NS.iso4217, 'USD')], [m(NS.xbrli, 'shares')])?.allowed).toBe(false);
    expect(utrVerdict(utr, perShare, [m(NS.iso4217, 'JPY')], [m(NS.xbrli, 'shares')])?.allowed).toBe(true);
    expect(utrVerdict(utr, perShare, [m(NS.iso4217, 'JPY')], [])?.allowed).toBe(false);
    expect(utrVerdict(utr, [m('http://example.com', 'fooItemType')], [m(NS.iso4217, 'JPY')], [])).toBeUndefined();
  });
});
