/**
 * Duplicate fact sets and their kinds, per XBRL International's "Handling duplicate facts" guidance and as
 * Arelle's `--validateDuplicateFacts` judges them. Duplicates: same concept, c-equal context, u-equal unit,
 * same parent (tuple) and, for text, the same language. Complete: same value and same decimals. Consistent
 * (numeric): every fact's value interval (round-to-nearest from its decimals) meets every other's, and facts
 * with the same decimals have the same value. Inconsistent: not consistent (text: values differ).
 */
import type { DuplicatesMode } from '../rule.js';
import { valueInterval } from '../../core/xbrl/intervals.js';
import type { FactEntry } from './facts.js';

const valueKey = (e: FactEntry): string => (e.nil ? '\u0000nil' : e.value ? `n:${e.value.toString()}` : `s:${String(e.fact.value)}`);
const decimalsKey = (e: FactEntry): string => (e.nil || !e.value ? '-' : String(e.decimals));

export class DuplicateSet {
  constructor(readonly facts: readonly FactEntry[]) {}

  get numeric(): boolean {
    return this.facts[0]!.concept ? this.facts[0]!.concept.type.numeric : this.facts.some((f) => f.value !== undefined);
  }

  allValueEqual(): boolean {
    const k = valueKey(this.facts[0]!);
    return this.facts.every((f) => valueKey(f) === k);
  }

  allComplete(): boolean {
    const d = this.facts[0]!.decimalsText;
    return this.facts.every((f) => f.decimalsText === d) && this.allValueEqual();
  }

  allConsistent(): boolean {
    if (this.allComplete()) return true;
    if (!this.numeric) return false;
    const byDecimals = new Map<string, string>();
    let lo, hi;
    for (const f of this.facts) {
      if (!f.value || f.value.isNaN()) return false;
      const d = decimalsKey(f);
      const seen = byDecimals.get(d);
      if (seen !== undefined && seen !== valueKey(f)) return false;
      byDecimals.set(d, valueKey(f));
      const i = valueInterval(f.value, f.decimals, false);
      if (lo === undefined || i.lo.gt(lo)) lo = i.lo;
      if (hi === undefined || i.hi.lt(hi)) hi = i.hi;
      if (hi.lt(lo)) return false;
    }
    return true;
  }

  anyComplete(): boolean {
    const seen = new Set<string>();
    for (const f of this.facts) {
      const k = `${decimalsKey(f)}|${valueKey(f)}`;
      if (seen.has(k)) return true;
      seen.add(k);
    }
    return false;
  }

  anyConsistent(): boolean {
    if (this.anyComplete()) return true;
    if (!this.numeric) return false;
    const fs = this.facts.filter((f) => f.value && !f.value.isNaN());
    for (let a = 0; a < fs.length; a++) {
      for (let b = 0; b < a; b++) {
        const fa = fs[a]!;
        const fb = fs[b]!;
        if (decimalsKey(fa) === decimalsKey(fb)) continue;
        const ia = valueInterval(fa.value!, fa.decimals, false);
        const ib = valueInterval(fb.value!, fb.decimals, false);
        if (ib.lo.lte(ia.hi) && ib.hi.gte(ia.lo)) return true;
      }
    }
    return false;
  }

  anyInconsistent(): boolean {
    return this.numeric ? !this.allConsistent() : !this.allValueEqual();
  }

  /** Whether the set has duplicates of the kind `mode` asks to report. */
  reported(mode: DuplicatesMode): boolean {
    if (this.facts.length < 2) return false;
    switch (mode) {
      case 'none':
        return false;
      case 'all':
        return true;
      case 'inconsistent':
        return this.anyInconsistent();
      case 'consistent':
        return this.anyConsistent();
      case 'complete':
        return this.anyComplete();
    }
  }

  /** What the set holds, for messages: inconsistent, consistent and/or complete. */
  kinds(): string[] {
    const out: string[] = [];
    if (this.anyInconsistent()) out.push('inconsistent');
    if (this.anyConsistent()) out.push('consistent');
    if (this.anyComplete()) out.push('complete');
    return out;
  }
}
