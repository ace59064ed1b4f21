/**
 * The xBRL-CSV 1.0 writer: a report as a metadata JSON file and one CSV file per table (see tables.ts for how
 * facts are laid out). The metadata:
 *
 * - `documentInfo`: the document type, the prefixes used (only those), the taxonomy, and kessan's marker that
 *   numeric columns without a unit (xbrli:pure) say they are numeric (`kessan:numeric`), so a reader needs no
 *   taxonomy to tell numbers from text.
 * - `dimensions`: the entity, when the whole report has one.
 * - one table template per table: a `period` column (absent when every row is forever), an `entity` column (when
 *   the report has several), a column per taxonomy-defined dimension (member QName, or a typed member's value),
 *   and a fact column per concept, with its unit and language as column dimensions. A column's decimals are the
 *   column's `decimals` when its facts agree (and none is nil), else each cell's decimals suffix (`12300d-2`).
 *
 * Deterministic: the same report gives the same bytes. Throws a KessanError for what xBRL-CSV cannot carry, as
 * the xBRL-JSON writer does (an entity identifier with spaces, a typed member with child elements, segment or
 * scenario content that is not a dimension member): nothing is written rather than a report that says less.
 */
import { KessanError } from '../../../core/errors.js';
import { isNumericValue, type Decimals, type Fact } from '../../../core/model/fact.js';
import type { Report } from '../../../core/model/report.js';
import { IDENTIFIER, refuseNonDimensionalContent, SCHEME_PREFIXES, SQNAME, XBRL_CSV_DOCUMENT_TYPE } from '../../../core/xbrl/oim.js';
import { Prefixes } from '../../../core/xbrl/oim-prefixes.js';
import { typedMemberValue } from '../../../core/xbrl/oim-typed.js';
import { isPureUnit, oimUnitString } from '../../../core/xbrl/oim-units.js';
import { assignUniqueIds, ncnamePart } from '../../../core/xml/write.js';
import { factLocation } from '../../xbrl/write/contexts.js';
import { checkFacts, formatDecimal } from '../../xbrl/write/facts.js';
import { csvRecord, periodCell, textCell } from './cells.js';
import { layOutTables, type ConceptColumn, type LaidTable } from './tables.js';

/** kessan's extension namespace in xBRL-CSV metadata (`kessan:numeric`, `kessan:numericFactsMarked`). */
export const KESSAN_CSV_NS = 'https://kessan.dev/xbrl-csv';

export interface WriteXbrlCsvOptions {
  /** The taxonomy href to write instead of `report.taxonomy.schemaRefs` (relative to the metadata file). */
  readonly schemaRef?: string;
  /** Put before each table's file name (`a-` gives `a-Revenues.csv`); the URLs in the metadata say the same. */
  readonly tablePrefix?: string;
}

export interface XbrlCsvFiles {
  /** The metadata file's text. */
  readonly metadata: string;
  /** Each table's CSV text, under the URL the metadata gives it (relative to the metadata file). */
  readonly tables: readonly { readonly url: string; readonly text: string }[];
}

interface ColumnDefinition {
  dimensions?: Record<string, string>;
  decimals?: number;
  [extension: `${string}:${string}`]: boolean;
}

export function writeXbrlCsv(report: Report, options: WriteXbrlCsvOptions = {}): XbrlCsvFiles {
  const facts = report.facts;
  checkFacts(facts);
  refuseNonDimensionalContent(facts, 'xBRL-CSV', factLocation);
  const taxonomy = options.schemaRef !== undefined ? [options.schemaRef] : [...report.taxonomy.schemaRefs];
  const prefixes = new Prefixes(report.namespaces);
  for (const f of facts) {
    prefixes.use(f.concept);
    if (f.unit) for (const m of [...f.unit.numerator, ...f.unit.denominator]) prefixes.use(m);
    for (const [d, v] of f.dimensions) {
      prefixes.use(d);
      if (!('typed' in v)) prefixes.use(v);
    }
    prefixes.useScheme(f.entity.scheme, SCHEME_PREFIXES.get(f.entity.scheme));
  }
  prefixes.useScheme(KESSAN_CSV_NS, 'kessan');
  prefixes.assign();
  const kessan = prefixes.scheme(KESSAN_CSV_NS);
  const entityOf = (f: Fact) => {
    const e = `${prefixes.scheme(f.entity.scheme)}:${f.entity.identifier}`;
    if (!SQNAME.test(e)) throw new KessanError('kessan:invalidEntityIdentifier', `fact ${f.id}: entity identifier ${JSON.stringify(f.entity.identifier)} cannot be written in xBRL-CSV (it must be non-empty text without whitespace)`, factLocation(f));
    return e;
  };

  const entities = new Set(facts.map(entityOf));
  const oneEntity = entities.size === 1 ? [...entities][0]! : undefined;
  const laid = layOutTables(facts);
  const tableIds = assignUniqueIds(laid.map((t) => identifier(t.columns[0]!.concept.localName, 'table')), new Set());
  const templates: Record<string, unknown> = {};
  const tables: Record<string, { template: string; url: string }> = {};
  const files: { url: string; text: string }[] = [];
  laid.forEach((t, i) => {
    const id = tableIds[i]!;
    const url = `${options.tablePrefix ?? ''}${id}.csv`;
    const { template, text } = writeTable(t, { prefixes, kessan, entityOf, withEntity: oneEntity === undefined });
    templates[id] = template;
    tables[id] = { template: id, url };
    files.push({ url, text });
  });
  const metadata = {
    documentInfo: { documentType: XBRL_CSV_DOCUMENT_TYPE, namespaces: prefixes.declarations(), taxonomy, [`${kessan}:numericFactsMarked`]: true },
    ...(oneEntity !== undefined ? { dimensions: { entity: oneEntity } } : {}),
    tableTemplates: templates,
    tables,
  };
  return { metadata: `${JSON.stringify(metadata, null, 2)}\n`, tables: files };
}

interface TableContext {
  readonly prefixes: Prefixes;
  readonly kessan: string;
  readonly entityOf: (f: Fact) => string;
  readonly withEntity: boolean;
}

/** A table's template and CSV text. */
function writeTable(t: LaidTable, cx: TableContext): { template: unknown; text: string } {
  const { prefixes } = cx;
  const withPeriod = t.rows.some((r) => r.context.period.kind !== 'forever');
  const fixed = [...(withPeriod ? ['period'] : []), ...(cx.withEntity ? ['entity'] : [])];
  const axisNames = t.axes.map((a) => identifier(a.localName, 'dimension'));
  const conceptNames = t.columns.map((c) => identifier(columnBase(c, t.columns), 'concept'));
  const names = assignUniqueIds([...fixed, ...axisNames, ...conceptNames], new Set());
  const axisCols = names.slice(fixed.length, fixed.length + axisNames.length);
  const conceptCols = names.slice(fixed.length + axisNames.length);

  const columns: Record<string, ColumnDefinition> = {};
  const dimensions: Record<string, string> = {};
  for (const n of fixed) {
    columns[n] = {};
    dimensions[n] = `$${n}`;
  }
  t.axes.forEach((a, i) => {
    columns[axisCols[i]!] = {};
    dimensions[prefixes.name(a)] = `$${axisCols[i]!}`;
  });
  const decimals = t.columns.map((_, i) => columnDecimals(t.rows.map((r) => r.cells[i])));
  t.columns.forEach((c, i) => {
    const dims: Record<string, string> = { concept: prefixes.name(c.concept) };
    if (c.unit && !isPureUnit(c.unit)) dims.unit = oimUnitString(c.unit, (m) => prefixes.name(m)) ?? '';
    if (c.lang) dims.language = c.lang;
    const def: ColumnDefinition = { dimensions: dims };
    if (decimals[i] !== undefined) def.decimals = decimals[i];
    if (c.unit && isPureUnit(c.unit)) def[`${cx.kessan}:numeric`] = true;
    columns[conceptCols[i]!] = def;
  });

  let text = csvRecord(names);
  for (const row of t.rows) {
    const f = row.context;
    const cells: string[] = [];
    if (withPeriod) cells.push(periodCell(f.period));
    if (cx.withEntity) cells.push(cx.entityOf(f));
    for (const a of t.axes) {
      const v = [...f.dimensions].find(([d]) => d.namespace === a.namespace && d.localName === a.localName)![1];
      cells.push('typed' in v ? textCell(typedMemberValue(v.typed, `fact ${f.id}`, factLocation(f), 'xBRL-CSV')) : prefixes.name(v));
    }
    row.cells.forEach((fact, i) => cells.push(fact ? valueCell(fact, decimals[i]) : ''));
    text += csvRecord(cells);
  }
  return { template: { columns, dimensions }, text };
}

/** A column's name: the concept's local name, with its unit and language when the table has it in several. */
function columnBase(c: ConceptColumn, all: readonly ConceptColumn[]): string {
  const same = all.filter((o) => o.concept.namespace === c.concept.namespace && o.concept.localName === c.concept.localName);
  if (same.length === 1) return c.concept.localName;
  const unit = c.unit ? [...c.unit.numerator.map((m) => m.localName), ...(c.unit.denominator.length ? ['per', ...c.unit.denominator.map((m) => m.localName)] : [])].join('_') : '';
  return [c.concept.localName, unit, c.lang ?? ''].filter(Boolean).join('_');
}

/** An xBRL-CSV identifier from a name: an NCName without dots (`fallback` when nothing of it is left). */
function identifier(name: string, fallback: string): string {
  const s = ncnamePart(name.replace(/\./g, '_'), 80);
  return IDENTIFIER.test(s) ? s : IDENTIFIER.test(`_${s}`) ? `_${s}` : fallback;
}

/**
 * The decimals a column states for all its facts: those its numeric facts share, when none is nil (a nil fact
 * must not have decimals) and none is exact (INF). Undefined otherwise: the cells then carry theirs.
 */
function columnDecimals(cells: readonly (Fact | undefined)[]): number | undefined {
  let shared: Decimals | undefined;
  for (const f of cells) {
    if (!f) continue;
    if (f.value === null || !isNumericValue(f.value) || f.decimals === undefined || f.decimals === 'INF') return undefined;
    if (shared === undefined) shared = f.decimals;
    else if (shared !== f.decimals) return undefined;
  }
  return typeof shared === 'number' ? shared : undefined;
}

function valueCell(f: Fact, columnDec: number | undefined): string {
  if (f.value === null) return '#nil';
  if (!isNumericValue(f.value)) return textCell(f.value);
  const v = formatDecimal(f.value);
  if (columnDec !== undefined) return v; // the column's decimals are this fact's
  return f.decimals === undefined || f.decimals === 'INF' ? v : `${v}d${f.decimals}`;
}
