import type { Rule } from '../rule.js';
import { c11Engine } from './check.js';

export const rule: Rule = {
  code: 'calc11e:inconsistentCalculationUsingTruncation',
  severity: 'inconsistency',
  docs: "Calculations 1.1 truncation (`--calc c11t`): the weighted sum of each total's contributing facts, as truncation intervals from their decimals, must meet the total's interval.",
  needs: ['taxonomy'],
  enabled: (o) => o.calc === 'c11t',
  engine: c11Engine,
};
