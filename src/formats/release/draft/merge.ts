/**
 * `kessan init` on a release whose spec exists: the spec is the user's, edited or not. It stays as it is —
 * comments, order, names, labels, calculations — and only what the release prints and the spec does not know is
 * added: rows (matched by their printed label in the table, then anywhere in the spec), tables (matched by id,
 * title, then by the rows they share), and the concepts, types and dimension members those need. A new row goes
 * after the row printed before it. Rows the spec has and the release no longer prints are kept.
 */
import { isMap, isSeq, parseDocument, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { readSpec } from '../spec/load.js';
import type { SpecRow, TaxonomySpec } from '../spec/model.js';
import { labelKey } from '../read/text.js';
import type { Draft, RawRow, RawTable } from './draft.js';
import { NameSet } from './names.js';

export interface MergeResult {
  readonly text: string;
  readonly notes: readonly string[];
  readonly added: { readonly concepts: readonly string[]; readonly tables: readonly string[]; readonly rows: readonly string[] };
}

/** A draft row's concept and printed label, whatever form it has. */
function rowParts(r: RawRow): { concept: string; label: string; heading: boolean } {
  if (typeof r.heading === 'string') return { concept: r.heading, label: String(r.label ?? ''), heading: true };
  if (typeof r.concept === 'string') return { concept: r.concept, label: String(r.label ?? ''), heading: false };
  const [concept, label] = Object.entries(r)[0] as [string, string];
  return { concept, label, heading: false };
}

function allRows(rows: readonly SpecRow[], out: SpecRow[] = []): SpecRow[] {
  for (const r of rows) {
    out.push(r);
    if (r.kind === 'heading') allRows(r.rows, out);
  }
  return out;
}

function draftRows(rows: readonly RawRow[], parent?: RawRow, out: { row: RawRow; parent?: RawRow }[] = []): { row: RawRow; parent?: RawRow }[] {
  for (const r of rows) {
    out.push(parent ? { row: r, parent } : { row: r });
    if (Array.isArray(r.rows)) draftRows(r.rows as RawRow[], r, out);
  }
  return out;
}

/** The YAML sequence holding a table's rows, and each row node by its printed label key (first printing). */
function rowNodes(table: YAMLMap): Map<string, { list: YAMLSeq; node: Node }> {
  const out = new Map<string, { list: YAMLSeq; node: Node }>();
  const walk = (list: YAMLSeq) => {
    for (const node of list.items as Node[]) {
      const js = (node as YAMLMap).toJSON() as RawRow;
      const key = labelKey(rowParts(js).label);
      if (!out.has(key)) out.set(key, { list, node });
      const sub = isMap(node) ? node.get('rows', true) : undefined;
      if (isSeq(sub)) walk(sub);
    }
  };
  const rows = table.get('rows', true);
  if (isSeq(rows)) walk(rows);
  return out;
}

function seqOf(doc: Document, key: string): YAMLSeq {
  let seq = doc.get(key, true);
  if (!isSeq(seq)) {
    doc.set(key, doc.createNode([]));
    seq = doc.get(key, true);
  }
  return seq as YAMLSeq;
}

function flow(node: Node): Node {
  if (isMap(node) || isSeq(node)) node.flow = true;
  return node;
}

export function mergeSpec(text: string, file: string, draft: Draft): MergeResult {
  const user: TaxonomySpec = readSpec(text, file);
  const doc = parseDocument(text);
  const notes: string[] = [];
  const added = { concepts: [] as string[], tables: [] as string[], rows: [] as string[] };
  const names = new NameSet([...user.concepts.map((c) => c.name), ...user.tables.flatMap((t) => [t.id, `${t.id}Heading`, `${t.id}Hypercube`]), ...user.dimensions.flatMap((d) => [d.axis, d.domain.name, ...d.members.map((m) => m.name)])]);
  // The user's concept for a printed label, anywhere in the spec.
  const byLabel = new Map<string, string>();
  for (const t of user.tables) for (const r of allRows(t.rows)) if (!byLabel.has(labelKey(r.label))) byLabel.set(labelKey(r.label), r.concept);
  for (const c of user.concepts) for (const a of [c.label, ...(c.aliases ?? [])]) if (!byLabel.has(labelKey(a))) byLabel.set(labelKey(a), c.name);

  const draftConcepts = new Map(draft.spec.concepts.map((c) => [String(c.name), c]));
  const rename = new Map<string, string>();
  /** The user's name for a draft concept: the concept of a row printed the same, or the draft's, added. */
  const conceptFor = (draftName: string, label: string, heading: boolean): string => {
    const known = byLabel.get(labelKey(label));
    if (known) return known;
    let name = rename.get(draftName);
    if (name) return name;
    name = names.has(draftName) ? names.unique(draftName) : names.take(draftName);
    rename.set(draftName, name);
    if (!heading) {
      const c = draftConcepts.get(draftName);
      if (c) {
        seqOf(doc, 'concepts').items.push(flow(doc.createNode({ ...c, name })) as never);
        added.concepts.push(name);
      }
    }
    return name;
  };
  const toRow = (r: RawRow, parts: { concept: string; label: string; heading: boolean }, name: string): RawRow => {
    if (parts.heading) return { ...r, heading: name, rows: [] };
    if (typeof r.concept === 'string') return { ...r, concept: name };
    return { [name]: parts.label };
  };

  const userTables = doc.get('tables', true) as YAMLSeq;
  const tableNodes = (userTables.items as YAMLMap[]).map((node, i) => ({ node, spec: user.tables[i]! }));
  for (const dt of draft.spec.tables) {
    const keys = draftRows(dt.rows).map((x) => labelKey(rowParts(x.row).label));
    const match = tableNodes.find((t) => t.spec.id === dt.id) ?? tableNodes.find((t) => labelKey(t.spec.title) === labelKey(dt.title)) ?? tableNodes
      .map((t) => ({ t, hits: keys.filter((k) => allRows(t.spec.rows).some((r) => labelKey(r.label) === k)).length }))
      .filter((x) => x.hits >= Math.max(2, keys.length / 2))
      .sort((a, b) => b.hits - a.hits)[0]?.t;
    if (!match) {
      addTable(dt);
      continue;
    }
    const existing = rowNodes(match.node);
    let anchor: { list: YAMLSeq; node: Node } | undefined;
    const inserted = new Map<RawRow, YAMLSeq>();
    for (const { row, parent } of draftRows(dt.rows)) {
      const parts = rowParts(row);
      const have = existing.get(labelKey(parts.label));
      if (have) {
        anchor = have;
        continue;
      }
      const name = conceptFor(parts.concept, parts.label, parts.heading);
      const node = doc.createNode(toRow(row, parts, name)) as Node;
      const under = parent ? inserted.get(parent) : undefined;
      if (under) under.items.push(node as never);
      else if (anchor) anchor.list.items.splice(anchor.list.items.indexOf(anchor.node as never) + 1, 0, node as never);
      else (match.node.get('rows', true) as unknown as YAMLSeq).items.unshift(node as never);
      if (parts.heading && isMap(node)) inserted.set(row, node.get('rows', true) as unknown as YAMLSeq);
      const list = under ?? anchor?.list ?? (match.node.get('rows', true) as unknown as YAMLSeq);
      if (!under) anchor = { list, node };
      existing.set(labelKey(parts.label), { list, node });
      added.rows.push(`${match.spec.id}: ${parts.label}`);
    }
  }

  function addTable(dt: RawTable): void {
    const id = names.has(dt.id) ? names.unique(dt.id) : names.take(dt.id);
    names.take(`${id}Heading`);
    const mapRows = (rows: RawRow[]): RawRow[] => rows.map((r) => {
      const parts = rowParts(r);
      const row = toRow(r, parts, conceptFor(parts.concept, parts.label, parts.heading));
      return parts.heading ? { ...row, rows: mapRows((r.rows as RawRow[]) ?? []) } : row;
    });
    const rows = mapRows(dt.rows);
    const mapped = (n: string) => rename.get(n) ?? byLabelOf(n);
    const byLabelOf = (n: string) => (draftConcepts.has(n) ? byLabel.get(labelKey(String(draftConcepts.get(n)!.label))) : undefined);
    const calcs = (dt.calculations ?? []).flatMap((c) => {
      const total = mapped(c.total);
      const items = c.items.map((i) => (i.startsWith('-') ? `-${mapped(i.slice(1)) ?? ''}` : mapped(i)));
      return total && items.every((i) => i && i !== '-') ? [{ total, items: items as string[] }] : [];
    });
    const node = doc.createNode({ ...dt, id, rows, ...(calcs.length ? { calculations: calcs } : {}) }) as YAMLMap;
    if (!calcs.length) node.delete('calculations');
    const cs = node.get('calculations', true);
    if (isSeq(cs)) for (const c of cs.items as YAMLMap[]) flow(c.get('items', true) as Node);
    const cols = node.get('columns', true);
    if (isSeq(cols)) for (const c of cols.items as Node[]) flow(c);
    userTables.items.push(node as never);
    added.tables.push(id);
  }

  // Dimensions, members and variants the new rows and tables name.
  for (const d of (draft.spec.dimensions ?? []) as { axis: string; members: { name: string; label: string }[] }[]) {
    const have = user.dimensions.find((u) => u.axis === d.axis);
    if (!have) {
      seqOf(doc, 'dimensions').items.push(doc.createNode(d) as never);
      continue;
    }
    const dims = doc.get('dimensions', true) as YAMLSeq;
    const node = (dims.items as YAMLMap[])[user.dimensions.indexOf(have)]!;
    for (const m of d.members) if (!have.members.some((x) => labelKey(x.label) === labelKey(m.label) || x.name === m.name)) (node.get('members', true) as unknown as YAMLSeq).items.push(flow(doc.createNode(m)) as never);
  }
  for (const v of (draft.spec.variants ?? []) as { name: string }[]) if (!user.variants.some((u) => u.name === v.name)) seqOf(doc, 'variants').items.push(flow(doc.createNode(v)) as never);
  for (const t of draft.spec.types ?? []) if (!user.types.some((u) => u.name === t.name)) seqOf(doc, 'types').items.push(doc.createNode(t) as never);

  if (added.concepts.length || added.rows.length || added.tables.length) {
    notes.push(`added ${added.concepts.length} concept(s), ${added.rows.length} row(s) and ${added.tables.length} table(s) the spec did not have; everything else is as you left it`);
  }
  return { text: doc.toString({ lineWidth: 0 }), notes, added };
}
