import type { Rule } from '../rule.js';
import { networkEngine } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.2.6.2.2:essenceAliasTypes',
  severity: 'error',
  docs: 'Essence-alias arcs must join concepts of the same type and period type (XBRL 2.1 §5.2.6.2.2).',
  needs: ['taxonomy'],
  engine: networkEngine,
};
