import type { Rule } from '../rule.js';
import { roleEngine } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.5.1.3.4:custRoleUsedOn',
  severity: 'error',
  docs: 'A custom role may only be used on elements its roleType lists in usedOn (XBRL 2.1 §5.1.3.4).',
  needs: ['taxonomy'],
  engine: roleEngine,
};
