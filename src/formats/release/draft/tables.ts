/**
 * The release's tables as a draft sees them: every row with its printed figures per column, the columns with
 * their periods and headings, the tables' titles, and which rows are headings (a label and no figure). The
 * reader's own pieces (settings, column specs, scales, printed figures) read them, so the draft and the reader
 * agree on every period and scale.
 */
import type { Decimal } from 'decimal.js';
import { periodKey } from '../../../core/model/period.js';
import { columnSpecs, qualifierKey, type ColumnSpec } from '../read/columns.js';
import { parsePrinted, scaleFigure, type Printed } from '../read/figures.js';
import type { BodyRow, ReleaseDocument, Table } from '../read/model.js';
import { splitLabelMark } from '../read/model.js';
import type { FiscalCalendar } from '../read/periods.js';
import { parseSpan, saysInstant } from '../read/periods.js';
import { captionScales, rowScale, type Scales } from '../read/scales.js';
import { isCaptionHeading, tableSetting, type TableSetting } from '../read/setting.js';
import { isCaptionHeader } from '../read/tables.js';
import { isShouting, sentenceCase } from './names.js';

/**
 * The kinds of concept a draft makes: XBRL's own types, an amount per ADS and a number of ADSs (custom types with
 * the profile's units, as IIJ's), and `unit:<word>` for figures printed with a unit word ("104.9Gbps").
 */
export type DraftType = 'monetary' | 'perShare' | 'shares' | 'percent' | 'pure' | 'integer' | 'perAds' | 'ads' | `unit:${string}`;

export interface DraftFigure {
  readonly printed: Extract<Printed, { kind: 'number' | 'nil' }>;
  readonly places: number;
}

export interface DraftRow {
  readonly line: number;
  /** As the reader sees it (its footnote mark kept: rows are matched by this). */
  readonly label: string;
  /** Without a trailing footnote mark, in sentence case where the release shouts. */
  readonly text: string;
  readonly indent: number;
  readonly bold: boolean;
  /** One slot per data column. */
  readonly figures: readonly (DraftFigure | undefined)[];
  readonly scales: Scales;
  readonly heading: boolean;
  /** Headings above the row, nearest first. */
  ancestors: readonly DraftRow[];
}

export interface DraftColumn {
  readonly spec: ColumnSpec;
  /** The header's words that are not period, currency or scale ("Domestic", "Earnings Per Share"), as printed. */
  readonly heading?: string;
  readonly key?: string;
}

export interface DraftTable {
  readonly block: number;
  readonly table: Table;
  readonly setting: TableSetting;
  readonly title?: string;
  readonly columns: readonly DraftColumn[];
  readonly rows: readonly DraftRow[];
  /** Every amount column is a date: a balance sheet. */
  readonly instant: boolean;
  /** Whether any cell or caption of the table prints a currency sign. */
  readonly signs: boolean;
}

const LABEL_ONLY = /^[\s*\-–—]+|[\s:]+$/g;

/** The nearest title that names the table: a heading, then a one-cell header, then a short paragraph above it. */
function titleOf(doc: ReleaseDocument, index: number, setting: TableSetting, table: Table): string | undefined {
  const candidates: string[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const b = doc.blocks[i]!;
    if (b.kind === 'table') break;
    if (b.kind === 'heading') candidates.push(b.text);
  }
  for (const h of table.header) if (h.cells.length === 1 && !h.label && h.cells[0]!.span >= table.width) candidates.push(h.cells[0]!.text);
  for (const h of table.header) if (h.label && !captionScales(h.label.text)) candidates.push(h.label.text);
  for (let i = index - 1; i >= 0; i--) {
    const b = doc.blocks[i]!;
    if (b.kind === 'table') break;
    if (b.kind === 'paragraph' && b.text.length <= 100) candidates.push(b.text);
  }
  for (let k = 0; k < candidates.length; k++) candidates[k] = candidates[k]!.replace(/\s*\([^)]*\)\s*$/, (m) => (captionScales(m) ? '' : m)).trim();
  const usable = (t: string) => !/^\(.*\)$|^unaudited$|^\(?unaudited\)?$/i.test(t.trim()) && !isCaptionHeading(t) && /[A-Za-z]{3}/.test(t);
  const chosen = candidates.find(usable) ?? candidates.find((t) => t.length <= 100 && /[A-Za-z]{3}/.test(t) && !captionScales(t)) ?? setting.titles.find(usable);
  return chosen?.replace(/\s*\((?:\d{1,2}|[a-z])\)\s*$/, '').replace(LABEL_ONLY, '').trim() || undefined;
}

function figureOf(text: string): DraftFigure | undefined {
  const p = parsePrinted(text);
  if (p.kind !== 'number' && p.kind !== 'nil') return undefined;
  return { printed: p, places: p.kind === 'number' ? p.places : 0 };
}

/** The column's words that qualify its figures, as printed (texts that are only period, currency or scale left out). */
function headingOf(spec: ColumnSpec): string | undefined {
  if (!spec.qualifier) return undefined;
  const texts = spec.header.split(' / ').filter((t) => qualifierKey(t) !== '');
  return texts.join(' ').replace(/\s+/g, ' ').replace(/\s*\(\d+\)$|\*+$/g, '').trim() || undefined;
}

export function readDraftTables(doc: ReleaseDocument, cal: FiscalCalendar): DraftTable[] {
  const out: DraftTable[] = [];
  let previous: TableSetting | undefined;
  doc.blocks.forEach((b, i) => {
    if (b.kind !== 'table') return;
    const setting = (previous = tableSetting(doc.blocks, i, previous));
    const specs = columnSpecs(b.header.filter((h) => !isCaptionHeader(h, cal)), b.width, setting.caption, cal);
    const columns: DraftColumn[] = specs.map((spec) => {
      const heading = headingOf(spec);
      return heading ? { spec, heading, key: qualifierKey(heading) } : { spec };
    });
    const amountPeriods = specs.filter((s) => s.kind === 'amount' && s.period).map((s) => s.period!);
    const instant = amountPeriods.length > 0 && amountPeriods.every((p) => p.kind === 'instant');
    const flat: DraftRow[] = [];
    let scales = setting.scales;
    for (const r of b.rows) {
      const figures = r.cells.map((c) => (c ? figureOf(c.text) : undefined));
      const has = r.cells.some(Boolean) || Boolean(r.stray?.length);
      scales = rowScale(r.label, has, scales, setting.scales);
      flat.push(draftRow(r, figures, scales, !has));
    }
    const rows = nest(flat);
    const signs = b.rows.some((r) => r.cells.some((c) => c && /[$¥€£]|\bUSD\b|\bJPY\b/.test(c.text)));
    const title = titleOf(doc, i, setting, b);
    out.push({ block: i, table: b, setting, ...(title ? { title } : {}), columns, rows, instant, signs });
  });
  return out;
}

function draftRow(r: BodyRow, figures: (DraftFigure | undefined)[], scales: Scales, heading: boolean): DraftRow {
  const text = sentenceCase(splitLabelMark(r.label).label.replace(LABEL_ONLY, '').trim());
  return { line: r.line, label: r.label, text, indent: r.indent, bold: r.bold, figures, scales, heading, ancestors: [] };
}

const headingWords = (t: string) => t.toLowerCase().replace(/^total\s+/, '').replace(/[^a-z0-9]+/g, ' ').trim();

/** Printed numbers of the rows add up to the total's, in every column the total prints a number in. */
export function footsPrinted(items: readonly DraftRow[], total: DraftRow): boolean {
  let checked = 0;
  for (let k = 0; k < total.figures.length; k++) {
    const t = total.figures[k];
    if (!t) continue;
    let sum = 0;
    for (const r of items) {
      const f = r.figures[k];
      if (f?.printed.kind === 'number') sum += f.printed.value.toNumber();
    }
    const tv = t.printed.kind === 'number' ? t.printed.value.toNumber() : 0;
    if (Math.abs(sum - tv) > 0.5 * (items.length + 1) * 10 ** -t.places) return false;
    checked++;
  }
  return checked > 0;
}

/**
 * The headings each row sits under. A heading opens a group; a heading right under a heading ending in ":" (or
 * indented more) opens one inside it. A group ends at a row printed left of its rows, at another heading at its
 * level, or at its total: a row "Total <the heading's words>", or an unlabelled row that sums the group's rows.
 */
function nest(rows: DraftRow[]): DraftRow[] {
  interface Frame { row: DraftRow; indent?: number; lines: DraftRow[] }
  const open: Frame[] = [];
  let previous: DraftRow | undefined;
  const out: DraftRow[] = [];
  for (const r of rows) {
    if (r.heading) {
      const top = open[open.length - 1];
      const under = (f: DraftRow) => r.indent > f.indent || (r.indent === f.indent && isShouting(f.label) && !isShouting(r.label));
      const inside = top && previous === top.row && (under(top.row) || /:\s*$/.test(top.row.label));
      if (!inside) while (open.length && !under(open[open.length - 1]!.row)) open.pop();
    } else {
      while (open.length) {
        const f = open[open.length - 1]!;
        if (r.indent < f.row.indent || (f.indent !== undefined && r.indent < f.indent)) open.pop();
        else break;
      }
    }
    const row = { ...r, ancestors: open.map((f) => f.row).reverse() };
    out.push(row);
    previous = row;
    if (r.heading) {
      open.push({ row, lines: [] });
      continue;
    }
    const top = open[open.length - 1];
    if (!top) continue;
    top.indent ??= r.indent;
    const closes = (/^total\b/i.test(r.text) && headingWords(r.text) === headingWords(top.row.text)) || (!r.text && top.lines.length > 1 && footsPrinted(top.lines, r));
    top.lines.push(r);
    if (closes) open.pop();
  }
  return out;
}

/** The draft's value of a figure: printed × scale (÷ 100 for percentages), and its decimals. */
export function figureValue(f: DraftFigure, type: DraftType, scales: Scales): { value: Decimal; decimals: number } | null {
  if (f.printed.kind === 'nil') return null;
  // As the reader scales: money and share counts only (a custom type is neither).
  const scale = type === 'monetary' ? scales.monetary : type === 'shares' ? scales.shares : 0;
  return scaleFigure(f.printed, scale, type === 'percent' || f.printed.percent);
}

/** The period (and kind) of a column, as a key; undefined when it has none. */
export function columnPeriodKey(c: DraftColumn): string | undefined {
  return c.spec.period ? periodKey(c.spec.period) : undefined;
}

export { parseSpan, saysInstant };
