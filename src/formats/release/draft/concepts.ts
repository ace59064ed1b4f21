/**
 * One concept per thing a release prints. Rows of the same wording, type and period type are one concept across
 * tables ("Net sales" in the statement and in the non-GAAP reconciliation) unless their figures disagree for the
 * same period and member — then they are different things ("Operating income" of divested businesses) and get a
 * concept of their own, named after the heading they sit under. In one table a concept is printed once (a period
 * start and end row aside). Each row's figures become draft facts: what the reader will make of them.
 */
import { Decimal } from 'decimal.js';
import { addDays, instant, periodKey, type Period } from '../../../core/model/period.js';
import { consistentRounding } from '../read/figures.js';
import { labelKey } from '../read/text.js';
import type { RowShow } from '../spec/model.js';
import { classifyRow, type RowKind } from './classify.js';
import type { ColumnUse } from './columns.js';
import { camel, type NameSet } from './names.js';
import { figureValue, footsPrinted, type DraftRow, type DraftTable, type DraftType } from './tables.js';

export interface DraftConcept {
  readonly name: string;
  readonly label: string;
  readonly type: DraftType;
  readonly period: 'instant' | 'duration';
  /** context key → values printed (a figure printed twice has two). */
  readonly values: Map<string, { value: Decimal | null; decimals: number }[]>;
  readonly tables: Set<number>;
  abstract: boolean;
}

/** A row with what the draft decided for it. */
export interface PlacedRow {
  readonly row: DraftRow;
  readonly concept: DraftConcept;
  readonly show: RowShow;
  readonly kind?: RowKind;
}

export interface PlacedTable {
  readonly table: DraftTable;
  readonly rows: PlacedRow[];
  readonly uses: readonly ColumnUse[];
}

/** The context key of a column: its period (a period start/end row: the instant) and the member it names. */
export function contextKey(period: Period, use: ColumnUse): string {
  const member = use && typeof use === 'object' && 'member' in use ? `${use.axis}=${use.member}` : '';
  return `${periodKey(period)}#${member}`;
}

/** The period a row's figure in a column is for. */
export function rowPeriod(period: Period, show: RowShow): Period {
  if (period.kind !== 'duration') return period;
  if (show === 'periodStart') return instant(addDays(period.start, -1));
  if (show === 'periodEnd') return instant(period.end);
  return period;
}

/** The draft facts of a row in its own concept (variant columns are other concepts). */
function rowValues(table: DraftTable, uses: readonly ColumnUse[], row: DraftRow, kind: RowKind): Map<string, { value: Decimal | null; decimals: number }[]> {
  const out = new Map<string, { value: Decimal | null; decimals: number }[]>();
  table.columns.forEach((c, k) => {
    const f = row.figures[k];
    const use = uses[k];
    if (!f || c.spec.kind !== 'amount' || !c.spec.period || (use && typeof use === 'object' && 'variant' in use && kind.type === 'monetary')) return;
    const v = figureValue(f, kind.type, row.scales);
    const value = v === null ? null : kind.show === 'negated' && !v.value.isZero() ? v.value.negated() : v.value;
    const key = contextKey(rowPeriod(c.spec.period, kind.show), use);
    const list = out.get(key) ?? [];
    list.push({ value, decimals: v?.decimals ?? 0 });
    out.set(key, list);
  });
  return out;
}

function agree(a: { value: Decimal | null; decimals: number }, b: { value: Decimal | null; decimals: number }): boolean {
  if (a.value === null || b.value === null) return a.value === b.value;
  const [precise, rounded] = a.decimals >= b.decimals ? [a, b] : [b, a];
  return consistentRounding(precise.value!, rounded.value!, rounded.decimals);
}

function compatible(c: DraftConcept, values: ReadonlyMap<string, { value: Decimal | null; decimals: number }[]>): boolean {
  for (const [k, list] of values) {
    const have = c.values.get(k);
    if (have && !list.every((v) => have.every((h) => agree(h, v)))) return false;
  }
  return true;
}

/** An unlabelled row's wording: "Total <its heading>", or "<the first row it sums>, net". */
function unlabelled(table: DraftTable, row: DraftRow): string {
  if (row.ancestors[0]) return `Total ${row.ancestors[0].text.replace(/:$/, '').toLowerCase()}`;
  const i = table.rows.indexOf(row);
  const before = table.rows.slice(0, i).filter((r) => !r.heading);
  for (let k = 2; k <= Math.min(before.length, 8); k++) {
    const items = before.slice(-k);
    if (footsPrinted(items, row)) return `${items[0]!.text}, net`;
  }
  return 'Other amount';
}

/** A label that says nothing without its heading ("Basic", "Diluted" under "Earnings per share:"). */
const GENERIC = /^(?:basic|diluted|other|total|net|gross|subtotal|domestic|international|foreign)$/i;
const generic = (row: DraftRow) => Boolean(row.ancestors[0]) && GENERIC.test(row.text.trim());
const headingText = (h: DraftRow) => h.text.replace(/\s*\((?:in )?(?:thousands|millions|billions)\)/gi, '').replace(/:$/, '').trim();

/** Assigns a concept to every row of every table, in reading order. */
export function placeRows(tables: readonly DraftTable[], uses: readonly ColumnUse[][], names: NameSet, releaseSigns: boolean): PlacedTable[] {
  const byKey = new Map<string, DraftConcept[]>();
  const abstracts = new Map<string, DraftConcept>();
  return tables.map((table, ti) => {
    const placed: PlacedRow[] = [];
    const usedHere = new Map<DraftConcept, Set<RowShow>>();
    for (const row of table.rows) {
      if (row.heading) {
        const key = labelKey(row.text);
        let c = abstracts.get(key);
        if (!c || usedHere.has(c)) {
          c = { name: names.unique(`${camel(row.text.replace(/:$/, '')) || 'Heading'}Abstract`), label: row.text.replace(/:$/, '') || 'Heading', type: 'monetary', period: 'duration', values: new Map(), tables: new Set(), abstract: true };
          if (!abstracts.has(key)) abstracts.set(key, c);
        }
        c.tables.add(ti);
        usedHere.set(c, new Set(['plain']));
        placed.push({ row, concept: c, show: 'plain' });
        continue;
      }
      const kind0 = classifyRow(row, table, releaseSigns);
      const kind: RowKind = !row.text ? { ...kind0, base: unlabelled(table, row) } : generic(row) ? { ...kind0, base: `${headingText(row.ancestors[0]!)}, ${kind0.base.toLowerCase()}` } : kind0;
      const values = rowValues(table, uses[ti]!, row, kind);
      const key = `${labelKey(kind.base)}|${kind.type}|${kind.period}`;
      const edge = kind.show === 'periodStart' || kind.show === 'periodEnd';
      let concept = (byKey.get(key) ?? []).find((c) => {
        const shows = usedHere.get(c);
        if (shows && !(edge && !shows.has(kind.show))) return false;
        return compatible(c, values);
      });
      if (!concept) {
        const base = camel(kind.base);
        const heading = row.ancestors[0] ? camel(row.ancestors[0].text.replace(/^total\s+/i, '').replace(/\s*\([^)]*\)/g, '').replace(/:$/, ''), 7) : '';
        const name = base && !names.has(base) ? names.take(base) : heading && base && !names.has(`${heading}${base}`) ? names.take(`${heading}${base}`) : names.unique(`${heading}${base}` || 'Amount');
        concept = { name, label: kind.base || 'Amount', type: kind.type, period: kind.period, values: new Map(), tables: new Set(), abstract: false };
        byKey.set(key, [...(byKey.get(key) ?? []), concept]);
      }
      for (const [k, list] of values) concept.values.set(k, [...(concept.values.get(k) ?? []), ...list]);
      concept.tables.add(ti);
      const shows = usedHere.get(concept) ?? new Set<RowShow>();
      shows.add(kind.show);
      usedHere.set(concept, shows);
      placed.push({ row, concept, show: kind.show, kind });
    }
    return { table, rows: placed, uses: uses[ti]! };
  });
}

export { Decimal };
