import type { Rule } from '../rule.js';
import { networkEngine } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.1.4.3:cycles',
  severity: 'error',
  docs: 'Relationships of a custom arcrole must respect its arcroleType’s cyclesAllowed ("none": no cycles at all; "undirected": no directed cycles) (XBRL 2.1 §5.1.4.3).',
  needs: ['taxonomy'],
  engine: networkEngine,
};
