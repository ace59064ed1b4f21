import { isNumericValue, type Fact } from '../../../core/model/fact.js';
import type { Report } from '../../../core/model/report.js';
import { daysInMonth, formatPeriod, periodKey } from '../../../core/model/period.js';
import type { Finding } from '../../../core/model/finding.js';
import { formatQName } from '../../../core/model/qname.js';
import { splitBlocks } from '../read/blocks.js';
import { readColumns } from '../read/columns.js';
import { APPENDIX_MARK, findNarrative, RELEASE_TEXT_CONCEPT, splitNarrative } from '../read/narrative.js';
import { buildReleaseView, type ReleaseView, type TableNetwork } from '../read/networks.js';
import { parseFiscalToken, type FiscalCalendar } from '../read/periods.js';
import { settingOf } from '../read/read.js';
import { isCaptionRow } from '../read/tables.js';
import type { Taxonomy } from '../../../core/taxonomy/model.js';
import { genericColumns } from './columns.js';
import { FactIndex, factCurrency } from './facts.js';
import { scaleCaption } from './format.js';
import { renderBody, type TableStyle } from './table.js';
import { withStandIns } from './standins.js';
import { pushAll } from '../../../core/arrays.js';

export interface RenderOptions {
  /** The filer's fiscal calendar, for headers like "2Q04"; inferred from the release text's headers when absent. */
  readonly calendar?: FiscalCalendar;
  /** Ignore the report's release text (if any) and lay every table out from the taxonomy and the facts alone. */
  readonly plain?: boolean;
  /**
   * Where the renderer says what it could not print: facts no presentation network of the taxonomy places
   * (release text has no other place for a figure), or printed only at less than their precision.
   */
  readonly findings?: Finding[];
}

/** The currency most monetary facts are in. */
function mainCurrency(facts: readonly Fact[]): string | undefined {
  const n = new Map<string, number>();
  for (const f of facts) {
    const c = factCurrency(f);
    if (c) n.set(c, (n.get(c) ?? 0) + 1);
  }
  return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** The coarsest scale (0, 3, 6, 9) at which every monetary fact of the table still prints at its own decimals. */
function genericScale(facts: readonly Fact[]): number {
  let scale: number | undefined;
  for (const f of facts) {
    if (!isNumericValue(f.value) || !f.unit || !f.unit.numerator.some((m) => m.localName === factCurrency(f)) || f.unit.denominator.length) continue;
    const d = f.decimals === undefined || f.decimals === 'INF' ? 0 : f.decimals;
    scale = Math.min(scale ?? 9, Math.max(0, Math.floor(-d / 3) * 3));
  }
  return scale ?? 0;
}

/** One table laid out from the taxonomy and the facts: title, scale caption, two header rows, body. */
function genericTable(net: TableNetwork, view: ReleaseView, index: FactIndex, cal: FiscalCalendar | undefined, currency: string | undefined): string[] {
  const columns = genericColumns(net, view, index, cal, currency);
  if (!columns.length) return [];
  const rowConcepts = new Set(net.rows.map((r) => r.concept));
  const scale = genericScale(index.facts.filter((f) => rowConcepts.has(view.taxonomy.concept(f.concept)!)));
  const style: TableStyle = { scale, currency, mainCurrency: currency, precision: 'fact', skipEmptyRows: true };
  const body = renderBody(net, columns.map((c) => c.spec), view, index, style);
  if (!body.length) return [];
  const out = [`### ${net.title}`, ''];
  if (scale && currency) out.push(scaleCaption(currency, scale), '');
  out.push(['', ...columns.map((c) => c.headers[0])].join('\t'));
  out.push(['', ...columns.map((c) => c.headers[1])].join('\t'));
  pushAll(out, body).push('');
  return out;
}

/** The calendar (fiscal year end month, naming) under which the most header tokens name periods that have facts. */
export function inferCalendar(narrative: string, facts: readonly Fact[]): FiscalCalendar | undefined {
  const tokens = [...narrative.matchAll(/\b(?:[1-4]Q|[12]H|9M|FY)\d{2,4}\b/g)].map((m) => m[0]);
  if (!tokens.length) return undefined;
  const keys = new Set(facts.map((f) => periodKey(f.period)));
  let best: { cal: FiscalCalendar; score: number } | undefined;
  for (let m = 1; m <= 12; m++) {
    for (const naming of ['start', 'end'] as const) {
      const cal: FiscalCalendar = { endMonth: m, endDay: daysInMonth(2001, m), naming };
      const hints = tokens.map((t) => parseToken(t, cal));
      const score = hints.filter((e) => e && keys.has(e)).length;
      if (!best || score > best.score) best = { cal, score };
    }
  }
  return best?.cal;
}

function parseToken(t: string, cal: FiscalCalendar): string | undefined {
  const h = parseFiscalToken(t, cal);
  return h?.kind === 'span' ? periodKey(h.period) : undefined;
}

/**
 * Renders a report as release text that the release reader reads back to the same facts. With the release's
 * text (a report read from a release, or an instance carrying its release-text fact) the document is put back
 * together line for line and each table body is rebuilt from its presentation network and the facts, under the
 * table's own column headers and scale. Without it, every presentation network becomes a table of its own,
 * laid out from the taxonomy and the facts. Figures no table printed at their own precision follow at the end.
 */
export function renderRelease(report: Report, dts: Taxonomy, options: RenderOptions = {}): string {
  const taxonomy = dts.unavailable.length ? withStandIns(dts, report.facts) : dts;
  const view = buildReleaseView(taxonomy);
  const index = new FactIndex(report.facts);
  const currency = mainCurrency(report.facts);
  const narrative = options.plain ? undefined : findNarrative(report.facts);
  const cal = options.calendar ?? (narrative ? inferCalendar(narrative, report.facts) : undefined);
  const out: string[] = [];
  // Networks in the order their role types are declared (kessan's taxonomies declare them in release order).
  const declared = (t: TableNetwork) => taxonomy.roleTypes.get(t.role);
  const tables = [...view.tables].sort((a, b) => (declared(a)?.file ?? '').localeCompare(declared(b)?.file ?? '') || (declared(a)?.line ?? 0) - (declared(b)?.line ?? 0));
  if (narrative !== undefined) {
    const pieces = splitNarrative(narrative);
    let before: string[] = [];
    for (const piece of pieces) {
      if (piece.kind === 'text') {
        out.push(...piece.lines);
        before = piece.lines;
        continue;
      }
      const net = view.tables.find((t) => t.role === piece.role);
      const headerLines = piece.headerRows.map((r) => r.join('\t'));
      out.push(...headerLines);
      if (!net) continue;
      out.push(...layoutBody(net, piece.headerRows, before, view, index, cal, currency));
      before = [];
    }
  } else {
    for (const net of tables) pushAll(out, genericTable(net, view, index, cal, currency));
  }
  // Figures no table printed at their own precision: each network again, with only those.
  const extras: string[] = [];
  for (let pass = 0; pass < 4; pass++) {
    const left = index.leftover();
    if (!left.length) break;
    const sub = new FactIndex(left);
    for (const net of tables) pushAll(extras, genericTable(net, view, sub, cal, currency));
    for (const f of sub.exact) index.exact.add(f);
    if (!sub.exact.size) break;
  }
  if (options.findings) {
    // Every fact is in the text: a figure printed at its own precision, or the release text itself. Release text
    // has no place for the rest (dimensional, parent-only and text facts, figures no network places).
    const unprinted = report.facts.filter((f) => !index.exact.has(f) && !(narrative !== undefined && f.concept.localName === RELEASE_TEXT_CONCEPT));
    if (unprinted.length) options.findings.push(notRendered(unprinted, report.facts.length, report.documentInfo.source));
  }
  // Release text comes back as it was, to the last newline; a plain rendering ends with one.
  if (narrative !== undefined) return extras.length ? `${out.join('\n')}\n${APPENDIX_MARK}\n${extras.join('\n').replace(/^\n+|\n+$/g, '')}\n` : out.join('\n');
  return `${[...out, ...extras].join('\n').replace(/\n+$/, '')}\n`;
}

/** The finding for facts the text does not hold: an error, since a reader of the text would not get them back. */
function notRendered(facts: readonly Fact[], total: number, file: string | undefined): Finding {
  const some = facts.slice(0, 5).map((f) => `${formatQName(f.concept)} ${formatPeriod(f.period)}`).join(', ');
  return {
    code: 'kessan:factsNotRendered',
    severity: 'error',
    message: `${facts.length} of the ${total} facts are not in the release text (release text holds the figures a presentation network places, at their own precision, without dimensions, and the release's own text): ${some}${facts.length > 5 ? ', …' : ''}`,
    ...(file ? { file } : {}),
  };
}

/** A table body under the release's own header rows, at the scale its captions state. */
function layoutBody(net: TableNetwork, headerRows: string[][], before: readonly string[], view: ReleaseView, index: FactIndex, cal: FiscalCalendar | undefined, currency: string | undefined): string[] {
  const width = Math.max(2, ...headerRows.map((r) => r.length));
  const probe = [...before, ...headerRows.map((r) => r.join('\t')), `x${'\t'.repeat(width - 1)}`].join('\n');
  const blocks = splitBlocks(probe);
  const at = blocks.length - 1;
  const setting = settingOf(blocks, at);
  const calendar = cal ?? { endMonth: 12, endDay: 31, naming: 'end' as const };
  const headers = headerRows.filter((h) => !isCaptionRow(h, calendar));
  const columns = readColumns(headers, width, setting.caption, calendar);
  return renderBody(net, columns, view, index, { scale: setting.scale, currency: setting.currency ?? currency, mainCurrency: currency, precision: 'table', skipEmptyRows: false });
}
