/** Writes the label, presentation, calculation and definition linkbases. */
import type { BuiltTaxonomy } from './model.js';
import { ARCROLE_DEFS, GENERATED_COMMENT, labelRoleId, tableRoleId } from './schema.js';
import { el, renderDocument, type XmlElement } from './xml.js';
import { FILE_BASE, LABEL_ROLE_BASE, PREFIX, STD_ROLES } from './types.js';

const SCHEMA_FILE = `${FILE_BASE}.xsd`;
const NEGATED_ROLE_SCHEMA = 'http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd#negatedLabel';

const ARC = {
  conceptLabel: 'http://www.xbrl.org/2003/arcrole/concept-label',
  parentChild: 'http://www.xbrl.org/2003/arcrole/parent-child',
  summationItem: 'http://www.xbrl.org/2003/arcrole/summation-item',
} as const;

function linkbase(children: XmlElement[]): string {
  const root = el(
    'link:linkbase',
    [
      ['xmlns:link', 'http://www.xbrl.org/2003/linkbase'],
      ['xmlns:xlink', 'http://www.w3.org/1999/xlink'],
      ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
      ['xsi:schemaLocation', 'http://www.xbrl.org/2003/linkbase http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd'],
    ],
    children,
  );
  return renderDocument(root, GENERATED_COMMENT);
}

const loc = (concept: string, label: string = concept) =>
  el('link:loc', [
    ['xlink:type', 'locator'],
    ['xlink:href', `${SCHEMA_FILE}#${PREFIX}_${concept}`],
    ['xlink:label', label],
  ]);

const roleRef = (uri: string, href: string) =>
  el('link:roleRef', [['roleURI', uri], ['xlink:type', 'simple'], ['xlink:href', href]]);

/** Short, stable suffix of a label role for label resource ids. */
function labelSuffix(role: string): string {
  if (role === STD_ROLES.label) return '';
  if (role.startsWith(`${LABEL_ROLE_BASE}/`)) return `_${role.slice(LABEL_ROLE_BASE.length + 1)}`;
  return `_${role.slice(role.lastIndexOf('/') + 1)}`;
}

export function writeLabelLinkbase(t: BuiltTaxonomy): string {
  const used = new Set<string>();
  const items: XmlElement[] = [];
  for (const c of t.concepts) {
    const labels = t.labels.get(c.name) ?? [];
    items.push(loc(c.name));
    for (const l of labels) {
      used.add(l.role);
      const id = `label_${c.name}${labelSuffix(l.role)}`;
      items.push(
        el(
          'link:label',
          [['xlink:type', 'resource'], ['xlink:label', `label_${c.name}`], ['xlink:role', l.role], ['xml:lang', 'en'], ['id', id]],
          l.text,
        ),
      );
    }
    items.push(
      el('link:labelArc', [
        ['xlink:type', 'arc'],
        ['xlink:arcrole', ARC.conceptLabel],
        ['xlink:from', c.name],
        ['xlink:to', `label_${c.name}`],
      ]),
    );
  }
  const refs: XmlElement[] = [];
  if (used.has(STD_ROLES.negated)) refs.push(roleRef(STD_ROLES.negated, NEGATED_ROLE_SCHEMA));
  t.networks.forEach((n, i) => {
    const role = `${LABEL_ROLE_BASE}/${n.table.id}`;
    if (used.has(role)) refs.push(roleRef(role, `${SCHEMA_FILE}#${labelRoleId(i, n.table.id)}`));
  });
  return linkbase([
    ...refs,
    el('link:labelLink', [['xlink:type', 'extended'], ['xlink:role', STD_ROLES.link]], items),
  ]);
}

/** Locators for the concepts of a network, in order of first use. */
function locators(arcs: readonly { from: string; to: string }[]): XmlElement[] {
  const seen = new Set<string>();
  const out: XmlElement[] = [];
  for (const a of arcs) {
    for (const c of [a.from, a.to]) {
      if (!seen.has(c)) {
        seen.add(c);
        out.push(loc(c));
      }
    }
  }
  return out;
}

export function writePresentationLinkbase(t: BuiltTaxonomy): string {
  const refs = t.networks.map((n, i) => roleRef(n.role, `${SCHEMA_FILE}#${tableRoleId(i, n.table.id)}`));
  const links = t.networks.map((n) => {
    // A concept shown twice in one network (cash at the start and at the end of the period) gets a second
    // locator, because XLink forbids two arcs between the same pair of locator labels.
    const locs: XmlElement[] = [loc(n.root)];
    const seen = new Map<string, number>([[n.root, 1]]);
    const toLabels = n.presentation.map((a) => {
      const k = (seen.get(a.to) ?? 0) + 1;
      seen.set(a.to, k);
      const label = k === 1 ? a.to : `${a.to}_${k}`;
      locs.push(loc(a.to, label));
      return label;
    });
    return el('link:presentationLink', [['xlink:type', 'extended'], ['xlink:role', n.role]], [
      ...locs,
      ...n.presentation.map((a, i) =>
        el('link:presentationArc', [
          ['xlink:type', 'arc'],
          ['xlink:arcrole', ARC.parentChild],
          ['xlink:from', a.from],
          ['xlink:to', toLabels[i]!],
          ['order', String(a.order)],
          a.preferredLabel ? ['preferredLabel', a.preferredLabel] : undefined,
        ]),
      ),
    ]);
  });
  return linkbase([...refs, ...links]);
}

export function writeCalculationLinkbase(t: BuiltTaxonomy): string {
  const withCalc = t.networks.map((n, i) => ({ n, i })).filter(({ n }) => n.calculation.length > 0);
  const refs = withCalc.map(({ n, i }) => roleRef(n.role, `${SCHEMA_FILE}#${tableRoleId(i, n.table.id)}`));
  const links = withCalc.map(({ n }) =>
    el('link:calculationLink', [['xlink:type', 'extended'], ['xlink:role', n.role]], [
      ...locators(n.calculation),
      ...n.calculation.map((a) =>
        el('link:calculationArc', [
          ['xlink:type', 'arc'],
          ['xlink:arcrole', ARC.summationItem],
          ['xlink:from', a.from],
          ['xlink:to', a.to],
          ['order', String(a.order)],
          ['weight', a.weight === 1 ? '1' : '-1'],
        ]),
      ),
    ]),
  );
  return linkbase([...refs, ...links]);
}

export function writeDefinitionLinkbase(t: BuiltTaxonomy): string {
  const refs = ARCROLE_DEFS.map((a) =>
    el('link:arcroleRef', [['arcroleURI', a.uri], ['xlink:type', 'simple'], ['xlink:href', `${SCHEMA_FILE}#${a.id}`]]),
  );
  const arcs = t.definitionArcs;
  const link = el('link:definitionLink', [['xlink:type', 'extended'], ['xlink:role', STD_ROLES.link]], [
    ...locators(arcs),
    ...arcs.map((a) =>
      el('link:definitionArc', [
        ['xlink:type', 'arc'],
        ['xlink:arcrole', a.arcrole],
        ['xlink:from', a.from],
        ['xlink:to', a.to],
        ['order', String(a.order)],
      ]),
    ),
  ]);
  return linkbase([...refs, link]);
}
