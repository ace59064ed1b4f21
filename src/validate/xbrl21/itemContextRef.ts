import type { Rule } from '../rule.js';
import { factIds, factLabel, factsWithConcepts, finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.6.1:itemContextRef',
  severity: 'error',
  docs: 'Every item must have a contextRef that identifies a context of the same instance (XBRL 2.1 section 4.6.1).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    const doc = instanceOf(ctx);
    for (const { fact: f, item } of factsWithConcepts(ctx)) {
      if (!item) continue;
      if (f.contextRef === undefined) yield finding(ctx, rule, f, `item ${factLabel(f)} has no contextRef`, factIds(f));
      else if (!doc.contexts.has(f.contextRef.trim())) yield finding(ctx, rule, f, `item ${factLabel(f)}: contextRef "${f.contextRef}" does not identify a context`, factIds(f));
    }
  },
};
