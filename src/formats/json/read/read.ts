/**
 * The xBRL-JSON 1.0 reader: text → Report. In order, each failure a KessanError with file and line:
 *
 * 1. JSON (strict, duplicate keys rejected): `xbrlje:invalidJSON`.
 * 2. The document type: another OIM type is `oime:unsupportedDocumentType`, anything else
 *    `xbrlje:unknownDocumentType`.
 * 3. The structure, with ajv against schemas/xbrl-json.schema.json: `xbrlje:invalidJSONStructure`.
 * 4. Namespaces, then each fact (facts.ts): `oime:invalidSQName`, `oime:unboundPrefix`,
 *    `oime:invalidPeriodRepresentation`, `oime:invalidUnitStringRepresentation`, `oime:illegalPureUnit`…
 *
 * What OIM only decides with the taxonomy (is a fact with neither unit nor decimals numeric with unit
 * xbrli:pure? which element does a typed dimension's value go in?) is asked of `hints`, and only then.
 * `readXbrlJsonFile` supplies hints from the report's own taxonomy when it is available offline.
 */
import { readFileSync, statSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import { KessanError, type Location } from '../../../core/errors.js';
import type { Fact } from '../../../core/model/fact.js';
import type { Finding } from '../../../core/model/finding.js';
import type { Report } from '../../../core/model/report.js';
import { pushAll } from '../../../core/arrays.js';
import { compileSchema } from '../../../core/schemas.js';
import { KESSAN_JSON_NS, OTHER_OIM_DOCUMENT_TYPES, RESERVED_PREFIXES, XBRL_JSON_DOCUMENT_TYPE } from '../write/oim.js';
import { isNCName } from '../../../core/xml/write.js';
import { readJsonFact, type FactContext, type JsonFactInput, type JsonTaxonomyHints } from './facts.js';
import { taxonomyHints } from './hints.js';
import { parseJson, pointerToken, type JsonValue } from './parse.js';

export type { JsonTaxonomyHints } from './facts.js';

export interface ReadXbrlJsonOptions {
  /** Taxonomy knowledge, or a function giving it for the report's taxonomy hrefs (called at most once, only when needed). */
  readonly hints?: JsonTaxonomyHints | ((taxonomy: readonly string[]) => JsonTaxonomyHints | undefined);
}

interface JsonDocument {
  documentInfo: { documentType: string; namespaces?: Record<string, string>; taxonomy: string[]; features?: Record<string, unknown>; [extension: string]: unknown };
  facts?: Record<string, JsonFactInput & { links?: unknown }>;
}

/** How many tokens a JSON pointer has ('' is the root, `/facts/f1` has two). */
function depthOf(pointer: string): number {
  let n = 0;
  for (let i = pointer.indexOf('/'); i >= 0; i = pointer.indexOf('/', i + 1)) n++;
  return n;
}

export function readXbrlJson(text: string, file: string, options: ReadXbrlJsonOptions = {}): Report {
  // Positions of the facts and what encloses them; anything deeper is found by parsing again, only when asked.
  const { value, positions: shallow, numbers } = parseJson(text, file, { positionDepth: 2 });
  let all: ReadonlyMap<string, { line: number; column: number }> | undefined;
  const at = (pointer: string): Location => {
    // A fact's own pointer is in `shallow` (the usual question); deeper ones need every position.
    const positions = shallow.has(pointer) || depthOf(pointer) <= 2 ? shallow : (all ??= parseJson(text, file).positions);
    // The nearest enclosing value that has a position (ajv may point at a member that is missing).
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const pos = positions.get(p);
      if (pos) return { file, line: pos.line, column: pos.column };
      if (p === '') return { file };
    }
  };
  checkDocumentType(value, at);
  const validate = compileSchema('xbrl-json.schema.json');
  if (!validate(value)) {
    const e = validate.errors?.[0];
    throw new KessanError('xbrlje:invalidJSONStructure', `not an xBRL-JSON report: ${describeError(e)}`, at(e?.instancePath ?? ''), 1);
  }
  const doc = value as unknown as JsonDocument;

  const namespaces = new Map<string, string>();
  for (const [p, ns] of Object.entries(doc.documentInfo.namespaces ?? {})) {
    const where = () => at(`/documentInfo/namespaces/${pointerToken(p)}`);
    if (!isNCName(p)) throw new KessanError('xbrlje:invalidJSONStructure', `namespace prefix ${JSON.stringify(p)} is not an NCName`, where(), 1);
    const reserved = RESERVED_PREFIXES.get(p);
    if (reserved !== undefined && reserved !== ns) throw new KessanError('oime:invalidURIForReservedAlias', `prefix ${p} is reserved for ${reserved}, not ${ns}`, where(), 1);
    namespaces.set(p, ns);
  }

  let hints: JsonTaxonomyHints | undefined;
  let asked = false;
  const findings: Finding[] = [];
  const cx: FactContext = {
    file,
    namespaces,
    at,
    numberText: (p) => numbers.get(p),
    prefixFor: (ns, wanted) => {
      for (const [p, u] of namespaces) if (u === ns) return p;
      let p = wanted !== undefined && isNCName(wanted) && !namespaces.has(wanted) ? wanted : 'ns1';
      for (let n = 2; namespaces.has(p); n++) p = `ns${n}`;
      namespaces.set(p, ns);
      return p;
    },
    hints: () => {
      if (!asked) {
        asked = true;
        hints = typeof options.hints === 'function' ? options.hints(doc.documentInfo.taxonomy) : options.hints;
        if (hints?.findings) pushAll(findings, hints.findings);
      }
      return hints;
    },
    numericMarked: Object.entries(doc.documentInfo).some(([k, v]) => v === true && k.endsWith(':numericFactsMarked') && namespaces.get(k.slice(0, k.indexOf(':'))) === KESSAN_JSON_NS),
    findings,
  };
  const facts: Fact[] = [];
  let links = 0;
  for (const [id, f] of Object.entries(doc.facts ?? {})) {
    if (f.links !== undefined) links++;
    facts.push(readJsonFact(id, f, `/facts/${pointerToken(id)}`, cx));
  }
  if (links > 0) findings.push({ code: 'kessan:linksIgnored', severity: 'info', message: `${links} fact(s) have links (footnotes); kessan does not read them yet`, file });

  // Without a prototype: a prefix may be named `__proto__` (an own key here, not the object's prototype).
  const reportNamespaces = Object.create(null) as Record<string, string>;
  for (const [p, ns] of namespaces) if (p !== 'xbrl') reportNamespaces[p] = ns;
  return {
    facts,
    taxonomy: { schemaRefs: [...doc.documentInfo.taxonomy] },
    namespaces: reportNamespaces,
    documentInfo: { source: file, format: 'json' },
    findings,
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
  if (OTHER_OIM_DOCUMENT_TYPES.includes(type)) throw new KessanError('oime:unsupportedDocumentType', `document type ${type} is not supported (kessan reads ${XBRL_JSON_DOCUMENT_TYPE})`, where, 1);
  throw new KessanError('xbrlje:unknownDocumentType', `unknown document type ${JSON.stringify(type)} (xBRL-JSON 1.0 is ${XBRL_JSON_DOCUMENT_TYPE})`, where, 1);
}

function describeError(e: ErrorObject | undefined): string {
  if (!e) return 'it does not follow the xBRL-JSON structure';
  const where = e.instancePath || 'the document';
  if (e.keyword === 'additionalProperties') return `${where} has an unexpected member ${JSON.stringify((e.params as { additionalProperty: string }).additionalProperty)}`;
  if (e.keyword === 'required') return `${where} lacks the member ${JSON.stringify((e.params as { missingProperty: string }).missingProperty)}`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

/**
 * Reads an xBRL-JSON file (UTF-8, as xBRL-JSON requires). Hints come from the report's taxonomy (its
 * `taxonomy` hrefs, relative to the file), loaded offline only if a fact needs them.
 */
export function readXbrlJsonFile(path: string, options: ReadXbrlJsonOptions = {}): Report {
  let buf: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new KessanError('kessan:inputUnreadable', 'is a folder, not a file', { file: path }, 2);
    buf = readFileSync(path);
  } catch (e) {
    if (e instanceof KessanError) throw e;
    throw new KessanError('kessan:inputUnreadable', (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read: ${(e as Error).message}`, { file: path }, 2);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new KessanError('xbrlje:invalidJSON', 'not valid JSON: the file is not UTF-8', { file: path }, 1);
  }
  return readXbrlJson(text, path, { hints: options.hints ?? ((hrefs) => taxonomyHints(path, hrefs)) });
}
