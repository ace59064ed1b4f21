import type { Location } from '../../../core/errors.js';
import type { Finding } from '../../../core/model/finding.js';

/** How many findings of one code are said one by one; the rest are summed up in one finding. */
export const FINDINGS_PER_CODE = 100;

interface Pending {
  readonly finding: Finding;
  /** The JSON pointer of what it is about, whose line and column are looked up at the end. */
  readonly where?: string;
}

/**
 * The findings about a report's facts, bounded: a hostile document can have a finding on every one of millions
 * of dimensions, and a million findings would take more memory and time than the document. The first
 * `perCode` findings of each code are kept as they are; the others of that code are counted and reported as one
 * finding at the end that says how many there were and names the first few facts and subjects (concepts,
 * dimensions) they were about. Positions are looked up at the end, all at once (a deep one costs a parse).
 */
export class FactFindings {
  private readonly kept: Pending[] = [];
  private readonly counts = new Map<string, number>();
  private readonly over = new Map<string, { first: Pending; more: number; factIds: Set<string>; subjects: Set<string>; cut: Set<Set<string>> }>();

  constructor(
    private readonly at: (pointer: string) => Location,
    private readonly locate: (pointers: Iterable<string>) => void,
    private readonly perCode = FINDINGS_PER_CODE,
  ) {}

  /** `where`: a JSON pointer to the value the finding is about; `subject`: its concept or dimension, for the summary. */
  push(finding: Finding, where?: string, subject?: string): void {
    const n = (this.counts.get(finding.code) ?? 0) + 1;
    this.counts.set(finding.code, n);
    const p: Pending = { finding, ...(where !== undefined ? { where } : {}) };
    if (n <= this.perCode) {
      this.kept.push(p);
      return;
    }
    let o = this.over.get(finding.code);
    if (!o) this.over.set(finding.code, (o = { first: p, more: 0, factIds: new Set(), subjects: new Set(), cut: new Set() }));
    o.more++;
    // Up to ten of each named; `cut` says which lists left some out.
    const add = (set: Set<string>, x: string) => (set.size < 10 ? set.add(x) : set.has(x) || o!.cut.add(set));
    for (const id of finding.factIds ?? []) add(o.factIds, id);
    if (subject !== undefined) add(o.subjects, subject);
  }

  /** Every finding pushed, in order, with its position, and one summary per code that had more than `perCode`. */
  all(): Finding[] {
    const pending = [...this.kept, ...[...this.over.values()].map((o) => o.first)];
    this.locate(pending.flatMap((p) => (p.where !== undefined ? [p.where] : [])));
    const placed = (p: Pending): Finding => (p.where !== undefined ? { ...p.finding, ...this.at(p.where) } : p.finding);
    const out = this.kept.map(placed);
    for (const [code, o] of this.over) {
      const list = (s: Set<string>, what: string) => (s.size ? `; ${what} ${[...s].join(', ')}${o.cut.has(s) ? ', …' : ''}` : '');
      const { file, line, column } = placed(o.first);
      out.push({
        code,
        severity: o.first.finding.severity,
        message: `${o.more} more finding(s) like the ${this.perCode} above, from here on, not listed one by one${list(o.subjects, 'about')}${list(o.factIds, 'facts')}`,
        ...(file !== undefined ? { file } : {}),
        ...(line !== undefined ? { line } : {}),
        ...(column !== undefined ? { column } : {}),
      });
    }
    return out;
  }
}
