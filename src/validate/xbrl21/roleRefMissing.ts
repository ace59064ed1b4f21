import type { Rule } from '../rule.js';
import { roleEngine } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.3.5.2.4.5:roleRefMissing',
  severity: 'error',
  docs: 'A roleRef must have a roleURI (XBRL 2.1 §3.5.2.4.5).',
  needs: ['taxonomy'],
  engine: roleEngine,
};
