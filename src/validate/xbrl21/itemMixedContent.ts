import type { Rule } from '../rule.js';
import { factIds, factLabel, factsWithConcepts, finding, isNil } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.5.1.1:itemMixedContent',
  severity: 'error',
  docs: 'An item (other than a fraction) must not have child elements (XBRL 2.1 sections 4.6 and 5.1.1).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    for (const { fact: f, concept, item } of factsWithConcepts(ctx)) {
      if (item && concept.type.baseXsd !== 'fraction' && !isNil(f) && f.hasChildElements) yield finding(ctx, rule, f, `item ${factLabel(f)} has child elements; items hold simple values`, factIds(f));
    }
  },
};
