/**
 * Issue 18: the XBRL reader's facts are no longer plain objects (their sources are made when asked for, their
 * values keep compact digit arrays). Property: on generated instances, every fact reads, property by property,
 * exactly as the plain object the reader built before, which is rebuilt here from the instance document beside
 * the report (the same drafts, contexts and units) the way the reader used to.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decimals, Fact } from '../src/core/model/fact.js';
import type { InstanceDocument } from '../src/core/xbrl/infoset.js';
import { DECIMAL, isNil, parseDecimals } from '../src/formats/xbrl/read/facts.js';
import { readInstance } from '../src/formats/xbrl/read/index.js';
import { writeXbrl } from '../src/formats/xbrl/write/index.js';
import { reportArb } from './support/arbitraries.js';
import { generateInstance } from './support/generate-instance.js';

const PROPERTIES = ['id', 'concept', 'entity', 'period', 'unit', 'dimensions', 'nonDimensional', 'value', 'decimals', 'lang', 'sources'] as const;

/** Every property of the Fact interface, read through the fact (getters included), as a plain object. */
const plain = (f: Fact) => Object.fromEntries(PROPERTIES.map((k) => [k, f[k]]));

/** The Report facts as the reader made them before issue 18: plain objects, eager Decimals, a source each. */
function factsBefore(doc: InstanceDocument): Fact[] {
  const out: Fact[] = [];
  for (const d of doc.facts) {
    if (d.kind !== 'item' || d.notInReport) continue;
    const ctx = doc.contexts.get(d.contextRef!)!;
    const unitInfo = d.unitRef !== undefined ? doc.units.get(d.unitRef) : undefined;
    const raw = d.valueRaw ?? '';
    let value: Decimal | string | null;
    if (isNil(d.nilRaw)) value = null;
    else if (unitInfo && !d.hasChildElements) value = DECIMAL.test(raw.trim()) ? new Decimal(raw.trim()) : raw;
    else value = raw;
    const decimals: Decimals | undefined = value !== null && typeof value !== 'string' ? parseDecimals(d.decimalsRaw) : undefined;
    const lang = unitInfo ? undefined : (d.attributes.get('{http://www.w3.org/XML/1998/namespace}lang') ?? inheritedLang(doc)) || undefined;
    out.push({ id: d.factId, concept: d.element, entity: ctx.entity, period: ctx.period!, unit: unitInfo?.unit, dimensions: ctx.dimensions, nonDimensional: ctx.nonDimensional, value, decimals, lang, sources: [{ file: doc.file, line: d.line, column: d.column }] });
  }
  return out;
}

/** The root's xml:lang (the generated documents set it there or nowhere). */
const inheritedLang = (doc: InstanceDocument): string | undefined => rootLang.get(doc);
const rootLang = new WeakMap<InstanceDocument, string | undefined>();

function check(xml: string, file: string): void {
  const r = readInstance(xml, file);
  rootLang.set(r.instance, /<xbrli:xbrl\b[^>]*\bxml:lang="([^"]*)"/.exec(xml)?.[1]);
  const before = factsBefore(r.instance);
  expect(r.facts.map(plain)).toEqual(before.map(plain));
  // A source is made afresh when asked for, equal each time.
  for (const f of r.facts) expect(f.sources).toEqual(f.sources);
}

describe('the XBRL reader facts equal the plain facts it made before', () => {
  it('on generated reports written as XBRL', () => {
    fc.assert(
      fc.property(reportArb, (report) => check(writeXbrl(report), 'gen.xbrl')),
      { numRuns: 200 },
    );
  });

  it('on a generated instance (nil, text and dimensional facts)', () => {
    check(generateInstance({ contexts: 50, facts: 2_000, concepts: 7 }), 'gen-instance.xbrl');
  });
});
