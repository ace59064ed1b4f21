/**
 * Facts as the duplicate-fact and Calculations 1.1 checks see them: each Report fact with the keys that make
 * two facts duplicates (concept; c-equal context; u-equal unit; parent tuple; language of text facts) and its
 * inferred decimals. For an instance, contexts are compared as XBRL 2.1 §4.10 says (entity, period and
 * s-equal segment and scenario, so non-dimensional scenario content such as `<tse-oe-ed:NonConsolidated/>`
 * makes contexts differ) and units as u-equal; for release text, by the fact's own aspects.
 */
import { Decimal } from 'decimal.js';
import type { Fact } from '../../model/fact.js';
import { clark, type QName } from '../../model/qname.js';
import { periodKey } from '../../model/period.js';
import { unitKey } from '../../model/unit.js';
import type { FactInfo } from '../../readers/xbrl/model.js';
import type { Concept } from '../../taxonomy/model.js';
import type { RuleContext } from '../rule.js';
import { accuracyOf, inferredDecimals, type Accuracy } from './calc-xbrl21.js';
import { cEqualKeys, uEqualKey } from './equality.js';
import { contentTyping, rootSchemaLocations } from './schemaDecls.js';

export interface FactEntry {
  readonly fact: Fact;
  /** The element as written (instances only). */
  readonly info?: FactInfo;
  readonly concept?: Concept;
  /** Clark name of the concept. */
  readonly conceptKey: string;
  /** c-equal key of the context. */
  readonly contextKey: string;
  /** u-equal key of the unit ('' for none). */
  readonly unitKey: string;
  /** The parent tuple's fact id, '' at the top level. */
  readonly parent: string;
  /** Lower-cased xml:lang of a text fact, '' otherwise. */
  readonly lang: string;
  readonly nil: boolean;
  /** The numeric value (non-nil numeric facts only). */
  readonly value?: Decimal;
  /** The accuracy attributes as written or defaulted by the concept's type. */
  readonly accuracy: Accuracy;
  /** Inferred decimals (§4.6.6): an integer, Infinity (INF) or NaN (unknown); NaN for non-numeric facts. */
  readonly decimals: number;
  /** The decimals as the fact gives them, for "same decimals" comparisons ('' when none). */
  readonly decimalsText: string;
  readonly contextId?: string;
  readonly unitId?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

const cache = new WeakMap<RuleContext, FactEntry[]>();

function dimsKey(f: Fact): string {
  return [...f.dimensions]
    .map(([d, v]) => `${clark(d)}=${'typed' in v ? `typed:${v.typed}` : clark(v)}`)
    .sort()
    .join(',');
}

function accuracyOfFact(f: Fact): Accuracy {
  return f.decimals === undefined ? {} : { decimalsRaw: String(f.decimals) };
}

/** Every fact of the report with its duplicate keys, computed once per validation run. */
export function factEntries(ctx: RuleContext): FactEntry[] {
  const done = cache.get(ctx);
  if (done) return done;
  const out: FactEntry[] = [];
  const inst = ctx.instance;
  const t = ctx.taxonomy;
  const infoById = new Map<string, FactInfo>();
  let contextKeys = new Map<string, string>();
  if (inst) {
    for (const i of inst.facts) if (i.kind === 'item') infoById.set(i.factId, i);
    const typing = t ? contentTyping(t, rootSchemaLocations(inst.file)) : undefined;
    contextKeys = cEqualKeys(inst.contexts, typing);
  }
  for (const fact of ctx.report.facts) {
    const info = infoById.get(fact.id);
    const concept = t?.concept(fact.concept);
    const value = fact.value instanceof Decimal ? fact.value : undefined;
    const accuracy = info ? (t && concept ? accuracyOf(t, info, concept) : { ...(info.decimalsRaw !== undefined ? { decimalsRaw: info.decimalsRaw } : {}), ...(info.precisionRaw !== undefined ? { precisionRaw: info.precisionRaw } : {}) }) : accuracyOfFact(fact);
    const decimals = value ? inferredDecimals(value, accuracy) : NaN;
    const unit = info?.unitRef ? inst?.units.get(info.unitRef) : undefined;
    const contextKey = info?.contextRef !== undefined ? contextKeys.get(info.contextRef) : undefined;
    const numeric = concept ? concept.type.numeric : fact.unit !== undefined;
    const src = fact.sources[0];
    out.push({
      fact,
      ...(info ? { info } : {}),
      ...(concept ? { concept } : {}),
      conceptKey: clark(fact.concept),
      contextKey: contextKey ?? `${fact.entity.scheme}#${fact.entity.identifier}|${periodKey(fact.period)}|${dimsKey(fact)}`,
      unitKey: unit ? uEqualKey(unit) : fact.unit ? unitKey(fact.unit) : '',
      parent: info?.parent ?? '',
      lang: numeric ? '' : (fact.lang ?? '').toLowerCase(),
      nil: fact.value === null,
      ...(value ? { value } : {}),
      accuracy,
      decimals,
      decimalsText: (accuracy.decimalsRaw ?? (accuracy.precisionRaw !== undefined ? `p${accuracy.precisionRaw}` : '')).trim(),
      ...(info?.contextRef !== undefined ? { contextId: info.contextRef } : {}),
      ...(info?.unitRef !== undefined ? { unitId: info.unitRef } : {}),
      ...(info ? { file: inst!.file, line: info.line, column: info.column } : src ? { file: src.file, line: src.line, ...(src.column !== undefined ? { column: src.column } : {}) } : {}),
    });
  }
  cache.set(ctx, out);
  return out;
}

/** Groups of facts with equal keys (concept, context, unit, language; parent when `parent`), in document order. */
export function groupFacts(entries: readonly FactEntry[], parent: boolean): FactEntry[][] {
  const groups = new Map<string, FactEntry[]>();
  for (const e of entries) {
    const k = [e.conceptKey, e.contextKey, e.unitKey, e.lang, parent ? e.parent : ''].join('\u0001');
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  return [...groups.values()];
}

export const isTextFact = (e: FactEntry): boolean => typeof e.fact.value === 'string';

/** `concept` for messages. */
export function conceptName(q: QName): string {
  return q.prefix ? `${q.prefix}:${q.localName}` : clark(q);
}
