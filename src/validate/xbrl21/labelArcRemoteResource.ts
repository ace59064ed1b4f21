import type { Rule } from '../rule.js';
import { networkEngine } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.2.2.3:labelArcRemoteResource',
  severity: 'error',
  docs: 'Unprohibited label and reference arcs must point at resources in the same extended link, not at remote resources through locators (XBRL 2.1 §5.2.2.3).',
  needs: ['taxonomy'],
  engine: networkEngine,
};
