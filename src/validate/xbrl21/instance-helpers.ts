/** Helpers shared by the XBRL 2.1 instance rules (src/validate/xbrl21/*): findings, concept lookup. */
import type { Finding } from '../../core/model/finding.js';
import { formatQName, NS, type QName } from '../../core/model/qname.js';
import type { FactInfo, InstanceDocument, Position } from '../../core/xbrl/infoset.js';
import type { Concept } from '../../core/taxonomy/model.js';
import type { Rule, RuleContext } from '../rule.js';
import { accuracyOf, type Accuracy } from './calculations.js';

export const XSI_NIL = `{${NS.xsi}}nil`;
export const XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang';

/** The instance a rule runs on (rules declare `needs: ['instance']`, so it is there). */
export function instanceOf(ctx: RuleContext): InstanceDocument {
  if (!ctx.instance) throw new Error('instance rule run without an instance');
  return ctx.instance;
}

/** A finding of `rule` at `pos` in the instance file. `code` defaults to the rule's. */
export function finding(ctx: RuleContext, rule: Pick<Rule, 'code' | 'severity'>, pos: Position | undefined, message: string, factIds?: readonly string[], code?: string): Finding {
  return {
    code: code ?? rule.code,
    severity: rule.severity,
    message,
    file: ctx.instance?.file ?? ctx.file,
    ...(pos ? { line: pos.line, column: pos.column } : {}),
    ...(factIds && factIds.length ? { factIds } : {}),
  };
}

/** `xsi:nil="true"` (or `1`). */
export function isNil(f: FactInfo): boolean {
  const v = (f.nilRaw ?? f.attributes.get(XSI_NIL))?.trim();
  return v === 'true' || v === '1';
}

/** How a fact is named in messages: `prefix:local` plus its id when it has one. */
export function factLabel(f: FactInfo): string {
  return `${formatQName(f.element)}${f.xmlId !== undefined ? ` (id ${f.xmlId})` : ''}`;
}

/** The factIds of a fact for findings (items have report fact ids; tuples too, by their own ids). */
export function factIds(f: FactInfo): readonly string[] {
  return f.factId ? [f.factId] : [];
}

/** Namespaces that some loaded schema defines concepts in. */
function knownNamespaces(ctx: RuleContext): Set<string> {
  const cache = nsCache.get(ctx.taxonomy ?? ctx);
  if (cache) return cache;
  const set = new Set<string>();
  for (const c of ctx.taxonomy?.concepts.values() ?? []) set.add(c.name.namespace);
  nsCache.set(ctx.taxonomy ?? ctx, set);
  return set;
}
const nsCache = new WeakMap<object, Set<string>>();

/**
 * The concept of an element written in the instance, or why there is none:
 * - `unknown`: no declaration in the DTS, and the DTS is complete for its namespace (a real error);
 * - `skip`: not declared, but the DTS is incomplete and the name could come from what could not be loaded.
 */
export function conceptOf(ctx: RuleContext, name: QName): Concept | 'unknown' | 'skip' {
  const c = ctx.taxonomy?.concept(name);
  if (c) return c;
  if (!ctx.taxonomy) return 'skip';
  if (ctx.taxonomyIncomplete && !knownNamespaces(ctx).has(name.namespace)) return 'skip';
  return 'unknown';
}

/** The concept when it is known; undefined for unknown or skipped ones (other rules report those). */
export function knownConcept(ctx: RuleContext, name: QName): Concept | undefined {
  const c = conceptOf(ctx, name);
  return typeof c === 'string' ? undefined : c;
}

const isXbrli = (q: QName, local: string) => q.namespace === NS.xbrli && q.localName === local;

/** An item: substitution group xbrli:item, or (for derived groups) a declaration with a period type, which items must have. */
export function isItemConcept(c: Concept): boolean {
  return isXbrli(c.substitutionGroup, 'item') || (!isXbrli(c.substitutionGroup, 'tuple') && c.periodType !== undefined);
}

export function isTupleConcept(c: Concept): boolean {
  return !isItemConcept(c);
}

/** Items in document order, including those inside tuples (an array: a generator costs an object per item). */
export function items(doc: InstanceDocument): FactInfo[] {
  return doc.facts.filter((f) => f.kind === 'item');
}

export interface FactWithConcept {
  readonly fact: FactInfo;
  readonly concept: Concept;
  readonly item: boolean;
}
const withConcepts = new WeakMap<RuleContext, FactsWithConcepts>();

/**
 * Every fact (items and tuples) whose concept is known, with it and whether it is an item, in document order.
 * Made once per validation run and shared by the rules that walk the facts. Kept as two arrays and a byte
 * per fact rather than an object per fact (~40 bytes less each); the object a walk yields is reused from one
 * fact to the next, so a rule destructures it (`for (const { fact, concept } of ...)`) and does not keep it.
 */
export function factsWithConcepts(ctx: RuleContext): Iterable<FactWithConcept> {
  let list = withConcepts.get(ctx);
  if (list) return list;
  const facts: FactInfo[] = [];
  const concepts: Concept[] = [];
  const itemness = new Map<Concept, boolean>();
  const all = instanceOf(ctx).facts;
  const items = new Uint8Array(all.length);
  for (const fact of all) {
    const concept = knownConcept(ctx, fact.element);
    if (!concept) continue;
    let item = itemness.get(concept);
    if (item === undefined) itemness.set(concept, (item = isItemConcept(concept)));
    items[facts.length] = item ? 1 : 0;
    facts.push(fact);
    concepts.push(concept);
  }
  withConcepts.set(ctx, (list = new FactsWithConcepts(facts, concepts, items)));
  return list;
}

class FactsWithConcepts implements Iterable<FactWithConcept> {
  constructor(
    private readonly facts: readonly FactInfo[],
    private readonly concepts: readonly Concept[],
    private readonly items: Uint8Array,
  ) {}

  [Symbol.iterator](): Iterator<FactWithConcept> {
    const { facts, concepts, items } = this;
    const current = { fact: facts[0]!, concept: concepts[0]!, item: false };
    const step = { value: current, done: false };
    let i = 0;
    return {
      next(): IteratorResult<FactWithConcept> {
        if (i >= facts.length) return { value: undefined, done: true };
        current.fact = facts[i]!;
        current.concept = concepts[i]!;
        current.item = items[i] === 1;
        i++;
        return step;
      },
    };
  }
}

/**
 * A fact's decimals and precision as XBRL sees them: the attribute when written (and not empty), otherwise the
 * default or fixed value the concept's type declares (as Arelle does). One answer per validation run, concept
 * and decimals as written (when precision is not written): eight rules and the duplicate and calculation checks
 * ask for every fact.
 */
export function effectiveAccuracy(ctx: RuleContext, f: FactInfo, c: Concept): Accuracy {
  if (!ctx.taxonomy) throw new Error('effectiveAccuracy needs the taxonomy');
  if (f.precisionRaw !== undefined) return accuracyOf(ctx.taxonomy, f, c);
  let byConcept = accuracies.get(ctx);
  if (!byConcept) accuracies.set(ctx, (byConcept = new Map()));
  let byDecimals = byConcept.get(c);
  if (!byDecimals) byConcept.set(c, (byDecimals = new Map()));
  let a = byDecimals.get(f.decimalsRaw);
  if (!a) byDecimals.set(f.decimalsRaw, (a = Object.freeze(accuracyOf(ctx.taxonomy, f, c))));
  return a;
}
const accuracies = new WeakMap<RuleContext, Map<Concept, Map<string | undefined, Accuracy>>>();
