import type { Rule } from '../rule.js';
import { networkEngine } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.1.1.2:balanceCalcWeightIllegalPositive',
  severity: 'error',
  docs: 'A calculation arc between a debit and a credit item must have a negative weight (XBRL 2.1 §5.1.1.2, table 6).',
  needs: ['taxonomy'],
  engine: networkEngine,
};
