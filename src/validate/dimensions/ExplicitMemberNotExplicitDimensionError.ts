import type { Rule } from '../rule.js';
import { xdtInstanceEngine } from './instance.js';

export const rule: Rule = {
  code: 'xbrldie:ExplicitMemberNotExplicitDimensionError',
  severity: 'error',
  docs: 'The dimension of an xbrldi:explicitMember must be an explicit dimension (XBRL Dimensions 1.0 §3.1.4.5.2).',
  needs: ['instance', 'taxonomy'],
  engine: xdtInstanceEngine,
};
