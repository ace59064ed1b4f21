import type { Rule } from '../rule.js';
import { c11Engine } from './check.js';

export const rule: Rule = {
  code: 'calc11e:disallowedDuplicateFactsUsingTruncation',
  severity: 'inconsistency',
  docs: "Calculations 1.1 truncation: duplicate facts taking part in a calculation are inconsistent (their truncation intervals do not meet, or a nil fact among non-nil ones); the check stops for their binding.",
  needs: ['taxonomy'],
  enabled: (o) => o.calc === 'c11t',
  engine: c11Engine,
};
