import type { Decimal } from 'decimal.js';
import { KessanError } from '../../../core/errors.js';
import { isNumericValue, type Fact } from '../../../core/model/fact.js';
import { factLocation } from './contexts.js';
import type { PrefixMap } from './namespaces.js';
import { escapeAttr, escapeText, isNCName } from '../../../core/xml/write.js';

/** A decimal in plain notation (never an exponent), `-0` as `0`: the lexical form XBRL expects. */
export function formatDecimal(v: Decimal): string {
  if (!v.isFinite()) throw new KessanError('kessan:invalidValue', `${v.toString()} cannot be written as an XBRL number`);
  return v.isZero() ? '0' : v.toFixed();
}

const LANGUAGE = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;

/** Checks what the writer relies on: NCName ids, unique; value, unit and decimals consistent. */
export function checkFacts(facts: readonly Fact[]): void {
  const seen = new Set<string>();
  for (const f of facts) {
    const where = factLocation(f);
    if (!isNCName(f.id)) {
      throw new KessanError('kessan:invalidFactId', `fact id ${JSON.stringify(f.id)} is not a valid XML id (NCName)`, where);
    }
    if (seen.has(f.id)) throw new KessanError('kessan:duplicateFactId', `fact id ${f.id} is used twice`, where);
    seen.add(f.id);
    if (isNumericValue(f.value)) {
      if (!f.unit) throw new KessanError('kessan:missingUnit', `fact ${f.id} is numeric but has no unit`, where);
      if (f.decimals === undefined) throw new KessanError('kessan:missingDecimals', `fact ${f.id} is numeric but has no decimals`, where);
      if (f.decimals !== 'INF' && !Number.isSafeInteger(f.decimals)) {
        throw new KessanError('kessan:invalidDecimals', `fact ${f.id}: decimals ${String(f.decimals)} is not a whole number or INF`, where);
      }
    } else if (typeof f.value === 'string') {
      if (f.unit) throw new KessanError('kessan:unexpectedUnit', `fact ${f.id} has a unit but its value is not a number (see what reading it reported); it cannot be written`, where);
      if (f.decimals !== undefined) throw new KessanError('kessan:unexpectedDecimals', `fact ${f.id} is text but has decimals`, where);
    }
    if (f.lang !== undefined && f.lang !== '' && !LANGUAGE.test(f.lang)) {
      throw new KessanError('kessan:invalidLang', `fact ${f.id}: ${JSON.stringify(f.lang)} is not a language tag`, where);
    }
  }
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
