/**
 * Turns a taxonomy spec into the taxonomy's content: concepts (declared and derived), labels, one presentation
 * network per table, calculations, and the definition relationships (ratio concepts, dimensions, column variants).
 * The XML writers (write-schema.ts, write-linkbases.ts) only lay this out. Every inconsistency of the spec is a
 * KessanError at the place of the spec that causes it.
 */
import { KessanError } from '../../../core/errors.js';
import { buildColumns } from './columns.js';
import { buildRatioConcepts } from './ratios.js';
import type { Balance, PeriodType, SpecPlace, SpecRow, SpecTable, TaxonomySpec } from './model.js';

export const STD_ROLES = {
  label: 'http://www.xbrl.org/2003/role/label',
  negated: 'http://www.xbrl.org/2009/role/negatedLabel',
  negatedTerse: 'http://www.xbrl.org/2009/role/negatedTerseLabel',
  negatedTotal: 'http://www.xbrl.org/2009/role/negatedTotalLabel',
  periodStart: 'http://www.xbrl.org/2003/role/periodStartLabel',
  periodEnd: 'http://www.xbrl.org/2003/role/periodEndLabel',
  link: 'http://www.xbrl.org/2003/role/link',
} as const;

/** The negated label roles a concept's negated wordings take, in turn (one wording per role). */
const NEGATED_ROLES = [STD_ROLES.negated, STD_ROLES.negatedTerse, STD_ROLES.negatedTotal];

const KESSAN_ARCROLE = 'http://kessan.dev/taxonomy/arcrole';
export const ARCROLES = {
  percentOfTotal: `${KESSAN_ARCROLE}/percent-of-total`,
  ratioDenominator: `${KESSAN_ARCROLE}/ratio-denominator`,
  percentChangePriorYear: `${KESSAN_ARCROLE}/percent-change-prior-year`,
  percentChangePriorQuarter: `${KESSAN_ARCROLE}/percent-change-prior-quarter`,
  columnVariant: `${KESSAN_ARCROLE}/column-variant`,
  all: 'http://xbrl.org/int/dim/arcrole/all',
  hypercubeDimension: 'http://xbrl.org/int/dim/arcrole/hypercube-dimension',
  dimensionDomain: 'http://xbrl.org/int/dim/arcrole/dimension-domain',
  domainMember: 'http://xbrl.org/int/dim/arcrole/domain-member',
  dimensionDefault: 'http://xbrl.org/int/dim/arcrole/dimension-default',
} as const;

/** Item types by the spec's short names. */
export const SHORT_TYPES: Record<string, string> = {
  monetary: 'xbrli:monetaryItemType',
  perShare: 'num:perShareItemType',
  shares: 'xbrli:sharesItemType',
  percent: 'num:percentItemType',
  pure: 'xbrli:pureItemType',
  integer: 'xbrli:integerItemType',
  decimal: 'xbrli:decimalItemType',
  text: 'xbrli:stringItemType',
};

export interface BuiltConcept {
  readonly name: string;
  readonly label: string;
  /** The item type as written in the schema (a QName). */
  readonly type: string;
  readonly periodType: PeriodType;
  readonly balance?: Balance;
  readonly abstract: boolean;
  readonly substitutionGroup: string;
}
export interface LabelDef {
  readonly role: string;
  readonly text: string;
}
export interface PresentationArc {
  readonly from: string;
  readonly to: string;
  readonly order: number;
  readonly preferredLabel?: string;
}
export interface CalculationArc {
  readonly from: string;
  readonly to: string;
  readonly order: number;
  readonly weight: 1 | -1;
}
export interface DefinitionArc {
  readonly arcrole: string;
  readonly from: string;
  readonly to: string;
  readonly order: number;
  /** XDT attributes (`xbrldt:closed`, `xbrldt:contextElement`) in order. */
  readonly attributes?: readonly (readonly [string, string])[];
}
export interface Network {
  readonly table: SpecTable;
  readonly role: string;
  readonly labelRole: string;
  readonly root: string;
  readonly presentation: readonly PresentationArc[];
  readonly calculation: readonly CalculationArc[];
  /** Definition arcs in the table's link role: dimensions and column variants. */
  readonly definition: readonly DefinitionArc[];
}
export interface BuiltTaxonomy {
  readonly spec: TaxonomySpec;
  /** Concepts the schema declares, in order. */
  readonly concepts: readonly BuiltConcept[];
  /** Concept key (local name, or `prefix:Name` of a base taxonomy) → its labels, standard first. */
  readonly labels: ReadonlyMap<string, readonly LabelDef[]>;
  readonly networks: readonly Network[];
  /** Definition arcs in the default link role: ratio concepts, dimension defaults. */
  readonly definitionArcs: readonly DefinitionArc[];
}

export function roleUri(spec: TaxonomySpec, tableId: string): string {
  return `${spec.namespace}/role/${tableId}`;
}
export function tableLabelRole(spec: TaxonomySpec, tableId: string): string {
  return `${spec.namespace}/role/label/${tableId}`;
}
/** The role of the other wordings a row is printed with (`aliases`). */
export function aliasRole(spec: TaxonomySpec): string {
  return `${spec.namespace}/role/alias`;
}

/** A problem with the spec, at a place of it. */
export function specError(spec: TaxonomySpec, message: string, place?: SpecPlace): KessanError {
  return new KessanError('kessan:specInvalid', `the taxonomy spec is not valid: ${message}`, { file: spec.file, ...(place ? { line: place.line, column: place.column } : {}) }, 2);
}

/** Concepts and labels as they are built up, shared by the derivations (ratios, columns). */
export interface Builder {
  readonly spec: TaxonomySpec;
  readonly concepts: Map<string, BuiltConcept>;
  readonly labels: Map<string, LabelDef[]>;
  /** Base-taxonomy concepts that have labels here, in order of first use. */
  readonly baseConcepts: string[];
  addConcept(c: BuiltConcept, place?: SpecPlace): void;
  addLabel(concept: string, role: string, text: string, place?: SpecPlace): string;
  /** The concept's period type and type (base concepts: unknown, undefined). */
  concept(key: string): BuiltConcept | undefined;
  /** Whether `key` names a concept of the spec or of an imported base taxonomy. */
  known(key: string): boolean;
}

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

function visitRows(rows: readonly SpecRow[], fn: (r: SpecRow) => void): void {
  for (const r of rows) {
    fn(r);
    if (r.kind === 'heading') visitRows(r.rows, fn);
  }
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

/** Every line row's concept of a table, in printed order, each once. */
export function lineConcepts(table: SpecTable): string[] {
  const out: string[] = [];
  visitRows(table.rows, (r) => {
    if (r.kind === 'line' && !out.includes(r.concept)) out.push(r.concept);
  });
  return out;
}
