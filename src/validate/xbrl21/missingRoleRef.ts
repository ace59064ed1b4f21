import type { Rule } from '../rule.js';
import { roleEngine } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.3.5.2.4:missingRoleRef',
  severity: 'error',
  docs: 'A custom role used on a standard extended link or resource needs a roleRef in the same linkbase (XBRL 2.1 §3.5.2.4).',
  needs: ['taxonomy'],
  engine: roleEngine,
};
