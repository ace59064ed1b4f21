/**
 * What a table's column headings mean besides periods (the spec's `columns`), in XBRL:
 * - a dimension member ("Domestic", "Sears Canada"): the table's link role gets an XBRL Dimensions 1.0 cube — the
 *   table root `all` a hypercube (closed, segment), the hypercube its axes, each axis its domain (also its default:
 *   figures printed with no member), the domain its members — and the root is the domain of the table's line items;
 *   a heading worded otherwise than the member's label becomes the member's label in the table's label role;
 * - a variant ("Earnings Per Share" beside "Pretax"): concept `<row concept><suffix>` for each line row, linked from
 *   the row's concept by kessan's column-variant arcrole in the table's role, labelled with the heading there;
 * - the rows' own figures ("Pretax"): the heading is a label of the table's root in the table's label role.
 */
import { ARCROLES, lineConcepts, SHORT_TYPES, specError, STD_ROLES, type Builder, type DefinitionArc, type Network } from './built.js';
import type { SpecDimension, SpecMember } from './model.js';

const ABSTRACT_ITEM = { type: 'xbrli:stringItemType', periodType: 'duration', abstract: true } as const;

/** The key a heading is compared by: letter case, `&`/`and`, punctuation and "Total" aside. */
export function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&|\band\b/g, ' ')
    .replace(/\btotal\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function buildColumns(b: Builder, networks: readonly Network[]): { networks: Network[]; defaults: DefinitionArc[] } {
  const spec = b.spec;
  const memberOf = new Map<string, { dim: SpecDimension; member?: SpecMember }>();
  for (const d of spec.dimensions) {
    memberOf.set(d.domain.name, { dim: d });
    for (const m of d.members) memberOf.set(m.name, { dim: d, member: m });
  }
  // The dimensions some table uses are declared first (axis, domain, members), so that headings can label them.
  const used = new Set<SpecDimension>();
  for (const t of spec.tables) for (const col of t.columns ?? []) if ('member' in col) {
    const m = memberOf.get(col.member);
    if (!m) throw specError(spec, `table ${t.id}: column "${col.heading}" names ${col.member}, which is no member of the dimensions`, t.place);
    used.add(m.dim);
  }
  const defaults: DefinitionArc[] = [];
  for (const d of spec.dimensions) {
    if (!used.has(d)) continue;
    b.addConcept({ name: d.axis, label: d.label, ...ABSTRACT_ITEM, substitutionGroup: 'xbrldt:dimensionItem' }, spec.places.get(`concept:${d.axis}`));
    b.addConcept({ name: d.domain.name, label: d.domain.label, ...ABSTRACT_ITEM, substitutionGroup: 'xbrli:item' }, spec.places.get(`concept:${d.domain.name}`));
    for (const m of d.members) {
      if (m.parent && m.parent !== d.domain.name && !d.members.some((x) => x.name === m.parent)) throw specError(spec, `member ${m.name}: its parent ${m.parent} is not a member of ${d.axis}`, spec.places.get(`concept:${m.name}`));
      b.addConcept({ name: m.name, label: m.label, ...ABSTRACT_ITEM, substitutionGroup: 'xbrli:item' }, spec.places.get(`concept:${m.name}`));
    }
    defaults.push({ arcrole: ARCROLES.dimensionDefault, from: d.axis, to: d.domain.name, order: 1 });
  }
  const variantConcepts = new Map<string, string>();
  const out = networks.map((n) => {
    const table = n.table;
    const definition: DefinitionArc[] = [];
    const dims: SpecDimension[] = [];
    for (const col of table.columns ?? []) {
      if ('member' in col) {
        const m = memberOf.get(col.member)!;
        if (!dims.includes(m.dim)) dims.push(m.dim);
        const label = m.member?.label ?? m.dim.domain.label;
        if (headingKey(label) !== headingKey(col.heading)) b.addLabel(col.member, n.labelRole, col.heading, table.place);
      } else if ('variant' in col) {
        const v = spec.variants.find((x) => x.name === col.variant);
        if (!v) throw specError(spec, `table ${table.id}: column "${col.heading}" names the unknown variant ${col.variant}`, table.place);
        let order = 1;
        for (const x of lineConcepts(table)) {
          if (v.except?.includes(x)) continue;
          const base = b.concept(x);
          if (base && (base.abstract || base.type === 'xbrli:stringItemType')) continue;
          const local = x.includes(':') ? x.split(':')[1]! : x;
          const name = `${local}${v.suffix}`;
          if (!variantConcepts.has(name)) {
            const xLabel = b.labels.get(x)?.find((l) => l.role === STD_ROLES.label)?.text ?? local;
            const type = SHORT_TYPES[v.type] ?? v.type;
            b.addConcept({ name, label: `${xLabel}, ${v.label}`, type, periodType: base?.periodType ?? 'duration', abstract: false, substitutionGroup: 'xbrli:item' });
            variantConcepts.set(name, x);
          }
          b.addLabel(name, n.labelRole, col.heading, table.place);
          definition.push({ arcrole: ARCROLES.columnVariant, from: x, to: name, order: order++ });
        }
      } else {
        b.addLabel(n.root, n.labelRole, col.heading, table.place);
      }
    }
    if (dims.length) {
      const cube = `${table.id}Hypercube`;
      b.addConcept({ name: cube, label: `${table.title} (dimensions)`, ...ABSTRACT_ITEM, substitutionGroup: 'xbrldt:hypercubeItem' }, table.place);
      definition.push({ arcrole: ARCROLES.all, from: n.root, to: cube, order: 1, attributes: [['xbrldt:closed', 'true'], ['xbrldt:contextElement', 'segment']] });
      dims.forEach((d, i) => {
        definition.push({ arcrole: ARCROLES.hypercubeDimension, from: cube, to: d.axis, order: i + 1 });
        definition.push({ arcrole: ARCROLES.dimensionDomain, from: d.axis, to: d.domain.name, order: 1 });
        const children = (parent: string) => d.members.filter((m) => (m.parent ?? d.domain.name) === parent);
        const walk = (parent: string) => children(parent).forEach((m, k) => {
          definition.push({ arcrole: ARCROLES.domainMember, from: parent, to: m.name, order: k + 1 });
          walk(m.name);
        });
        walk(d.domain.name);
      });
      lineConcepts(table).forEach((x, i) => definition.push({ arcrole: ARCROLES.domainMember, from: n.root, to: x, order: i + 1 }));
    }
    return { ...n, definition };
  });
  return { networks: out, defaults };
}
