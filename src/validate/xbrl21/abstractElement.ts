import type { Rule } from '../rule.js';
import { factIds, factLabel, factsWithConcepts, finding } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xmlSchema:abstractElement',
  severity: 'error',
  docs: 'A fact must not use an abstract concept (XML Schema; XBRL 2.1 section 5.1.1).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    for (const { fact: f, concept } of factsWithConcepts(ctx)) {
      if (concept.abstract) yield finding(ctx, rule, f, `${factLabel(f)} reports an abstract concept`, factIds(f));
    }
  },
};
