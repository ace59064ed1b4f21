/**
 * The attributes of ix elements, checked against the Inline XBRL schemas (1.0: xhtml-inlinexbrl-1_0-definitions.xsd,
 * 1.1: xhtml-inlinexbrl-1_1-definitions.xsd): which unqualified attributes an element may have, which it must
 * have, their types, and whether attributes of other namespaces are allowed. Arelle checks these with an XML
 * Schema validator and reports them with that validator's (libxml2's) codes, which are used here too:
 * - `lxml.SCHEMAV_CVC_COMPLEX_TYPE_3_2_2`: an attribute the element may not have (`sign` on ix:nonNumeric);
 * - `lxml.SCHEMAV_CVC_COMPLEX_TYPE_4`: a required attribute missing;
 * - `lxml.SCHEMAV_CVC_DATATYPE_VALID_1_2_1`: a value not of its type (`scale="6e2"`);
 * - `lxml.SCHEMAV_CVC_PATTERN_VALID`: `sign` other than `-`.
 * An element with many wrong attributes gets one finding naming a few of them (not one per attribute).
 */
import type { Finding } from '../../../core/model/finding.js';
import { XML_NS, type XmlElement } from '../../../core/xml/parse.js';
import type { QName } from '../../../core/model/qname.js';
import { IX10 } from './collect.js';
import { Element } from './element.js';

type AttrType = 'NCName' | 'QName' | 'integer' | 'boolean' | 'decimal' | 'sign' | 'decimals' | 'precision' | 'idrefs' | 'any';

/** What an element allows: its unqualified attributes (required ones marked `!`), and which namespaces' attributes. */
interface ElementSpec {
  readonly attributes: Readonly<Record<string, AttrType>>;
  readonly required: readonly string[];
  /** `other`: any namespace but the ix one (`##other`); `xml`: the XML namespace only; `none`: no qualified attribute. */
  readonly foreign: 'other' | 'xml' | 'none';
}

const spec = (attributes: Record<string, AttrType>, required: string[], foreign: ElementSpec['foreign']): ElementSpec => ({ attributes, required, foreign });

const TUPLE_SHARED: Record<string, AttrType> = { id: 'NCName', name: 'QName', order: 'decimal', target: 'NCName', tupleRef: 'NCName' };
const ITEM = { ...TUPLE_SHARED, contextRef: 'NCName' } as const;
const NUMERIC = { format: 'QName', scale: 'integer', sign: 'sign' } as const;

const V11: Record<string, ElementSpec> = {
  header: spec({}, [], 'none'),
  hidden: spec({}, [], 'none'),
  references: spec({ id: 'NCName', target: 'NCName' }, [], 'other'),
  resources: spec({}, [], 'none'),
  relationship: spec({ arcrole: 'any', fromRefs: 'idrefs', linkRole: 'any', order: 'decimal', toRefs: 'idrefs' }, ['fromRefs', 'toRefs'], 'xml'),
  footnote: spec({ continuedAt: 'NCName', footnoteRole: 'any', id: 'NCName', title: 'any' }, ['id'], 'xml'),
  fraction: spec({ ...ITEM, unitRef: 'NCName' }, ['contextRef', 'name', 'unitRef'], 'other'),
  numerator: spec(NUMERIC, [], 'none'),
  denominator: spec(NUMERIC, [], 'none'),
  nonFraction: spec({ ...NUMERIC, ...ITEM, unitRef: 'NCName', decimals: 'decimals', precision: 'precision' }, ['contextRef', 'name', 'unitRef'], 'other'),
  nonNumeric: spec({ ...ITEM, continuedAt: 'NCName', escape: 'boolean', format: 'QName' }, ['contextRef', 'name'], 'other'),
  continuation: spec({ continuedAt: 'NCName', id: 'NCName' }, ['id'], 'none'),
  exclude: spec({}, [], 'none'),
  tuple: spec({ ...TUPLE_SHARED, tupleID: 'NCName' }, ['name'], 'other'),
};

const ITEM10 = { ...ITEM, footnoteRefs: 'idrefs' } as const;
const V10: Record<string, ElementSpec> = {
  header: V11.header!,
  hidden: V11.hidden!,
  references: V11.references!,
  resources: V11.resources!,
  footnote: spec({ footnoteID: 'NCName', arcrole: 'any', footnoteLinkRole: 'any', footnoteRole: 'any', title: 'any', id: 'NCName' }, ['footnoteID'], 'xml'),
  fraction: spec({ ...ITEM10, unitRef: 'NCName' }, ['contextRef', 'name', 'unitRef'], 'other'),
  numerator: V11.numerator!,
  denominator: V11.denominator!,
  nonFraction: spec({ ...NUMERIC, ...ITEM10, unitRef: 'NCName', decimals: 'decimals', precision: 'precision' }, ['contextRef', 'name', 'unitRef'], 'other'),
  nonNumeric: spec({ ...ITEM10, escape: 'boolean', format: 'QName' }, ['contextRef', 'name'], 'other'),
  exclude: V11.exclude!,
  tuple: spec({ ...TUPLE_SHARED, footnoteRefs: 'idrefs', tupleID: 'NCName' }, ['name'], 'other'),
};

const NCNAME = /^[\p{L}_][\p{L}\p{N}\p{M}_.\-\u00B7]*$/u;
/** The ASCII NCNames, a subset of NCNAME tested first: most names are ASCII, and this test is the faster. */
const ASCII_NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const ncName = (v: string) => ASCII_NCNAME.test(v) || NCNAME.test(v);
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** Whether `value` is in the lexical space of `type` (whitespace collapsed first, except for `sign`, a string). */
function validValue(type: AttrType, value: string): boolean {
  const v = type === 'sign' || type === 'any' ? value : value.replace(/[\t\n\r ]+/g, ' ').trim();
  switch (type) {
    case 'NCName': return ncName(v);
    case 'QName': { const i = v.indexOf(':'); return i < 0 ? ncName(v) : ncName(v.slice(0, i)) && ncName(v.slice(i + 1)); }
    case 'integer': return /^[+-]?\d+$/.test(v);
    case 'boolean': return /^(true|false|1|0)$/.test(v);
    case 'decimal': return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v);
    case 'sign': return v === '-';
    case 'decimals': return v === 'INF' || /^[+-]?\d+$/.test(v);
    case 'precision': return v === 'INF' || /^\+?\d+$/.test(v);
    case 'idrefs': return v !== '' && v.split(' ').every((r) => NCNAME.test(r));
    case 'any': return true;
  }
}

/** Answers of `validValue` for values that repeat (names, contextRef, unitRef, decimals, format), by type. */
const answers = new Map<AttrType, Map<string, boolean>>();
function validCached(type: AttrType, value: string): boolean {
  let byValue = answers.get(type);
  if (!byValue) answers.set(type, (byValue = new Map()));
  let ok = byValue.get(value);
  if (ok === undefined) {
    ok = validValue(type, value);
    if (byValue.size < 10_000) byValue.set(value, ok);
  }
  return ok;
}

const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

const NONE: readonly Finding[] = [];

/** What an element's attribute names alone decide: which values to check (position, name, type), and the findings on names. */
interface Plan {
  readonly checked: readonly { readonly at: number; readonly key: string; readonly type: AttrType }[];
  /** The message of the finding on attributes the element may not have, if any. */
  readonly disallowed?: string;
  /** The message of the finding on required attributes it lacks, if any. */
  readonly missing?: string;
}

/** Plans by the elements' shared attribute names (element.ts) and element name: elements of a shape share theirs. */
const plans = new WeakMap<readonly string[], Map<QName, Plan>>();

function planFor(el: XmlElement, rule: ElementSpec, keys: readonly string[]): Plan {
  const name = `ix:${el.name.localName}`;
  const checked: { at: number; key: string; type: AttrType }[] = [];
  const disallowed: string[] = [];
  let count = 0;
  keys.forEach((key, at) => {
    if (key === 'xmlns' || key.startsWith('xmlns:')) return;
    if (key.startsWith('{')) {
      const ns = key.slice(1, key.indexOf('}'));
      const allowed = ns === XSI || (rule.foreign === 'other' ? ns !== el.name.namespace : rule.foreign === 'xml' && ns === XML_NS);
      if (!allowed && ++count <= 5) disallowed.push(key);
      return;
    }
    const type = Object.hasOwn(rule.attributes, key) ? rule.attributes[key] : undefined;
    if (type === undefined) {
      if (++count <= 5) disallowed.push(key);
    } else checked.push({ at, key, type });
  });
  const plan: { -readonly [K in keyof Plan]: Plan[K] } = { checked };
  if (count) {
    const more = count > disallowed.length ? ` and ${count - disallowed.length} more` : '';
    plan.disallowed = `${name} may not have the attribute${count > 1 ? 's' : ''} ${disallowed.join(', ')}${more}`;
  }
  const missing = rule.required.filter((a) => !keys.includes(a));
  if (missing.length) plan.missing = `${name} lacks the required attribute${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
  return plan;
}

/**
 * The check of ix elements' attributes for one read: `check(el, file)` gives the findings for one element's
 * attributes (none when they conform; nothing is made for an element that conforms). It remembers the plan of
 * the last element it checked (neighbours are mostly alike).
 */
export function attributeChecker(): (el: XmlElement, file: string) => readonly Finding[] {
  let lastKeys: readonly string[] | undefined;
  let lastName: QName | undefined;
  let lastPlan: Plan | undefined;
  let valid: string[] = []; // values of the last plan's checked attributes found valid, by their place in `checked`
  return (el, file) => {
    const table = el.name.namespace === IX10 ? V10 : V11;
    const rule = Object.hasOwn(table, el.name.localName) ? table[el.name.localName] : undefined;
    if (!rule) return NONE;
    if (!(el instanceof Element)) {
      const values = [...el.attributes.values()];
      return findingsOf(el, file, planFor(el, rule, [...el.attributes.keys()]), (i) => values[i]!);
    }
    let plan: Plan;
    if (el.keyList === lastKeys && el.name === lastName) plan = lastPlan!;
    else {
      let byName = plans.get(el.keyList);
      if (!byName) plans.set(el.keyList, (byName = new Map()));
      plan = byName.get(el.name) ?? planFor(el, rule, el.keyList);
      if (byName.size < 100) byName.set(el.name, plan);
      lastKeys = el.keyList;
      lastName = el.name;
      if (plan !== lastPlan) valid = [];
      lastPlan = plan;
    }
    // Each value is checked first; the findings are made only for an element that does not conform.
    let ok = plan.disallowed === undefined && plan.missing === undefined;
    const checked = plan.checked;
    for (let i = 0; ok && i < checked.length; i++) {
      const { at, key, type } = checked[i]!;
      const value = el.valueAt(at);
      if (value === valid[i]) continue; // as the element before had it (the same string, mostly: element.ts shares them)
      // An id is rarely repeated (not cached); an ASCII NCName as written is one once whitespace is collapsed.
      ok = key === 'id' ? (type === 'NCName' && ASCII_NCNAME.test(value)) || validValue(type, value) : validCached(type, value);
      if (ok) valid[i] = value;
    }
    return ok ? NONE : findingsOf(el, file, plan, (i) => el.valueAt(i));
  };
}

function findingsOf(el: XmlElement, file: string, plan: Plan, valueAt: (i: number) => string): readonly Finding[] {
  let out: Finding[] | undefined;
  const add = (code: string, message: string) => (out ??= []).push({ code, severity: 'error', message, file, line: el.line, column: el.column });
  for (const { at, key, type } of plan.checked) {
    const value = valueAt(at);
    if (key === 'id' ? validValue(type, value) : validCached(type, value)) continue;
    const code = type === 'sign' ? 'lxml.SCHEMAV_CVC_PATTERN_VALID' : 'lxml.SCHEMAV_CVC_DATATYPE_VALID_1_2_1';
    const expected = type === 'sign' ? 'it may only be "-"' : `it is not a valid ${type === 'decimals' ? 'decimals value (an integer or INF)' : type === 'precision' ? 'precision (a non-negative integer or INF)' : type === 'idrefs' ? 'list of ids' : `xs:${type}`}`;
    add(code, `ix:${el.name.localName} attribute ${key} ${show(value)}: ${expected}`);
  }
  if (plan.disallowed !== undefined) add('lxml.SCHEMAV_CVC_COMPLEX_TYPE_3_2_2', plan.disallowed);
  if (plan.missing !== undefined) add('lxml.SCHEMAV_CVC_COMPLEX_TYPE_4', plan.missing);
  return out ?? NONE;
}
