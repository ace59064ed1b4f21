/**
 * A quick check that a document certainly follows schemas/xbrl-json.schema.json, written out by hand for the
 * common case: it says true only when ajv would, and false whenever it is unsure, and then ajv validates the
 * document and its first error is reported as before. A well-formed report (nearly every one) needs neither
 * ajv's ~40 modules nor the compilation of the schema (together ~50 ms, which is ~10% of reading 100k facts)
 * nor ajv's walk of it.
 *
 * Keys are walked with for…in, as ajv's generated code walks them. The schema's rules, which this mirrors:
 * members named in `properties` have their types; any other member's name has a prefix (`^[^:]+:.+$`) — on a
 * fact's dimensions its value is a string or null; anything goes elsewhere.
 */
import type { JsonValue } from '../../../core/json.js';

type JsonObject = { [key: string]: JsonValue };

const PREFIXED = /^[^:]+:.+$/;
const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringMap = (v: JsonValue | undefined): boolean => {
  if (!isObject(v)) return false;
  for (const k in v) if (typeof v[k] !== 'string') return false;
  return true;
};
/** A string, boolean, null or number (ajv's number is finite). */
const isScalar = (v: JsonValue | undefined): boolean => typeof v === 'string' || typeof v === 'boolean' || v === null || (typeof v === 'number' && Number.isFinite(v));
const isStringArray = (v: JsonValue | undefined): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');

function documentInfoIsValid(info: JsonValue | undefined): boolean {
  if (!isObject(info)) return false;
  if (typeof info.documentType !== 'string' || !isStringArray(info.taxonomy)) return false;
  for (const k in info) {
    const v = info[k];
    switch (k) {
      case 'documentType':
      case 'taxonomy':
        break;
      case 'baseURL':
        if (typeof v !== 'string') return false;
        break;
      case 'features':
        if (!isObject(v)) return false;
        for (const f in v) if (!isScalar(v[f])) return false;
        break;
      case 'namespaces':
      case 'linkTypes':
      case 'linkGroups':
        if (!isStringMap(v)) return false;
        break;
      default:
        if (!PREFIXED.test(k)) return false;
    }
  }
  return true;
}

function linksAreValid(links: JsonValue | undefined): boolean {
  if (!isObject(links)) return false;
  for (const t in links) {
    const groups = links[t];
    if (!isObject(groups)) return false;
    for (const g in groups) if (!isStringArray(groups[g])) return false;
  }
  return true;
}

function dimensionsAreValid(dims: JsonValue | undefined): boolean {
  if (!isObject(dims) || typeof dims.concept !== 'string') return false;
  for (const k in dims) {
    const v = dims[k];
    switch (k) {
      case 'concept':
      case 'entity':
      case 'period':
      case 'unit':
      case 'language':
      case 'noteId':
        if (typeof v !== 'string') return false;
        break;
      default:
        if ((typeof v !== 'string' && v !== null) || !PREFIXED.test(k)) return false;
    }
  }
  return true;
}

function factIsValid(fact: JsonValue | undefined): boolean {
  if (!isObject(fact)) return false;
  if (!('value' in fact) || !('dimensions' in fact)) return false;
  for (const k in fact) {
    const v = fact[k];
    switch (k) {
      case 'value':
        if (typeof v !== 'string' && v !== null) return false;
        break;
      case 'decimals':
        if (!Number.isInteger(v)) return false;
        break;
      case 'dimensions':
        if (!dimensionsAreValid(v)) return false;
        break;
      case 'links':
        if (!linksAreValid(v)) return false;
        break;
      default:
        if (!PREFIXED.test(k)) return false;
    }
  }
  return true;
}

/**
 * True only when the document certainly follows the xBRL-JSON schema (false: ask ajv). `factValues`: the values
 * of `facts`, when the parser kept them (enumerating an object of a million members costs more per member).
 */
export function surelyFollowsSchema(doc: JsonValue, factValues?: readonly JsonValue[]): boolean {
  if (!isObject(doc) || !documentInfoIsValid(doc.documentInfo)) return false;
  for (const k in doc) {
    if (k === 'documentInfo') continue;
    if (k === 'facts') {
      const facts = doc.facts;
      if (!isObject(facts)) return false;
      if (factValues) {
        for (const f of factValues) if (!factIsValid(f)) return false;
      } else for (const id in facts) if (!factIsValid(facts[id])) return false;
    } else if (!PREFIXED.test(k)) return false;
  }
  return true;
}
