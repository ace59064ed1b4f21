import type { Rule } from '../rule.js';
import { networkEngine } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.1.1.2:balanceCalcWeightIllegalNegative',
  severity: 'error',
  docs: 'A calculation arc between two items of the same balance must have a positive weight (XBRL 2.1 §5.1.1.2, table 6).',
  needs: ['taxonomy'],
  engine: networkEngine,
};
