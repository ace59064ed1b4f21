/**
 * The second half of reading an instance: once the whole document has streamed by (contexts and units may
 * come after the facts that use them), give every item and tuple its id and turn the items into Report facts.
 */
import type { Decimal } from 'decimal.js';
import { keptDecimal } from '../../../core/model/decimal.js';
import type { Decimals, Fact, Source } from '../../../core/model/fact.js';
import { ReadFact } from '../../../core/model/read-fact.js';
import type { QName } from '../../../core/model/qname.js';
import type { ContextInfo, FactInfo, Position, UnitInfo, XmlNode } from '../../../core/xbrl/infoset.js';
import type { DocumentIds } from '../../../core/xml/ids.js';

/** A `FactInfo` while the document is being read (ids, parent and children are filled in at the end). */
export interface FactDraft {
  factId: string;
  readonly element: QName;
  readonly kind: 'item' | 'tuple';
  readonly xmlId: string | undefined;
  readonly contextRef: string | undefined;
  readonly unitRef: string | undefined;
  readonly decimalsRaw: string | undefined;
  readonly precisionRaw: string | undefined;
  readonly nilRaw: string | undefined;
  valueRaw: string | undefined;
  // Rarely set: added when needed (an item with child elements, a fact not in the Report, tuples).
  hasChildElements?: boolean;
  content?: (XmlNode | string)[];
  notInReport?: FactInfo['notInReport'];
  parent?: string;
  children?: string[];
  readonly attributes: ReadonlyMap<string, string>;
  readonly line: number;
  readonly column: number;
}

/** The xs:decimal lexical form (after whitespace collapsing). */
export const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;

/** `INF` or a whole number (as xs:int allows); undefined otherwise. */
export function parseDecimals(raw: string | undefined): Decimals | undefined {
  if (raw === undefined) return undefined;
  const t = raw.trim();
  if (t === 'INF') return 'INF';
  if (!INTEGER.test(t)) return undefined;
  const n = Number(t);
  return Number.isSafeInteger(n) ? (Object.is(n, -0) ? 0 : n) : undefined;
}

export function isNil(raw: string | undefined): boolean {
  if (raw === undefined) return false;
  const t = raw.trim();
  return t === 'true' || t === '1';
}

/**
 * Fact ids: `@id` when it is present and unique in the whole document, otherwise `f<n>` (n = 1-based position
 * among items and tuples in document order), suffixed `_2`, `_3`… when that is taken. Deterministic, and
 * unique among the facts and all the document's ids.
 */
export function assignIds(drafts: readonly FactDraft[], ids: DocumentIds, parents: readonly number[]): void {
  const extra = new Set<string>();
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.xmlId !== undefined && !ids.repeated.has(d.xmlId)) {
      d.factId = d.xmlId;
      continue;
    }
    const base = `f${i + 1}`;
    let id = base;
    for (let k = 2; ids.has(id) || extra.has(id); k++) id = `${base}_${k}`;
    extra.add(id);
    d.factId = id;
  }
  for (let i = 0; i < drafts.length; i++) {
    const p = parents[i]!;
    if (p < 0) continue;
    const parent = drafts[p]!;
    drafts[i]!.parent = parent.factId;
    (parent.children ??= []).push(drafts[i]!.factId);
  }
  for (const d of drafts) if (d.kind === 'tuple') d.children ??= [];
}

/**
 * The Report's facts: one per item whose context (with a readable period) and unit (when it has a unitRef)
 * exist. Items that lack them stay out of the Report (a Fact needs an entity, a period and its unit; a
 * placeholder would look like a real fact to every consumer) but stay in `InstanceDocument.facts`, with
 * `notInReport` saying why: the validator reports them, the `facts` command warns about them.
 */
export function reportFacts(
  drafts: readonly FactDraft[],
  langs: readonly (string | undefined)[],
  contexts: ReadonlyMap<string, ContextInfo>,
  units: ReadonlyMap<string, UnitInfo>,
  file: string,
): Fact[] {
  const facts: Fact[] = [];
  // decimals attributes are interned strings that repeat: parse each once.
  const decimalsOf = new Map<string | undefined, Decimals | undefined>();
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.kind !== 'item') continue;
    const ctx = contexts.get(d.contextRef!);
    if (!ctx) {
      d.notInReport = 'contextMissing';
      continue;
    }
    if (!ctx.period) {
      d.notInReport = 'periodInvalid';
      continue;
    }
    let unitInfo: UnitInfo | undefined;
    if (d.unitRef !== undefined) {
      unitInfo = units.get(d.unitRef);
      if (!unitInfo) {
        d.notInReport = 'unitMissing';
        continue;
      }
      if (!unitInfo.unit) {
        d.notInReport = 'unitInvalid';
        continue;
      }
    }
    const raw = d.valueRaw ?? '';
    let value: Decimal | string | null;
    if (isNil(d.nilRaw)) value = null;
    else if (unitInfo && !d.hasChildElements) {
      const t = raw.trim();
      value = DECIMAL.test(t) ? keptDecimal(t) : raw;
    } else value = raw;
    let decimals: Decimals | undefined;
    if (value !== null && typeof value !== 'string') {
      decimals = decimalsOf.get(d.decimalsRaw);
      if (decimals === undefined && !decimalsOf.has(d.decimalsRaw)) decimalsOf.set(d.decimalsRaw, (decimals = parseDecimals(d.decimalsRaw)));
    }
    const lang = unitInfo ? undefined : langs[i] || undefined;
    facts.push(new InstanceFact(d, ctx, unitInfo?.unit, value, decimals, lang, file));
  }
  return facts;
}

/** A Report fact read from an instance (a ReadFact): its `sources` are made when asked for, from its draft's position. */
class InstanceFact extends ReadFact {
  readonly #at: Position;
  readonly #file: string;

  constructor(d: FactDraft, ctx: ContextInfo, unit: Fact['unit'], value: Fact['value'], decimals: Decimals | undefined, lang: string | undefined, file: string) {
    super(d.factId, d.element, ctx, ctx.period!, unit, value, decimals, lang);
    this.#at = d;
    this.#file = file;
  }

  get sources(): readonly Source[] {
    return [{ file: this.#file, line: this.#at.line, column: this.#at.column }];
  }
}
