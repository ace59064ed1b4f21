import type { Rule } from '../rule.js';
import { networkEngine } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.2.5.2.1:zeroWeight',
  severity: 'error',
  docs: 'A calculation arc’s weight must not be zero (XBRL 2.1 §5.2.5.2.1).',
  needs: ['taxonomy'],
  engine: networkEngine,
};
