import type { Rule } from '../rule.js';
import { roleEngine } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.3.5.2.4:roleNotAbsolute',
  severity: 'error',
  docs: 'The xlink:role of a standard extended link or resource must be an absolute URI (XBRL 2.1 §3.5.2.4).',
  needs: ['taxonomy'],
  engine: roleEngine,
};
