import type { Decimal } from 'decimal.js';
import { KessanError } from '../../../core/errors.js';
import { isNumericValue, type Fact } from '../../../core/model/fact.js';
import { factLocation } from './contexts.js';
import type { PrefixMap } from './namespaces.js';
import { escapeAttr, escapeText, isNCName } from '../../../core/xml/write.js';
import { DocumentIds } from '../../../core/xml/ids.js';

/** A decimal in plain notation (never an exponent), `-0` as `0`: the lexical form XBRL expects. */
export function formatDecimal(v: Decimal): string {
  if (!v.isFinite()) throw new KessanError('kessan:invalidValue', `${v.toString()} cannot be written as an XBRL number`);
  return v.isZero() ? '0' : v.toFixed();
}

const LANGUAGE = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;

/**
 * Checks what the writer relies on: NCName ids, unique; value, unit and decimals consistent. Returns the ids, in
 * the table `has` looks them up in (the XBRL writer's ids for contexts and units must avoid them).
 */
export function checkFacts(facts: readonly Fact[]): DocumentIds {
  // The ids in core/xml/ids.ts's table (a Set of a million outgrows the caches); a repeated one is reported where
  // it is used the second time, as before. A fact's place is worked out only for a fact that has a problem.
  const ids = new DocumentIds();
  for (const f of facts) ids.add(f.id);
  ids.seal();
  const repeatedSeen = new Set<string>();
  const problem = (f: Fact, code: string, message: string) => new KessanError(code, message, factLocation(f));
  for (const f of facts) {
    if (!isNCName(f.id)) throw problem(f, 'kessan:invalidFactId', `fact id ${JSON.stringify(f.id)} is not a valid XML id (NCName)`);
    if (ids.repeated.has(f.id)) {
      if (repeatedSeen.has(f.id)) throw problem(f, 'kessan:duplicateFactId', `fact id ${f.id} is used twice`);
      repeatedSeen.add(f.id);
    }
    if (isNumericValue(f.value)) {
      if (!f.unit) throw problem(f, 'kessan:missingUnit', `fact ${f.id} is numeric but has no unit`);
      if (f.decimals === undefined) throw problem(f, 'kessan:missingDecimals', `fact ${f.id} is numeric but has no decimals`);
      if (f.decimals !== 'INF' && !Number.isSafeInteger(f.decimals)) {
        throw problem(f, 'kessan:invalidDecimals', `fact ${f.id}: decimals ${String(f.decimals)} is not a whole number or INF`);
      }
    } else if (typeof f.value === 'string') {
      if (f.unit) throw problem(f, 'kessan:unexpectedUnit', `fact ${f.id} has a unit but its value is not a number (see what reading it reported); it cannot be written`);
      if (f.decimals !== undefined) throw problem(f, 'kessan:unexpectedDecimals', `fact ${f.id} is text but has decimals`);
    }
    if (f.lang !== undefined && f.lang !== '' && !LANGUAGE.test(f.lang)) {
      throw problem(f, 'kessan:invalidLang', `fact ${f.id}: ${JSON.stringify(f.lang)} is not a language tag`);
    }
  }
  return ids;
}

/** One fact element, indented one level. */
export function renderFact(f: Fact, contextId: string, unitId: string | undefined, names: PrefixMap, indent: string): string {
  const name = names.name(f.concept);
  let attrs = ` contextRef="${contextId}"`;
  if (unitId !== undefined) attrs += ` unitRef="${unitId}"`;
  if (isNumericValue(f.value)) attrs += ` decimals="${String(f.decimals)}"`;
  attrs += ` id="${escapeAttr(f.id)}"`;
  if (f.lang) attrs += ` xml:lang="${f.lang}"`;
  if (f.value === null) return `${indent}<${name}${attrs} xsi:nil="true"/>`;
  const text = isNumericValue(f.value) ? formatDecimal(f.value) : escapeText(f.value, `fact ${f.id}`);
  return text === '' ? `${indent}<${name}${attrs}/>` : `${indent}<${name}${attrs}>${text}</${name}>`;
}
