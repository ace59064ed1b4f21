/**
 * The OIM rules for an xBRL-JSON fact that need the taxonomy (OIM 1.0 and xBRL-JSON 1.0, with Arelle's codes):
 *
 * - the concept is declared (`oime:unknownConcept`), is an item of a type OIM supports and not a tuple
 *   (`oime:unsupportedConceptDataType`), not abstract (`oime:valueForAbstractConcept`), nillable when the fact
 *   is nil (`oime:invalidFactValue`);
 * - the period fits the concept's period type (`oime:invalidPeriodDimension`, `oime:missingPeriodDimension`);
 * - each taxonomy-defined dimension is a declared dimension (`oime:unknownDimension`); an explicit one's value is
 *   a member QName (`xbrlje:invalidDimensionValue`) other than its default (`oime:invalidDimensionValue`); a typed
 *   one's domain element holds simple content (`oime:unsupportedDimensionDataType`).
 *
 * Units, decimals and languages on non-numeric or non-text concepts are checked where the fact is read (facts.ts).
 * A name the taxonomy may declare where kessan cannot look (a schema not available offline) is not judged: the
 * reader counts it and says what it could not check.
 */
import { KessanError } from '../../../core/errors.js';
import type { Finding } from '../../../core/model/finding.js';
import { clark, type QName } from '../../../core/model/qname.js';
import type { Period } from '../../../core/model/period.js';

/** What the taxonomy declares a concept to be. */
export interface ConceptFacts {
  /** `other`: declared, but not in the xbrli:item or xbrli:tuple substitution group. */
  readonly kind: 'item' | 'tuple' | 'other';
  readonly abstract: boolean;
  readonly nillable: boolean;
  readonly periodType?: 'instant' | 'duration';
  /** Undefined when the concept's type is not known (its schema not available). */
  readonly numeric?: boolean;
  /** A text type (a fact of it may have a language); undefined when the type is not known. */
  readonly text?: boolean;
  /** A type OIM does not support (fractions, DTR prefixed content), described. */
  readonly unsupportedType?: string;
}

/** What the taxonomy declares a taxonomy-defined dimension to be. */
export type DimensionFacts =
  /** `defaultMember`: its default member's Clark name. */
  | { readonly kind: 'explicit'; readonly defaultMember?: string }
  /** `domain`: the element its typedDomainRef locates; `unsupported`: why that element cannot hold an OIM value. */
  | { readonly kind: 'typed'; readonly domain?: QName; readonly unsupported?: string }
  /** Declared, but as something else (`declaredAs`: item, tuple, hypercube, other). */
  | { readonly kind: 'notDimension'; readonly declaredAs: string };

export type Note = (code: string, message: string, where: string, severity?: Finding['severity'], subject?: string) => void;
export type Fail = (code: string, message: string, where: string) => KessanError;

/** The concept rules; returns what the taxonomy says of the concept when it is an item (for the other rules). */
export function checkConcept(declared: ConceptFacts | 'undeclared' | 'unknown' | undefined, name: string, nil: boolean, where: string, note: Note): ConceptFacts | undefined {
  if (declared === 'undeclared') note('oime:unknownConcept', `concept ${name} is not declared in the taxonomy`, where, 'error', name);
  if (typeof declared !== 'object') return undefined;
  if (declared.kind === 'other') {
    note('oime:unknownConcept', `${name} is declared in the taxonomy, but not as a concept (an item)`, where, 'error', name);
    return undefined;
  }
  if (declared.kind === 'tuple') {
    note('oime:unsupportedConceptDataType', `concept ${name} is a tuple, which OIM does not have`, where, 'error', name);
    return undefined;
  }
  if (declared.unsupportedType) note('oime:unsupportedConceptDataType', `concept ${name} is of ${declared.unsupportedType}, a type OIM does not support`, where, 'error', name);
  if (declared.abstract) note('oime:valueForAbstractConcept', `concept ${name} is abstract: it has no facts`, where, 'error', name);
  if (nil && !declared.nillable) note('oime:invalidFactValue', `the fact is nil but concept ${name} is not nillable`, where, 'error', name);
  return declared;
}

/** The concept's period type against the fact's period. */
export function checkPeriod(concept: ConceptFacts, period: Period, written: string | undefined, name: string, where: string, note: Note): void {
  const type = concept.periodType;
  if (type === 'instant' && period.kind === 'forever') note('oime:missingPeriodDimension', `concept ${name} has instant periods, but the fact has no period`, where, 'error', name);
  else if ((type === 'instant' && period.kind === 'duration') || (type === 'duration' && period.kind === 'instant')) {
    note('oime:invalidPeriodDimension', `concept ${name} has ${type} periods, but the fact's period ${written ?? ''} is ${period.kind === 'instant' ? 'an instant' : 'a duration'}`, where, 'error', name);
  }
}

/**
 * One taxonomy-defined dimension's rules. `member`: the value as a member QName, when it is one with a bound prefix.
 * Returns the dimension's kind when the taxonomy says it (undefined when it does not know, or it is no dimension).
 * An explicit dimension whose value is no member QName is an error the model cannot hold: it is thrown.
 */
export function checkDimension(
  declared: DimensionFacts | 'undeclared' | 'unknown' | undefined,
  key: string,
  value: string,
  member: QName | undefined,
  where: string,
  note: Note,
  fail: Fail,
): 'explicit' | 'typed' | undefined {
  if (declared === 'undeclared') note('oime:unknownDimension', `dimension ${key} is not declared in the taxonomy`, where, 'error', key);
  if (typeof declared !== 'object') return undefined;
  switch (declared.kind) {
    case 'notDimension':
      note('oime:unknownDimension', `${key} is declared in the taxonomy, but as ${declared.declaredAs === 'item' ? 'an item' : `a ${declared.declaredAs}`}, not as a dimension`, where, 'error', key);
      return undefined;
    case 'explicit':
      if (!member) throw fail('xbrlje:invalidDimensionValue', `explicit dimension ${key}: ${JSON.stringify(value)} is not a member QName whose prefix documentInfo.namespaces binds`, where);
      if (declared.defaultMember === clark(member)) note('oime:invalidDimensionValue', `explicit dimension ${key}: ${value} is its default member, which a fact never names`, where, 'error', key);
      return 'explicit';
    case 'typed':
      if (declared.unsupported) note('oime:unsupportedDimensionDataType', `typed dimension ${key}: ${declared.unsupported}, which an OIM typed value cannot fill`, where, 'error', key);
      return 'typed';
  }
}
