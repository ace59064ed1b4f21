import type { Rule } from '../rule.js';
import { checkItemUnits } from './units.js';

export const rule: Rule = {
  code: 'xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure',
  severity: 'error',
  docs: 'A monetary item must have an ISO 4217 currency measure (namespace http://www.xbrl.org/2003/iso4217, three upper-case letters) (XBRL 2.1 section 4.8.2).',
  needs: ['instance', 'taxonomy'],
  check: (ctx) => checkItemUnits(ctx, rule, 'monetary', 'measure'),
};
