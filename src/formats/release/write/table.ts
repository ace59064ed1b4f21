import type { Fact } from '../../../core/model/fact.js';
import { isNumericValue } from '../../../core/model/fact.js';
import { clark } from '../../../core/model/qname.js';
import { periodKey } from '../../../core/model/period.js';
import { ARCROLE } from '../../../core/taxonomy/model.js';
import type { ColumnSpec } from '../read/columns.js';
import type { ReleaseView, RowNode, TableNetwork } from '../read/networks.js';
import { columnMeaning, variantConcept, type ColumnMeaning, type RoleColumns } from '../read/qualifiers.js';
import { rowScale, type Scales } from '../read/scales.js';
import { factPeriod } from '../read/tables.js';
import { isPercentConcept } from '../read/units.js';
import { factCurrency, type FactIndex } from './facts.js';
import { decimalsOf, formatFigure, naturalPlaces, placesFor } from './format.js';

/** How a table prints: monetary scale, the currency of columns that name none, and whether figures keep the table's precision. */
export interface TableStyle {
  readonly scale: number;
  /** The scale share counts print at (default 0: in full). */
  readonly sharesScale?: number;
  readonly currency: string | undefined;
  /** The currency most of the report's figures are in. */
  readonly mainCurrency: string | undefined;
  /**
   * 'table': monetary figures print at the table's precision (a fact known in thousands prints rounded in a table
   * in millions, as releases do); 'fact': every figure prints at its own decimals.
   */
  readonly precision: 'table' | 'fact';
  /** Rows without any figure are left out (abstract rows stay when a row under them prints). */
  readonly skipEmptyRows: boolean;
}

function escapeLabel(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Concepts that are a summation total in this table's link role: printed bold. */
function totalsOf(view: ReleaseView, role: string): Set<string> {
  return new Set(view.taxonomy.relationships(ARCROLE.summationItem, role).map((r) => clark(r.from)));
}

interface Cell {
  readonly text: string;
  readonly fact?: Fact;
}

/** The fact a cell prints and how: exact printings first, then the k-th of disagreeing printings in order. */
function cellOf(node: RowNode, spec: ColumnSpec, meaning: ColumnMeaning | undefined, cols: RoleColumns, view: ReleaseView, index: FactIndex, style: TableStyle, scales: Scales): Cell {
  if (!spec.period || (spec.qualifier && !meaning)) return { text: '' };
  const concept = spec.kind !== 'amount' ? view.ratioConcept(node.concept.name, spec.kind) : meaning?.variant ? variantConcept(cols, node.concept, meaning.variant) : node.concept;
  if (!concept) return { text: '' };
  const period = factPeriod(concept, node, spec.period);
  if (typeof period === 'string') return { text: '' };
  const currency = spec.currency ?? style.currency;
  const all = index.at(concept.name, period, meaning?.dimensions).filter((f) => {
    const c = factCurrency(f);
    // A figure in no currency (shares, counts, ratios) goes under the report's own currency, not a convenience one.
    return c === undefined ? spec.currency === undefined || spec.currency === style.mainCurrency : currency === undefined || c === currency;
  });
  if (!all.length) return { text: '' };
  const percent = isPercentConcept(concept);
  const scale = concept.type.monetary ? scales.monetary : concept.type.shares ? scales.shares : 0;
  const printAt = (f: Fact): number | undefined => {
    if (!isNumericValue(f.value)) return 0;
    if (f.decimals === 'INF' || f.decimals === undefined) return naturalPlaces(f.value, scale, percent);
    const own = placesFor(f.decimals, scale, percent);
    if (own === undefined) return undefined;
    return style.precision === 'table' && concept.type.monetary && scales.monetary > 0 ? 0 : own;
  };
  const exact = (f: Fact) => {
    const p = printAt(f);
    return p !== undefined && (!isNumericValue(f.value) || f.decimals === 'INF' || decimalsOf(p, scale, percent) === f.decimals);
  };
  const printable = all.filter((f) => printAt(f) !== undefined);
  if (!printable.length) return { text: '' };
  const best = printable.filter(exact);
  const pool = best.length ? best : printable;
  const fact = pool[Math.min(index.usesOf(pool[0]!), pool.length - 1)]!;
  index.use(fact);
  if (exact(fact)) index.exact.add(fact);
  const negate = node.negated && spec.kind !== 'changePriorYear' && spec.kind !== 'changePriorQuarter';
  const value = isNumericValue(fact.value) ? (negate ? fact.value.negated() : fact.value) : null;
  return { text: formatFigure(value, { scale, percent, places: printAt(fact)! }), fact };
}

/**
 * A row without a variant of its own (a share count among per-share effects) prints its figure in the variant
 * column of the period, not again in the column of the rows' own figures beside it.
 */
function printsElsewhere(node: RowNode, i: number, columns: readonly ColumnSpec[], meanings: readonly (ColumnMeaning | undefined)[], cols: RoleColumns): boolean {
  const m = meanings[i];
  if (!m || m.variant || !cols.variantKeys.size || cols.variants.has(clark(node.concept.name))) return false;
  const p = columns[i]!.period;
  return columns.some((c, k) => meanings[k]?.variant !== undefined && c.period !== undefined && p !== undefined && periodKey(c.period) === periodKey(p));
}

/**
 * A table's body rows, tab-separated: the network's rows in order with their preferred labels (negated rows
 * negated, period start/end rows at the edges of their columns), one cell per column.
 */
export function renderBody(net: TableNetwork, columns: readonly ColumnSpec[], view: ReleaseView, index: FactIndex, style: TableStyle): string[] {
  const totals = totalsOf(view, net.role);
  const cols = view.columnsOf(net);
  const meanings = columns.map((c) => (c.qualifier ? columnMeaning(c.qualifier, cols) : undefined));
  const rows: { node: RowNode; cells: Cell[] }[] = [];
  // Scales as the reader will apply them: a row whose label states one ("Shares used … (in thousands):") sets
  // it for the rows under it, and a row without figures ends that.
  const table: Scales = { monetary: style.scale, shares: style.sharesScale ?? 0 };
  let scales = table;
  for (const node of net.rows) {
    if (node.depth === 0) continue;
    if (node.concept.abstract) {
      scales = rowScale(node.label, false, scales, table);
      rows.push({ node, cells: [] });
      continue;
    }
    const own = rowScale(node.label, true, scales, table);
    const cells = columns.map((c, i) => (printsElsewhere(node, i, columns, meanings, cols) ? { text: '' } : cellOf(node, c, meanings[i], cols, view, index, style, own)));
    scales = rowScale(node.label, cells.some((c) => c.text), scales, table);
    rows.push({ node, cells });
  }
  const printing = new Set<RowNode>();
  for (const r of rows) {
    if (!r.cells.some((c) => c.text)) continue;
    for (let n: RowNode | undefined = r.node; n; n = n.parent) printing.add(n);
  }
  const width = columns.length;
  const lines: string[] = [];
  for (const { node, cells } of rows) {
    if (style.skipEmptyRows && !printing.has(node)) continue;
    const bold = totals.has(clark(node.concept.name)) || (node.concept.abstract && node.depth === 1);
    const b = (s: string) => (bold && s ? `<b>${s}</b>` : s);
    const texts = Array.from({ length: width }, (_, i) => b(cells[i]?.text ?? ''));
    lines.push([b(escapeLabel(node.label)), ...texts].join('\t'));
  }
  return lines;
}
