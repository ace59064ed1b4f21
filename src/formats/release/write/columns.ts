import type { Fact } from '../../../core/model/fact.js';
import { addDays, periodKey, type Period } from '../../../core/model/period.js';
import type { ColumnKind, ColumnSpec } from '../read/columns.js';
import type { ReleaseView, TableNetwork } from '../read/networks.js';
import { fiscalSpan, parseFiscalToken, shiftPeriod, spanMonths, type FiscalCalendar } from '../read/periods.js';
import { factCurrency, type FactIndex } from './facts.js';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const SPAN_WORDS: Record<number, string> = { 3: 'Three', 6: 'Six', 9: 'Nine', 12: 'Twelve' };

/** `2004-09-30` → `Sept 30, 2004` (a form the reader's date pattern reads). */
export function printDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${MONTH_NAMES[m - 1]} ${d}, ${y}`;
}

/** The fiscal token of a duration under the calendar ("2Q04", "1H04", "9M04", "FY2004"), if it is one. */
export function fiscalToken(p: Period, cal: FiscalCalendar | undefined): string | undefined {
  if (!cal || p.kind !== 'duration') return undefined;
  const months = spanMonths(p);
  const year = Number(p.start.slice(0, 4));
  for (const fy of [year - 1, year, year + 1]) {
    for (let offset = 0; offset < 12; offset += 3) {
      const span = fiscalSpan(fy, offset, months, cal);
      if (span.start !== p.start || span.end !== p.end) continue;
      const yy = String(fy).slice(-2);
      const tokens =
        months === 3 ? [`${offset / 3 + 1}Q${yy}`, `${offset / 3 + 1}Q${fy}`]
        : months === 6 && offset % 6 === 0 ? [`${offset / 6 + 1}H${yy}`, `${offset / 6 + 1}H${fy}`]
        : months === 9 && offset === 0 ? [`9M${yy}`, `9M${fy}`]
        : months === 12 && offset === 0 ? [`FY${fy}`]
        : [];
      for (const t of tokens) {
        const back = parseFiscalToken(t, cal);
        if (back?.kind === 'span' && periodKey(back.period) === periodKey(p)) return t;
      }
    }
  }
  return undefined;
}

/** A period as a column header: a fiscal token, "Three Months Ended Sept 30, 2004", or a date for instants. */
export function periodHeader(p: Period, cal: FiscalCalendar | undefined): string | undefined {
  if (p.kind === 'instant') return printDate(p.date);
  if (p.kind === 'forever') return undefined;
  const token = fiscalToken(p, cal);
  if (token) return token;
  const months = spanMonths(p);
  const words = SPAN_WORDS[months];
  if (!words || addDays(p.start, 0) !== p.start) return undefined;
  return `${words} Months Ended ${printDate(p.end)}`;
}

const KIND_HEADER: Record<Exclude<ColumnKind, 'amount'>, string> = {
  percentOfTotal: '% of total',
  changePriorYear: 'YoY % change',
  changePriorQuarter: 'QoQ % change',
};

/** A column the generic renderer prints, with the header texts that make the reader see the same column. */
export interface GenericColumn {
  readonly spec: ColumnSpec;
  readonly headers: readonly [period: string, second: string];
}

const RATIO_KINDS = ['percentOfTotal', 'changePriorYear', 'changePriorQuarter'] as const;

/**
 * The columns of a network for a report without layout: one per distinct (period, currency, kind) of its
 * rows' facts (dimensionless), amounts by period (latest first), each followed by its ratio columns.
 * An instant shown on a period start or end row goes into the duration column it starts or ends.
 */
export function genericColumns(net: TableNetwork, view: ReleaseView, index: FactIndex, cal: FiscalCalendar | undefined, mainCurrency: string | undefined): GenericColumn[] {
  const found = new Map<string, { kind: ColumnKind; period: Period; currency?: string }>();
  const add = (kind: ColumnKind, period: Period, f: Fact) => {
    const currency = factCurrency(f);
    const k = `${kind}|${periodKey(period)}|${kind === 'amount' ? (currency ?? '') : ''}`;
    if (!found.has(k)) found.set(k, { kind, period, ...(kind === 'amount' && currency ? { currency } : {}) });
  };
  const edges: { edge: 'start' | 'end'; f: Fact }[] = [];
  for (const node of net.rows) {
    if (node.depth === 0 || node.concept.abstract) continue;
    for (const f of index.ofConcept(node.concept.name)) {
      if (node.periodEdge && f.period.kind === 'instant') edges.push({ edge: node.periodEdge, f });
      else add('amount', f.period, f);
    }
    for (const kind of RATIO_KINDS) {
      const rc = view.ratioConcept(node.concept.name, kind);
      if (rc) for (const f of index.ofConcept(rc.name)) add(kind, f.period, f);
    }
  }
  const durations = [...found.values()].filter((c) => c.kind === 'amount' && c.period.kind === 'duration').map((c) => c.period as Period & { kind: 'duration' });
  for (const { edge, f } of edges) {
    const date = (f.period as { date: string }).date;
    const home = durations.find((d) => (edge === 'start' ? addDays(d.start, -1) === date : d.end === date));
    add('amount', home ?? f.period, f);
  }
  // Figures in no currency (shares, per-share counts) share the column of the report's currency when it has one.
  for (const [k, c] of found) {
    if (c.kind === 'amount' && !c.currency && mainCurrency && found.has(`amount|${periodKey(c.period)}|${mainCurrency}`)) found.delete(k);
  }
  const byPeriod = new Map<string, { period: Period; cols: { kind: ColumnKind; currency?: string }[] }>();
  for (const c of found.values()) {
    const k = periodKey(c.period);
    if (!byPeriod.has(k)) byPeriod.set(k, { period: c.period, cols: [] });
    byPeriod.get(k)!.cols.push(c);
  }
  const end = (p: Period) => (p.kind === 'instant' ? p.date : p.kind === 'duration' ? p.end : '');
  const start = (p: Period) => (p.kind === 'duration' ? p.start : end(p));
  const periods = [...byPeriod.values()].sort((a, b) => end(b.period).localeCompare(end(a.period)) || start(b.period).localeCompare(start(a.period)));
  const order: ColumnKind[] = ['amount', 'percentOfTotal', 'changePriorYear', 'changePriorQuarter'];
  const out: GenericColumn[] = [];
  for (const { period, cols } of periods) {
    cols.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || rankCurrency(a.currency, mainCurrency) - rankCurrency(b.currency, mainCurrency) || (a.currency ?? '').localeCompare(b.currency ?? ''));
    for (const c of cols) {
      const base = c.kind === 'changePriorYear' ? back(period, 'year') : c.kind === 'changePriorQuarter' ? back(period, 'quarter') : period;
      const header = base ? periodHeader(base, cal) : undefined;
      if (!header || !base) continue;
      // A change column reads its period as its header's period moved on; check that it comes back.
      if (c.kind === 'changePriorYear' || c.kind === 'changePriorQuarter') {
        if (periodKey(shiftPeriod(base, c.kind === 'changePriorYear' ? 'priorYear' : 'priorQuarter')) !== periodKey(period)) continue;
      }
      const second = c.kind === 'amount' ? (c.currency ?? '') : KIND_HEADER[c.kind];
      const spec: ColumnSpec = { index: out.length + 1, header: [header, second].filter(Boolean).join(' / '), kind: c.kind, period, ...(c.currency ? { currency: c.currency } : {}) };
      out.push({ spec, headers: [header, second] });
    }
  }
  return out;
}

function rankCurrency(c: string | undefined, main: string | undefined): number {
  return c === main ? 0 : c ? 1 : 2;
}

/** The period whose change to `p` a YoY / QoQ column shows. */
function back(p: Period, by: 'year' | 'quarter'): Period | undefined {
  if (p.kind === 'forever') return undefined;
  if (p.kind === 'instant') return undefined;
  const months = by === 'year' ? 12 : spanMonths(p);
  // The inverse of shiftPeriod: same length, `months` earlier.
  const startMonth = shiftBack(p.start, months);
  const endNext = shiftBack(addDays(p.end, 1), months);
  return { kind: 'duration', start: startMonth, end: addDays(endNext, -1) };
}

function shiftBack(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
