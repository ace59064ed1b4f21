/**
 * The Units Registry (UTR): which units a numeric item type allows. Read from a UTR document (by default the
 * copy in taxonomy/catalog/www.xbrl.org/utr/), entries with status REC only (as Arelle), cached per file.
 *
 * A fact's type is checked against the nearest type in its derivation chain (the type itself first) that has
 * UTR entries for its namespace (an entry without `nsItemType` fits any namespace). The unit is allowed when an
 * entry allows it: a simple entry allows exactly its one measure (`nsUnit` + `unitId`) with no denominator; a
 * division entry (Monetary_per_Share: monetaryItemType / sharesItemType) allows numerator measures that
 * its numerator item type allows and denominator measures that its denominator item type allows, a side whose
 * item type has no UTR entries being unconstrained.
 */
import { join } from 'node:path';
import { projectRoot } from '../../core/paths.js';
import type { QName } from '../../core/model/qname.js';
import { findDerived } from '../../core/xml/digest.js';
import { DEFAULT_LIMITS, parseXml, type XmlElement } from '../../core/xml/parse.js';
import { childElements, readXmlText, textContent } from '../../core/xml/tree.js';

export const UTR_NS = 'http://www.xbrl.org/2009/utr';

export interface UtrEntry {
  readonly id: string;
  readonly unitId: string;
  readonly nsUnit?: string;
  readonly itemType: string;
  readonly nsItemType?: string;
  readonly numeratorItemType?: string;
  readonly nsNumeratorItemType?: string;
  readonly denominatorItemType?: string;
  readonly nsDenominatorItemType?: string;
  readonly status: string;
}

export interface Utr {
  readonly file: string;
  /** REC entries by item type local name. */
  readonly byItemType: ReadonlyMap<string, readonly UtrEntry[]>;
}

export const DEFAULT_UTR = (): string => join(projectRoot(), 'taxonomy', 'catalog', 'www.xbrl.org', 'utr', '2025-03-18', 'utr.xml');

const cache = new Map<string, Utr>();

function descendants(el: XmlElement, localName: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of childElements(el)) {
    if (c.name.namespace === UTR_NS && c.name.localName === localName) out.push(c);
    else descendants(c, localName, out);
  }
  return out;
}

/** The REC entries of a UTR document, in document order. */
export function utrEntries(root: XmlElement): UtrEntry[] {
  const out: UtrEntry[] = [];
  for (const u of descendants(root, 'unit')) {
    const field = (name: string): string | undefined => {
      const e = childElements(u, UTR_NS, name)[0];
      const t = e ? textContent(e).trim() : undefined;
      return t === '' ? undefined : t;
    };
    const entry: UtrEntry = {
      id: u.attributes.get('id') ?? '',
      unitId: field('unitId') ?? '',
      itemType: field('itemType') ?? '',
      status: field('status') ?? '',
      ...Object.fromEntries(
        (['nsUnit', 'nsItemType', 'numeratorItemType', 'nsNumeratorItemType', 'denominatorItemType', 'nsDenominatorItemType'] as const)
          .map((k) => [k, field(k)] as const)
          .filter(([, v]) => v !== undefined),
      ),
    };
    if (entry.status === 'REC') out.push(entry);
  }
  return out;
}

/**
 * Reads (once) the UTR document at `file`. Throws when it cannot be read. The bundled UTRs' entries come
 * pre-digested (core/xml/digest.ts, kind `utr`): walking the whole registry's tree took ~20 ms of each validation.
 */
export function loadUtr(file: string = DEFAULT_UTR()): Utr {
  const done = cache.get(file);
  if (done) return done;
  const text = readXmlText(file);
  const entries = findDerived<UtrEntry[]>(UTR_DIGEST, text, DEFAULT_LIMITS) ?? utrEntries(parseXml(text, file));
  const byItemType = new Map<string, UtrEntry[]>();
  for (const entry of entries) {
    const list = byItemType.get(entry.itemType);
    if (list) list.push(entry);
    else byItemType.set(entry.itemType, [entry]);
  }
  const utr: Utr = { file, byItemType };
  cache.set(file, utr);
  return utr;
}

/** The kind of the UTR's pre-digested entries (see `findDerived`). */
export const UTR_DIGEST = 'utr';

const isSimple = (e: UtrEntry) => e.numeratorItemType === undefined && e.denominatorItemType === undefined;

function entriesFor(utr: Utr, localName: string, ns: string | undefined): readonly UtrEntry[] | undefined {
  const all = utr.byItemType.get(localName);
  if (!all) return undefined;
  return all.filter((e) => ns === undefined || e.nsItemType === undefined || e.nsItemType === ns);
}

const measureIs = (e: UtrEntry, m: QName) => m.localName === e.unitId && (e.nsUnit === undefined || e.nsUnit === m.namespace);

/** One side of a division (numerator or denominator measures) against that side's item type. */
function sideAllows(utr: Utr, localName: string | undefined, ns: string | undefined, measures: readonly QName[]): boolean {
  if (localName === undefined) return measures.length === 0;
  const entries = entriesFor(utr, localName, ns);
  if (!entries) return true; // a type the UTR does not constrain
  return entries.some((e) => (isSimple(e) ? measures.length === 1 && measureIs(e, measures[0]!) : false));
}

function entryAllows(utr: Utr, e: UtrEntry, num: readonly QName[], den: readonly QName[]): boolean {
  if (isSimple(e)) return num.length === 1 && den.length === 0 && measureIs(e, num[0]!);
  return sideAllows(utr, e.numeratorItemType, e.nsNumeratorItemType, num) && sideAllows(utr, e.denominatorItemType, e.nsDenominatorItemType, den);
}

/**
 * The UTR's verdict on a unit for a type chain (the type, then the types it derives from): the nearest type
 * with entries, and whether one of them allows the unit; undefined when no type in the chain has entries.
 */
export function utrVerdict(utr: Utr, chain: readonly QName[], num: readonly QName[], den: readonly QName[]): { type: QName; allowed: boolean } | undefined {
  for (const type of chain) {
    const entries = entriesFor(utr, type.localName, type.namespace);
    if (!entries?.length) continue;
    return { type, allowed: entries.some((e) => entryAllows(utr, e, num, den)) };
  }
  return undefined;
}
