import type { Rule } from '../rule.js';
import { checkContainers } from './segmentScenario.js';

export const rule: Rule = {
  code: 'xbrl.4.7.3.2:segmentEmpty',
  severity: 'error',
  docs: 'A context segment must not be empty (XBRL 2.1 section 4.7.3.2).',
  needs: ['instance'],
  check: (ctx) => checkContainers(ctx, rule, 'segment', 'Empty'),
};
