import type { Rule } from '../rule.js';
import { networkEngine } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.2.5.2:nonNumericCalc',
  severity: 'error',
  docs: 'Summation-item arcs may only join numeric items (XBRL 2.1 §5.2.5.2).',
  needs: ['taxonomy'],
  engine: networkEngine,
};
