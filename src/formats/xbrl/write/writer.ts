import { KessanError } from '../../../core/errors.js';
import type { Fact } from '../../../core/model/fact.js';
import type { QName } from '../../../core/model/qname.js';
import type { Report } from '../../../core/model/report.js';
import { unitKey, type Unit } from '../../../core/model/unit.js';
import { collectContexts, contextNames, renderContexts } from './contexts.js';
import { checkFacts, renderFact } from './facts.js';
import { PrefixMap } from './namespaces.js';
import { typedMemberPrefixes } from './typed.js';
import { collectUnits, renderUnits, unitNames, unitsOf } from './units.js';
import { escapeAttr } from '../../../core/xml/write.js';
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

/** How many facts' lines each piece of `xbrlPieces` holds (~20 KB of a bench instance): a piece's lines die young, before a scavenge moves them to the old generation (1,024 lines: +118 MB of old garbage at 1M facts; 128: +45 MB). */
const LINES_PER_PIECE = 128;

/**
 * The text `writeXbrl` gives, in pieces made as they are asked for, so that a large instance is written to a file
 * without its whole text in memory (at a million facts, the text and the lines it was joined from were ~1 GB
 * and made each fact cost more the more facts there were). What can be checked before the first piece is, when
 * this is called (ids, contexts, units, schemaRef); a fact whose value XML cannot hold throws its KessanError
 * when its piece is made.
 */
export function xbrlPieces(report: Report, options: WriteXbrlOptions = {}): Iterable<string> {
  const facts = report.facts;
  const factIds = checkFacts(facts);
  const schemaRefs = options.schemaRef !== undefined ? [options.schemaRef] : report.taxonomy.schemaRefs;
  if (schemaRefs.length === 0) {
    throw new KessanError('kessan:noSchemaRef', 'the report names no taxonomy (schemaRef); give one to write an XBRL instance');
  }

  const { contexts, idByKey: contextIds, keyOf } = collectContexts(facts, factIds);
  const contextIdSet = new Set(contexts.map((c) => c.id));
  const { units, idByKey: unitIds } = collectUnits(unitsOf(facts), { has: (id) => factIds.has(id) || contextIdSet.has(id) });
  const unitId = runUnitId(unitIds);

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
        lines.push(renderFact(f, contextId(f, contextIds, keyOf), f.unit ? unitId(f.unit) : undefined, names, INDENT), '\n');
      }
      yield lines.join('');
    }
    yield '</xbrli:xbrl>\n';
  })();
}

/** A unit's id, its key made once per run of facts that share the unit object. */
function runUnitId(ids: ReadonlyMap<string, string>): (u: Unit) => string | undefined {
  let last: Unit | undefined;
  let lastId: string | undefined;
  return (u) => (u === last ? lastId : ((last = u), (lastId = ids.get(unitKey(u)))));
}

function contextId(f: Fact, ids: ReadonlyMap<string, string>, keyOf: (f: Fact) => string): string {
  const id = ids.get(keyOf(f));
  if (id === undefined) throw new Error(`internal: no context for fact ${f.id}`);
  return id;
}
