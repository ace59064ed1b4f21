import type { Decimal } from 'decimal.js';
import type { Entity, Fact, Source } from '../../../core/model/fact.js';
import type { Finding } from '../../../core/model/finding.js';
import { addDays, instant, type Period } from '../../../core/model/period.js';
import type { Concept } from '../../../core/taxonomy/model.js';
import type { TableLine } from './blocks.js';
import { currencyIn, ratioKind, readColumns, type ColumnSpec, type TableCaption } from './columns.js';
import { parsePrinted, scaleFigure } from './figures.js';
import type { ReleaseView, RowNode, TableNetwork } from './networks.js';
import { parsePeriodHint, type FiscalCalendar } from './periods.js';
import { cleanCell, isBold, labelKey } from './text.js';
import { isPercentConcept, unitFor } from './units.js';

/** What a table needs from the rest of the release: who, when, how scaled. */
export interface TableContext {
  readonly file: string;
  readonly entity: Entity;
  readonly calendar: FiscalCalendar;
  readonly currency: string;
  /** Power of ten monetary figures are printed in (6: "in millions"). */
  readonly scale: number;
  readonly caption: TableCaption;
  readonly typeUnits: Readonly<Record<string, string>>;
  readonly prefixes: ReadonlyMap<string, string>;
}

/** A table as read: its network, columns, rows (for the layout kept beside the facts) and facts. */
export interface ReadTable {
  readonly line: number;
  readonly title: string;
  readonly role: string;
  readonly columns: readonly ColumnSpec[];
  readonly headerRows: readonly (readonly string[])[];
  readonly rows: readonly { line: number; label: string; concept?: string; bold: boolean; cells: readonly string[] }[];
  readonly facts: Fact[];
}

type Emit = (f: Finding) => void;

/** A header row holding only a title or caption ("Adjusted EBITDA", "(JPY in millions)"), not column headers. */
export function isCaptionRow(cells: readonly string[], cal: FiscalCalendar): boolean {
  const texts = cells.map(cleanCell).filter(Boolean);
  if (texts.length !== 1) return false;
  const t = texts[0]!;
  return /\bin (?:millions|thousands|billions)\b|^\(.*\)$/i.test(t) || (!parsePeriodHint(t, cal) && !currencyIn(t) && !ratioKind(t));
}

/** Header rows are the leading rows whose label cell is empty. */
export function splitHeader(lines: readonly TableLine[]): { header: TableLine[]; body: TableLine[] } {
  let i = 0;
  while (i < lines.length && !cleanCell(lines[i]!.cells[0] ?? '')) i++;
  return { header: lines.slice(0, i), body: lines.slice(i) };
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

export function factPeriod(concept: Concept, node: RowNode, period: Period): Period | string {
  if (concept.periodType === 'instant' && period.kind === 'duration') {
    return instant(node.periodEdge === 'start' ? addDays(period.start, -1) : period.end);
  }
  if (concept.periodType === 'duration' && period.kind !== 'duration') {
    return `${concept.name.localName} is reported for a period of time, but the column is a single date`;
  }
  return period;
}

/** Reads one table block against the chosen network into facts (ids assigned later). */
export function readTable(lines: readonly TableLine[], net: TableNetwork, view: ReleaseView, ctx: TableContext, emit: Emit): ReadTable {
  const { header, body } = splitHeader(lines);
  const width = lines.reduce((w, l) => Math.max(w, l.cells.length), -Infinity);
  const columns = readColumns(header.filter((h) => !isCaptionRow(h.cells, ctx.calendar)).map((h) => h.cells), width, ctx.caption, ctx.calendar);
  const facts: Fact[] = [];
  const rows: ReadTable['rows'][number][] = [];
  const used = new Set<RowNode>();
  let heading: RowNode | undefined;
  let last: RowNode | undefined;
  const at = (line: TableLine, column?: number): { file: string; line: number; column?: number } => (column ? { file: ctx.file, line: line.line, column } : { file: ctx.file, line: line.line });

  for (const line of body) {
    const label = cleanCell(line.cells[0] ?? '');
    const values = line.cells.slice(1);
    const hasFigures = values.some((c) => cleanCell(c) !== '');
    const node = matchRow(net, view, labelKey(label), heading, last, used);
    rows.push({ line: line.line, label, bold: isBold(line.cells[0] ?? ''), cells: values, ...(node ? { concept: node.concept.name.localName } : {}) });
    if (!node) {
      emit({
        code: hasFigures ? 'release:unknownRow' : 'release:unknownHeading',
        severity: hasFigures ? 'error' : 'warning',
        message: `row "${label}" in table "${net.title}" matches no concept of the taxonomy${hasFigures ? '; its figures are not tagged' : ''}`,
        ...at(line),
      });
      continue;
    }
    used.add(node);
    if (node.position >= 0) last = node;
    if (node.concept.abstract) {
      heading = node;
      if (hasFigures) emit({ code: 'release:figuresInHeading', severity: 'error', message: `row "${label}" is a heading (${node.concept.name.localName} is abstract) but has figures`, ...at(line) });
      continue;
    }
    let offset = (line.cells[0] ?? '').length + 1;
    values.forEach((raw, k) => {
      const column = offset + 1;
      offset += raw.length + 1;
      const cell = cleanCell(raw);
      const printed = parsePrinted(cell);
      if (printed.kind === 'blank') return;
      const spec = columns[k];
      const where = at(line, column);
      if (!spec) {
        emit({ code: 'release:cellOutsideColumns', severity: 'error', message: `"${cell}" in row "${label}" is right of the table's last column header`, ...where });
        return;
      }
      if (printed.kind === 'text') {
        emit({ code: 'release:unreadableFigure', severity: 'error', message: `cannot read "${cell}" in row "${label}", column "${spec.header}" as a figure`, ...where });
        return;
      }
      const concept = spec.kind === 'amount' ? node.concept : view.ratioConcept(node.concept.name, spec.kind);
      if (!concept) {
        emit({ code: 'release:noRatioConcept', severity: 'error', message: `the taxonomy has no ${spec.kind} concept for ${node.concept.name.localName} (row "${label}", column "${spec.header}")`, ...where });
        return;
      }
      if (!spec.period) {
        emit({ code: 'release:noPeriod', severity: 'error', message: `cannot tell the period of column "${spec.header}" (row "${label}")`, ...where });
        return;
      }
      const period = factPeriod(concept, node, spec.period);
      if (typeof period === 'string') {
        emit({ code: 'release:periodMismatch', severity: 'error', message: `${period} (row "${label}", column "${spec.header}")`, ...where });
        return;
      }
      const currency = spec.currency ?? ctx.currency;
      const unit = unitFor(concept, currency, ctx.typeUnits, ctx.prefixes);
      if (!unit) {
        emit({ code: 'release:notNumeric', severity: 'error', message: `${concept.name.localName} is not a numeric concept but row "${label}" prints a figure`, ...where });
        return;
      }
      // Literals, not spreads: this runs once per figure, cold (spreads of a fresh object are slow before the JIT).
      const source: Source = { file: where.file, line: where.line, column, table: net.title, row: label, header: spec.header, printed: cell };
      if (printed.kind === 'nil') {
        facts.push({ id: '', concept: concept.name, entity: ctx.entity, period, unit, dimensions: new Map(), sources: [source], value: null });
        return;
      }
      if (printed.suffix && unit.numerator[0]?.localName.toLowerCase() !== printed.suffix.toLowerCase()) {
        emit({ code: 'release:unitMismatch', severity: 'warning', message: `"${cell}" prints the unit ${printed.suffix}, but ${concept.name.localName} is measured in ${unit.numerator[0]?.localName}`, ...where });
      }
      const percent = printed.percent || isPercentConcept(concept);
      const scaled = scaleFigure(printed, concept.type.monetary ? ctx.scale : 0, percent);
      const negate = node.negated && spec.kind !== 'changePriorYear' && spec.kind !== 'changePriorQuarter';
      const value: Decimal = negate && !scaled.value.isZero() ? scaled.value.negated() : scaled.value;
      facts.push({ id: '', concept: concept.name, entity: ctx.entity, period, unit, dimensions: new Map(), sources: [source], value, decimals: scaled.decimals });
    });
  }
  return { line: lines[0]!.line, title: net.title, role: net.role, columns, headerRows: header.map((h) => h.cells), rows, facts };
}
