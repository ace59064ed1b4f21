import type { Rule } from '../rule.js';
import { factIds, factLabel, factsWithConcepts, finding, isNil } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xmlSchema:nilNonNillableElement',
  severity: 'error',
  docs: 'A fact may be nil (xsi:nil="true") only if its concept is declared nillable (XML Schema; XBRL 2.1 section 4.6).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    for (const { fact: f, concept } of factsWithConcepts(ctx)) {
      if (isNil(f) && !concept.nillable) yield finding(ctx, rule, f, `${factLabel(f)} is nil but its concept is not nillable`, factIds(f));
    }
  },
};
