/**
 * A draft on a base taxonomy (`kessan init --base us-gaap`): a row's concept becomes the base taxonomy's when
 * exactly one base concept fits — its name is the row's drafted name, or one of its labels is the row's wording —
 * and agrees in period type and kind (money, per share, shares, ratio). When two fit, nothing is guessed: the
 * draft keeps its own concept and says which fitted. Everything else stays an extension concept.
 */
import { labelKey } from '../read/text.js';
import type { Draft, RawRow, RawSpec } from './draft.js';

/** The base taxonomies `--base` knows by a short name: namespace and official schema URL. */
export const KNOWN_BASES: Readonly<Record<string, { readonly namespace: string; readonly schemaLocation: string }>> = {
  'us-gaap': { namespace: 'http://fasb.org/us-gaap/2024', schemaLocation: 'https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd' },
  srt: { namespace: 'http://fasb.org/srt/2024', schemaLocation: 'https://xbrl.fasb.org/srt/2024/elts/srt-2024.xsd' },
  dei: { namespace: 'http://xbrl.sec.gov/dei/2024', schemaLocation: 'https://xbrl.sec.gov/dei/2024/dei-2024.xsd' },
  'ifrs-full': { namespace: 'https://xbrl.ifrs.org/taxonomy/2024-03-27/ifrs-full', schemaLocation: 'https://xbrl.ifrs.org/taxonomy/2024-03-27/full_ifrs/full_ifrs-cor_2024-03-27.xsd' },
  jppfs_cor: { namespace: 'http://disclosure.edinet-fsa.go.jp/taxonomy/jppfs/2018-02-28/jppfs_cor', schemaLocation: 'http://disclosure.edinet-fsa.go.jp/taxonomy/jppfs/2018-02-28/jppfs_cor_2018-02-28.xsd' },
};

/** What a draft needs to know of a base concept. */
export interface BaseConcept {
  readonly local: string;
  readonly period: 'instant' | 'duration';
  /** The draft type it can stand for (monetary, perShare, shares, percent, pure, integer), or undefined. */
  readonly kind?: string;
  readonly labels: readonly string[];
}

export interface BaseTaxonomy {
  readonly prefix: string;
  readonly namespace: string;
  readonly schemaLocation: string;
  readonly concepts: readonly BaseConcept[];
}

function rowsOf(rows: readonly RawRow[], fn: (r: RawRow) => void): void {
  for (const r of rows) {
    fn(r);
    if (Array.isArray(r.rows)) rowsOf(r.rows as RawRow[], fn);
  }
}

/** Renames a concept everywhere the draft names it (rows, calculations, ratios, variants' exceptions). */
function rename(spec: RawSpec, from: string, to: string): void {
  const swap = (n: unknown) => (n === from ? to : n);
  for (const t of spec.tables) {
    rowsOf(t.rows, (r) => {
      if (r.concept === from) r.concept = to;
      else if (typeof r.heading !== 'string' && typeof r.concept !== 'string' && from in r) {
        r[to] = r[from];
        delete r[from];
      }
    });
    for (const c of t.calculations ?? []) {
      c.total = swap(c.total) as string;
      c.items = c.items.map((i) => (i.replace(/^-/, '') === from ? `${i.startsWith('-') ? '-' : ''}${to}` : i));
    }
    if (t.ratios && t.ratios.percentOf === from) t.ratios.percentOf = to;
  }
  for (const v of (spec.variants ?? []) as { except?: string[] }[]) if (v.except) v.except = v.except.map((e) => swap(e) as string);
}

/** Maps the draft's concepts onto the bases where exactly one base concept fits; notes where two did. */
export function applyBases(draft: Draft, bases: readonly BaseTaxonomy[]): { mapped: number } {
  const spec = draft.spec;
  let mapped = 0;
  const byName = new Map<string, { base: BaseTaxonomy; c: BaseConcept }[]>();
  const byLabel = new Map<string, { base: BaseTaxonomy; c: BaseConcept }[]>();
  const push = (m: Map<string, { base: BaseTaxonomy; c: BaseConcept }[]>, k: string, v: { base: BaseTaxonomy; c: BaseConcept }) => m.set(k, [...(m.get(k) ?? []), v]);
  for (const base of bases) {
    for (const c of base.concepts) {
      push(byName, c.local.toLowerCase(), { base, c });
      for (const l of new Set(c.labels.map(labelKey))) push(byLabel, l, { base, c });
    }
  }
  const used = new Set<string>();
  const prefixes = new Set<string>();
  const keep: Record<string, unknown>[] = [];
  for (const concept of spec.concepts) {
    const name = String(concept.name);
    const type = String(concept.type);
    const fits = (x: { c: BaseConcept }) => x.c.period === concept.period && x.c.kind !== undefined && x.c.kind === type;
    const candidates = [...(byName.get(name.toLowerCase()) ?? []), ...(byLabel.get(labelKey(String(concept.label))) ?? [])].filter(fits);
    const distinct = [...new Map(candidates.map((x) => [`${x.base.prefix}:${x.c.local}`, x])).values()];
    if (distinct.length === 1 && !used.has(`${distinct[0]!.base.prefix}:${distinct[0]!.c.local}`)) {
      const q = `${distinct[0]!.base.prefix}:${distinct[0]!.c.local}`;
      used.add(q);
      prefixes.add(distinct[0]!.base.prefix);
      rename(spec, name, q);
      mapped++;
      continue;
    }
    if (distinct.length > 1) draft.notes.push(`${name} ("${String(concept.label)}") fits ${distinct.map((x) => `${x.base.prefix}:${x.c.local}`).join(' and ')}; none was chosen, it stays an extension concept`);
    keep.push(concept);
  }
  spec.concepts = keep;
  const imported = bases.filter((b) => prefixes.has(b.prefix)).map((b) => ({ prefix: b.prefix, namespace: b.namespace, schemaLocation: b.schemaLocation }));
  if (imported.length) {
    // Imports are read first in a spec: put them after its name.
    const { namespace, prefix, name, ...rest } = spec;
    const ordered = { namespace, prefix, name, imports: [...(spec.imports ?? []), ...imported], ...rest };
    for (const k of Object.keys(spec)) delete (spec as unknown as Record<string, unknown>)[k];
    Object.assign(spec, ordered);
  }
  return { mapped };
}
