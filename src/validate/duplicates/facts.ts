/**
 * Facts as the duplicate-fact and Calculations 1.1 checks see them: each Report fact with the keys that make
 * two facts duplicates (concept; c-equal context; u-equal unit; parent tuple; language of text facts) and its
 * inferred decimals. For an instance, contexts are compared as XBRL 2.1 §4.10 says (entity, period and
 * s-equal segment and scenario, so non-dimensional scenario content such as `<tse-oe-ed:NonConsolidated/>`
 * makes contexts differ) and units as u-equal; for other formats, by the fact's own aspects (that content
 * included: Inline XBRL has it too).
 */
import { Decimal } from 'decimal.js';
import type { Fact } from '../../core/model/fact.js';
import type { Finding } from '../../core/model/finding.js';
import { clark, type QName } from '../../core/model/qname.js';
import { periodKey } from '../../core/model/period.js';
import { unitKey } from '../../core/model/unit.js';
import { nonDimensionalKey } from '../../core/model/xml.js';
import type { FactInfo, InstanceDocument } from '../../core/xbrl/infoset.js';
import type { Concept } from '../../core/taxonomy/model.js';
import type { RuleContext } from '../rule.js';
import { inferredDecimals, type Accuracy } from '../xbrl21/calculations.js';
import { effectiveAccuracy } from '../xbrl21/instance-helpers.js';
import { cEqualKeys, uEqualKey } from '../../core/xbrl/equality.js';
import { contentTyping, rootSchemaLocations } from '../../core/xbrl/schema-types.js';

export interface FactEntry {
  readonly fact: Fact;
  /** The element as written (instances only). */
  readonly info: FactInfo | undefined;
  readonly concept: Concept | undefined;
  /** The concept's number in this run: equal numbers ⇔ the same expanded name. */
  readonly conceptNo: number;
  /** The context's c-equal class number in this run: equal numbers ⇔ c-equal contexts. */
  readonly contextNo: number;
  /** The unit's u-equal class number in this run, 0 for facts without a unit. */
  readonly unitNo: number;
  /** The parent tuple's fact id, '' at the top level. */
  readonly parent: string;
  /** Lower-cased xml:lang of a text fact, '' otherwise. */
  readonly lang: string;
  readonly nil: boolean;
  /** The numeric value (non-nil numeric facts only). */
  readonly value: Decimal | undefined;
  /** Inferred decimals (§4.6.6): an integer, Infinity (INF) or NaN (unknown); NaN for non-numeric facts. */
  readonly decimals: number;
  /** The decimals as the fact gives them, for "same decimals" comparisons ('' when none). */
  readonly decimalsText: string;
}

/** The context id as written (instances), for messages. */
export const contextIdOf = (e: FactEntry): string | undefined => e.info?.contextRef;
/** The unit id as written (instances), for messages. */
export const unitIdOf = (e: FactEntry): string | undefined => e.info?.unitRef;

/** Where a fact is, for a finding: the instance element, or where a release printed it (only what is known). */
export function placeOf(ctx: RuleContext, e: FactEntry): Pick<Finding, 'file' | 'line' | 'column'> {
  const p = e.info ? { file: ctx.instance!.file, line: e.info.line, column: e.info.column } : e.fact.sources[0];
  return p ? { ...(p.file ? { file: p.file } : {}), ...(p.line ? { line: p.line } : {}), ...(p.column ? { column: p.column } : {}) } : {};
}

const cache = new WeakMap<RuleContext, FactEntry[]>();

function dimsKey(f: Fact): string {
  return [...f.dimensions]
    .map(([d, v]) => `${clark(d)}=${'typed' in v ? `typed:${v.typed}` : clark(v)}`)
    .sort()
    .join(',');
}

/** The accuracy attributes as written (no concept to default them from). */
function writtenAccuracy(info: FactInfo): Accuracy {
  return { ...(info.decimalsRaw !== undefined ? { decimalsRaw: info.decimalsRaw } : {}), ...(info.precisionRaw !== undefined ? { precisionRaw: info.precisionRaw } : {}) };
}

function accuracyOfFact(f: Fact): Accuracy {
  return f.decimals === undefined ? {} : { decimalsRaw: String(f.decimals) };
}

/** Numbers for keys: the same key always gets the same number (1, 2, 3…) within one run. */
class Numbering<K> {
  private readonly map = new Map<K, number>();
  of(k: K): number {
    let n = this.map.get(k);
    if (n === undefined) this.map.set(k, (n = this.map.size + 1));
    return n;
  }
}

/**
 * The instance element of every Report fact. The reader makes the Report's facts from the items in document
 * order, skipping those not in the Report, so one walk pairs them; a Report built otherwise falls back to ids.
 */
function infosOf(inst: InstanceDocument, facts: readonly Fact[]): (FactInfo | undefined)[] {
  const out: (FactInfo | undefined)[] = new Array(facts.length);
  let j = 0;
  const items = inst.facts;
  for (let i = 0; i < facts.length; i++) {
    while (j < items.length && (items[j]!.kind !== 'item' || items[j]!.notInReport)) j++;
    const info = items[j++];
    if (!info || info.factId !== facts[i]!.id) {
      const byId = new Map<string, FactInfo>();
      for (const x of items) if (x.kind === 'item') byId.set(x.factId, x);
      return facts.map((f) => byId.get(f.id));
    }
    out[i] = info;
  }
  return out;
}

/** Every fact of the report with its duplicate keys, computed once per validation run. */
export function factEntries(ctx: RuleContext): FactEntry[] {
  const done = cache.get(ctx);
  if (done) return done;
  const out: FactEntry[] = [];
  const inst = ctx.instance;
  const t = ctx.taxonomy;
  const facts = ctx.report.facts;
  const infos = inst ? infosOf(inst, facts) : undefined;
  const conceptNos = new Numbering<string>();
  const conceptNoByName = new Map<QName, number>();
  const contextNos = new Numbering<string>();
  const unitNos = new Numbering<string>();
  // Per context id and unit id, their class numbers (computed once each).
  const contextNoById = new Map<string, number>();
  const unitNoById = new Map<string, number>();
  if (inst) {
    const typing = t ? contentTyping(t, rootSchemaLocations(inst.file)) : undefined;
    for (const [id, key] of cEqualKeys(inst.contexts, typing)) contextNoById.set(id, contextNos.of(key));
    for (const [id, u] of inst.units) unitNoById.set(id, unitNos.of(uEqualKey(u)));
  }
  // The decimals text repeats: trimmed once per distinct written form.
  const decimalsTexts = new Map<string, string>();
  for (let i = 0; i < facts.length; i++) {
    const fact = facts[i]!;
    const info = infos?.[i];
    const concept = t?.concept(fact.concept);
    const value = fact.value instanceof Decimal ? fact.value : undefined;
    const accuracy = info ? (t && concept ? effectiveAccuracy(ctx, info, concept) : writtenAccuracy(info)) : accuracyOfFact(fact);
    const decimals = value ? inferredDecimals(value, accuracy) : NaN;
    let conceptNo = conceptNoByName.get(fact.concept);
    if (conceptNo === undefined) conceptNoByName.set(fact.concept, (conceptNo = conceptNos.of(clark(fact.concept))));
    const contextNo = (info?.contextRef !== undefined ? contextNoById.get(info.contextRef) : undefined)
      ?? contextNos.of(`${fact.entity.scheme}#${fact.entity.identifier}|${periodKey(fact.period)}|${dimsKey(fact)}|${nonDimensionalKey(fact.nonDimensional)}`);
    const unitNo = (info?.unitRef !== undefined ? unitNoById.get(info.unitRef) : undefined) ?? (fact.unit ? unitNos.of(unitKey(fact.unit)) : 0);
    const dRaw = accuracy.decimalsRaw ?? (accuracy.precisionRaw !== undefined ? `p${accuracy.precisionRaw}` : '');
    let decimalsText = decimalsTexts.get(dRaw);
    if (decimalsText === undefined) decimalsTexts.set(dRaw, (decimalsText = dRaw.trim()));
    out.push(new Entry(fact, info, concept, conceptNo, contextNo, unitNo, decimals, decimalsText));
  }
  cache.set(ctx, out);
  return out;
}

/**
 * A FactEntry: what is worked out once is kept; what the fact says directly (nil, value, parent, language) is
 * read from it when asked. A run has one entry per fact, so each field saved is 8 MB for a million facts.
 */
class Entry implements FactEntry {
  constructor(
    readonly fact: Fact,
    readonly info: FactInfo | undefined,
    readonly concept: Concept | undefined,
    readonly conceptNo: number,
    readonly contextNo: number,
    readonly unitNo: number,
    readonly decimals: number,
    readonly decimalsText: string,
  ) {}

  get parent(): string {
    return this.info?.parent ?? '';
  }

  get lang(): string {
    const numeric = this.concept ? this.concept.type.numeric : this.fact.unit !== undefined;
    return numeric ? '' : (this.fact.lang ?? '').toLowerCase();
  }

  get nil(): boolean {
    return this.fact.value === null;
  }

  get value(): Decimal | undefined {
    const v = this.fact.value;
    return v instanceof Decimal ? v : undefined;
  }
}

/**
 * The facts with equal keys (concept, context, unit, language; parent when `parent`) that come more than once:
 * the duplicate sets, each in document order.
 */
export function duplicateGroups(entries: readonly FactEntry[], parent: boolean): FactEntry[][] {
  let contexts = 1;
  let units = 1;
  let concepts = 1;
  // Indexed loops: this runs once per validation, often before the optimizer, where for-of makes an iterator
  // result per entry.
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.contextNo >= contexts) contexts = e.contextNo + 1;
    if (e.unitNo >= units) units = e.unitNo + 1;
    if (e.conceptNo >= concepts) concepts = e.conceptNo + 1;
  }
  // Most facts are alone. Per key: the index of its first fact, or −(n + 1) once it has a second (set n of
  // `sets`). The usual key (no language, top level) is a small number: looked up in an array when the numbers
  // fit one a few times the facts' size (a million facts' Map entries would be ~50 MB), else a Map; other keys
  // are strings, in a Map.
  const sets: FactEntry[][] = [];
  const firsts: number[] = [];
  const space = concepts * contexts * units;
  const direct = space <= 4 * entries.length + 1024 ? new Int32Array(space) : undefined; // 0: none yet; i + 1: first at i
  const byKey = new Map<number | string, number>();
  const add = (first: number | undefined, i: number): number => {
    if (first === undefined) return i;
    if (first >= 0) {
      sets.push([entries[first]!, entries[i]!]);
      firsts.push(first);
      return -sets.length;
    }
    sets[-first - 1]!.push(entries[i]!);
    return first;
  };
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.lang === '' && (!parent || e.parent === '') && space <= Number.MAX_SAFE_INTEGER) {
      const k = (e.conceptNo * contexts + e.contextNo) * units + e.unitNo;
      if (direct) {
        const v = direct[k]!;
        const at = add(v === 0 ? undefined : v > 0 ? v - 1 : v, i);
        direct[k] = at >= 0 ? at + 1 : at;
      } else byKey.set(k, add(byKey.get(k), i));
    } else {
      const k = `${e.conceptNo}|${e.contextNo}|${e.unitNo}|${e.lang}|${parent ? e.parent : ''}`;
      byKey.set(k, add(byKey.get(k), i));
    }
  }
  // In document order of each set's first fact.
  const order = sets.map((_, n) => n).sort((a, b) => firsts[a]! - firsts[b]!);
  return order.map((n) => sets[n]!);
}

export const isTextFact = (e: FactEntry): boolean => typeof e.fact.value === 'string';

/** `concept` for messages. */
export function conceptName(q: QName): string {
  return q.prefix ? `${q.prefix}:${q.localName}` : clark(q);
}
