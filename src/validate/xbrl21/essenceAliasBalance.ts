import type { Rule } from '../rule.js';
import { networkEngine } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.2.6.2.2:essenceAliasBalance',
  severity: 'error',
  docs: 'Essence-alias arcs must not join a debit and a credit concept (XBRL 2.1 §5.2.6.2.2).',
  needs: ['taxonomy'],
  engine: networkEngine,
};
