import type { Rule } from '../rule.js';
import { factIds, factLabel, factsWithConcepts, finding, isNil } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xmlSchema:nilElementHasContent',
  severity: 'error',
  docs: 'A nil fact (xsi:nil="true") must be empty (XML Schema).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    for (const { fact: f } of factsWithConcepts(ctx)) {
      if (!isNil(f)) continue;
      if ((f.valueRaw ?? '').trim() !== '' || f.hasChildElements || (f.children?.length ?? 0) > 0) yield finding(ctx, rule, f, `${factLabel(f)} is nil but has content`, factIds(f));
    }
  },
};
