/**
 * What a column heading other than a period means, as the taxonomy says it in the table's link role (see
 * docs/taxonomy-spec.md, "columns"): a member of an explicit dimension (the XBRL Dimensions cube of the role; the
 * domain itself is the dimension's default, i.e. figures with no member), a variant concept of each row (kessan's
 * column-variant arcs), or the rows' own figures (a label of the network's root). Headings and labels are
 * compared by `qualifierKey`.
 */
import { clark, type QName } from '../../../core/model/qname.js';
import { ARCROLE, type Concept, type Taxonomy } from '../../../core/taxonomy/model.js';
import { qualifierKey } from './columns.js';

export const COLUMN_VARIANT_ARCROLE = 'http://kessan.dev/taxonomy/arcrole/column-variant';

/** A qualified column's meaning: the members its figures are for, and the variant its figures take, if any. */
export interface ColumnMeaning {
  readonly dimensions: ReadonlyMap<QName, QName>;
  /** The heading key of a variant column: each row's column-variant concept labelled so (or the row's own). */
  readonly variant?: string;
}

/** What a table's role says column headings can mean. */
export interface RoleColumns {
  /** heading key → axis and member (undefined member: the domain, i.e. the default). */
  readonly members: ReadonlyMap<string, { axis: QName; member?: QName }>;
  /** row concept (Clark) → its variants: heading keys → concept. */
  readonly variants: ReadonlyMap<string, ReadonlyMap<string, Concept>>;
  /** heading keys of the table's variant columns. */
  readonly variantKeys: ReadonlySet<string>;
  /** heading keys of columns holding the rows' own figures. */
  readonly amounts: ReadonlySet<string>;
}

function keysOf(taxonomy: Taxonomy, name: QName): string[] {
  return [...new Set(taxonomy.labels(name).map((l) => qualifierKey(l.text)).filter(Boolean))];
}

/** Reads a role's column vocabulary from the taxonomy (root: the presentation network's root concept). */
export function roleColumns(taxonomy: Taxonomy, role: string, roots: readonly QName[]): RoleColumns {
  const members = new Map<string, { axis: QName; member?: QName }>();
  for (const dd of taxonomy.relationships(ARCROLE.dimensionDomain, role)) {
    const axis = dd.from;
    for (const k of keysOf(taxonomy, dd.to)) members.set(k, { axis });
    const seen = new Set<string>([clark(dd.to)]);
    const walk = (from: QName) => {
      for (const r of taxonomy.relationships(ARCROLE.domainMember, role)) {
        if (clark(r.from) !== clark(from) || seen.has(clark(r.to))) continue;
        seen.add(clark(r.to));
        for (const k of keysOf(taxonomy, r.to)) if (!members.has(k)) members.set(k, { axis, member: r.to });
        walk(r.to);
      }
    };
    walk(dd.to);
  }
  const variants = new Map<string, Map<string, Concept>>();
  const variantKeys = new Set<string>();
  for (const r of taxonomy.relationships(COLUMN_VARIANT_ARCROLE, role)) {
    const v = taxonomy.concept(r.to);
    if (!v) continue;
    const k = clark(r.from);
    if (!variants.has(k)) variants.set(k, new Map());
    for (const key of keysOf(taxonomy, r.to)) {
      variants.get(k)!.set(key, v);
      variantKeys.add(key);
    }
  }
  const amounts = new Set<string>();
  for (const root of roots) {
    const title = taxonomy.roleTypes.get(role)?.definition;
    for (const l of taxonomy.labels(root)) if (l.text !== title) amounts.add(qualifierKey(l.text));
  }
  return { members, variants, variantKeys, amounts };
}

/**
 * The meaning of a column qualified by `qualifier` (the header's words besides periods and currencies, pieces
 * joined by " / "), or undefined when the table's role does not say. The whole heading is tried first, then each
 * piece on its own (a member over a variant: "Domestic / Per Share").
 */
export function columnMeaning(qualifier: string, cols: RoleColumns): ColumnMeaning | undefined {
  const one = (text: string): { axis?: QName; member?: QName; variant?: string; amounts?: true } | undefined => {
    const key = qualifierKey(text);
    if (!key) return { amounts: true };
    const m = cols.members.get(key);
    if (m) return m.member ? { axis: m.axis, member: m.member } : { amounts: true };
    if (cols.variantKeys.has(key)) return { variant: key };
    if (cols.amounts.has(key)) return { amounts: true };
    return undefined;
  };
  const whole = one(qualifier);
  const parts = whole ? [whole] : qualifier.split(' / ').map(one);
  if (parts.some((p) => p === undefined)) return undefined;
  const dimensions = new Map<QName, QName>();
  let variant: string | undefined;
  for (const p of parts) {
    if (p!.axis && p!.member) {
      if ([...dimensions.keys()].some((a) => clark(a) === clark(p!.axis!))) return undefined;
      dimensions.set(p!.axis, p!.member);
    }
    if (p!.variant) {
      if (variant) return undefined;
      variant = p!.variant;
    }
  }
  return variant ? { dimensions, variant } : { dimensions };
}

/** The concept a row's figure in a variant column is of: the row concept's variant so labelled, or its own. */
export function variantConcept(cols: RoleColumns, row: Concept, variant: string): Concept {
  return cols.variants.get(clark(row.name))?.get(variant) ?? row;
}
