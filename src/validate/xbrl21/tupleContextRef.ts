import type { Rule } from '../rule.js';
import { factIds, factLabel, factsWithConcepts, finding } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.6.1:tupleContextRef',
  severity: 'error',
  docs: 'A tuple must not have a contextRef (XBRL 2.1 section 4.6.1).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    for (const { fact: f, item } of factsWithConcepts(ctx)) {
      if (!item && f.contextRef !== undefined) yield finding(ctx, rule, f, `tuple ${factLabel(f)} has a contextRef (${f.contextRef}); tuples have no context`, factIds(f));
    }
  },
};
