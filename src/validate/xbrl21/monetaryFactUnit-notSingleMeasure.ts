import type { Rule } from '../rule.js';
import { checkItemUnits } from './units.js';

export const rule: Rule = {
  code: 'xbrl.4.8.2:monetaryFactUnit-notSingleMeasure',
  severity: 'error',
  docs: 'A monetary item must have a unit with a single measure and no denominator (XBRL 2.1 section 4.8.2).',
  needs: ['instance', 'taxonomy'],
  check: (ctx) => checkItemUnits(ctx, rule, 'monetary', 'single'),
};
