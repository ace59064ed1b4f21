/** Turns the declarative definition into the taxonomy's content: concepts, labels, and relationships. */
import { CONCEPTS } from './concepts.js';
import { MDNA_TABLES } from './tables-mdna.js';
import { STATEMENT_TABLES } from './tables-statements.js';
import {
  ARCROLES,
  STD_ROLES,
  roleUri,
  tableLabelRole,
  type ConceptDef,
  type PeriodType,
  type RowDef,
  type TableDef,
} from './types.js';

export const TABLES: readonly TableDef[] = [...MDNA_TABLES, ...STATEMENT_TABLES];

/**
 * The release's text with each table's body (its figure rows) replaced by a marker naming the table's
 * presentation network: headings, prose, footnotes, captions and column headers survive the trip to XBRL.
 */
export const RELEASE_TEXT: ConceptDef = {
  name: 'ReleaseTextBlock',
  label: 'Release text, with table bodies replaced by references to their presentation networks',
  kind: 'text',
  periodType: 'duration',
};

export interface BuiltConcept extends ConceptDef {
  readonly abstract: boolean;
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
}
export interface Network {
  readonly table: TableDef;
  readonly role: string;
  readonly root: string;
  readonly presentation: readonly PresentationArc[];
  readonly calculation: readonly CalculationArc[];
}
export interface BuiltTaxonomy {
  readonly concepts: readonly BuiltConcept[];
  readonly labels: ReadonlyMap<string, readonly LabelDef[]>;
  readonly networks: readonly Network[];
  readonly definitionArcs: readonly DefinitionArc[];
}

const PERCENT_OF = {
  Revenues: { suffix: 'PercentOfTotalRevenues', label: '% of total revenues' },
  Assets: { suffix: 'PercentOfTotalAssets', label: '% of total assets' },
} as const;

export function buildTaxonomy(): BuiltTaxonomy {
  const concepts = new Map<string, BuiltConcept>();
  const labels = new Map<string, LabelDef[]>();
  const addConcept = (c: BuiltConcept) => {
    if (concepts.has(c.name)) throw new Error(`concept ${c.name} defined twice`);
    concepts.set(c.name, c);
    labels.set(c.name, [{ role: STD_ROLES.label, text: c.label }]);
  };
  const addAbstract = (name: string, label: string) =>
    addConcept({ name, label, kind: 'abstract', periodType: 'duration', abstract: true });

  // Abstract concepts first (table roots and heading rows, in release order), then the row concepts.
  for (const table of TABLES) {
    addAbstract(`${table.id}Heading`, table.title);
    const visit = (rows: readonly RowDef[]) => {
      for (const r of rows) {
        if (!r.children) continue;
        addAbstract(r.concept, r.headingLabel ?? r.text.replace(/:$/, ''));
        visit(r.children);
      }
    };
    visit(table.rows);
  }
  for (const c of CONCEPTS) addConcept({ ...c, abstract: false });
  // The release's words (everything but its tables' figures): one text fact, in no presentation network.
  addConcept({ ...RELEASE_TEXT, abstract: false });

  const addLabel = (concept: string, role: string, text: string, caseInsensitive: boolean) => {
    const list = labels.get(concept)!;
    const existing = list.find((l) => l.role === role);
    if (!existing) return void list.push({ role, text });
    const same = caseInsensitive ? existing.text.toLowerCase() === text.toLowerCase() : existing.text === text;
    if (!same) throw new Error(`${concept}: two wordings for ${role}: "${existing.text}" and "${text}"`);
  };

  const networks: Network[] = [];
  for (const table of TABLES) {
    const root = `${table.id}Heading`;
    const presentation: PresentationArc[] = [];
    const visit = (parent: string, rows: readonly RowDef[]) => {
      rows.forEach((r, i) => {
        const c = concepts.get(r.concept);
        if (!c) throw new Error(`${table.id}: row "${r.text}" uses unknown concept ${r.concept}`);
        if (c.abstract !== Boolean(r.children)) throw new Error(`${table.id}: ${r.concept} abstract/heading mismatch`);
        let preferredLabel: string | undefined;
        if (r.show === 'negated') preferredLabel = STD_ROLES.negated;
        else if (r.show === 'periodStart') preferredLabel = STD_ROLES.periodStart;
        else if (r.show === 'periodEnd') preferredLabel = STD_ROLES.periodEnd;
        else if (r.text !== c.label) preferredLabel = tableLabelRole(table.id);
        if (preferredLabel) addLabel(r.concept, preferredLabel, r.text, preferredLabel === STD_ROLES.negated);
        presentation.push(
          preferredLabel === undefined
            ? { from: parent, to: r.concept, order: i + 1 }
            : { from: parent, to: r.concept, order: i + 1, preferredLabel },
        );
        if (r.children) visit(r.concept, r.children);
      });
    };
    visit(root, table.rows);

    const calculation: CalculationArc[] = [];
    for (const s of table.summations) {
      const total = numericConcept(concepts, s.total, table.id);
      s.items.forEach(([item, weight], i) => {
        const c = numericConcept(concepts, item, table.id);
        if (total.balance && c.balance && (total.balance === c.balance) !== (weight === 1)) {
          throw new Error(`${table.id}: weight ${weight} of ${item} disagrees with balances (${total.balance}/${c.balance})`);
        }
        calculation.push({ from: s.total, to: item, order: i + 1, weight });
      });
    }
    networks.push({ table, role: roleUri(table.id), root, presentation, calculation });
  }

  const definitionArcs = buildRatioConcepts(concepts, addConcept);
  return { concepts: [...concepts.values()], labels, networks, definitionArcs };
}

function numericConcept(concepts: ReadonlyMap<string, BuiltConcept>, name: string, table: string): BuiltConcept {
  const c = concepts.get(name);
  if (!c || c.abstract) throw new Error(`${table}: summation concept ${name} is missing or abstract`);
  return c;
}

/** Rule 8 of the README: ratio concepts for the rows of tables with ratio columns, linked by definition arcs. */
function buildRatioConcepts(
  concepts: ReadonlyMap<string, BuiltConcept>,
  addConcept: (c: BuiltConcept) => void,
): DefinitionArc[] {
  const wanted = new Map<string, { percentOf?: 'Revenues' | 'Assets'; priorYear: boolean; priorQuarter: boolean }>();
  for (const table of TABLES) {
    const ratios = table.ratios;
    if (!ratios) continue;
    const visit = (rows: readonly RowDef[]) => {
      for (const r of rows) {
        if (r.children) visit(r.children);
        const c = concepts.get(r.concept)!;
        if (c.abstract || c.kind === 'percent' || table.noRatioRows?.includes(r.concept)) continue;
        const w = wanted.get(r.concept) ?? { priorYear: false, priorQuarter: false };
        if (ratios.percentOf) {
          if (w.percentOf && w.percentOf !== ratios.percentOf) throw new Error(`${r.concept}: two denominators`);
          w.percentOf = ratios.percentOf;
        }
        w.priorYear ||= ratios.priorYear;
        w.priorQuarter ||= ratios.priorQuarter;
        wanted.set(r.concept, w);
      }
    };
    visit(table.rows);
  }

  const arcs: DefinitionArc[] = [];
  const ratio = (x: BuiltConcept, suffix: string, label: string, periodType: PeriodType) => {
    const name = `${x.name}${suffix}`;
    addConcept({ name, label: `${x.label}, ${label}`, kind: 'percent', periodType, abstract: false });
    return name;
  };
  for (const [name, w] of wanted) {
    const x = concepts.get(name)!;
    let order = 1;
    if (w.percentOf) {
      const p = PERCENT_OF[w.percentOf];
      const r = ratio(x, p.suffix, p.label, x.periodType);
      arcs.push({ arcrole: ARCROLES.percentOfTotal, from: name, to: r, order: order++ });
      arcs.push({ arcrole: ARCROLES.ratioDenominator, from: r, to: w.percentOf, order: 1 });
    }
    if (w.priorYear) {
      const r = ratio(x, 'PercentChangeFromPriorYear', '% change from prior year', x.periodType);
      arcs.push({ arcrole: ARCROLES.percentChangePriorYear, from: name, to: r, order: order++ });
    }
    if (w.priorQuarter) {
      const r = ratio(x, 'PercentChangeFromPriorQuarter', '% change from prior quarter', x.periodType);
      arcs.push({ arcrole: ARCROLES.percentChangePriorQuarter, from: name, to: r, order: order++ });
    }
  }
  return arcs;
}
