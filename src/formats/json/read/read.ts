/**
 * The xBRL-JSON 1.0 reader: text → Report. In order, each failure a KessanError with file and line:
 *
 * 1. JSON (strict, duplicate keys rejected): `xbrlje:invalidJSON`.
 * 2. The document type: anything but xBRL-JSON 1.0's is `oimce:unsupportedDocumentType` (the message says
 *    whether it is another OIM type).
 * 3. The structure, with ajv against schemas/xbrl-json.schema.json: `xbrlje:invalidJSONStructure`.
 * 4. Namespaces (`oimce:invalidURIForReservedAlias`; `oimce:multipleAliasesForURI` is a finding), then each
 *    fact (facts.ts): `oimce:invalidSQName`, `oimce:unboundPrefix`,
 *    `oimce:invalidPeriodRepresentation`, `oimce:invalidUnitStringRepresentation`, `oime:illegalPureUnit`…
 *
 * The parser also refuses what I-JSON forbids (lone surrogates, noncharacters: `xbrlje:invalidJSON`) and
 * characters XML cannot carry (an escaped NUL…: `xbrlje:invalidFactValue` in a value, and so on), with the
 * position of the character; and stops at the first fact, or dimension of a fact, over the limits
 * (`kessan:jsonLimit`), so the work stays linear in the document's size however it is built.
 *
 * What OIM only decides with the taxonomy (is a fact with neither unit nor decimals numeric with unit
 * xbrli:pure? which element does a typed dimension's value go in? is the concept, or the dimension, declared?
 * taxonomy-rules.ts) is asked of `hints`. `readXbrlJsonFile` supplies hints from the report's own taxonomy as
 * far as it is available offline, and a finding says what could not be checked without the rest.
 */
import { KessanError, type Location } from '../../../core/errors.js';
import type { Fact } from '../../../core/model/fact.js';
import type { Finding } from '../../../core/model/finding.js';
import type { Report } from '../../../core/model/report.js';
import { pushAll } from '../../../core/arrays.js';
import { currentLimits, invalidUtf8At, readInputBytes } from '../../../core/limits.js';
import { compileSchema, describeSchemaError } from '../../../core/schemas.js';
import { KESSAN_JSON_NS, OTHER_OIM_DOCUMENT_TYPES, RESERVED_PREFIXES, XBRL_JSON_DOCUMENT_TYPE } from '../write/oim.js';
import { isNCName } from '../../../core/xml/write.js';
import { readJsonFact, type FactContext, type JsonFactInput, type JsonTaxonomyHints } from './facts.js';
import { FactFindings } from './findings.js';
import { taxonomyHints } from './hints.js';
import { surelyFollowsSchema } from './structure.js';
import { parseJson, pointerToken, type JsonValue, type MemberLimit } from '../../../core/json.js';

export type { JsonTaxonomyHints } from './facts.js';

export interface ReadXbrlJsonOptions {
  /** Taxonomy knowledge, or a function giving it for the report's taxonomy hrefs (called at most once, at the first fact). */
  readonly hints?: JsonTaxonomyHints | ((taxonomy: readonly string[]) => JsonTaxonomyHints | undefined);
  /** Most facts, and taxonomy-defined dimensions per fact (default: the limits in force, src/limits.ts). */
  readonly limits?: { readonly maxFacts?: number; readonly maxDimensions?: number };
}

/** The core dimensions, which a fact's `dimensions` may have besides the taxonomy-defined ones. */
const CORE_DIMENSIONS = 6;

/** The code for a character XML cannot carry, by where it is (a JSON pointer; `isKey`: a member's name). */
function xmlCharCode(pointer: string, isKey: boolean): string {
  if (isKey) return 'xbrlje:invalidJSONStructure';
  const parts = pointer.split('/'); // tokens keep '/' escaped (~1), so a fact id cannot add parts
  if (parts[1] !== 'facts') return 'xbrlje:invalidJSONStructure';
  if (parts.length === 4 && parts[3] === 'value') return 'xbrlje:invalidFactValue';
  if (parts.length !== 5 || parts[3] !== 'dimensions') return 'xbrlje:invalidJSONStructure';
  switch (parts[4]) {
    case 'entity':
      return 'oimce:invalidSQName';
    case 'period':
      return 'oimce:invalidPeriodRepresentation';
    case 'unit':
      return 'oimce:invalidUnitStringRepresentation';
    case 'concept':
    case 'language':
    case 'noteId':
      return 'xbrlje:invalidJSONStructure';
    default:
      return 'xbrlje:invalidDimensionValue';
  }
}

interface JsonDocument {
  documentInfo: { documentType: string; namespaces?: Record<string, string>; taxonomy: string[]; features?: Record<string, unknown>; [extension: string]: unknown };
  facts?: Record<string, JsonFactInput & { links?: unknown }>;
}

/** A JSON pointer token's key (RFC 6901: `~1` is `/`, then `~0` is `~`). */
const unescapeToken = (token: string) => (token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token);

/** How many tokens a JSON pointer has ('' is the root, `/facts/f1` has two). */
function depthOf(pointer: string): number {
  let n = 0;
  for (let i = pointer.indexOf('/'); i >= 0; i = pointer.indexOf('/', i + 1)) n++;
  return n;
}

export function readXbrlJson(text: string, file: string, options: ReadXbrlJsonOptions = {}): Report {
  const maxFacts = options.limits?.maxFacts ?? currentLimits().maxFacts;
  const maxDimensions = options.limits?.maxDimensions ?? currentLimits().maxDimensions;
  // Stops at the first member over a limit, before the rest is read: a million dimensions cost nothing.
  const factsLimit: MemberLimit = { max: maxFacts, code: 'kessan:jsonLimit', message: `more than ${maxFacts} facts (raise the limit with --max-facts or KESSAN_MAX_FACTS)` };
  const dimensionsLimit: MemberLimit = {
    max: maxDimensions + CORE_DIMENSIONS,
    code: 'kessan:jsonLimit',
    message: (pointer) => `fact ${unescapeToken(pointer.slice('/facts/'.length, -'/dimensions'.length))}: more than ${maxDimensions} taxonomy-defined dimensions (raise the limit with KESSAN_MAX_DIMENSIONS)`,
  };
  // `/facts`, and `/facts/<id>/dimensions`.
  const memberLimit = (depth: number, parent: string, key: string | number | undefined): MemberLimit | undefined => {
    if (depth === 1 && key === 'facts' && parent === '') return factsLimit;
    if (depth === 3 && key === 'dimensions' && parent.startsWith('/facts/')) return dimensionsLimit;
    return undefined;
  };
  // Positions of the facts and what encloses them; anything deeper is found by parsing again, only when asked.
  // The facts' own positions are kept by fact id (`facts`), the others by pointer (`shallow`).
  const { value, positions: shallow, numbers, members: factPositions } = parseJson(text, file, { positionDepth: 2, memberPositionsOf: '/facts', membersOnly: true, xmlChars: xmlCharCode, memberLimit });
  const recorded = (pointer: string) =>
    shallow.get(pointer) ?? (pointer.startsWith('/facts/') && pointer.indexOf('/', 7) < 0 ? factPositions.get(unescapeToken(pointer.slice(7))) : undefined);
  // Deeper positions, found by parsing again for those asked (a finding's, all at once; an error's, alone).
  const deep = new Map<string, { line: number; column: number }>();
  const locate = (pointers: Iterable<string>) => {
    const need = new Set<string>();
    for (const p of pointers) for (let q = p; !recorded(q) && !deep.has(q) && depthOf(q) > 2; q = q.slice(0, q.lastIndexOf('/'))) need.add(q);
    if (need.size === 0) return;
    for (const [p, pos] of parseJson(text, file, { positionDepth: 2, positionsOf: need }).positions) if (need.has(p)) deep.set(p, pos);
    for (const p of need) if (!deep.has(p)) deep.set(p, { line: 0, column: 0 }); // not in the text (ajv's pointer to a missing member)
  };
  const at = (pointer: string): Location => {
    // A fact's own position (asked for every fact) is recorded; only deeper ones need looking for.
    const known = recorded(pointer);
    if (known) return { file, line: known.line, column: known.column };
    locate([pointer]);
    // The nearest enclosing value that has a position (ajv may point at a member that is missing).
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const pos = recorded(p) ?? deep.get(p);
      if (pos && pos.line > 0) return { file, line: pos.line, column: pos.column };
      if (p === '') return { file };
    }
  };
  checkDocumentType(value, at);
  // The facts as parsed, in order, when `/facts` was there to be parsed: an object of a million members is
  // neither enumerated nor asked for its values (see MemberPositions.inOrder).
  // The parse keeps them out of `value` (membersOnly): the object is made only for the schema's check or when its
  // keys are not in the order written (array-index keys come first in an object).
  const factsInOrder = factPositions.inOrder();
  // (Members are recorded only for the root's `facts` object: having any means it is there.)
  const sure = factsInOrder !== undefined && surelyFollowsSchema(value, factsInOrder.values);
  if (!sure && factPositions.size > 0) (value as { facts: JsonValue }).facts = factPositions.toObject();
  const validate = sure ? undefined : compileSchema('xbrl-json.schema.json');
  if (validate && !validate(value)) {
    const e = validate.errors?.[0];
    throw new KessanError('xbrlje:invalidJSONStructure', `not an xBRL-JSON report: ${describeSchemaError(e, 'it does not follow the xBRL-JSON structure')}`, at(e?.instancePath ?? ''), 1);
  }
  const doc = value as unknown as JsonDocument;

  const namespaces = new Map<string, string>();
  for (const [p, ns] of Object.entries(doc.documentInfo.namespaces ?? {})) {
    const where = () => at(`/documentInfo/namespaces/${pointerToken(p)}`);
    if (!isNCName(p)) throw new KessanError('xbrlje:invalidJSONStructure', `namespace prefix ${JSON.stringify(p)} is not an NCName`, where(), 1);
    const reserved = RESERVED_PREFIXES.get(p);
    if (reserved !== undefined && reserved !== ns) throw new KessanError('oimce:invalidURIForReservedAlias', `prefix ${p} is reserved for ${reserved}, not ${ns}`, where(), 1);
    namespaces.set(p, ns);
  }

  // The prefix of each namespace, for prefixFor. OIM binds a namespace to one prefix; the first one is used.
  const prefixOf = new Map<string, string>();
  const twice: Finding[] = [];
  for (const [p, ns] of namespaces) {
    const first = prefixOf.get(ns);
    if (first === undefined) prefixOf.set(ns, p);
    else twice.push({ code: 'oimce:multipleAliasesForURI', severity: 'error', message: `prefixes ${first} and ${p} are both bound to ${ns}; a namespace has one prefix`, ...at(`/documentInfo/namespaces/${pointerToken(p)}`) });
  }

  let hints: JsonTaxonomyHints | undefined;
  let asked = false;
  const findings = new FactFindings(at, locate);
  const taxonomyFindings: Finding[] = twice;
  const cx: FactContext = {
    file,
    namespaces,
    at,
    numberText: (p) => (numbers.size === 0 ? undefined : numbers.get(p)),
    prefixFor: (ns, wanted) => {
      const bound = prefixOf.get(ns);
      if (bound !== undefined) return bound;
      let p = wanted !== undefined && isNCName(wanted) && !namespaces.has(wanted) ? wanted : 'ns1';
      for (let n = 2; namespaces.has(p); n++) p = `ns${n}`;
      namespaces.set(p, ns);
      prefixOf.set(ns, p);
      return p;
    },
    hints: () => {
      if (!asked) {
        asked = true;
        hints = typeof options.hints === 'function' ? options.hints(doc.documentInfo.taxonomy) : options.hints;
        // As the DTS load says them (validate says them too, and the same finding is said once).
        if (hints?.findings) pushAll(taxonomyFindings, hints.findings);
        if (hints?.invalid) taxonomyFindings.push({ code: 'oime:invalidTaxonomy', severity: 'error', message: hints.invalid, ...at('/documentInfo/taxonomy') });
      }
      return hints;
    },
    numericMarked: Object.keys(doc.documentInfo).some((k) => k.endsWith(':numericFactsMarked') && doc.documentInfo[k] === true && namespaces.get(k.slice(0, k.indexOf(':'))) === KESSAN_JSON_NS),
    findings,
    maxDimensions,
    unchecked: { facts: 0, dimensions: 0 },
  };
  if (doc.documentInfo.taxonomy.length === 0) {
    findings.push({ code: 'oime:noTaxonomy', severity: 'error', message: 'documentInfo.taxonomy is empty: a report names its taxonomy, and without it no fact can be checked against its concept', file, ...at('/documentInfo/taxonomy') });
  }
  const facts: Fact[] = [];
  let links: string | undefined;
  let linked = 0;
  const all = doc.facts ?? {};
  // Keys and values in the same order (own properties' order), without looking each fact up by its id.
  const ids = factsInOrder?.keys ?? Object.keys(all);
  const values = (factsInOrder?.values ?? Object.values(all)) as (typeof all)[string][];
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    const f = values[k]!;
    const pointer = `/facts/${pointerToken(id)}`;
    if (f.links !== undefined && linked++ === 0) links = pointer;
    const p = factPositions.indexOf(id, k);
    facts.push(readJsonFact(id, f, pointer, cx, p < 0 ? 0 : factPositions.line(p), p < 0 ? 0 : factPositions.column(p)));
  }
  const unchecked = cx.unchecked;
  if (unchecked.facts + unchecked.dimensions > 0 && hints?.incomplete) {
    const what = [unchecked.facts ? `the concepts of ${unchecked.facts} of ${facts.length} facts` : '', unchecked.dimensions ? `${unchecked.dimensions} taxonomy-defined dimension(s) of facts` : ''].filter(Boolean).join(' and ');
    findings.push({
      code: 'kessan:taxonomyRulesUnchecked',
      severity: 'info',
      message: `${what} are not declared in the part of the taxonomy available offline; whether they are declared at all (oime:unknownConcept, oime:unknownDimension) and the OIM rules that need their definitions were not checked: ${hints.incomplete}`,
      file,
      ...at('/documentInfo/taxonomy'),
    });
  }
  if (links !== undefined) findings.push({ code: 'kessan:linksIgnored', severity: 'info', message: `${linked} fact(s) have links (footnotes), the first here; kessan does not read them yet`, file, ...at(links) });

  // Without a prototype: a prefix may be named `__proto__` (an own key here, not the object's prototype).
  const reportNamespaces = Object.create(null) as Record<string, string>;
  for (const [p, ns] of namespaces) if (p !== 'xbrl') reportNamespaces[p] = ns;
  return {
    facts,
    taxonomy: { schemaRefs: [...doc.documentInfo.taxonomy] },
    namespaces: reportNamespaces,
    documentInfo: { source: file, format: 'json' },
    findings: [...taxonomyFindings, ...findings.all()],
  };
}

function checkDocumentType(value: JsonValue, at: (p: string) => Location): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new KessanError('xbrlje:invalidJSONStructure', 'not an xBRL-JSON report: the document is not a JSON object', at(''), 1);
  }
  const info = value.documentInfo;
  if (info === null || typeof info !== 'object' || Array.isArray(info) || typeof info.documentType !== 'string') return; // the schema says what is wrong
  const type = info.documentType;
  if (type === XBRL_JSON_DOCUMENT_TYPE) return;
  const where = at('/documentInfo/documentType');
  if (OTHER_OIM_DOCUMENT_TYPES.includes(type)) throw new KessanError('oimce:unsupportedDocumentType', `document type ${type} is not supported (kessan reads ${XBRL_JSON_DOCUMENT_TYPE})`, where, 1);
  throw new KessanError('oimce:unsupportedDocumentType', `unknown document type ${JSON.stringify(type)} (xBRL-JSON 1.0 is ${XBRL_JSON_DOCUMENT_TYPE})`, where, 1);
}


/**
 * Reads an xBRL-JSON file (UTF-8, as xBRL-JSON requires), within the limits in force (`maxFileSize` too).
 * Hints come from the report's taxonomy (its `taxonomy` hrefs, relative to the file), loaded offline.
 */
export function readXbrlJsonFile(path: string, options: ReadXbrlJsonOptions = {}): Report {
  return readXbrlJson(decodeFile(path), path, { ...options, hints: options.hints ?? ((hrefs) => taxonomyHints(path, hrefs)) });
}

/** The file's text, in a function of its own so that its bytes are garbage once it returns (not kept by the caller's frame while the text is read). */
function decodeFile(path: string): string {
  const buf = readInputBytes(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // The line and column (in characters) of the first byte that is not UTF-8: everything before it is.
    const bad = Math.max(0, invalidUtf8At(buf));
    const before = new TextDecoder('utf-8').decode(buf.subarray(0, bad));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new KessanError('xbrlje:invalidJSON', `not valid JSON: the file is not UTF-8 (byte 0x${(buf[bad] ?? 0).toString(16).padStart(2, '0')})`, { file: path, line, column }, 1);
  }
  return text;
}
