import type { Rule } from '../rule.js';
import { networkEngine } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.2.4.2',
  name: 'parentChildCycles',
  severity: 'error',
  docs: 'Parent-child relationships in one network must not form directed cycles (XBRL 2.1 §5.2.4.2).',
  needs: ['taxonomy'],
  engine: networkEngine,
};
