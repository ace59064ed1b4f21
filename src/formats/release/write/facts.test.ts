import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../core/model/fact.js';
import { duration } from '../../../core/model/period.js';
import { NS, qname } from '../../../core/model/qname.js';
import { simpleUnit } from '../../../core/model/unit.js';
import { nonDimensionalContent } from '../../../core/model/xml.js';
import { FactIndex } from './facts.js';

describe('FactIndex', () => {
  it("places the group's figure in a table cell, not a parent-only one (non-dimensional scenario content)", () => {
    const sales = qname('http://example.com/t', 'NetSales', 't');
    const period = duration('2012-04-01', '2013-03-31');
    const base = { concept: sales, entity: { scheme: 'http://www.tse.or.jp/sicc', identifier: '72030' }, period, unit: simpleUnit(qname(NS.iso4217, 'JPY', 'iso4217')), dimensions: new Map(), decimals: -6, sources: [] };
    const parentOnly = nonDimensionalContent('a.xbrl', [], [{ name: qname('urn:tse', 'NonConsolidated', 'tse'), attributes: new Map(), children: [], line: 1, column: 1 }]);
    const group: Fact = { ...base, id: 'group', value: new Decimal('22064192000000') };
    const parent: Fact = { ...base, id: 'parent', value: new Decimal('9755964000000'), nonDimensional: parentOnly };
    const index = new FactIndex([parent, group]);
    expect(index.at(sales, period)).toEqual([group]);
    expect(index.leftover()).toEqual([group]);
  });
});
