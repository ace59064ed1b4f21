/**
 * One xBRL-JSON fact into the model. The JSON has been checked against schemas/xbrl-json.schema.json, so
 * members have their JSON types; what is checked here is lexical (QNames, SQNames, periods, units) and the
 * OIM rules between value, unit, decimals and language.
 */
import { Decimal } from 'decimal.js';
import { KessanError, type Location } from '../../../core/errors.js';
import type { Decimals, DimensionValue, Entity, Fact } from '../../../core/model/fact.js';
import type { Finding } from '../../../core/model/finding.js';
import { NS, qname, type QName } from '../../../core/model/qname.js';
import type { Unit } from '../../../core/model/unit.js';
import { KESSAN_JSON_NS, parseOimPeriod, QNAME, SQNAME } from '../write/oim.js';
import { typedMemberXml } from '../write/typed.js';
import { DECIMAL } from '../../xbrl/read/facts.js';

/** What only the taxonomy knows; the reader asks when the JSON alone cannot say. */
export interface JsonTaxonomyHints {
  /** Whether a concept is numeric; undefined when the concept is unknown. */
  numeric(concept: QName): boolean | undefined;
  /** A typed dimension's domain element; undefined for an explicit dimension or an unknown one. */
  typedDomain(dimension: QName): QName | undefined;
  /** What loading the taxonomy for these hints found worth saying (a reference refused), reported with the facts. */
  readonly findings?: readonly Finding[];
}

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
  readonly findings: Finding[];
}

const CORE = new Set(['concept', 'entity', 'period', 'unit', 'language', 'noteId']);
const PURE: Unit = { numerator: [qname(NS.xbrli, 'pure', 'xbrli')], denominator: [] };

const FOREVER: Fact['period'] = Object.freeze({ kind: 'forever' });

/**
 * Entities, periods and units repeat across a report's facts: each distinct string is read once and its object
 * shared by the facts (as an XML instance's facts share their context's), which saves time and most of the memory.
 */
interface Memo {
  readonly entities: Map<string, Entity>;
  readonly periods: Map<string, ReturnType<typeof parseOimPeriod>>;
  readonly units: Map<string, Unit>;
}
const memos = new WeakMap<FactContext, Memo>();
function memoOf(cx: FactContext): Memo {
  let m = memos.get(cx);
  if (!m) memos.set(cx, (m = { entities: new Map(), periods: new Map(), units: new Map() }));
  return m;
}

export function readJsonFact(id: string, f: JsonFactInput, pointer: string, cx: FactContext): Fact {
  const dims = f.dimensions;
  const dp = `${pointer}/dimensions`;
  const err = (code: string, message: string, where: string, exit: 1 | 2 = 1) => new KessanError(code, `fact ${id}: ${message}`, cx.at(where), exit);
  const note = (code: string, message: string, where: string, severity: Finding['severity'] = 'error') =>
    cx.findings.push({ code, severity, message: `fact ${id}: ${message}`, file: cx.file, ...cx.at(where), factIds: [id] });

  const memo = memoOf(cx);
  const concept = qnameOf(dims.concept!, `${dp}/concept`, 'concept', cx);
  if (dims.entity === undefined) throw err('oime:missingEntityDimension', 'has no entity dimension (kessan needs one)', dp);
  const entity = memo.entities.get(dims.entity!) ?? entityOf(dims.entity!, `${dp}/entity`, cx);
  memo.entities.set(dims.entity!, entity);
  let period: Fact['period'] = FOREVER;
  if (dims.period !== undefined) {
    let p = memo.periods.get(dims.period!);
    if (p === undefined) memo.periods.set(dims.period!, (p = parseOimPeriod(dims.period!)));
    if (!p) throw err('oime:invalidPeriodRepresentation', `period ${JSON.stringify(dims.period)} is not an OIM period (a dateTime, or two separated by "/")`, `${dp}/period`);
    if (p.hasTime) note('kessan:periodTimeIgnored', `period ${dims.period!} has a time of day other than midnight; kessan keeps days only`, `${dp}/period`, 'warning');
    period = p.period;
  }
  let unit = dims.unit !== undefined ? memo.units.get(dims.unit!) ?? unitOf(dims.unit!, `${dp}/unit`, cx) : undefined;
  if (unit) memo.units.set(dims.unit!, unit);

  const dimensions = new Map<QName, DimensionValue>();
  for (const key of Object.keys(dims)) {
    if (CORE.has(key)) continue;
    const d = qnameOf(key, `${dp}/${key}`, 'dimension', cx);
    const v = dims[key];
    if (typeof v !== 'string') throw err('oime:unsupportedDimensionDataType', `dimension ${key} is nil; kessan does not support nil typed members`, `${dp}/${key}`);
    const m = QNAME.exec(v);
    const boundQName = m !== null && cx.namespaces.has(m[1]!);
    const domain = boundQName ? undefined : cx.hints()?.typedDomain(d);
    if (domain) dimensions.set(d, { typed: typedMemberXml(v, qname(domain.namespace, domain.localName, cx.prefixFor(domain.namespace, domain.prefix))) });
    else if (boundQName) dimensions.set(d, qname(cx.namespaces.get(m[1]!)!, m[2]!, m[1]!));
    else {
      note('kessan:typedDomainUnknown', `dimension ${key} has a typed value but its domain element is unknown (no taxonomy); it is kept as text`, `${dp}/${key}`, 'warning');
      dimensions.set(d, { typed: v });
    }
  }

  // Numeric or not: a unit or decimals say numeric; a language says not; otherwise only the taxonomy can.
  let lang = dims.language ?? undefined;
  let numeric = unit !== undefined || f.decimals !== undefined;
  if (!numeric && lang === undefined) numeric = markedNumeric(f, cx) || (!cx.numericMarked && cx.hints()?.numeric(concept) === true);
  if (numeric && lang !== undefined) {
    note('oime:misplacedLanguageDimension', 'a numeric fact has a language', `${dp}/language`);
    lang = undefined;
  }
  let value: Fact['value'] = f.value;
  let decimals: Decimals | undefined;
  if (numeric) {
    unit ??= PURE;
    if (f.value !== null) {
      if (DECIMAL.test(f.value)) value = new Decimal(f.value);
      else note('oime:invalidFactValue', `value ${JSON.stringify(f.value)} is not a decimal number`, `${pointer}/value`);
      if (typeof value !== 'string') decimals = f.decimals === undefined ? 'INF' : decimalsOf(f.decimals, `${pointer}/decimals`, cx, err);
    } else if (f.decimals !== undefined) note('oime:misplacedDecimalsProperty', 'a nil fact has decimals', `${pointer}/decimals`);
  }
  const at = cx.at(pointer);
  const source = { file: cx.file, line: at.line ?? 1, ...(at.column ? { column: at.column } : {}) };
  return {
    id,
    concept,
    entity,
    period,
    ...(unit ? { unit } : {}),
    dimensions,
    value,
    ...(decimals !== undefined ? { decimals } : {}),
    ...(lang !== undefined ? { lang } : {}),
    sources: [source],
  };
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
  const raw = cx.numberText(pointer) ?? String(n);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n)) throw err('xbrlje:invalidJSONStructure', `decimals ${raw} is not an integer`, pointer);
  return n === 0 ? 0 : n;
}

function qnameOf(s: string, pointer: string, what: string, cx: FactContext): QName {
  const m = QNAME.exec(s);
  if (!m) throw new KessanError('xbrlje:invalidJSONStructure', `${what} ${JSON.stringify(s)} is not a QName (prefix:name)`, cx.at(pointer), 1);
  const ns = cx.namespaces.get(m[1]!);
  if (ns === undefined) throw new KessanError('oime:unboundPrefix', `${what} ${s}: prefix ${m[1]!} is not in documentInfo.namespaces`, cx.at(pointer), 1);
  return qname(ns, m[2]!, m[1]!);
}

function entityOf(s: string, pointer: string, cx: FactContext): Entity {
  const m = SQNAME.exec(s);
  if (!m) throw new KessanError('oime:invalidSQName', `entity ${JSON.stringify(s)} is not an SQName (scheme-prefix:identifier)`, cx.at(pointer), 1);
  const scheme = cx.namespaces.get(m[1]!);
  if (scheme === undefined) throw new KessanError('oime:unboundPrefix', `entity ${s}: prefix ${m[1]!} is not in documentInfo.namespaces`, cx.at(pointer), 1);
  return { scheme, identifier: m[2]! };
}

/** `a`, `a*b`, `a/b`, `(a*b)/(c*d)`: OIM's unit string (parentheses exactly when a side has several measures). */
function unitOf(s: string, pointer: string, cx: FactContext): Unit {
  const bad = () => new KessanError('oime:invalidUnitStringRepresentation', `unit ${JSON.stringify(s)} is not an OIM unit string`, cx.at(pointer), 1);
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
