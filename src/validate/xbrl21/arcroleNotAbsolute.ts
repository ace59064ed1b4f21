import type { Rule } from '../rule.js';
import { roleEngine } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.3.5.2.5:arcroleNotAbsolute',
  severity: 'error',
  docs: 'The xlink:arcrole of a standard arc must be an absolute URI (XBRL 2.1 §3.5.2.5).',
  needs: ['taxonomy'],
  engine: roleEngine,
};
