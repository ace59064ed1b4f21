import type { Rule } from '../rule.js';
import { checkItemUnits } from './units.js';

export const rule: Rule = {
  code: 'xbrl.4.8.2:sharesFactUnit-notSingleMeasure',
  severity: 'error',
  docs: 'A shares item must have a unit with a single measure and no denominator (XBRL 2.1 section 4.8.2).',
  needs: ['instance', 'taxonomy'],
  check: (ctx) => checkItemUnits(ctx, rule, 'shares', 'single'),
};
