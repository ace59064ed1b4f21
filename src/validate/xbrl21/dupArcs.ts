import type { Rule } from '../rule.js';
import { networkEngine } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xlink:dupArcs',
  severity: 'error',
  docs: 'XLink: an extended link must not have two arcs with the same from and to labels (XLink 1.0 §5.1.5).',
  needs: ['taxonomy'],
  engine: networkEngine,
};
