import type { Rule } from '../rule.js';
import { c11Engine } from './check.js';

export const rule: Rule = {
  code: 'oime:disallowedDuplicateFacts',
  severity: 'inconsistency',
  docs: "Calculations 1.1 round-to-nearest: duplicate facts taking part in a calculation are inconsistent (their intervals do not meet, or a nil fact among non-nil ones); the check stops for their binding.",
  needs: ['taxonomy'],
  enabled: (o) => o.calc === 'c11r',
  engine: c11Engine,
};
