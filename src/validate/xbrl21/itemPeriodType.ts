import type { Rule } from '../rule.js';
import { finding, rawOf } from './linkbase-common.js';
import { ownConcepts } from './linkbase-concepts.js';

export const rule: Rule = {
  code: 'xbrl.5.1.1.1:itemPeriodType',
  severity: 'error',
  docs: 'Every item declaration must have an xbrli:periodType of "instant" or "duration" (XBRL 2.1 §5.1.1.1).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const { concept, decl, kind } of ownConcepts(r.taxonomy, r.raw)) {
      if (kind !== 'item' || concept.periodType) continue;
      const what = decl.periodTypeRaw === undefined ? 'has no xbrli:periodType' : `has an invalid xbrli:periodType "${decl.periodTypeRaw}"`;
      yield finding(this.code, this.severity, `Item ${concept.name.localName} ${what}; items must say "instant" or "duration".`, decl.file, decl.line);
    }
  },
};
