import type { Rule } from '../rule.js';
import { xdtInstanceEngine } from './instance.js';

export const rule: Rule = {
  code: 'xbrldie:TypedMemberNotTypedDimensionError',
  severity: 'error',
  docs: 'The dimension of an xbrldi:typedMember must be a typed dimension (XBRL Dimensions 1.0 §3.1.4.4.2).',
  needs: ['instance', 'taxonomy'],
  engine: xdtInstanceEngine,
};
