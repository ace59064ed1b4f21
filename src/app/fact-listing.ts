/**
 * The columns `kessan facts` lists, the same in every output format: CSV, JSON, JSON lines, Parquet and DuckDB.
 * Each column has one SQL type (what Parquet and DuckDB hold); the text formats write the same value as text (CSV)
 * or as a JSON string, number, boolean, object or null. Typed for aggregators: the period as dates, the concept and
 * the unit in parts, decimals as a whole number (INF is null: empty in CSV, null in JSON), the value both as its
 * exact text and as a DECIMAL where it is a number that fits one.
 */
import type { Decimal } from 'decimal.js';
import type { Fact } from '../core/model/fact.js';
import { formatQName, type QName } from '../core/model/qname.js';
import { formatUnit } from '../core/model/unit.js';
import type { XmlNode } from '../core/model/xml.js';
import { contentXml } from '../formats/xbrl/write/content.js';

/** DECIMAL(38, 10): 28 digits before the point (far beyond any amount in any currency), 10 after (rates, per-share figures). */
export const DECIMAL_PRECISION = 38;
export const DECIMAL_SCALE = 10;

/** Every column, in order, with its SQL type. `label` is there only when labels are asked for. */
export const LISTING_COLUMNS = [
  ['filing', 'VARCHAR'],
  ['document', 'VARCHAR'],
  ['entity_scheme', 'VARCHAR'],
  ['entity_id', 'VARCHAR'],
  ['concept', 'VARCHAR'],
  ['concept_namespace', 'VARCHAR'],
  ['concept_name', 'VARCHAR'],
  ['concept_prefix', 'VARCHAR'],
  ['label', 'VARCHAR'],
  ['period_type', 'VARCHAR'],
  ['period_start', 'DATE'],
  ['period_end', 'DATE'],
  ['period_instant', 'DATE'],
  ['dimensions', 'MAP(VARCHAR, VARCHAR)'],
  ['dimensions_json', 'VARCHAR'],
  ['segment', 'VARCHAR'],
  ['scenario', 'VARCHAR'],
  ['unit', 'VARCHAR'],
  ['unit_numerator', 'VARCHAR'],
  ['unit_denominator', 'VARCHAR'],
  ['value', 'VARCHAR'],
  ['value_decimal', `DECIMAL(${DECIMAL_PRECISION}, ${DECIMAL_SCALE})`],
  ['decimals', 'INTEGER'],
  ['nil', 'BOOLEAN'],
  ['lang', 'VARCHAR'],
  ['id', 'VARCHAR'],
  ['line', 'INTEGER'],
] as const;

export type ColumnName = (typeof LISTING_COLUMNS)[number][0];

/** The columns of a listing, with or without `label`. */
export function listingColumns(labels: boolean): readonly (readonly [ColumnName, string])[] {
  return labels ? LISTING_COLUMNS : LISTING_COLUMNS.filter(([name]) => name !== 'label');
}

/** One fact as the listing's row: JSON values (strings for exact numbers and dates), key order the column order. */
export interface ListingRow {
  filing: string;
  document: string;
  entity_scheme: string;
  entity_id: string;
  concept: string;
  concept_namespace: string;
  concept_name: string;
  concept_prefix: string | null;
  label?: string | null;
  period_type: 'instant' | 'duration' | 'forever';
  period_start: string | null;
  period_end: string | null;
  period_instant: string | null;
  dimensions: Record<string, string>;
  dimensions_json: string;
  segment: string | null;
  scenario: string | null;
  unit: string | null;
  unit_numerator: string | null;
  unit_denominator: string | null;
  value: string | null;
  value_decimal: string | null;
  decimals: number | null;
  nil: boolean;
  lang: string | null;
  id: string;
  line: number | null;
}

export interface RowContext {
  /** The batch entry the fact came from: the file named or found (a document set: the entry that stands for it). */
  readonly filing: string;
  /** The document's own namespace declarations, to write segment and scenario XML with its prefixes. */
  readonly namespaces: ReadonlyMap<string, string>;
  /** The concept's label, when labels are asked for (null: none found). */
  readonly label?: (concept: QName) => string | null;
}

const measures = (ms: readonly QName[]): string | null => (ms.length ? ms.map(formatQName).join('*') : null);

/** The number as DECIMAL(38, 10) text when it fits exactly; otherwise null (the exact text is in `value`). */
export function decimalText(v: Decimal): string | null {
  return v.isFinite() && v.decimalPlaces() <= DECIMAL_SCALE && v.abs().lt(`1e${DECIMAL_PRECISION - DECIMAL_SCALE}`) ? (v.isZero() ? '0' : v.toFixed()) : null;
}

export function listingRow(f: Fact, ctx: RowContext): ListingRow {
  const dims: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [d, v] of f.dimensions) dims[formatQName(d)] = 'typed' in v ? v.typed : formatQName(v);
  const source = f.sources[0];
  const p = f.period;
  const numeric = f.value !== null && typeof f.value !== 'string';
  const row: ListingRow = {
    filing: ctx.filing,
    document: source?.file ?? ctx.filing,
    entity_scheme: f.entity.scheme,
    entity_id: f.entity.identifier,
    concept: formatQName(f.concept),
    concept_namespace: f.concept.namespace,
    concept_name: f.concept.localName,
    concept_prefix: f.concept.prefix ?? null,
    ...(ctx.label ? { label: ctx.label(f.concept) } : {}),
    period_type: p.kind,
    period_start: p.kind === 'duration' ? p.start : null,
    period_end: p.kind === 'duration' ? p.end : null,
    period_instant: p.kind === 'instant' ? p.date : null,
    dimensions: dims,
    dimensions_json: JSON.stringify(dims),
    segment: xmlText(f.nonDimensional?.segment, ctx.namespaces),
    scenario: xmlText(f.nonDimensional?.scenario, ctx.namespaces),
    unit: f.unit ? formatUnit(f.unit) : null,
    unit_numerator: f.unit ? measures(f.unit.numerator) : null,
    unit_denominator: f.unit ? measures(f.unit.denominator) : null,
    value: f.value === null ? null : typeof f.value === 'string' ? f.value : f.value.toFixed(),
    value_decimal: numeric ? decimalText(f.value as Decimal) : null,
    decimals: typeof f.decimals === 'number' ? f.decimals : null,
    nil: f.value === null,
    lang: f.lang ?? null,
    id: f.id,
    line: source?.line ?? null,
  };
  return row;
}

/** Segment or scenario content as XML text with the document's prefixes; null for none. */
export function xmlText(nodes: readonly XmlNode[] | undefined, namespaces: ReadonlyMap<string, string>): string | null {
  return nodes?.length ? contentXml(nodes, namespaces).join('') : null;
}

/** RFC 4180: quote a field when it holds a comma, a quote or a line break (or leading/trailing space). */
export function csvField(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(labels: boolean): string {
  return `${listingColumns(labels).map(([name]) => name).join(',')}\r\n`;
}

/** A cell as CSV text: null empty, booleans `true`/`false`, dimensions `dim=member;dim=member` (exact in `dimensions_json`). */
function csvCell(row: ListingRow, name: ColumnName): string {
  if (name === 'dimensions') return Object.entries(row.dimensions).map(([d, m]) => `${d}=${m}`).join(';');
  const v = row[name];
  return v === null || v === undefined ? '' : String(v);
}

export function csvLine(row: ListingRow, labels: boolean): string {
  return `${listingColumns(labels).map(([name]) => csvField(csvCell(row, name))).join(',')}\r\n`;
}
