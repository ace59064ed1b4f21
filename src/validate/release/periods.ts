import { addDays, addMonths, type Period } from '../../core/model/period.js';

/** The comparison base of a % change: the same span a year (or one span) earlier. */
export function priorPeriod(p: Period, basis: 'priorYear' | 'priorQuarter'): Period | undefined {
  if (p.kind === 'instant') return { kind: 'instant', date: addMonths(p.date, basis === 'priorYear' ? -12 : -3) };
  if (p.kind !== 'duration') return undefined;
  const next = addDays(p.end, 1);
  const [sy, sm] = p.start.split('-').map(Number) as [number, number];
  const [ey, em] = next.split('-').map(Number) as [number, number];
  const span = (ey - sy) * 12 + (em - sm);
  const months = basis === 'priorYear' ? 12 : span;
  return { kind: 'duration', start: addMonths(p.start, -months), end: addDays(addMonths(next, -months), -1) };
}
