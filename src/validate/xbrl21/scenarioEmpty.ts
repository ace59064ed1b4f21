import type { Rule } from '../rule.js';
import { checkContainers } from './segmentScenario.js';

export const rule: Rule = {
  code: 'xbrl.4.7.4:scenarioEmpty',
  severity: 'error',
  docs: 'A context scenario must not be empty (XBRL 2.1 section 4.7.4).',
  needs: ['instance'],
  check: (ctx) => checkContainers(ctx, rule, 'scenario', 'Empty'),
};
