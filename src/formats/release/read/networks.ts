import { clark, type QName } from '../../../core/model/qname.js';
import { ARCROLE, LABEL_ROLE, type Concept, type Taxonomy } from '../../../core/taxonomy/model.js';
import { labelKey } from './text.js';
import type { ColumnKind } from './columns.js';
import { roleColumns, type RoleColumns } from './qualifiers.js';

/** kessan's arcroles linking a line item to its ratio concepts (declared in the taxonomy's schema). */
export const RATIO_ARCROLE = {
  percentOfTotal: 'http://kessan.dev/taxonomy/arcrole/percent-of-total',
  ratioDenominator: 'http://kessan.dev/taxonomy/arcrole/ratio-denominator',
  changePriorYear: 'http://kessan.dev/taxonomy/arcrole/percent-change-prior-year',
  changePriorQuarter: 'http://kessan.dev/taxonomy/arcrole/percent-change-prior-quarter',
} as const;

const NEGATED = new Set([LABEL_ROLE.negated, LABEL_ROLE.negatedTotal, LABEL_ROLE.negatedTerse, 'http://www.xbrl.org/2009/role/negatedPeriodStartLabel', 'http://www.xbrl.org/2009/role/negatedPeriodEndLabel']);

/** One row of a presentation network as a table prints it. */
export interface RowNode {
  readonly concept: Concept;
  /** The label the table prints, and its role. */
  readonly label: string;
  readonly labelRole: string;
  readonly key: string;
  readonly negated: boolean;
  /** periodStartLabel / periodEndLabel: an instant concept shown for a duration column. */
  readonly periodEdge?: 'start' | 'end';
  readonly parent?: RowNode;
  readonly depth: number;
  /** Position in the network's pre-order walk. */
  readonly position: number;
}

/** A presentation network read as a release table: its title (the role's definition) and its rows in order. */
export interface TableNetwork {
  readonly role: string;
  readonly title: string;
  readonly rows: readonly RowNode[];
  /** labelKey → rows printing that label. */
  readonly byKey: ReadonlyMap<string, readonly RowNode[]>;
}

/** Everything the release reader needs from a taxonomy, indexed once. */
export interface ReleaseView {
  readonly taxonomy: Taxonomy;
  readonly tables: readonly TableNetwork[];
  /** labelKey → concepts with any label of that text (for rows printed outside their usual table). */
  readonly anyLabel: ReadonlyMap<string, readonly { concept: Concept; role: string }[]>;
  ratioConcept(base: QName, kind: Exclude<ColumnKind, 'amount'>): Concept | undefined;
  /** What the table's column headings other than periods can mean (members, variants), read once per table. */
  columnsOf(net: TableNetwork): RoleColumns;
}

export function buildReleaseView(taxonomy: Taxonomy): ReleaseView {
  const tables: TableNetwork[] = [];
  for (const role of taxonomy.linkroles(ARCROLE.parentChild)) {
    const rels = taxonomy.relationships(ARCROLE.parentChild, role);
    const children = new Map<string, typeof rels[number][]>();
    const hasParent = new Set<string>();
    for (const r of rels) {
      const k = clark(r.from);
      if (!children.has(k)) children.set(k, []);
      children.get(k)!.push(r);
      hasParent.add(clark(r.to));
    }
    for (const list of children.values()) list.sort((a, b) => a.order - b.order);
    const roots = [...new Set(rels.map((r) => clark(r.from)))].filter((k) => !hasParent.has(k));
    const rows: RowNode[] = [];
    const visit = (name: QName, labelRole: string | undefined, parent: RowNode | undefined, depth: number, seen: Set<string>) => {
      const concept = taxonomy.concept(name);
      const k = clark(name);
      if (!concept || seen.has(k)) return;
      const role = labelRole ?? LABEL_ROLE.standard;
      const label = taxonomy.label(name, role, 'en') ?? name.localName;
      const edge = role.endsWith('periodStartLabel') ? 'start' : role.endsWith('periodEndLabel') ? 'end' : undefined;
      const node: RowNode = {
        concept, label, labelRole: role, key: labelKey(label), negated: NEGATED.has(role as never),
        ...(edge ? { periodEdge: edge } : {}), ...(parent ? { parent } : {}), depth, position: rows.length,
      };
      rows.push(node);
      const next = new Set(seen).add(k);
      for (const r of children.get(k) ?? []) visit(r.to, r.preferredLabel, node, depth + 1, next);
    };
    for (const root of roots) {
      const rootRel = rels.find((r) => clark(r.from) === root)!;
      visit(rootRel.from, undefined, undefined, 0, new Set());
    }
    const byKey = new Map<string, RowNode[]>();
    for (const n of rows) {
      if (n.depth === 0) continue; // the network's root names the table, not a row
      if (!byKey.has(n.key)) byKey.set(n.key, []);
      byKey.get(n.key)!.push(n);
    }
    const title = taxonomy.roleTypes.get(role)?.definition ?? role;
    tables.push({ role, title, rows, byKey });
  }
  const anyLabel = new Map<string, { concept: Concept; role: string }[]>();
  for (const concept of taxonomy.concepts.values()) {
    for (const l of taxonomy.labels(concept.name)) {
      const k = labelKey(l.text);
      if (!anyLabel.has(k)) anyLabel.set(k, []);
      const list = anyLabel.get(k)!;
      if (!list.some((e) => e.concept === concept)) list.push({ concept, role: l.role });
    }
  }
  const ratios = new Map<string, Concept>();
  for (const [kind, arcrole] of [['percentOfTotal', RATIO_ARCROLE.percentOfTotal], ['changePriorYear', RATIO_ARCROLE.changePriorYear], ['changePriorQuarter', RATIO_ARCROLE.changePriorQuarter]] as const) {
    for (const r of taxonomy.relationships(arcrole)) {
      const c = taxonomy.concept(r.to);
      if (c) ratios.set(`${kind}|${clark(r.from)}`, c);
    }
  }
  const columns = new Map<string, RoleColumns>();
  return {
    taxonomy,
    tables,
    anyLabel,
    ratioConcept: (base, kind) => ratios.get(`${kind}|${clark(base)}`),
    columnsOf: (net) => {
      let c = columns.get(net.role);
      if (!c) columns.set(net.role, (c = roleColumns(taxonomy, net.role, net.rows.filter((r) => r.depth === 0).map((r) => r.concept.name))));
      return c;
    },
  };
}
