import type { Rule } from '../rule.js';
import { xdtInstanceEngine } from './instance.js';

export const rule: Rule = {
  code: 'xbrldie:ExplicitMemberUndefinedQNameError',
  severity: 'error',
  docs: 'The member of an xbrldi:explicitMember must be the QName of a global element declaration in the DTS (XBRL Dimensions 1.0 §3.1.4.5.3).',
  needs: ['instance', 'taxonomy'],
  engine: xdtInstanceEngine,
};
