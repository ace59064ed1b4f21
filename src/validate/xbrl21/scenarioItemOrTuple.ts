import type { Rule } from '../rule.js';
import { checkContainers } from './segmentScenario.js';

export const rule: Rule = {
  code: 'xbrl.4.7.4:scenarioItemOrTuple',
  severity: 'error',
  docs: 'A context scenario must not contain elements that are items or tuples (in the substitution group of xbrli:item or xbrli:tuple) (XBRL 2.1 section 4.7.4).',
  needs: ['instance', 'taxonomy'],
  check: (ctx) => checkContainers(ctx, rule, 'scenario', 'ItemOrTuple'),
};
