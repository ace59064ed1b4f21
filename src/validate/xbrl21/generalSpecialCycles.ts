import type { Rule } from '../rule.js';
import { networkEngine } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.2.6.2.1',
  name: 'generalSpecialCycles',
  severity: 'error',
  docs: 'General-special and essence-alias relationships in one network must not form directed cycles (XBRL 2.1 §5.2.6.2.1, §5.2.6.2.2).',
  needs: ['taxonomy'],
  engine: networkEngine,
};
