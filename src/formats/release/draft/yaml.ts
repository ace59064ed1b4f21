/** Writes a spec as YAML the way people read it: one line per concept, calculation items on one line, rows nested. */
import { Document, isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import type { RawSpec } from './draft.js';

/** One-line maps and lists where a spec is read best that way (in a document, new or edited). */
export function styleSpec(doc: Document): void {
  const concepts = doc.get('concepts');
  if (isSeq(concepts)) for (const c of concepts.items) if (isMap(c)) c.flow = true;
  const dims = doc.get('dimensions');
  if (isSeq(dims)) for (const d of dims.items) {
    if (!isMap(d)) continue;
    const domain = d.get('domain');
    if (isMap(domain)) domain.flow = true;
    const members = d.get('members');
    if (isSeq(members)) for (const m of members.items) if (isMap(m)) m.flow = true;
  }
  const variants = doc.get('variants');
  if (isSeq(variants)) for (const v of variants.items) if (isMap(v)) v.flow = true;
  const tables = doc.get('tables');
  if (!isSeq(tables)) return;
  for (const t of tables.items) {
    if (!isMap(t)) continue;
    const ratios = t.get('ratios');
    if (isMap(ratios)) (ratios as YAMLMap).flow = true;
    const columns = t.get('columns');
    if (isSeq(columns)) for (const c of columns.items) if (isMap(c)) c.flow = true;
    const calcs = t.get('calculations');
    if (isSeq(calcs)) for (const c of calcs.items) {
      if (!isMap(c)) continue;
      const items = c.get('items');
      if (isSeq(items)) (items as YAMLSeq).flow = true;
    }
  }
}

export function specYaml(spec: RawSpec, header: string, notes: readonly string[]): string {
  const doc = new Document(spec);
  styleSpec(doc);
  const lines = [header, ...(notes.length ? ['', 'Notes from kessan init (delete them once read):', ...notes.map((n) => `- ${n}`)] : [])];
  doc.commentBefore = lines.map((l) => (l ? ` ${l}` : '')).join('\n');
  return doc.toString({ lineWidth: 0 });
}
