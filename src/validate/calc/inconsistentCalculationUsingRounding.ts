import type { Rule } from '../rule.js';
import { c11Engine } from './check.js';

export const rule: Rule = {
  code: 'calc11e:inconsistentCalculationUsingRounding',
  severity: 'inconsistency',
  docs: "Calculations 1.1 round-to-nearest (`--calc c11r`): the weighted sum of each total's contributing facts, as intervals from their decimals, must meet the total's interval.",
  needs: ['taxonomy'],
  enabled: (o) => o.calc === 'c11r',
  engine: c11Engine,
};
