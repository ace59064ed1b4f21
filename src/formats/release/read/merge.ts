import { aspectKey, isNumericValue, type Fact, type Source } from '../../../core/model/fact.js';
import type { Finding } from '../../../core/model/finding.js';
import { consistentRounding } from './figures.js';

const keys = new WeakMap<Fact, string>();

/** aspectKey, computed once per fact (prose reading and merging both group the table facts by it). */
export function factKey(f: Fact): string {
  let k = keys.get(f);
  if (k === undefined) keys.set(f, (k = aspectKey(f)));
  return k;
}

function where(s: Source | undefined): string {
  if (!s) return 'somewhere';
  return `line ${s.line}${s.table ? ` ("${s.table}", ${s.row ?? ''}${s.header ? ` / ${s.header}` : ''})` : ''}`;
}

function printedAs(f: Fact): string {
  return f.sources[0]?.printed ?? (f.value === null ? 'nil' : String(f.value));
}

/**
 * The same figure printed in several places becomes one fact, kept at its most precise printing, with every
 * place among its sources. Printings that disagree beyond rounding stay separate facts (inconsistent
 * duplicates) and each disagreement is reported with both places.
 */
export function mergePrintings(facts: readonly Fact[], emit: (f: Finding) => void): Fact[] {
  const groups = new Map<string, Fact[]>();
  const order: string[] = [];
  for (const f of facts) {
    const k = factKey(f);
    if (!groups.has(k)) {
      groups.set(k, []);
      order.push(k);
    }
    groups.get(k)!.push(f);
  }
  const kept = new Map<Fact, Fact>();
  for (const k of order) {
    const group = groups.get(k)!;
    const byPrecision = [...group].sort((a, b) => precision(b) - precision(a));
    const distinct: Fact[] = [];
    for (const f of byPrecision) {
      const same = distinct.find((d) => agrees(d, f));
      if (same) {
        const i = distinct.indexOf(same);
        distinct[i] = { ...same, sources: [...same.sources, ...f.sources] };
      } else {
        if (distinct.length) {
          const other = distinct[0]!;
          emit({
            code: 'release:inconsistentPrintings',
            severity: 'warning',
            message: `${f.concept.localName} for ${describePeriod(f)} is printed as ${printedAs(f)} at ${where(f.sources[0])} but as ${printedAs(other)} at ${where(other.sources[0])}; they differ by more than rounding, both are kept`,
            file: f.sources[0]?.file,
            line: f.sources[0]?.line,
            column: f.sources[0]?.column,
          } as Finding);
        }
        distinct.push(f);
      }
    }
    // Keep the release's reading order: each kept fact takes the place of its first printing.
    for (const d of distinct) {
      const first = group.find((g) => d.sources.some((s) => g.sources[0] === s))!;
      kept.set(first, d);
    }
  }
  return facts.filter((f) => kept.has(f)).map((f) => kept.get(f)!);
}

function precision(f: Fact): number {
  if (f.value === null) return -Infinity;
  return f.decimals === 'INF' ? Infinity : (f.decimals ?? -Infinity);
}

function agrees(precise: Fact, other: Fact): boolean {
  if (precise.value === null || other.value === null) return precise.value === other.value;
  if (!isNumericValue(precise.value) || !isNumericValue(other.value)) return precise.value === other.value;
  if (other.decimals === 'INF' || other.decimals === undefined) return precise.value.equals(other.value);
  return consistentRounding(precise.value, other.value, other.decimals);
}

function describePeriod(f: Fact): string {
  const p = f.period;
  return p.kind === 'instant' ? p.date : p.kind === 'duration' ? `${p.start}..${p.end}` : 'forever';
}
