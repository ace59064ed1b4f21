import type { Rule } from '../rule.js';
import { factIds, factLabel, factsWithConcepts, finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.6.2:numericUnit',
  severity: 'error',
  docs: 'A numeric item must have a unitRef that identifies a unit of the same instance (XBRL 2.1 section 4.6.2).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    const doc = instanceOf(ctx);
    for (const { fact: f, concept, item } of factsWithConcepts(ctx)) {
      if (!item || !concept.type.numeric) continue;
      if (f.unitRef === undefined) yield finding(ctx, rule, f, `numeric item ${factLabel(f)} has no unitRef`, factIds(f));
      else if (!doc.units.has(f.unitRef.trim())) yield finding(ctx, rule, f, `numeric item ${factLabel(f)}: unitRef "${f.unitRef}" does not identify a unit`, factIds(f));
    }
  },
};
