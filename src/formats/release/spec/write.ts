/**
 * Writes a built taxonomy as XBRL files with xmlbuilder2: the schema (concepts, custom types, role and arcrole
 * types, linkbase references, imports) and the label, presentation, calculation and definition linkbases.
 * Deterministic: the same spec gives the same bytes (attributes in a fixed order, 2-space indent, LF line ends).
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { aliasRole, ARCROLES, STD_ROLES, type BuiltConcept, type BuiltTaxonomy, type DefinitionArc, type Network } from './built.js';

type Attrs = readonly (readonly [string, string] | undefined)[];

/** One element: attributes in order, and children or text. */
export interface XmlNode {
  readonly name: string;
  readonly attrs: readonly (readonly [string, string])[];
  readonly children?: readonly XmlNode[];
  readonly text?: string;
}

export function el(name: string, attrs: Attrs = [], content: readonly XmlNode[] | string = []): XmlNode {
  const a = attrs.filter((x): x is readonly [string, string] => x !== undefined);
  return typeof content === 'string' ? { name, attrs: a, text: content } : { name, attrs: a, children: content };
}

function add(parent: XMLBuilder, n: XmlNode): void {
  const e = parent.ele(n.name, Object.fromEntries(n.attrs));
  if (n.text !== undefined) e.txt(n.text);
  for (const c of n.children ?? []) add(e, c);
}

/** The document's text: declaration, the generated-by comment, the root; LF line ends and a final newline. */
export function renderXml(root: XmlNode, comment: string): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  doc.com(` ${comment} `);
  add(doc, root);
  return `${doc.end({ prettyPrint: true, indent: '  ', newline: '\n' })}\n`;
}

const LINKBASE_ROLES = {
  label: 'http://www.xbrl.org/2003/role/labelLinkbaseRef',
  presentation: 'http://www.xbrl.org/2003/role/presentationLinkbaseRef',
  calculation: 'http://www.xbrl.org/2003/role/calculationLinkbaseRef',
  definition: 'http://www.xbrl.org/2003/role/definitionLinkbaseRef',
} as const;
const XBRLDT = 'http://www.xbrl.org/2005/xbrldt-2005.xsd';
const NEGATED_SCHEMA = 'http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd';

/** kessan's arcroles, declared in the schema when used: id and definition. */
const KESSAN_ARCROLES: readonly { uri: string; id: string; definition: string }[] = [
  { id: 'arcrole_percentOfTotal', uri: ARCROLES.percentOfTotal, definition: 'Concept to its percent-of-total ratio concept' },
  { id: 'arcrole_ratioDenominator', uri: ARCROLES.ratioDenominator, definition: 'Ratio concept to the concept of its denominator' },
  { id: 'arcrole_percentChangePriorYear', uri: ARCROLES.percentChangePriorYear, definition: 'Concept to its percent change from the same period of the prior year' },
  { id: 'arcrole_percentChangePriorQuarter', uri: ARCROLES.percentChangePriorQuarter, definition: 'Concept to its percent change from the prior quarter' },
  { id: 'arcrole_columnVariant', uri: ARCROLES.columnVariant, definition: 'Concept of a row to the concept its figures have in a column of the table (a per-share effect beside a pretax amount)' },
];
const XDT_ARCROLES: Readonly<Record<string, string>> = {
  [ARCROLES.all]: 'all', [ARCROLES.hypercubeDimension]: 'hypercube-dimension', [ARCROLES.dimensionDomain]: 'dimension-domain',
  [ARCROLES.domainMember]: 'domain-member', [ARCROLES.dimensionDefault]: 'dimension-default',
};

export function fileNames(t: BuiltTaxonomy): { schema: string; label: string; presentation: string; calculation: string; definition: string } {
  const n = t.spec.name;
  return { schema: `${n}.xsd`, label: `${n}_lab.xml`, presentation: `${n}_pre.xml`, calculation: `${n}_cal.xml`, definition: `${n}_def.xml` };
}

const roleId = (i: number, id: string) => `role${String(i + 1).padStart(2, '0')}_${id}`;
const labelRoleId = (i: number, id: string) => `labelRole${String(i + 1).padStart(2, '0')}_${id}`;

/** The arcroles the definition linkbase uses, in a fixed order. */
function usedArcroles(t: BuiltTaxonomy): Set<string> {
  const used = new Set<string>();
  for (const a of t.definitionArcs) used.add(a.arcrole);
  for (const n of t.networks) for (const a of n.definition) used.add(a.arcrole);
  return used;
}

function conceptElement(prefix: string, c: BuiltConcept): XmlNode {
  return el('xs:element', [
    ['name', c.name], ['id', `${prefix}_${c.name}`], ['type', c.type], ['substitutionGroup', c.substitutionGroup], ['abstract', String(c.abstract)],
    ['nillable', 'true'], ['xbrli:periodType', c.periodType], c.balance ? ['xbrli:balance', c.balance] : undefined,
  ]);
}

export function writeSchema(t: BuiltTaxonomy, comment: string): string {
  const spec = t.spec;
  const files = fileNames(t);
  const hasDims = t.networks.some((n) => n.definition.some((a) => a.arcrole === ARCROLES.all));
  const linkbaseRef = (href: string, role: string) =>
    el('link:linkbaseRef', [['xlink:type', 'simple'], ['xlink:href', href], ['xlink:role', role], ['xlink:arcrole', 'http://www.w3.org/1999/xlink/properties/linkbase']]);
  const appinfo: XmlNode[] = [
    linkbaseRef(files.label, LINKBASE_ROLES.label),
    linkbaseRef(files.presentation, LINKBASE_ROLES.presentation),
    linkbaseRef(files.calculation, LINKBASE_ROLES.calculation),
    linkbaseRef(files.definition, LINKBASE_ROLES.definition),
  ];
  t.networks.forEach((n, i) => appinfo.push(el('link:roleType', [['roleURI', n.role], ['id', roleId(i, n.table.id)]], [
    el('link:definition', [], n.table.title), el('link:usedOn', [], 'link:presentationLink'), el('link:usedOn', [], 'link:calculationLink'), el('link:usedOn', [], 'link:definitionLink'),
  ])));
  t.networks.forEach((n, i) => appinfo.push(el('link:roleType', [['roleURI', n.labelRole], ['id', labelRoleId(i, n.table.id)]], [
    el('link:definition', [], `Label as printed in the table: ${n.table.title}`), el('link:usedOn', [], 'link:label'),
  ])));
  if (usesRole(t, aliasRole(spec))) {
    appinfo.push(el('link:roleType', [['roleURI', aliasRole(spec)], ['id', 'labelRole_alias']], [
      el('link:definition', [], 'Another wording a release prints for the row'), el('link:usedOn', [], 'link:label'),
    ]));
  }
  const arcroles = usedArcroles(t);
  for (const a of KESSAN_ARCROLES) {
    if (!arcroles.has(a.uri)) continue;
    appinfo.push(el('link:arcroleType', [['arcroleURI', a.uri], ['cyclesAllowed', 'none'], ['id', a.id]], [el('link:definition', [], a.definition), el('link:usedOn', [], 'link:definitionArc')]));
  }
  const types = spec.types.map((ct) => el('xs:complexType', [['name', ct.name]], [
    ...(ct.documentation ? [el('xs:annotation', [], [el('xs:documentation', [], ct.documentation)])] : []),
    el('xs:simpleContent', [], [el('xs:restriction', [['base', ct.base]])]),
  ]));
  const root = el('xs:schema', [
    ['xmlns:xs', 'http://www.w3.org/2001/XMLSchema'], ['xmlns:xbrli', 'http://www.xbrl.org/2003/instance'], ['xmlns:link', 'http://www.xbrl.org/2003/linkbase'],
    ['xmlns:xlink', 'http://www.w3.org/1999/xlink'], ['xmlns:num', 'http://www.xbrl.org/dtr/type/numeric'],
    hasDims ? ['xmlns:xbrldt', 'http://xbrl.org/2005/xbrldt'] : undefined,
    ...spec.imports.map((i) => [`xmlns:${i.prefix}`, i.namespace] as const),
    [`xmlns:${spec.prefix}`, spec.namespace], ['targetNamespace', spec.namespace], ['elementFormDefault', 'qualified'], ['attributeFormDefault', 'unqualified'],
  ], [
    el('xs:annotation', [], [el('xs:appinfo', [], appinfo)]),
    el('xs:import', [['namespace', 'http://www.xbrl.org/2003/instance'], ['schemaLocation', 'http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd']]),
    el('xs:import', [['namespace', 'http://www.xbrl.org/dtr/type/numeric'], ['schemaLocation', 'http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd']]),
    ...(hasDims ? [el('xs:import', [['namespace', 'http://xbrl.org/2005/xbrldt'], ['schemaLocation', XBRLDT]])] : []),
    ...spec.imports.map((i) => el('xs:import', [['namespace', i.namespace], ['schemaLocation', i.schemaLocation]])),
    ...types,
    ...t.concepts.map((c) => conceptElement(spec.prefix, c)),
  ]);
  return renderXml(root, comment);
}

function usesRole(t: BuiltTaxonomy, role: string): boolean {
  for (const list of t.labels.values()) if (list.some((l) => l.role === role)) return true;
  return false;
}

/** Locator label and href of a concept key (local name, or `prefix:Name` of an imported base taxonomy). */
export function locOf(t: BuiltTaxonomy, key: string): { label: string; href: string } {
  const colon = key.indexOf(':');
  if (colon < 0) return { label: key, href: `${fileNames(t).schema}#${t.spec.prefix}_${key}` };
  const prefix = key.slice(0, colon);
  const imp = t.spec.imports.find((i) => i.prefix === prefix)!;
  return { label: `${prefix}_${key.slice(colon + 1)}`, href: `${imp.schemaLocation}#${prefix}_${key.slice(colon + 1)}` };
}

function linkbase(children: XmlNode[], comment: string, xdt = false): string {
  return renderXml(el('link:linkbase', [
    ['xmlns:link', 'http://www.xbrl.org/2003/linkbase'], ['xmlns:xlink', 'http://www.w3.org/1999/xlink'], ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
    xdt ? ['xmlns:xbrldt', 'http://xbrl.org/2005/xbrldt'] : undefined,
    ['xsi:schemaLocation', 'http://www.xbrl.org/2003/linkbase http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd'],
  ], children), comment);
}

function loc(t: BuiltTaxonomy, key: string, label?: string): XmlNode {
  const l = locOf(t, key);
  return el('link:loc', [['xlink:type', 'locator'], ['xlink:href', l.href], ['xlink:label', label ?? l.label]]);
}

const roleRef = (uri: string, href: string) => el('link:roleRef', [['roleURI', uri], ['xlink:type', 'simple'], ['xlink:href', href]]);
const arcroleRef = (uri: string, href: string) => el('link:arcroleRef', [['arcroleURI', uri], ['xlink:type', 'simple'], ['xlink:href', href]]);

/** Short, stable suffix of a label role for label resource ids. */
function labelSuffix(t: BuiltTaxonomy, role: string): string {
  if (role === STD_ROLES.label) return '';
  const base = `${t.spec.namespace}/role/label/`;
  if (role.startsWith(base)) return `_${role.slice(base.length)}`;
  return `_${role.slice(role.lastIndexOf('/') + 1)}`;
}

export function writeLabelLinkbase(t: BuiltTaxonomy, comment: string): string {
  const used = new Set<string>();
  const items: XmlNode[] = [];
  const ids = new Set<string>();
  for (const key of [...t.concepts.map((c) => c.name), ...[...t.labels.keys()].filter((k) => k.includes(':'))]) {
    const labels = t.labels.get(key) ?? [];
    if (!labels.length) continue;
    const l0 = locOf(t, key).label;
    items.push(loc(t, key));
    for (const l of labels) {
      used.add(l.role);
      let id = `label_${l0}${labelSuffix(t, l.role)}`;
      for (let k = 2; ids.has(id); k++) id = `label_${l0}${labelSuffix(t, l.role)}_${k}`;
      ids.add(id);
      items.push(el('link:label', [['xlink:type', 'resource'], ['xlink:label', `label_${l0}`], ['xlink:role', l.role], ['xml:lang', t.spec.lang], ['id', id]], l.text));
    }
    items.push(el('link:labelArc', [['xlink:type', 'arc'], ['xlink:arcrole', 'http://www.xbrl.org/2003/arcrole/concept-label'], ['xlink:from', l0], ['xlink:to', `label_${l0}`]]));
  }
  const schema = fileNames(t).schema;
  const refs: XmlNode[] = [];
  for (const r of [STD_ROLES.negated, STD_ROLES.negatedTerse, STD_ROLES.negatedTotal]) if (used.has(r)) refs.push(roleRef(r, `${NEGATED_SCHEMA}#${r.slice(r.lastIndexOf('/') + 1)}`));
  t.networks.forEach((n, i) => {
    if (used.has(n.labelRole)) refs.push(roleRef(n.labelRole, `${schema}#${labelRoleId(i, n.table.id)}`));
  });
  if (used.has(aliasRole(t.spec))) refs.push(roleRef(aliasRole(t.spec), `${schema}#labelRole_alias`));
  return linkbase([...refs, el('link:labelLink', [['xlink:type', 'extended'], ['xlink:role', STD_ROLES.link]], items)], comment);
}

/** Locators for the concepts of a set of arcs, in order of first use. */
function locators(t: BuiltTaxonomy, arcs: readonly { from: string; to: string }[]): XmlNode[] {
  const seen = new Set<string>();
  const out: XmlNode[] = [];
  for (const a of arcs) for (const c of [a.from, a.to]) if (!seen.has(c)) {
    seen.add(c);
    out.push(loc(t, c));
  }
  return out;
}

export function writePresentationLinkbase(t: BuiltTaxonomy, comment: string): string {
  const schema = fileNames(t).schema;
  const refs = t.networks.map((n, i) => roleRef(n.role, `${schema}#${roleId(i, n.table.id)}`));
  const links = t.networks.map((n) => {
    // A concept shown twice in one network (cash at the start and at the end of the period) gets a second
    // locator, because XLink forbids two arcs between the same pair of locator labels.
    const locs: XmlNode[] = [loc(t, n.root)];
    const seen = new Map<string, number>([[n.root, 1]]);
    const toLabels = n.presentation.map((a) => {
      const k = (seen.get(a.to) ?? 0) + 1;
      seen.set(a.to, k);
      const base = locOf(t, a.to).label;
      const label = k === 1 ? base : `${base}_${k}`;
      locs.push(loc(t, a.to, label));
      return label;
    });
    return el('link:presentationLink', [['xlink:type', 'extended'], ['xlink:role', n.role]], [
      ...locs,
      ...n.presentation.map((a, i) => el('link:presentationArc', [
        ['xlink:type', 'arc'], ['xlink:arcrole', 'http://www.xbrl.org/2003/arcrole/parent-child'], ['xlink:from', locOf(t, a.from).label], ['xlink:to', toLabels[i]!],
        ['order', String(a.order)], a.preferredLabel ? ['preferredLabel', a.preferredLabel] : undefined,
      ])),
    ]);
  });
  return linkbase([...refs, ...links], comment);
}

export function writeCalculationLinkbase(t: BuiltTaxonomy, comment: string): string {
  const schema = fileNames(t).schema;
  const withCalc = t.networks.map((n, i) => ({ n, i })).filter(({ n }) => n.calculation.length > 0);
  const refs = withCalc.map(({ n, i }) => roleRef(n.role, `${schema}#${roleId(i, n.table.id)}`));
  const links = withCalc.map(({ n }) => el('link:calculationLink', [['xlink:type', 'extended'], ['xlink:role', n.role]], [
    ...locators(t, n.calculation),
    ...n.calculation.map((a) => el('link:calculationArc', [
      ['xlink:type', 'arc'], ['xlink:arcrole', 'http://www.xbrl.org/2003/arcrole/summation-item'], ['xlink:from', locOf(t, a.from).label], ['xlink:to', locOf(t, a.to).label],
      ['order', String(a.order)], ['weight', a.weight === 1 ? '1' : '-1'],
    ])),
  ]));
  return linkbase([...refs, ...links], comment);
}

function definitionLink(t: BuiltTaxonomy, role: string, arcs: readonly DefinitionArc[]): XmlNode {
  return el('link:definitionLink', [['xlink:type', 'extended'], ['xlink:role', role]], [
    ...locators(t, arcs),
    ...arcs.map((a) => el('link:definitionArc', [
      ['xlink:type', 'arc'], ['xlink:arcrole', a.arcrole], ['xlink:from', locOf(t, a.from).label], ['xlink:to', locOf(t, a.to).label], ['order', String(a.order)],
      ...(a.attributes ?? []),
    ])),
  ]);
}

export function writeDefinitionLinkbase(t: BuiltTaxonomy, comment: string): string {
  const schema = fileNames(t).schema;
  const arcroles = usedArcroles(t);
  const withDefs: { n: Network; i: number }[] = t.networks.map((n, i) => ({ n, i })).filter(({ n }) => n.definition.length > 0);
  const refs: XmlNode[] = [
    ...withDefs.map(({ n, i }) => roleRef(n.role, `${schema}#${roleId(i, n.table.id)}`)),
    ...KESSAN_ARCROLES.filter((a) => arcroles.has(a.uri)).map((a) => arcroleRef(a.uri, `${schema}#${a.id}`)),
    ...Object.entries(XDT_ARCROLES).filter(([uri]) => arcroles.has(uri)).map(([uri, id]) => arcroleRef(uri, `${XBRLDT}#${id}`)),
  ];
  const links: XmlNode[] = [];
  if (t.definitionArcs.length || !withDefs.length) links.push(definitionLink(t, STD_ROLES.link, t.definitionArcs));
  for (const { n } of withDefs) links.push(definitionLink(t, n.role, n.definition));
  return linkbase([...refs, ...links], comment, withDefs.some(({ n }) => n.definition.some((a) => a.attributes?.length)));
}

/** Every file of the taxonomy: name → content. */
export function writeTaxonomy(t: BuiltTaxonomy, comment: string): Map<string, string> {
  const f = fileNames(t);
  return new Map([
    [f.schema, writeSchema(t, comment)],
    [f.label, writeLabelLinkbase(t, comment)],
    [f.presentation, writePresentationLinkbase(t, comment)],
    [f.calculation, writeCalculationLinkbase(t, comment)],
    [f.definition, writeDefinitionLinkbase(t, comment)],
  ]);
}
