import type { Rule } from '../rule.js';
import { roleEngine } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.3.5.2.4.5:roleRefNotDefined',
  severity: 'error',
  docs: 'A roleRef’s roleURI must be declared by a roleType in the DTS (XBRL 2.1 §3.5.2.4.5).',
  needs: ['taxonomy'],
  engine: roleEngine,
};
