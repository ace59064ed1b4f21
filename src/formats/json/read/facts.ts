/**
 * One xBRL-JSON fact into the model. The JSON has been checked against schemas/xbrl-json.schema.json, so
 * members have their JSON types; what is checked here is lexical (QNames, SQNames, periods, units), the
 * OIM rules between value, unit, decimals and language, and, when the taxonomy is at hand, the OIM rules that
 * need it (taxonomy-rules.ts): declared concepts and dimensions, period types, nillable, abstract, units and
 * decimals on numbers only, explicit and typed dimension values.
 */
import { keptDecimal } from '../../../core/model/decimal.js';
import { KessanError, type Location } from '../../../core/errors.js';
import type { Decimals, DimensionValue, Entity, Fact, Source } from '../../../core/model/fact.js';
import type { Finding } from '../../../core/model/finding.js';
import { clark, NS, qname, type QName } from '../../../core/model/qname.js';
import type { Unit } from '../../../core/model/unit.js';
import { KESSAN_JSON_NS, OIM_NS, parseOimPeriod, QNAME, SQNAME } from '../write/oim.js';
import { typedMemberXml } from '../write/typed.js';
import { DECIMAL } from '../../xbrl/read/facts.js';
import { pointerToken } from '../../../core/json.js';
import type { FactFindings } from './findings.js';
import { checkConcept, checkDimension, checkPeriod } from './taxonomy-rules.js';
import type { DimensionFacts, OimTaxonomyHints } from '../../../core/xbrl/oim-hints.js';

export type { ConceptFacts, DimensionFacts } from './taxonomy-rules.js';

/** The taxonomy knowledge the xBRL-JSON reader asks for (core/xbrl/oim-hints.ts). */
export type JsonTaxonomyHints = OimTaxonomyHints;

export interface JsonFactInput {
  readonly value: string | null;
  readonly decimals?: number;
  readonly dimensions: Readonly<Record<string, string | null>>;
  readonly [extension: string]: unknown;
}

export interface FactContext {
  readonly file: string;
  readonly namespaces: ReadonlyMap<string, string>;
  /** A prefix for a namespace: one the document binds, or a new one (added to the report's namespaces). */
  prefixFor(namespace: string, wanted?: string): string;
  /** Where a JSON pointer's value starts. */
  at(pointer: string): Location;
  /** A number's text as written. */
  numberText(pointer: string): string | undefined;
  hints(): JsonTaxonomyHints | undefined;
  /** The document marks every numeric fact the JSON would not show as numeric (kessan's, see oim.ts). */
  readonly numericMarked: boolean;
  readonly findings: FactFindings;
  /** Most taxonomy-defined dimensions on one fact (Limits.maxDimensions). */
  readonly maxDimensions: number;
  /** Facts whose concept, and dimensions, the taxonomy could not say anything about (it is not complete offline). */
  readonly unchecked: { facts: number; dimensions: number };
}

const CORE = new Set(['concept', 'entity', 'period', 'unit', 'language', 'noteId']);
const PURE: Unit = { numerator: [qname(NS.xbrli, 'pure', 'xbrli')], denominator: [] };

const FOREVER: Fact['period'] = Object.freeze({ kind: 'forever' });

/**
 * Entities, periods and units repeat across a report's facts: each distinct string is read once and its object
 * shared by the facts (as an XML instance's facts share their context's), which saves time and most of the memory.
 */
interface Memo {
  readonly concepts: Map<string, QName>;
  /** What the taxonomy declares each concept to be (hints.concept's answer, which makes a Clark name to look it up). */
  readonly declared: Map<QName, ReturnType<NonNullable<JsonTaxonomyHints['concept']>>>;
  readonly entities: Map<string, Entity>;
  readonly periods: Map<string, ReturnType<typeof parseOimPeriod>>;
  readonly units: Map<string, Unit>;
  /** Dimension maps by their entries (names with prefixes, values), in order. */
  readonly dimensions: Map<string, ReadonlyMap<QName, DimensionValue>>;
}

/**
 * The report's one map with these entries, in this order (facts share their dimensions' map, as an XML
 * instance's facts share their context's): a map per fact was ~150 bytes each, most of them empty.
 */
function shared(memo: Memo, dims: ReadonlyMap<QName, DimensionValue>): ReadonlyMap<QName, DimensionValue> {
  let key = '';
  for (const [d, v] of dims) key += `${d.prefix ?? ''}|${clark(d)}=${'typed' in v ? `typed:${v.typed}` : `${v.prefix ?? ''}|${clark(v)}`}\u0000`;
  const same = memo.dimensions.get(key);
  if (same) return same;
  if (memo.dimensions.size < 100_000) memo.dimensions.set(key, dims); // a report of all-different ones gains nothing
  return dims;
}
const memos = new WeakMap<FactContext, Memo>();
function memoOf(cx: FactContext): Memo {
  let m = memos.get(cx);
  if (!m) memos.set(cx, (m = { concepts: new Map(), declared: new Map(), entities: new Map(), periods: new Map(), units: new Map(), dimensions: new Map() }));
  return m;
}

/** `line`, `column`: where the fact starts, for its sources (0: not known). */
export function readJsonFact(id: string, f: JsonFactInput, pointer: string, cx: FactContext, line: number, column: number): Fact {
  const dims = f.dimensions;
  const dp = `${pointer}/dimensions`;
  const err = (code: string, message: string, where: string, exit: 1 | 2 = 1) => new KessanError(code, `fact ${id}: ${message}`, cx.at(where), exit);
  const note = (code: string, message: string, where: string, severity: Finding['severity'] = 'error', subject?: string) =>
    cx.findings.push({ code, severity, message: `fact ${id}: ${message}`, file: cx.file, factIds: [id] }, where, subject);

  const memo = memoOf(cx);
  const name = dims.concept!;
  let concept = memo.concepts.get(name);
  if (concept === undefined) memo.concepts.set(name, (concept = qnameOf(name, `${dp}/concept`, 'concept', cx)));
  if (dims.entity === undefined) throw err('kessan:noEntity', 'has no entity dimension; OIM allows that, kessan (whose facts all have an entity) does not', dp);
  const entity = memo.entities.get(dims.entity!) ?? entityOf(dims.entity!, `${dp}/entity`, cx);
  memo.entities.set(dims.entity!, entity);
  let period: Fact['period'] = FOREVER;
  if (dims.period !== undefined) {
    let p = memo.periods.get(dims.period!);
    if (p === undefined) memo.periods.set(dims.period!, (p = parseOimPeriod(dims.period!)));
    if (!p) throw err('oimce:invalidPeriodRepresentation', `period ${JSON.stringify(dims.period)} is not an OIM period (a dateTime, or two separated by "/")`, `${dp}/period`);
    if (p.hasTime) note('kessan:periodTimeIgnored', `period ${dims.period!} has a time of day other than midnight; kessan keeps days only`, `${dp}/period`, 'warning');
    period = p.period;
  }
  let unit = dims.unit !== undefined ? memo.units.get(dims.unit!) ?? unitOf(dims.unit!, `${dp}/unit`, cx) : undefined;
  if (unit) memo.units.set(dims.unit!, unit);

  // What the taxonomy declares the concept to be, when it is at hand.
  const hints = cx.hints();
  let declared = memo.declared.get(concept);
  if (declared === undefined && hints?.concept) memo.declared.set(concept, (declared = hints.concept(concept)));
  if (declared === 'unknown') cx.unchecked.facts++;
  const known = checkConcept(declared, name, f.value === null, `${dp}/concept`, note);
  if (known) checkPeriod(known, period, dims.period ?? undefined, name, dims.period !== undefined ? `${dp}/period` : dp, note);

  // Made at the first taxonomy-defined dimension: a fact without any shares the report's one empty map.
  let dimensions: Map<QName, DimensionValue> | undefined;
  let count = 0;
  for (const key of Object.keys(dims)) {
    if (CORE.has(key)) continue;
    // The parser stopped far beyond the limit already; this is the exact count (core dimensions left out).
    if (++count > cx.maxDimensions) throw err('kessan:jsonLimit', `more than ${cx.maxDimensions} taxonomy-defined dimensions (raise the limit with KESSAN_MAX_DIMENSIONS)`, dp);
    const where = `${dp}/${pointerToken(key)}`;
    const d = qnameOf(key, where, 'dimension', cx);
    if (d.namespace === OIM_NS) throw err('xbrlje:invalidJSONStructure', `${key} is not a taxonomy-defined dimension: the xbrl prefix is OIM's own`, where);
    const v = dims[key];
    if (typeof v !== 'string') throw err('kessan:nilTypedMember', `dimension ${key} is nil; OIM allows a nil typed member, kessan does not support one yet`, where);
    const m = QNAME.exec(v);
    const member = m !== null && cx.namespaces.has(m[1]!) ? qname(cx.namespaces.get(m[1]!)!, m[2]!, m[1]!) : undefined;
    const declaredDim = hints?.dimension?.(d);
    if (declaredDim === 'unknown') cx.unchecked.dimensions++;
    const kind = checkDimension(declaredDim, key, v, member, where, note, err);
    // A typed dimension's value goes into its domain element; an explicit one's is a member QName.
    const domain = kind === 'explicit' ? undefined : kind === 'typed' || !member ? typedDomainOf(declaredDim, d, cx) : undefined;
    dimensions ??= new Map();
    if (domain) dimensions.set(d, { typed: typedMemberXml(v, qname(domain.namespace, domain.localName, cx.prefixFor(domain.namespace, domain.prefix))) });
    else if (member && kind !== 'typed') dimensions.set(d, member);
    else {
      const why = kind === 'typed' ? 'the taxonomy does not locate it' : 'no taxonomy says it';
      note('kessan:typedDomainUnknown', `dimension ${key} has a typed value but its domain element is unknown (${why}); it is kept as text`, where, 'warning', key);
      dimensions.set(d, { typed: v });
    }
  }
  const sharedDimensions = dimensions ? shared(memo, dimensions) : (memo.dimensions.get('') ?? shared(memo, new Map()));

  // Numeric or not: the taxonomy says, when it knows the concept's type. Otherwise a unit or decimals say
  // numeric; a language says not; and only then the taxonomy's hint (or kessan's own mark).
  let lang = dims.language ?? undefined;
  let numeric: boolean;
  if (known?.numeric !== undefined) numeric = known.numeric;
  else {
    numeric = unit !== undefined || f.decimals !== undefined;
    if (!numeric && lang === undefined) numeric = markedNumeric(f, cx) || (!cx.numericMarked && hints?.numeric(concept) === true);
  }
  if (!numeric && known?.numeric === false) {
    if (unit !== undefined) note('oime:misplacedUnitDimension', `concept ${name} is not numeric, so its facts have no unit (${dims.unit!}); the unit is left out`, `${dp}/unit`, 'error', name);
    unit = undefined;
    if (f.decimals !== undefined) note('oime:misplacedDecimalsProperty', `concept ${name} is not numeric, so its facts have no decimals; they are left out`, `${pointer}/decimals`, 'error', name);
    if (lang !== undefined && known.text === false) {
      note('oime:misplacedLanguageDimension', `concept ${name} is not of a text type, so its facts have no language; it is left out`, `${dp}/language`, 'error', name);
      lang = undefined;
    }
  }
  if (numeric && lang !== undefined) {
    note('oime:misplacedLanguageDimension', 'a numeric fact has a language', `${dp}/language`, 'error', name);
    lang = undefined;
  }
  if (lang !== undefined && lang !== lang.toLowerCase()) note('xbrlje:invalidLanguageCodeCase', `language ${JSON.stringify(lang)} is not in lower case, as xBRL-JSON writes it`, `${dp}/language`);
  let value: Fact['value'] = f.value;
  let decimals: Decimals | undefined;
  if (numeric) {
    unit ??= PURE;
    if (f.value !== null) {
      if (DECIMAL.test(f.value)) value = keptDecimal(f.value);
      else note('xbrlje:invalidFactValue', `value ${JSON.stringify(f.value)} is not a decimal number`, `${pointer}/value`, 'error', name);
      if (typeof value !== 'string') decimals = f.decimals === undefined ? 'INF' : decimalsOf(f.decimals, `${pointer}/decimals`, cx, err);
    } else if (f.decimals !== undefined) note('oime:misplacedDecimalsProperty', 'a nil fact has decimals', `${pointer}/decimals`, 'error', name);
  }
  return new JsonFact(id, concept, entity, period, unit, sharedDimensions, value, decimals, lang, cx.file, line, column);
}

/**
 * A Report fact read from xBRL-JSON. Its `sources` are made when asked for, from the position the parser
 * recorded (as the XBRL reader's facts do): a fact read costs no source objects (an array and an object) until
 * then. Its keys are in the order the model lists them (as the object literal it replaces had them); the
 * optional ones only when present.
 */
class JsonFact implements Fact {
  // Declared, not defined as fields: a field is defined (undefined) before the constructor runs, which would put
  // every field before the optional ones in the order of the fact's keys.
  declare id: string;
  declare readonly concept: QName;
  declare readonly entity: Entity;
  declare readonly period: Fact['period'];
  declare readonly unit?: Unit;
  declare readonly dimensions: ReadonlyMap<QName, DimensionValue>;
  declare readonly value: Fact['value'];
  declare readonly decimals?: Decimals;
  declare readonly lang?: string;
  readonly #file: string;
  readonly #line: number;
  readonly #column: number;

  constructor(
    id: string,
    concept: QName,
    entity: Entity,
    period: Fact['period'],
    unit: Unit | undefined,
    dimensions: ReadonlyMap<QName, DimensionValue>,
    value: Fact['value'],
    decimals: Decimals | undefined,
    lang: string | undefined,
    file: string,
    line: number,
    column: number,
  ) {
    this.id = id;
    this.concept = concept;
    this.entity = entity;
    this.period = period;
    if (unit) (this as { unit?: Unit }).unit = unit;
    this.dimensions = dimensions;
    this.value = value;
    if (decimals !== undefined) (this as { decimals?: Decimals }).decimals = decimals;
    if (lang !== undefined) (this as { lang?: string }).lang = lang;
    this.#file = file;
    this.#line = line;
    this.#column = column;
  }

  get sources(): readonly Source[] {
    return [this.#line > 0 ? { file: this.#file, line: this.#line, column: this.#column } : { file: this.#file, line: 1 }];
  }
}

/** A typed dimension's domain element: from the taxonomy rules' answer, else the hint. */
function typedDomainOf(declared: DimensionFacts | 'undeclared' | 'unknown' | undefined, d: QName, cx: FactContext): QName | undefined {
  if (typeof declared === 'object' && declared.kind === 'typed' && declared.domain) return declared.domain;
  return cx.hints()?.typedDomain(d);
}

/** kessan's `"<prefix>:numeric": true` extension (see oim.ts), under whatever prefix the document binds to it. */
function markedNumeric(f: JsonFactInput, cx: FactContext): boolean {
  for (const key of Object.keys(f)) {
    const colon = key.indexOf(':');
    if (colon > 0 && key.slice(colon + 1) === 'numeric' && cx.namespaces.get(key.slice(0, colon)) === KESSAN_JSON_NS) return f[key] === true;
  }
  return false;
}

function decimalsOf(n: number, pointer: string, cx: FactContext, err: (code: string, message: string, where: string) => KessanError): number {
  const written = cx.numberText(pointer);
  // A safe integer written as String(n) writes it (never with an exponent below 2^53): nothing to check.
  if (written === undefined && Number.isSafeInteger(n)) return n === 0 ? 0 : n;
  const raw = written ?? String(n);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n)) throw err('xbrlje:invalidJSONStructure', `decimals ${raw} is not an integer`, pointer);
  return n === 0 ? 0 : n;
}

function qnameOf(s: string, pointer: string, what: string, cx: FactContext): QName {
  const m = QNAME.exec(s);
  if (!m) throw new KessanError('xbrlje:invalidJSONStructure', `${what} ${JSON.stringify(s)} is not a QName (prefix:name)`, cx.at(pointer), 1);
  const ns = cx.namespaces.get(m[1]!);
  if (ns === undefined) throw new KessanError('oimce:unboundPrefix', `${what} ${s}: prefix ${m[1]!} is not in documentInfo.namespaces`, cx.at(pointer), 1);
  return qname(ns, m[2]!, m[1]!);
}

function entityOf(s: string, pointer: string, cx: FactContext): Entity {
  const m = SQNAME.exec(s);
  if (!m) throw new KessanError('oimce:invalidSQName', `entity ${JSON.stringify(s)} is not an SQName (scheme-prefix:identifier)`, cx.at(pointer), 1);
  const scheme = cx.namespaces.get(m[1]!);
  if (scheme === undefined) throw new KessanError('oimce:unboundPrefix', `entity ${s}: prefix ${m[1]!} is not in documentInfo.namespaces`, cx.at(pointer), 1);
  return { scheme, identifier: m[2]! };
}

/** `a`, `a*b`, `a/b`, `(a*b)/(c*d)`: OIM's unit string (parentheses exactly when a side has several measures). */
function unitOf(s: string, pointer: string, cx: FactContext): Unit {
  const bad = () => new KessanError('oimce:invalidUnitStringRepresentation', `unit ${JSON.stringify(s)} is not an OIM unit string`, cx.at(pointer), 1);
  const slash = s.indexOf('/');
  const sides = slash < 0 ? [s] : [s.slice(0, slash), s.slice(slash + 1)];
  const measures = sides.map((side) => {
    const paren = side.startsWith('(') && side.endsWith(')');
    const names = (paren ? side.slice(1, -1) : side).split('*');
    if (paren ? names.length < 2 : names.length > 1 && slash >= 0) throw bad();
    return names.map((n) => {
      if (!QNAME.test(n)) throw bad();
      return qnameOf(n, pointer, 'unit measure', cx);
    });
  });
  const unit = { numerator: measures[0]!, denominator: measures[1] ?? [] };
  if (unit.denominator.length === 0 && unit.numerator.length === 1 && unit.numerator[0]!.namespace === NS.xbrli && unit.numerator[0]!.localName === 'pure') {
    throw new KessanError('oime:illegalPureUnit', 'the unit xbrli:pure is written by leaving the unit out', cx.at(pointer), 1);
  }
  return unit;
}
