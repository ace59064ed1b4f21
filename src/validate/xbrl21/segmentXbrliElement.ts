import type { Rule } from '../rule.js';
import { checkContainers } from './segmentScenario.js';

export const rule: Rule = {
  code: 'xbrl.4.7.3.2:segmentXbrliElement',
  severity: 'error',
  docs: 'A context segment must not contain elements of the XBRL instance namespace (xbrli) (XBRL 2.1 section 4.7.3.2).',
  needs: ['instance'],
  check: (ctx) => checkContainers(ctx, rule, 'segment', 'XbrliElement'),
};
