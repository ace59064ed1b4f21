import type { Rule } from '../rule.js';
import { roleEngine } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.3.5.2.4.5:roleRefMismatch',
  severity: 'error',
  docs: 'A roleRef’s href must point at the roleType that declares its roleURI (XBRL 2.1 §3.5.2.4.5).',
  needs: ['taxonomy'],
  engine: roleEngine,
};
