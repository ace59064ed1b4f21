import type { Rule } from '../rule.js';
import { networkEngine } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.2.4.2.1:preferredLabelMissing',
  severity: 'error',
  docs: 'A presentation arc’s preferredLabel must be a role of one of the target concept’s labels (XBRL 2.1 §5.2.4.2.1).',
  needs: ['taxonomy'],
  engine: networkEngine,
};
