import type { Rule } from '../rule.js';
import { checkContainers } from './segmentScenario.js';

export const rule: Rule = {
  code: 'xbrl.4.7.3.2:segmentItemOrTuple',
  severity: 'error',
  docs: 'A context segment must not contain elements that are items or tuples (in the substitution group of xbrli:item or xbrli:tuple) (XBRL 2.1 section 4.7.3.2).',
  needs: ['instance', 'taxonomy'],
  check: (ctx) => checkContainers(ctx, rule, 'segment', 'ItemOrTuple'),
};
