/**
 * How kessan lays a report's facts out as xBRL-CSV tables, so that a statement reads as a table: a row per
 * context (entity, period, dimension members), a column per concept (with its unit and language).
 *
 * - Facts are first grouped by shape, the set of taxonomy-defined dimensions they have: each shape needs its own
 *   dimension columns.
 * - Within a shape, concept columns are grouped by the rows they have a fact in. Columns with the same rows make
 *   one table: no empty cell, and the concepts of one statement (reported for the same periods) side by side.
 * - A row holds one fact per column; a second fact for the same context and column (XBRL duplicates, such as two
 *   printings that disagree) goes in another row with the same context.
 *
 * Tables and columns keep the order in which the report first has them; rows are in a fixed order (entity, then
 * the latest period first, longer before shorter, then dimension members), so that a report read back from the
 * tables lays out the same again.
 */
import type { Fact } from '../../../core/model/fact.js';
import { periodKey } from '../../../core/model/period.js';
import { clark, type QName } from '../../../core/model/qname.js';
import { unitKey, type Unit } from '../../../core/model/unit.js';

/** A concept column: the concept, unit and language its facts share. */
export interface ConceptColumn {
  readonly concept: QName;
  readonly unit: Unit | undefined;
  readonly lang: string | undefined;
}

/** One row: its context (taken from any of its facts) and a fact or nothing per concept column. */
export interface LaidRow {
  readonly context: Fact;
  readonly cells: (Fact | undefined)[];
}

export interface LaidTable {
  /** The taxonomy-defined dimensions of every row, in code-unit order of their Clark names. */
  readonly axes: readonly QName[];
  readonly columns: readonly ConceptColumn[];
  readonly rows: readonly LaidRow[];
}

interface ColumnFacts {
  readonly column: ConceptColumn;
  readonly first: number;
  /** Facts by row key, in report order (more than one: duplicates). */
  readonly byRow: Map<string, Fact[]>;
}

const rowKeyOf = (f: Fact) =>
  `${f.entity.scheme}\u0000${f.entity.identifier}\u0000${periodKey(f.period)}\u0000${[...f.dimensions]
    .map(([d, v]) => `${clark(d)}=${'typed' in v ? `typed:${v.typed}` : clark(v)}`)
    .sort()
    .join('\u0000')}`;

export function layOutTables(facts: readonly Fact[]): LaidTable[] {
  // shape → column key → the column's facts
  const shapes = new Map<string, { axes: QName[]; columns: Map<string, ColumnFacts> }>();
  const rowContext = new Map<string, Fact>();
  facts.forEach((f, i) => {
    const axes = [...f.dimensions.keys()].sort((a, b) => (clark(a) < clark(b) ? -1 : clark(a) > clark(b) ? 1 : 0));
    const shapeKey = axes.map(clark).join(' ');
    let shape = shapes.get(shapeKey);
    if (!shape) shapes.set(shapeKey, (shape = { axes, columns: new Map() }));
    const colKey = `${clark(f.concept)} ${f.unit ? unitKey(f.unit) : ''} ${f.lang?.toLowerCase() ?? ''}`;
    let col = shape.columns.get(colKey);
    if (!col) shape.columns.set(colKey, (col = { column: { concept: f.concept, unit: f.unit, lang: f.lang?.toLowerCase() }, first: i, byRow: new Map() }));
    const rowKey = rowKeyOf(f);
    if (!rowContext.has(rowKey)) rowContext.set(rowKey, f);
    const list = col.byRow.get(rowKey);
    if (list) list.push(f);
    else col.byRow.set(rowKey, [f]);
  });

  const tables: { first: number; table: LaidTable }[] = [];
  for (const { axes, columns } of shapes.values()) {
    // Columns with the same rows make one table.
    const bySignature = new Map<string, ColumnFacts[]>();
    for (const col of columns.values()) {
      const signature = [...col.byRow.keys()].sort().join('\u0001');
      const group = bySignature.get(signature);
      if (group) group.push(col);
      else bySignature.set(signature, [col]);
    }
    for (const group of bySignature.values()) {
      const rowKeys = [...group[0]!.byRow.keys()].sort((a, b) => compareRows(rowContext.get(a)!, rowContext.get(b)!, a, b));
      const rows: LaidRow[] = [];
      for (const key of rowKeys) {
        const depth = Math.max(...group.map((c) => c.byRow.get(key)!.length));
        for (let k = 0; k < depth; k++) {
          const cells = group.map((c) => c.byRow.get(key)![k]);
          rows.push({ context: cells.find((x) => x !== undefined)!, cells });
        }
      }
      tables.push({ first: group[0]!.first, table: { axes, columns: group.map((c) => c.column), rows } });
    }
  }
  return tables.sort((a, b) => a.first - b.first).map((t) => t.table);
}

/** Periods as a statement orders its columns: the latest end first, then the longer period, forever first. */
function compareRows(a: Fact, b: Fact, keyA: string, keyB: string): number {
  const ea = `${a.entity.scheme}\u0000${a.entity.identifier}`;
  const eb = `${b.entity.scheme}\u0000${b.entity.identifier}`;
  if (ea !== eb) return ea < eb ? -1 : 1;
  const end = (f: Fact) => (f.period.kind === 'instant' ? f.period.date : f.period.kind === 'duration' ? f.period.end : '\uffff');
  const start = (f: Fact) => (f.period.kind === 'duration' ? f.period.start : f.period.kind === 'instant' ? '\uffff' : '');
  if (end(a) !== end(b)) return end(a) > end(b) ? -1 : 1;
  if (start(a) !== start(b)) return start(a) < start(b) ? -1 : 1;
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}
