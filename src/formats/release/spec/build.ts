/**
 * Turns a taxonomy spec into the taxonomy's content: concepts (declared and derived), labels, one presentation
 * network per table, calculations, and the definition relationships (ratio concepts, dimensions, column variants).
 * The XML writer (write.ts) only lays this out. Every inconsistency of the spec is a KessanError at the place of
 * the spec that causes it.
 */
import { buildColumns } from './columns.js';
import { aliasRole, NEGATED_ROLES, roleUri, SHORT_TYPES, specError, STD_ROLES, tableLabelRole, visitRows, type Builder, type BuiltConcept, type BuiltTaxonomy, type CalculationArc, type LabelDef, type Network, type PresentationArc } from './built.js';
import { buildRatioConcepts } from './ratios.js';
import type { SpecPlace, SpecRow, SpecTable, TaxonomySpec } from './model.js';

export type { BuiltTaxonomy } from './built.js';

function typeOf(spec: TaxonomySpec, type: string, place?: SpecPlace): string {
  const short = SHORT_TYPES[type];
  if (short) return short;
  const [prefix, local] = type.split(':') as [string, string];
  if (prefix === spec.prefix && !spec.types.some((t) => t.name === local)) throw specError(spec, `type ${type} is not declared in types`, place);
  if (prefix !== spec.prefix && !['xbrli', 'num', 'nonnum'].includes(prefix) && !spec.imports.some((i) => i.prefix === prefix)) {
    throw specError(spec, `type ${type}: prefix ${prefix} is not imported`, place);
  }
  return type;
}

function makeBuilder(spec: TaxonomySpec): Builder {
  const concepts = new Map<string, BuiltConcept>();
  const labels = new Map<string, LabelDef[]>();
  const baseConcepts: string[] = [];
  const b: Builder = {
    spec, concepts, labels, baseConcepts,
    addConcept(c, place) {
      if (concepts.has(c.name)) throw specError(spec, `concept ${c.name} is defined twice`, place ?? spec.places.get(`concept:${c.name}`));
      concepts.set(c.name, c);
      labels.set(c.name, [{ role: STD_ROLES.label, text: c.label }]);
    },
    addLabel(concept, role, text, place) {
      let list = labels.get(concept);
      if (!list) {
        labels.set(concept, (list = []));
        if (concept.includes(':')) baseConcepts.push(concept);
      }
      // Other wordings (aliases) are many labels of one role; the reader matches any of them.
      if (role === aliasRole(spec)) {
        if (!list.some((l) => l.role === role && l.text === text)) list.push({ role, text });
        return role;
      }
      const roles = role === STD_ROLES.negated ? NEGATED_ROLES : [role];
      for (const r of roles) {
        const existing = list.find((l) => l.role === r);
        if (!existing) {
          list.push({ role: r, text });
          return r;
        }
        // One wording per role: letter case aside, the first printed is kept.
        if (existing.text.toLowerCase() === text.toLowerCase()) return r;
      }
      throw specError(spec, `${concept} is printed "${text}" but already has the label "${list.find((l) => l.role === role)?.text}" for ${role}; use one wording (or another concept)`, place);
    },
    concept: (key) => concepts.get(key),
    known: (key) => (key.includes(':') ? spec.imports.some((i) => i.prefix === key.split(':')[0]) : concepts.has(key)),
  };
  return b;
}

export function buildTaxonomy(spec: TaxonomySpec): BuiltTaxonomy {
  const b = makeBuilder(spec);
  const ids = new Set<string>();
  for (const t of spec.tables) {
    if (ids.has(t.id)) throw specError(spec, `table id ${t.id} is used twice`, t.place);
    ids.add(t.id);
  }
  // Abstract concepts first (table roots and heading rows, in release order), then the spec's concepts.
  const addAbstract = (name: string, label: string, place?: SpecPlace) => {
    if (name.includes(':')) return;
    const have = b.concepts.get(name);
    if (have?.abstract) return;
    b.addConcept({ name, label, type: 'xbrli:stringItemType', periodType: 'duration', abstract: true, substitutionGroup: 'xbrli:item' }, place);
  };
  for (const table of spec.tables) {
    addAbstract(`${table.id}Heading`, table.title, table.place);
    visitRows(table.rows, (r) => {
      if (r.kind === 'heading') addAbstract(r.concept, r.standardLabel ?? r.label.replace(/:$/, ''), r.place);
    });
  }
  for (const c of spec.concepts) {
    const place = spec.places.get(`concept:${c.name}`);
    b.addConcept({ name: c.name, label: c.label, type: typeOf(spec, c.type, place), periodType: c.period, abstract: false, substitutionGroup: 'xbrli:item', ...(c.balance ? { balance: c.balance } : {}) }, place);
  }

  const networks: Network[] = [];
  for (const table of spec.tables) {
    const root = `${table.id}Heading`;
    const labelRole = tableLabelRole(spec, table.id);
    const presentation: PresentationArc[] = [];
    const visit = (parent: string, rows: readonly SpecRow[]) => {
      rows.forEach((r, i) => {
        if (!b.known(r.concept)) throw specError(spec, `table ${table.id}: row "${r.label}" uses the unknown concept ${r.concept}`, r.place ?? table.place);
        const c = b.concept(r.concept);
        if (c && c.abstract !== (r.kind === 'heading')) {
          throw specError(spec, `table ${table.id}: ${r.concept} is ${c.abstract ? 'a heading (abstract)' : 'a line item'} but row "${r.label}" uses it as ${c.abstract ? 'a line item' : 'a heading'}`, r.place ?? table.place);
        }
        let preferredLabel: string | undefined;
        const show = r.kind === 'line' ? r.show : 'plain';
        if (show === 'negated') preferredLabel = STD_ROLES.negated;
        else if (show === 'periodStart') preferredLabel = STD_ROLES.periodStart;
        else if (show === 'periodEnd') preferredLabel = STD_ROLES.periodEnd;
        else if (!c || r.label !== c.label) preferredLabel = labelRole;
        if (preferredLabel) preferredLabel = b.addLabel(r.concept, preferredLabel, r.label, r.place);
        presentation.push(preferredLabel === undefined ? { from: parent, to: r.concept, order: i + 1 } : { from: parent, to: r.concept, order: i + 1, preferredLabel });
        if (r.kind === 'heading') visit(r.concept, r.rows);
      });
    };
    visit(root, table.rows);

    const calculation: CalculationArc[] = [];
    for (const s of table.calculations) {
      const total = numericConcept(b, s.total, table, s.place);
      s.items.forEach(({ concept: item, weight }, i) => {
        const c = numericConcept(b, item, table, s.place);
        if (total?.balance && c?.balance && (total.balance === c.balance) !== (weight === 1)) {
          throw specError(spec, `table ${table.id}: weight ${weight} of ${item} disagrees with the balances (${total.balance}/${c.balance})`, s.place);
        }
        calculation.push({ from: s.total, to: item, order: i + 1, weight });
      });
    }
    networks.push({ table, role: roleUri(spec, table.id), labelRole, root, presentation, calculation, definition: [] });
  }

  const definitionArcs = buildRatioConcepts(b);
  const columns = buildColumns(b, networks);
  for (const c of spec.concepts) for (const a of c.aliases ?? []) b.addLabel(c.name, aliasRole(spec), a, spec.places.get(`concept:${c.name}`));
  return {
    spec,
    concepts: [...b.concepts.values()],
    labels: b.labels,
    networks: columns.networks,
    definitionArcs: [...definitionArcs, ...columns.defaults],
  };
}

function numericConcept(b: Builder, name: string, table: SpecTable, place?: SpecPlace): BuiltConcept | undefined {
  if (!b.known(name)) throw specError(b.spec, `table ${table.id}: the calculation names the unknown concept ${name}`, place ?? table.place);
  const c = b.concept(name);
  if (c && (c.abstract || c.type === 'xbrli:stringItemType')) throw specError(b.spec, `table ${table.id}: ${name} is not numeric and cannot be in a calculation`, place ?? table.place);
  return c;
}

