import { aspectKey, type Fact } from '../core/model/fact.js';
import { periodKey } from '../core/model/period.js';
import type { Report } from '../core/model/report.js';
import type { ReleaseLayoutBlocks } from '../formats/release/read/read.js';
import { parsePrinted } from '../formats/release/read/figures.js';
import { cleanCell } from '../formats/release/read/text.js';

/** One figure cell of a release table, keyed by what it means (table, row concept, column meaning). */
interface CellAt {
  readonly key: string;
  readonly line: number;
  readonly where: string;
  readonly text: string;
}

function tablesOf(report: Report): Extract<ReleaseLayoutBlocks['blocks'][number], { kind: 'taggedTable' }>['table'][] {
  const blocks = (report.layout?.blocks ?? []) as ReleaseLayoutBlocks['blocks'];
  return blocks.flatMap((b) => ('kind' in b && b.kind === 'taggedTable' ? [b.table] : []));
}

/** Every non-blank body cell of every tagged table, keyed by table role, row concept (nth printing) and column meaning. */
function cells(report: Report, currency: string): Map<string, CellAt> {
  const out = new Map<string, CellAt>();
  for (const t of tablesOf(report)) {
    const seen = new Map<string, number>();
    for (const row of t.rows) {
      const id = row.concept ?? `?${row.label}`;
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      row.cells.forEach((raw, i) => {
        const text = cleanCell(raw);
        if (!text) return;
        const spec = t.columns[i];
        const col = spec ? `${spec.kind}|${spec.period ? periodKey(spec.period) : '?'}|${spec.currency ?? currency}` : `#${i}`;
        const key = `${t.role}|${id}#${n}|${col}`;
        out.set(key, { key, line: row.line, where: `"${t.title}", row "${row.label}", column "${spec?.header ?? i + 1}"`, text });
      });
    }
  }
  return out;
}

/** A printed figure as value and precision (the % sign, a unit word and bold are style, not figure). */
function figure(text: string): string {
  const p = parsePrinted(text);
  if (p.kind === 'number') return `${p.value.toFixed()}|${p.places}`;
  if (p.kind === 'nil') return 'nil';
  return `text:${text}`;
}

export interface CellDifference {
  readonly line: number;
  readonly renderedLine?: number;
  readonly where: string;
  readonly original?: string;
  readonly rendered?: string;
}

export interface TableComparison {
  /** Figures printed in the original and compared (every non-blank body cell of a tagged table). */
  readonly compared: number;
  /** Figures that differ (or are missing / extra). */
  readonly differences: readonly CellDifference[];
  /** Same figure printed another way (a % sign, a unit word): counted, not a difference. */
  readonly styleOnly: number;
  /** Figures the original printed in no table (prose figures, say) that the rendering adds after its own text. */
  readonly appendix: number;
}

/** Compares the tables of two readings of release text, cell by cell, by meaning (not by position). */
export function compareTables(original: Report, rendered: Report, currency: string, appendixLine = Infinity): TableComparison {
  const a = cells(original, currency);
  const b = cells(rendered, currency);
  const differences: CellDifference[] = [];
  let styleOnly = 0;
  for (const [k, o] of a) {
    const r = b.get(k);
    if (!r) {
      differences.push({ line: o.line, where: o.where, original: o.text });
      continue;
    }
    if (r.text === o.text) continue;
    if (figure(r.text) === figure(o.text)) styleOnly++;
    else differences.push({ line: o.line, renderedLine: r.line, where: o.where, original: o.text, rendered: r.text });
  }
  let appendix = 0;
  for (const [k, r] of b) {
    if (a.has(k)) continue;
    if (r.line > appendixLine) appendix++;
    else differences.push({ line: 0, renderedLine: r.line, where: r.where, rendered: r.text });
  }
  differences.sort((x, y) => x.line - y.line || (x.renderedLine ?? 0) - (y.renderedLine ?? 0));
  return { compared: a.size, differences, styleOnly, appendix };
}

/** The facts as a multiset of their meaning (concept, entity, period, unit, dimensions, language, value, decimals). */
export function factKeys(facts: readonly Fact[]): string[] {
  return facts
    .map((f) => `${aspectKey(f)}|${f.value === null ? 'nil' : typeof f.value === 'string' ? JSON.stringify(f.value) : f.value.toFixed()}|${f.decimals ?? ''}`)
    .sort();
}

/** Facts in one set and not the other (each with its count). */
export function factSetDifference(a: readonly Fact[], b: readonly Fact[]): { onlyA: string[]; onlyB: string[] } {
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const ca = count(factKeys(a));
  const cb = count(factKeys(b));
  const onlyA: string[] = [];
  const onlyB: string[] = [];
  for (const [k, n] of ca) for (let i = cb.get(k) ?? 0; i < n; i++) onlyA.push(k);
  for (const [k, n] of cb) for (let i = ca.get(k) ?? 0; i < n; i++) onlyB.push(k);
  return { onlyA, onlyB };
}
