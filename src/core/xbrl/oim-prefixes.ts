import { KessanError } from '../errors.js';
import { clark, type QName } from '../model/qname.js';
import { bindRemaining } from './prefixes.js';
import { compareStrings, isNCName } from '../xml/write.js';
import { RESERVED_PREFIXES, SCHEME_PREFIXES } from './oim.js';
import type { Fact } from '../model/fact.js';

const RESERVED_BY_NS = new Map([...RESERVED_PREFIXES].map(([p, ns]) => [ns, p]));

/**
 * The `namespaces` map of an OIM document (xBRL-JSON, xBRL-CSV metadata): one prefix per namespace (or entity scheme) the document
 * uses, none unused. OIM's reserved prefixes (xbrli, iso4217, xs, utr, xbrl) for their own namespaces;
 * then the report's prefix for that namespace; then the prefix a QName carries (or a scheme's usual
 * prefix); then `ns1`, `ns2`… Never two namespaces on one prefix; the result depends only on the set used.
 */
export class Prefixes {
  private readonly wanted = new Map<string, Set<string>>();
  private readonly byNamespace = new Map<string, string>();
  private readonly byPrefix = new Map<string, string>();

  constructor(private readonly reportNamespaces: Readonly<Record<string, string>>) {}

  use(q: QName): void {
    if (q.namespace === '') throw new KessanError('kessan:noNamespace', `the name ${q.localName} has no namespace; OIM (xBRL-JSON, xBRL-CSV) needs one`);
    this.want(q.namespace, q.prefix);
  }

  useScheme(scheme: string, usual: string | undefined): void {
    if (scheme === '') throw new KessanError('kessan:invalidEntityScheme', 'an entity has an empty identifier scheme');
    this.want(scheme, usual);
  }

  private want(ns: string, prefix: string | undefined): void {
    let set = this.wanted.get(ns);
    if (!set) this.wanted.set(ns, (set = new Set()));
    if (prefix !== undefined) set.add(prefix);
  }

  /** Chooses the prefixes (call once, after every `use`). */
  assign(): void {
    const free = (p: string) => isNCName(p) && !/^xml/i.test(p) && !RESERVED_PREFIXES.has(p) && !this.byPrefix.has(p);
    for (const ns of this.wanted.keys()) {
      const p = RESERVED_BY_NS.get(ns);
      if (p !== undefined) this.bind(p, ns);
    }
    for (const [p, ns] of Object.entries(this.reportNamespaces).sort(([a], [b]) => compareStrings(a, b))) {
      if (this.wanted.has(ns) && !this.byNamespace.has(ns) && free(p)) this.bind(p, ns);
    }
    bindRemaining(this.wanted, (ns) => this.byNamespace.has(ns), free, (p, ns) => this.bind(p, ns));
  }

  private bind(prefix: string, ns: string): void {
    this.byNamespace.set(ns, prefix);
    this.byPrefix.set(prefix, ns);
  }

  name(q: QName): string {
    const p = this.byNamespace.get(q.namespace);
    if (p === undefined) throw new Error(`internal: namespace of ${clark(q)} was not collected`);
    if (!isNCName(q.localName)) throw new KessanError('kessan:invalidName', `${clark(q)}: the local name is not a valid XML name`);
    return `${p}:${q.localName}`;
  }

  scheme(scheme: string): string {
    const p = this.byNamespace.get(scheme);
    if (p === undefined) throw new Error(`internal: entity scheme ${scheme} was not collected`);
    return p;
  }

  /** prefix → namespace, sorted by prefix (an object without prototype: a prefix may be `__proto__`). */
  declarations(): Record<string, string> {
    const out = Object.create(null) as Record<string, string>;
    for (const p of [...this.byPrefix.keys()].sort(compareStrings)) out[p] = this.byPrefix.get(p)!;
    return out;
  }
}

/**
 * The prefixes an OIM report of `facts` writes: every namespace its names and entity schemes use, bound before any
 * fact is written (so they do not depend on fact order), the report's own prefixes first, then the format's own
 * namespace (`own`: namespace and preferred prefix).
 */
export function reportPrefixes(facts: readonly Fact[], namespaces: Readonly<Record<string, string>>, own: readonly [string, string]): Prefixes {
  const prefixes = new Prefixes(namespaces);
  // A unit's, a context's facts share their unit, dimensions and entity objects (as readers make them): each is
  // looked at once per run of facts that share it.
  let unit: Fact['unit'];
  let dims: Fact['dimensions'] | undefined;
  let entity: Fact['entity'] | undefined;
  for (const f of facts) {
    prefixes.use(f.concept);
    if (f.unit && f.unit !== unit) {
      unit = f.unit;
      for (const m of unit.numerator) prefixes.use(m);
      for (const m of unit.denominator) prefixes.use(m);
    }
    if (f.dimensions !== dims) {
      dims = f.dimensions;
      for (const [d, v] of dims) {
        prefixes.use(d);
        if (!('typed' in v)) prefixes.use(v);
      }
    }
    if (f.entity !== entity) (entity = f.entity), prefixes.useScheme(entity.scheme, SCHEME_PREFIXES.get(entity.scheme));
  }
  prefixes.useScheme(own[0], own[1]);
  prefixes.assign();
  return prefixes;
}
