import { Decimal } from 'decimal.js';
import { clark, type QName } from '../../core/model/qname.js';
import { ARCROLE } from '../../core/taxonomy/model.js';
import type { Rule } from '../rule.js';
import { add, factInterval, gap, mid, overlaps, type Interval } from './intervals.js';
import { describe, factIndex, isReleaseTaxonomy, location, printed, printedAt } from './facts.js';

export const rule: Rule = {
  code: 'release:totalMismatch',
  severity: 'warning',
  docs: 'A printed total must equal the sum of its printed parts (the taxonomy\'s summation-item networks), checked only where every part is printed for that period and unit, allowing for each figure\'s rounding; a dash counts as zero.',
  needs: ['taxonomy'],
  *check(ctx) {
    if (!isReleaseTaxonomy(ctx)) return;
    const tax = ctx.taxonomy!;
    const index = factIndex(ctx);
    const nil = new Set(ctx.report.facts.filter((f) => f.value === null).map((f) => `${clark(f.concept)}|${JSON.stringify(f.period)}|${f.unit ? JSON.stringify(f.unit) : ''}`));
    for (const role of tax.linkroles(ARCROLE.summationItem)) {
      const byTotal = new Map<string, { total: QName; items: { concept: QName; weight: number }[] }>();
      const rels = tax.relationships(ARCROLE.summationItem, role);
      for (const r of rels) {
        const k = clark(r.from);
        if (!byTotal.has(k)) byTotal.set(k, { total: r.from, items: [] });
        byTotal.get(k)!.items.push({ concept: r.to, weight: r.weight ?? 1 });
      }
      for (const { total, items } of byTotal.values()) {
        for (const t of index.ofConcept(total)) {
          let sum: Interval | undefined = { lo: new Decimal(0), hi: new Decimal(0) };
          const parts = [];
          for (const item of items) {
            const f = index.one(item.concept, t.period, t.unit);
            const i = f ? factInterval(f) : undefined;
            if (f && i) {
              sum = add(sum!, i, item.weight);
              parts.push(f);
            } else if (!nil.has(`${clark(item.concept)}|${JSON.stringify(t.period)}|${t.unit ? JSON.stringify(t.unit) : ''}`)) {
              sum = undefined; // a part is not printed for this column: nothing to check
              break;
            }
          }
          const ti = factInterval(t);
          if (!sum || !ti || !parts.length || overlaps(sum, ti)) continue;
          yield {
            code: this.code,
            severity: this.severity,
            message: `${describe(t)} is printed as ${printed(t)} at ${printedAt(t)}, but its ${parts.length} parts add up to ${mid(sum).toFixed()} (${parts.map((p) => `${p.concept.localName} ${printed(p)} at line ${p.sources[0]?.line ?? '?'}`).join(', ')}); the difference is at least ${gap(sum, ti).toFixed()} beyond rounding`,
            ...location(t),
            factIds: [t.id, ...parts.map((p) => p.id)],
          };
        }
      }
    }
  },
};
