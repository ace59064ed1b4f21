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
  const numericMark = `${JSON.stringify(`${prefixes.scheme(KESSAN_JSON_NS)}:numeric`)}: true`;
  return (function* pieces() {
    yield first;
    if (facts.length === 0) yield '{}';
    for (let i = 0; i < facts.length; i += FACTS_PER_PIECE) {
      const batch: string[] = [];
      const end = Math.min(facts.length, i + FACTS_PER_PIECE);
      for (let j = i; j < end; j++) {
        const f = facts[j]!;
        batch.push(`${j === 0 ? '{\n' : ',\n'}    ${factText(f, prefixes, shared, numericMark)}`);
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

// A fact's members and its dimensions' members, where JSON.stringify(…, null, 2) puts them in the document.
const MEMBER = '\n      ';
const DIMENSION = '\n        ';

/**
 * The text of a fact's dimensions but its concept and language, made once per run of facts that share the
 * objects it comes from (a reader gives a context's facts one entity, period and dimensions, a unit's facts one
 * unit): a million facts asked for the same few strings a million times. What cannot be written is refused at
 * the first fact of its run, the first that has it.
 */
class SharedDimensions {
  private entity: Fact['entity'] | undefined;
  private period: Fact['period'] | undefined;
  private unit: Unit | undefined;
  private head = '';
  private dims: Fact['dimensions'] | undefined;
  private dimsText = '';

  constructor(private readonly prefixes: Prefixes) {}

  /** Entity, period and unit (none for xbrli:pure), each after a comma. */
  headOf(f: Fact): string {
    if (f.entity === this.entity && f.period === this.period && f.unit === this.unit) return this.head;
    const entity = `${this.prefixes.scheme(f.entity.scheme)}:${f.entity.identifier}`;
    if (!SQNAME.test(entity)) {
      throw new KessanError('kessan:invalidEntityIdentifier', `fact ${f.id}: entity identifier ${JSON.stringify(f.entity.identifier)} cannot be written in xBRL-JSON (it must be non-empty text without whitespace)`, factLocation(f));
    }
    let head = `,${DIMENSION}"entity": ${JSON.stringify(entity)}`;
    const period = oimPeriod(f.period);
    if (period !== undefined) head += `,${DIMENSION}"period": ${JSON.stringify(period)}`;
    if (f.unit && !isPure(f.unit)) head += `,${DIMENSION}"unit": ${JSON.stringify(unitString(f.unit, this.prefixes))}`;
    (this.entity = f.entity), (this.period = f.period), (this.unit = f.unit);
    return (this.head = head);
  }

  /** Taxonomy-defined dimensions, by name, each after a comma. */
  dimensionsOf(f: Fact): string {
    if (f.dimensions === this.dims) return this.dimsText;
    const dims = [...f.dimensions].map(([d, v]) => [this.prefixes.name(d), dimensionValue(f, v, this.prefixes)] as const);
    dims.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.dims = f.dimensions;
    return (this.dimsText = dims.map(([d, v]) => `,${DIMENSION}${JSON.stringify(d)}: ${JSON.stringify(v)}`).join(''));
  }
}

/**
 * A fact's member of `facts`, indented as JSON.stringify(…, null, 2) indents it there (a test holds them to it):
 * its value, decimals, dimensions (concept, entity, period, unit, language, taxonomy-defined ones), and the
 * numeric mark, in that order. Made as text rather than an object then stringified: a third of the time.
 */
function factText(f: Fact, prefixes: Prefixes, shared: SharedDimensions, numericMark: string): string {
  let value: string;
  let decimals = '';
  if (f.value === null) value = 'null';
  else if (isNumericValue(f.value)) {
    value = `"${formatDecimal(f.value)}"`;
    if (f.decimals !== undefined && f.decimals !== 'INF') decimals = `${MEMBER}"decimals": ${f.decimals},`;
  } else value = JSON.stringify(f.value);
  const dimensions = `{${DIMENSION}"concept": ${JSON.stringify(prefixes.name(f.concept))}${shared.headOf(f)}${f.lang ? `,${DIMENSION}"language": ${JSON.stringify(f.lang.toLowerCase())}` : ''}${shared.dimensionsOf(f)}${MEMBER}}`;
  const mark = needsNumericMark(f) ? `,${MEMBER}${numericMark}` : '';
  return `${JSON.stringify(f.id)}: {${MEMBER}"value": ${value},${decimals}${MEMBER}"dimensions": ${dimensions}${mark}\n    }`;
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
