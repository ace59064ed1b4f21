/**
 * Concept data types: follows a type's derivation chain through the loaded schemas down to an xbrli item
 * type, whose XML Schema base is known here (so the answer does not depend on the XBRL instance schema
 * being available). Well-known DTR / US-GAAP type names stand in when their schema is unavailable.
 */
import { clark, NS, qname, type QName } from '../model/qname.js';
import type { ConceptType } from './model.js';
import { XS, type TypeDef } from './schema.js';

/** xbrli item types → XML Schema built-in at the root of their chain (through xbrli:monetary etc.). */
const XBRLI_ITEM_BASE: Record<string, string> = {
  decimalItemType: 'decimal', floatItemType: 'float', doubleItemType: 'double',
  monetaryItemType: 'decimal', sharesItemType: 'decimal', pureItemType: 'decimal', fractionItemType: 'fraction',
  integerItemType: 'integer', nonPositiveIntegerItemType: 'nonPositiveInteger', negativeIntegerItemType: 'negativeInteger',
  longItemType: 'long', intItemType: 'int', shortItemType: 'short', byteItemType: 'byte',
  nonNegativeIntegerItemType: 'nonNegativeInteger', unsignedLongItemType: 'unsignedLong', unsignedIntItemType: 'unsignedInt',
  unsignedShortItemType: 'unsignedShort', unsignedByteItemType: 'unsignedByte', positiveIntegerItemType: 'positiveInteger',
  stringItemType: 'string', booleanItemType: 'boolean', hexBinaryItemType: 'hexBinary', base64BinaryItemType: 'base64Binary',
  anyURIItemType: 'anyURI', QNameItemType: 'QName', durationItemType: 'duration', dateTimeItemType: 'dateTime',
  timeItemType: 'time', dateItemType: 'date', gYearMonthItemType: 'gYearMonth', gYearItemType: 'gYear',
  gMonthDayItemType: 'gMonthDay', gDayItemType: 'gDay', gMonthItemType: 'gMonth',
  normalizedStringItemType: 'normalizedString', tokenItemType: 'token', languageItemType: 'language',
  NameItemType: 'Name', NCNameItemType: 'NCName',
};

/**
 * When a non-xbrli type's schema is unavailable: the xbrli item type that well-known types (DTR num/nonnum,
 * us-types, jppfs/jpcrp...) derive from, by local name.
 */
const KNOWN_LOCAL: Record<string, string> = {
  percentItemType: 'pureItemType', perShareItemType: 'decimalItemType', textBlockItemType: 'stringItemType',
  domainItemType: 'stringItemType', areaItemType: 'decimalItemType', volumeItemType: 'decimalItemType',
  massItemType: 'decimalItemType', energyItemType: 'decimalItemType', lengthItemType: 'decimalItemType',
  powerItemType: 'decimalItemType', flowItemType: 'decimalItemType', memoryItemType: 'decimalItemType',
  durationStringItemType: 'stringItemType', noDecimalsMonetaryItemType: 'monetaryItemType',
  nonNegativeMonetaryItemType: 'monetaryItemType', nonNegativeNoDecimalsMonetaryItemType: 'monetaryItemType',
  perUnitItemType: 'decimalItemType', dateStringItemType: 'stringItemType', yearItemType: 'gYearItemType',
  centralIndexKeyItemType: 'stringItemType', fiscalPeriodItemType: 'tokenItemType', submissionTypeItemType: 'stringItemType',
  nonemptySequenceNumberItemType: 'integerItemType', sequenceNumberItemType: 'integerItemType',
};

const NUMERIC_XSD = new Set([
  'decimal', 'float', 'double', 'fraction', 'integer', 'nonPositiveInteger', 'negativeInteger', 'long', 'int', 'short',
  'byte', 'nonNegativeInteger', 'unsignedLong', 'unsignedInt', 'unsignedShort', 'unsignedByte', 'positiveInteger',
]);

export class TypeResolver {
  private readonly defs = new Map<string, TypeDef>();
  private readonly cache = new Map<string, ConceptType>();

  constructor(types: Iterable<TypeDef>) {
    for (const t of types) if (!this.defs.has(clark(t.name))) this.defs.set(clark(t.name), t);
  }

  resolve(name: QName): ConceptType {
    const key = clark(name);
    let t = this.cache.get(key);
    if (!t) {
      t = this.compute(name);
      this.cache.set(key, t);
    }
    return t;
  }

  private compute(name: QName): ConceptType {
    const ancestors: QName[] = [];
    const seen = new Set<string>();
    let cur: QName | undefined = name;
    let baseXsd = '';
    let unresolved: QName | undefined;
    let guessed = false;
    while (cur) {
      const key = clark(cur);
      if (seen.has(key)) break; // a derivation cycle: stop
      seen.add(key);
      if (cur.localName.endsWith('ItemType')) ancestors.push(cur);
      if (cur.namespace === XS) {
        baseXsd = cur.localName;
        break;
      }
      if (cur.namespace === NS.xbrli && XBRLI_ITEM_BASE[cur.localName] !== undefined) {
        baseXsd = XBRLI_ITEM_BASE[cur.localName]!;
        break;
      }
      const def = this.defs.get(key);
      if (def) {
        cur = def.base;
        continue;
      }
      unresolved ??= cur;
      const known = KNOWN_LOCAL[cur.localName];
      if (!known) break;
      guessed = true;
      cur = qname(NS.xbrli, known, 'xbrli');
    }
    const has = (local: string) => ancestors.some((a) => a.localName === local);
    const t: ConceptType = {
      name,
      ancestors,
      baseXsd,
      numeric: NUMERIC_XSD.has(baseXsd),
      monetary: ancestors.some((a) => a.namespace === NS.xbrli && a.localName === 'monetaryItemType'),
      shares: ancestors.some((a) => a.namespace === NS.xbrli && a.localName === 'sharesItemType'),
      pure: ancestors.some((a) => a.namespace === NS.xbrli && a.localName === 'pureItemType'),
      perShare: has('perShareItemType'),
      textBlock: has('textBlockItemType'),
      ...(unresolved ? { unresolved } : {}),
      ...(guessed ? { guessed } : {}),
    };
    return t;
  }
}
