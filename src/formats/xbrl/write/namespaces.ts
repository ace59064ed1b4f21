import { KessanError } from '../../../core/errors.js';
import { NS, clark, type QName } from '../../../core/model/qname.js';
import { bindRemaining } from '../../../core/xbrl/prefixes.js';
import { compareStrings, isNCName } from '../../../core/xml/write.js';

/** Namespaces every instance declares, in the order written. */
const ALWAYS = ['xbrli', 'link', 'xlink', 'iso4217'] as const;
/** Standard prefixes: fixed to their namespace whatever the report says. */
const STANDARD: Record<string, string> = {
  xbrli: NS.xbrli,
  link: NS.link,
  xlink: NS.xlink,
  iso4217: NS.iso4217,
  xbrldi: NS.xbrldi,
  xsi: NS.xsi,
};
const STANDARD_BY_NS = new Map(Object.entries(STANDARD).map(([p, ns]) => [ns, p]));

/**
 * The prefixes an instance is written with: standard ones fixed, then for each namespace the facts, units
 * and dimensions use, a prefix from `report.namespaces`, else the prefix a QName carries, else `ns1`, `ns2`…
 * Never two namespaces on one prefix. The choice depends only on the set of names used, not on their order.
 */
export class PrefixMap {
  private readonly byNamespace = new Map<string, string>();
  private readonly byPrefix = new Map<string, string>();

  constructor(
    used: Iterable<QName>,
    reportNamespaces: Readonly<Record<string, string>>,
    options: { dimensions: boolean; nil: boolean; typedPrefixes?: Iterable<string> },
  ) {
    const typedPrefixes = new Set(options.typedPrefixes ?? []);
    for (const p of ALWAYS) this.bind(p, STANDARD[p]!);
    if (options.dimensions) this.bind('xbrldi', NS.xbrldi);
    if (options.nil) this.bind('xsi', NS.xsi);

    // Namespaces to bind, and the prefixes QNames carry for each (sorted: order-independent).
    const carried = new Map<string, Set<string>>();
    for (const q of used) {
      if (q.namespace === '') {
        throw new KessanError('kessan:noNamespace', `the name ${q.localName} has no namespace; XBRL needs one`);
      }
      if (STANDARD_BY_NS.has(q.namespace)) {
        const p = STANDARD_BY_NS.get(q.namespace)!;
        if (!this.byPrefix.has(p)) this.bind(p, q.namespace);
        continue;
      }
      let set = carried.get(q.namespace);
      if (!set) carried.set(q.namespace, (set = new Set()));
      if (q.prefix !== undefined) set.add(q.prefix);
    }
    const free = (p: string) => isNCName(p) && !/^xml/i.test(p) && !(p in STANDARD) && !this.byPrefix.has(p);

    // 1. The report's own prefixes (sorted by prefix), first come first served per namespace; a prefix
    //    typed-member XML uses is bound as the report declares it (that XML is written as stored).
    for (const [p, ns] of Object.entries(reportNamespaces).sort(([a], [b]) => compareStrings(a, b))) {
      if (typedPrefixes.has(p)) {
        if (this.byPrefix.get(p) === ns) continue;
        if (!free(p)) {
          throw new KessanError('kessan:prefixClash', `typed dimension XML uses prefix ${p}, which is reserved for ${this.byPrefix.get(p) ?? 'XML'}`);
        }
        this.bind(p, ns);
      } else if (carried.has(ns) && !this.byNamespace.has(ns) && free(p)) this.bind(p, ns);
    }
    for (const p of typedPrefixes) {
      if (!this.byPrefix.has(p)) {
        throw new KessanError('kessan:undeclaredPrefix', `typed dimension XML uses prefix ${p}, which the report does not declare`);
      }
    }
    // 2. The prefix a QName carries; 3. invented: ns1, ns2…
    bindRemaining(carried, (ns) => this.byNamespace.has(ns), free, (p, ns) => this.bind(p, ns));
  }

  private bind(prefix: string, namespace: string): void {
    if (!this.byNamespace.has(namespace)) this.byNamespace.set(namespace, prefix);
    this.byPrefix.set(prefix, namespace);
  }

  /** `prefix:local` for a name whose namespace was declared. */
  name(q: QName): string {
    const p = this.byNamespace.get(q.namespace);
    if (p === undefined) throw new Error(`internal: namespace of ${clark(q)} was not collected`);
    if (!isNCName(q.localName)) {
      throw new KessanError('kessan:invalidName', `${clark(q)}: the local name is not a valid XML name`);
    }
    return `${p}:${q.localName}`;
  }

  /** `[prefix, namespace]` in the order written: standard ones first, then the rest by prefix. */
  declarations(): [string, string][] {
    const std = ['xbrli', 'link', 'xlink', 'iso4217', 'xbrldi', 'xsi'].filter((p) => this.byPrefix.has(p));
    const others = [...this.byPrefix.keys()].filter((p) => !(p in STANDARD)).sort(compareStrings);
    return [...std, ...others].map((p) => [p, this.byPrefix.get(p)!]);
  }
}
