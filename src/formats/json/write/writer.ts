/**
 * The xBRL-JSON 1.0 writer (OIM): a report as `{ documentInfo, facts }`.
 *
 * - `documentInfo`: the document type, the prefixes every SQName in the document uses (and only those), the
 *   taxonomy (schemaRef hrefs).
 * - `facts`: keyed by fact id, in report order. `value` is a string (decimals in plain notation, `-0` as `0`)
 *   or null for nil; `decimals` an integer, absent for INF and for nil and text facts.
 * - `dimensions`: concept, entity (`prefix:identifier`, the scheme bound to a prefix), period (OIM points in
 *   time: see oim.ts; absent for forever), unit (`iso4217:JPY/xbrli:shares`; absent for xbrli:pure), language
 *   (lower case, as xBRL-JSON requires), and taxonomy-defined dimensions: explicit ones as the member's QName,
 *   typed ones as the typed member's text.
 *
 * Deterministic: the same report gives the same bytes. Throws a KessanError for what xBRL-JSON cannot carry
 * (an entity identifier with spaces, a typed member with child elements, a numeric fact without decimals,
 * segment or scenario content that is not a dimension member): nothing is written rather than a document
 * that silently says something else.
 */
import { KessanError } from '../../../core/errors.js';
import { isNumericValue, type DimensionValue, type Fact } from '../../../core/model/fact.js';

import type { Report } from '../../../core/model/report.js';
import type { Unit } from '../../../core/model/unit.js';
import { factLocation } from '../../xbrl/write/contexts.js';
import { checkFacts, formatDecimal } from '../../xbrl/write/facts.js';
import { refuseNonDimensionalContent } from '../../../core/xbrl/oim.js';
import { isPureUnit, oimUnitString } from '../../../core/xbrl/oim-units.js';
import { KESSAN_JSON_NS, oimPeriod, SQNAME, XBRL_JSON_DOCUMENT_TYPE } from './oim.js';
import { reportPrefixes, type Prefixes } from '../../../core/xbrl/oim-prefixes.js';
import { typedMemberValue } from './typed.js';

export interface WriteXbrlJsonOptions {
  /** The taxonomy href to write instead of `report.taxonomy.schemaRefs`. */
  readonly schemaRef?: string;
}

interface JsonFact {
  value: string | null;
  decimals?: number;
  dimensions: Record<string, string>;
  [extension: `${string}:${string}`]: boolean;
}

export function writeXbrlJson(report: Report, options: WriteXbrlJsonOptions = {}): string {
  return [...xbrlJsonPieces(report, options)].join('');
}

/** How many facts each piece of `xbrlJsonPieces` holds: few enough that their text dies young (see xbrlPieces). */
const FACTS_PER_PIECE = 128;

/**
 * The text `writeXbrlJson` gives, in pieces made as they are asked for, so that a large report is written to a
 * file without its whole text in memory. What is checked for all facts at once (ids, values, non-dimensional
 * content, prefixes) is checked when this is called; a fact xBRL-JSON cannot carry (an entity identifier with
 * spaces...) throws its KessanError when its piece is made.
 */
export function xbrlJsonPieces(report: Report, options: WriteXbrlJsonOptions = {}): Iterable<string> {
  const facts = report.facts;
  checkFacts(facts);
  refuseNonDimensionalContent(facts, 'xBRL-JSON', factLocation);
  const taxonomy = options.schemaRef !== undefined ? [options.schemaRef] : [...report.taxonomy.schemaRefs];
  const prefixes = reportPrefixes(facts, report.namespaces, [KESSAN_JSON_NS, 'kessan']);

  const documentInfo = { documentType: XBRL_JSON_DOCUMENT_TYPE, namespaces: prefixes.declarations(), taxonomy, [`${prefixes.scheme(KESSAN_JSON_NS)}:numericFactsMarked`]: true };
  // The text JSON.stringify(…, null, 2) gives for { documentInfo, facts }, written fact by fact: an object of a
  // million members (a dictionary V8 rehashes as it grows) and its text in one piece cost more per fact the more
  // facts there are. Members keep the facts' order, as the object's did: ids are NCNames (checkFacts), never the
  // array indexes an object would put first.
  const first = `{\n  "documentInfo": ${indented(JSON.stringify(documentInfo, null, 2), '  ')},\n  "facts": `;
  const shared = new SharedDimensions(prefixes);
  return (function* pieces() {
    yield first;
    if (facts.length === 0) yield '{}';
    for (let i = 0; i < facts.length; i += FACTS_PER_PIECE) {
      const batch: string[] = [];
      const end = Math.min(facts.length, i + FACTS_PER_PIECE);
      for (let j = i; j < end; j++) {
        const f = facts[j]!;
        batch.push(`${j === 0 ? '{\n' : ',\n'}    ${JSON.stringify(f.id)}: ${indented(JSON.stringify(jsonFact(f, prefixes, shared), null, 2), '    ')}`);
      }
      yield batch.join('');
    }
    yield facts.length === 0 ? '\n}\n' : '\n  }\n}\n';
  })();
}

/** `json` (pretty-printed) nested one level deeper: JSON text holds no raw line break but its own. */
function indented(json: string, by: string): string {
  return json.includes('\n') ? json.replace(/\n/g, `\n${by}`) : json;
}

/**
 * A fact's dimensions' text but the concept's and language's, made once per run of facts that share the objects
 * it comes from (a reader gives a context's facts one entity, period and dimensions, a unit's facts one unit): a
 * million facts asked for the same few strings a million times. What cannot be written is refused at the first
 * fact of its run, the first that has it.
 */
class SharedDimensions {
  private entity: Fact['entity'] | undefined;
  private entityText = '';
  private period: Fact['period'] | undefined;
  private periodText: string | undefined;
  private unit: Unit | undefined;
  private unitText: string | undefined;
  private dims: Fact['dimensions'] | undefined;
  private dimsText: readonly (readonly [string, string])[] = [];

  constructor(private readonly prefixes: Prefixes) {}

  entityOf(f: Fact): string {
    if (f.entity === this.entity) return this.entityText;
    const entity = `${this.prefixes.scheme(f.entity.scheme)}:${f.entity.identifier}`;
    if (!SQNAME.test(entity)) {
      throw new KessanError('kessan:invalidEntityIdentifier', `fact ${f.id}: entity identifier ${JSON.stringify(f.entity.identifier)} cannot be written in xBRL-JSON (it must be non-empty text without whitespace)`, factLocation(f));
    }
    this.entity = f.entity;
    return (this.entityText = entity);
  }

  periodOf(f: Fact): string | undefined {
    if (f.period !== this.period) (this.periodText = oimPeriod(f.period)), (this.period = f.period);
    return this.periodText;
  }

  /** The unit's text, undefined for xbrli:pure. */
  unitOf(u: Unit): string | undefined {
    if (u !== this.unit) (this.unitText = isPure(u) ? undefined : unitString(u, this.prefixes)), (this.unit = u);
    return this.unitText;
  }

  /** Taxonomy-defined dimensions, by name. */
  dimensionsOf(f: Fact): readonly (readonly [string, string])[] {
    if (f.dimensions === this.dims) return this.dimsText;
    const dims = [...f.dimensions].map(([d, v]) => [this.prefixes.name(d), dimensionValue(f, v, this.prefixes)] as const);
    dims.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.dims = f.dimensions;
    return (this.dimsText = dims);
  }
}

function jsonFact(f: Fact, prefixes: Prefixes, shared: SharedDimensions): JsonFact {
  const dimensions: Record<string, string> = Object.create(null) as Record<string, string>;
  dimensions.concept = prefixes.name(f.concept);
  dimensions.entity = shared.entityOf(f);
  const period = shared.periodOf(f);
  if (period !== undefined) dimensions.period = period;
  const unit = f.unit && shared.unitOf(f.unit);
  if (unit !== undefined) dimensions.unit = unit;
  if (f.lang) dimensions.language = f.lang.toLowerCase();
  for (const [d, v] of shared.dimensionsOf(f)) dimensions[d] = v;

  const mark = needsNumericMark(f) ? { [`${prefixes.scheme(KESSAN_JSON_NS)}:numeric`]: true } : {};
  if (f.value === null) return { value: null, dimensions, ...mark };
  if (isNumericValue(f.value)) {
    const value = formatDecimal(f.value);
    return f.decimals === undefined || f.decimals === 'INF' ? { value, dimensions, ...mark } : { value, decimals: f.decimals, dimensions };
  }
  return { value: f.value, dimensions };
}

/** A numeric fact the JSON would not show as numeric: unit xbrli:pure (left out) and no decimals (nil or INF). */
function needsNumericMark(f: Fact): boolean {
  return f.unit !== undefined && isPure(f.unit) && (f.value === null || (isNumericValue(f.value) && (f.decimals === undefined || f.decimals === 'INF')));
}

function dimensionValue(f: Fact, v: DimensionValue, prefixes: Prefixes): string {
  if (!('typed' in v)) return prefixes.name(v);
  return typedMemberValue(v.typed, `fact ${f.id}`, factLocation(f));
}

function isPure(u: Unit): boolean {
  return isPureUnit(u);
}

/** `a*b/c*d` with parentheses around a side of more than one measure; measures sorted, as OIM's canonical form. */
function unitString(u: Unit, prefixes: Prefixes): string {
  const s = oimUnitString(u, (m) => prefixes.name(m));
  if (s === undefined) throw new KessanError('kessan:invalidUnit', 'a unit needs at least one numerator measure');
  return s;
}
