import { KessanError } from '../../../core/errors.js';
import type { Fact } from '../../../core/model/fact.js';
import type { QName } from '../../../core/model/qname.js';
import type { Report } from '../../../core/model/report.js';
import { unitKey } from '../../../core/model/unit.js';
import { collectContexts, contextNames, factLocation, renderContexts } from './contexts.js';
import { checkFacts, renderFact } from './facts.js';
import { PrefixMap } from './namespaces.js';
import { typedMemberPrefixes } from './typed.js';
import { collectUnits, renderUnits, unitNames } from './units.js';
import { escapeAttr } from '../../../core/xml/write.js';
import { DocumentIds } from '../../../core/xml/ids.js';
import { pushAll } from '../../../core/arrays.js';

export interface WriteXbrlOptions {
  /** The schemaRef href to write instead of `report.taxonomy.schemaRefs`. */
  readonly schemaRef?: string;
}

const INDENT = '  ';

/**
 * Writes a report as an XBRL 2.1 instance document: UTF-8 XML text, LF line ends, 2-space indent.
 * One context per distinct (entity, period, dimensions, non-dimensional content) and one unit per distinct unit, with readable ids
 * derived from their content; facts in report order. The same report always gives the same bytes.
 * Throws a KessanError for what cannot be written (invalid fact id, numeric fact without unit...).
 */
export function writeXbrl(report: Report, options: WriteXbrlOptions = {}): string {
  return [...xbrlPieces(report, options)].join('');
}

/** About how many lines each piece of `xbrlPieces` holds (~150 KB of a bench instance). */
const LINES_PER_PIECE = 1024;

/**
 * The text `writeXbrl` gives, in pieces made as they are asked for, so that a large instance is written to a file
 * without its whole text in memory (at a million facts, the text and the lines it was joined from were ~1 GB
 * and made each fact cost more the more facts there were). What can be checked before the first piece is, when
 * this is called (ids, contexts, units, schemaRef); a fact whose value XML cannot hold throws its KessanError
 * when its piece is made.
 */
export function xbrlPieces(report: Report, options: WriteXbrlOptions = {}): Iterable<string> {
  const facts = report.facts;
  checkFacts(facts);
  const schemaRefs = options.schemaRef !== undefined ? [options.schemaRef] : report.taxonomy.schemaRefs;
  if (schemaRefs.length === 0) {
    throw new KessanError('kessan:noSchemaRef', 'the report names no taxonomy (schemaRef); give one to write an XBRL instance');
  }

  // A million facts' ids in a table, not a Set (core/xml/ids.ts: a Set that size outgrows the caches).
  const factIds = new DocumentIds();
  for (const f of facts) factIds.add(f.id);
  factIds.seal();
  const { contexts, idByKey: contextIds, keyOf } = collectContexts(facts, factIds);
  const contextIdSet = new Set(contexts.map((c) => c.id));
  const { units, idByKey: unitIds } = collectUnits(
    facts.flatMap((f) => (f.unit ? [{ unit: f.unit, where: factLocation(f), what: `fact ${f.id}` }] : [])),
    { has: (id) => factIds.has(id) || contextIdSet.has(id) },
  );

  const used: QName[] = [...facts.map((f) => f.concept), ...unitNames(units), ...contextNames(contexts)];
  const typedPrefixes = new Set<string>();
  for (const c of contexts) {
    for (const [, v] of c.dimensions) if ('typed' in v) for (const p of typedMemberPrefixes(v.typed, report.namespaces)) typedPrefixes.add(p);
  }
  const names = new PrefixMap(used, report.namespaces, {
    dimensions: contexts.some((c) => c.dimensions.length > 0),
    nil: facts.some((f) => f.value === null),
    typedPrefixes,
  });

  const head = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const decls = names.declarations().map(([p, ns]) => ` xmlns:${p}="${escapeAttr(ns, `namespace of prefix ${p}`)}"`);
  head.push(`<xbrli:xbrl${decls.join('')}>`);
  for (const href of schemaRefs) {
    head.push(`${INDENT}<link:schemaRef xlink:type="simple" xlink:href="${escapeAttr(href, 'schemaRef')}"/>`);
  }
  pushAll(head, renderContexts(contexts, names, INDENT, new Map(names.declarations())));
  pushAll(head, renderUnits(units, names, INDENT));
  const first = `${head.join('\n')}\n`;
  return (function* pieces() {
    yield first;
    for (let i = 0; i < facts.length; i += LINES_PER_PIECE) {
      const lines: string[] = [];
      const end = Math.min(facts.length, i + LINES_PER_PIECE);
      for (let j = i; j < end; j++) {
        const f = facts[j]!;
        lines.push(renderFact(f, contextId(f, contextIds, keyOf), f.unit ? unitIds.get(unitKey(f.unit)) : undefined, names, INDENT), '\n');
      }
      yield lines.join('');
    }
    yield '</xbrli:xbrl>\n';
  })();
}

function contextId(f: Fact, ids: ReadonlyMap<string, string>, keyOf: (f: Fact) => string): string {
  const id = ids.get(keyOf(f));
  if (id === undefined) throw new Error(`internal: no context for fact ${f.id}`);
  return id;
}
