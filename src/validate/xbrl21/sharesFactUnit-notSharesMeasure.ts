import type { Rule } from '../rule.js';
import { checkItemUnits } from './units.js';

export const rule: Rule = {
  code: 'xbrl.4.8.2:sharesFactUnit-notSharesMeasure',
  severity: 'error',
  docs: 'A shares item must have the measure xbrli:shares (XBRL 2.1 section 4.8.2).',
  needs: ['instance', 'taxonomy'],
  check: (ctx) => checkItemUnits(ctx, rule, 'shares', 'measure'),
};
