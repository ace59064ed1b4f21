import type { Decimal } from 'decimal.js';
import type { Entity, Fact, Source } from '../../../core/model/fact.js';
import type { Finding } from '../../../core/model/finding.js';
import { addDays, instant, type Period } from '../../../core/model/period.js';
import type { QName } from '../../../core/model/qname.js';
import type { Concept } from '../../../core/taxonomy/model.js';
import { columnSpecs, currencyIn, ratioKind, type ColumnSpec, type TableCaption } from './columns.js';
import { parsePrinted, scaleFigure } from './figures.js';
import type { Coverage } from './coverage.js';
import type { BodyRow, Cell, HeaderRow, Table } from './model.js';
import type { ReleaseView, RowNode, TableNetwork } from './networks.js';
import { parsePeriodHint, type FiscalCalendar } from './periods.js';
import { columnMeaning, variantConcept, type ColumnMeaning, type RoleColumns } from './qualifiers.js';
import { rowScale, type Scales } from './scales.js';
import { cleanCell, labelKey } from './text.js';
import { isPercentConcept, unitFor } from './units.js';

export { splitHeader } from './markdown.js';

/** What a table needs from the rest of the release: who, when, how scaled, in which currency. */
export interface TableContext {
  readonly file: string;
  readonly entity: Entity;
  readonly calendar: FiscalCalendar;
  /** The currency of figures whose column names none: what the table or release prints, else the profile's. */
  readonly currency: string;
  /** Per data column, the currency its cells print (a `$`), where the header names none. */
  readonly columnCurrencies?: readonly (string | undefined)[];
  /** Powers of ten figures are printed in ("in millions": 6), for amounts and for share counts. */
  readonly scales: Scales;
  readonly caption: TableCaption;
  readonly typeUnits: Readonly<Record<string, string>>;
  readonly prefixes: ReadonlyMap<string, string>;
}

export type { Coverage } from './coverage.js';

/** A table as read: its network, columns, rows (for the layout kept beside the facts) and facts. */
export interface ReadTable {
  readonly line: number;
  readonly title: string;
  readonly role: string;
  readonly columns: readonly ColumnSpec[];
  readonly headerRows: readonly (readonly string[])[];
  readonly rows: readonly { line: number; label: string; concept?: string; bold: boolean; cells: readonly string[] }[];
  readonly facts: Fact[];
  readonly coverage: Coverage;
}

type Emit = (f: Finding) => void;

/** A header row holding only a title or caption ("Adjusted EBITDA", "(JPY in millions)"), not column headers. */
export function isCaptionRow(cells: readonly string[], cal: FiscalCalendar): boolean {
  const texts = cells.map(cleanCell).filter(Boolean);
  if (texts.length !== 1) return false;
  return isCaptionText(texts[0]!, cal);
}

function isCaptionText(t: string, cal: FiscalCalendar): boolean {
  return /\bin (?:millions|thousands|billions)\b|^\(.*\)$/i.test(t) || (!parsePeriodHint(t, cal) && !currencyIn(t) && !ratioKind(t));
}

/** A model header row that is a caption: one text and no label. */
export function isCaptionHeader(row: HeaderRow, cal: FiscalCalendar): boolean {
  return !row.label && row.cells.length === 1 && isCaptionText(row.cells[0]!.text, cal);
}

/** Picks the row node a printed label stands for, preferring the current heading's subtree, then reading order. */
function matchRow(net: TableNetwork, view: ReleaseView, key: string, heading: RowNode | undefined, last: RowNode | undefined, used: Set<RowNode>): RowNode | undefined {
  const all = net.byKey.get(key);
  if (all?.length) {
    const fresh = all.filter((n) => !used.has(n));
    const pool = fresh.length ? fresh : all;
    const under = heading ? pool.filter((n) => isUnder(n, heading)) : [];
    if (under.length) return under[0];
    const after = last ? pool.filter((n) => n.position > last.position) : [];
    return after[0] ?? pool[0];
  }
  const elsewhere = view.anyLabel.get(key);
  if (elsewhere?.length === 1) {
    const { concept, role } = elsewhere[0]!;
    return { concept, label: key, labelRole: role, key, negated: /negated/i.test(role), depth: 0, position: -1 };
  }
  return undefined;
}

function isUnder(n: RowNode, heading: RowNode): boolean {
  for (let p = n.parent; p; p = p.parent) if (p === heading) return true;
  return false;
}

export function factPeriod(concept: Concept, node: RowNode, period: Period, spanInWords = false): Period | string {
  if (concept.periodType === 'instant' && period.kind === 'duration') {
    // A column that prints a span in words ("13 Weeks Ended …") holds flows: only a row the taxonomy labels as the
    // span's start or end balance is an instant there. A fiscal token ("2Q04") also heads counts at its end.
    if (!node.periodEdge && spanInWords) return `${concept.name.localName} is reported at a point in time, but the column is a period (${period.start}..${period.end})`;
    return instant(node.periodEdge === 'start' ? addDays(period.start, -1) : period.end);
  }
  if (concept.periodType === 'duration' && period.kind !== 'duration') {
    return `${concept.name.localName} is reported for a period of time, but the column is a single date`;
  }
  return period;
}

/** Every printed cell of a body row, with its data column (undefined: outside every column). */
export function rowFigures(row: BodyRow): { cell: Cell; k: number | undefined }[] {
  const out: { cell: Cell; k: number | undefined }[] = [];
  row.cells.forEach((cell, k) => {
    if (cell) out.push({ cell, k });
  });
  for (const cell of row.stray ?? []) out.push({ cell, k: undefined });
  return out;
}

/** The header rows as rows of texts, label first, each text in the first column it spans (for the layout). */
export function headerTexts(table: Table): string[][] {
  return table.header.map((h) => {
    const row = [h.label?.text ?? '', ...Array.from({ length: table.width }, () => '')];
    for (const c of h.cells) row[c.first + 1] = c.text;
    return row;
  });
}

/** Reads one table against the chosen network into facts (ids assigned later). */
export function readTable(table: Table, net: TableNetwork, view: ReleaseView, ctx: TableContext, emit: Emit): ReadTable {
  const columns = columnSpecs(table.header.filter((h) => !isCaptionHeader(h, ctx.calendar)), table.width, ctx.caption, ctx.calendar);
  const cols = view.columnsOf(net);
  const meanings = columns.map((c) => (c.qualifier ? columnMeaning(c.qualifier, cols) : undefined));
  const facts: Fact[] = [];
  const rows: ReadTable['rows'][number][] = [];
  const coverage: Coverage = { figures: 0, tagged: 0, reported: 0 };
  const used = new Set<RowNode>();
  let heading: RowNode | undefined;
  let last: RowNode | undefined;
  let scales = ctx.scales;
  const report = (f: Finding, n = 1) => {
    emit(f);
    coverage.reported += n;
  };

  for (const row of table.rows) {
    const label = row.label;
    const figures = rowFigures(row);
    coverage.figures += figures.length;
    scales = rowScale(label, figures.length > 0, scales, ctx.scales);
    const node = matchRow(net, view, labelKey(label), heading, last, used);
    rows.push({ line: row.line, label, bold: row.bold, cells: row.cells.map((c) => c?.text ?? ''), ...(node ? { concept: node.concept.name.localName } : {}) });
    const at = { file: ctx.file, line: row.line };
    if (!node) {
      const what = label ? `row "${label}"` : `a row without a label (${figures.map((f) => f.cell.text).join(', ')})`;
      if (figures.length) report({ code: 'release:unknownRow', severity: 'error', message: `${what} in table "${net.title}" matches no concept of the taxonomy; its ${figures.length} figure(s) are not tagged`, ...at }, figures.length);
      else emit({ code: 'release:unknownHeading', severity: 'warning', message: `${what} in table "${net.title}" matches no concept of the taxonomy`, ...at });
      continue;
    }
    used.add(node);
    if (node.position >= 0) last = node;
    if (node.concept.abstract) {
      heading = node;
      if (figures.length) report({ code: 'release:figuresInHeading', severity: 'error', message: `row "${label}" is a heading (${node.concept.name.localName} is abstract) but has ${figures.length} figure(s)`, ...at }, figures.length);
      continue;
    }
    for (const { cell, k } of figures) {
      const column = k === undefined ? undefined : { spec: columns[k]!, meaning: meanings[k], cols };
      const fact = readFigure(cell, column, k, node, label, net, view, ctx, scales, (f) => report(f), emit);
      if (fact) {
        facts.push(fact);
        coverage.tagged++;
      }
    }
  }
  return { line: table.line, title: net.title, role: net.role, columns, headerRows: headerTexts(table), rows, facts, coverage };
}

/** One printed figure as a fact, or undefined after reporting why it is not one. */
function readFigure(cell: Cell, column: { spec: ColumnSpec; meaning: ColumnMeaning | undefined; cols: RoleColumns } | undefined, k: number | undefined, node: RowNode, label: string, net: TableNetwork, view: ReleaseView, ctx: TableContext, scales: Scales, report: Emit, warn: Emit): Fact | undefined {
  const where = { file: ctx.file, line: cell.line, column: cell.column };
  const text = cell.text;
  const spec = column?.spec;
  const meaning = column?.meaning;
  if (!spec) {
    report({ code: 'release:cellOutsideColumns', severity: 'error', message: `"${text}" in row "${label}" is outside the table's column headers`, ...where });
    return undefined;
  }
  const printed = parsePrinted(text);
  if (printed.kind === 'text' || printed.kind === 'blank') {
    report({ code: 'release:unreadableFigure', severity: 'error', message: `cannot read "${text}" in row "${label}", column "${spec.header}" as a figure`, ...where });
    return undefined;
  }
  const concept = spec.kind !== 'amount' ? view.ratioConcept(node.concept.name, spec.kind) : meaning?.variant ? variantConcept(column!.cols, node.concept, meaning.variant) : node.concept;
  if (!concept) {
    report({ code: 'release:noRatioConcept', severity: 'error', message: `the taxonomy has no ${spec.kind} concept for ${node.concept.name.localName} (row "${label}", column "${spec.header}")`, ...where });
    return undefined;
  }
  if (!spec.period) {
    report({ code: 'release:noPeriod', severity: 'error', message: `cannot tell the period of column "${spec.header}"${spec.periodProblem ? `: ${spec.periodProblem}` : ''} (row "${label}")`, ...where });
    return undefined;
  }
  if (spec.qualifier && !meaning) {
    report({ code: 'release:unknownColumn', severity: 'error', message: `column "${spec.header}" holds figures of "${spec.qualifier}", which the taxonomy's table does not model; "${text}" in row "${label}" is not tagged`, ...where });
    return undefined;
  }
  const period = factPeriod(concept, node, spec.period, spec.spanInWords);
  if (typeof period === 'string') {
    report({ code: 'release:periodMismatch', severity: 'error', message: `${period} (row "${label}", column "${spec.header}")`, ...where });
    return undefined;
  }
  const unit = unitFor(concept, spec.currency ?? (k === undefined ? undefined : ctx.columnCurrencies?.[k]) ?? ctx.currency, ctx.typeUnits, ctx.prefixes);
  if (!unit) {
    report({ code: 'release:notNumeric', severity: 'error', message: `${concept.name.localName} is not a numeric concept but row "${label}" prints a figure`, ...where });
    return undefined;
  }
  // Literals, not spreads: this runs once per figure, cold (spreads of a fresh object are slow before the JIT).
  const source: Source = { file: where.file, line: where.line, column: where.column, table: net.title, row: label, header: spec.header, printed: text };
  const dimensions = meaning?.dimensions ?? new Map<QName, QName>();
  if (printed.kind === 'nil') return { id: '', concept: concept.name, entity: ctx.entity, period, unit, dimensions, sources: [source], value: null };
  if (printed.suffix && unit.numerator[0]?.localName.toLowerCase() !== printed.suffix.toLowerCase()) {
    warn({ code: 'release:unitMismatch', severity: 'warning', message: `"${text}" prints the unit ${printed.suffix}, but ${concept.name.localName} is measured in ${unit.numerator[0]?.localName}`, ...where });
  }
  const percent = printed.percent || isPercentConcept(concept);
  const scale = concept.type.monetary ? scales.monetary : concept.type.shares ? scales.shares : 0;
  const scaled = scaleFigure(printed, scale, percent);
  const negate = node.negated && spec.kind !== 'changePriorYear' && spec.kind !== 'changePriorQuarter';
  const value: Decimal = negate && !scaled.value.isZero() ? scaled.value.negated() : scaled.value;
  return { id: '', concept: concept.name, entity: ctx.entity, period, unit, dimensions, sources: [source], value, decimals: scaled.decimals };
}
