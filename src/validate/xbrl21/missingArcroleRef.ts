import type { Rule } from '../rule.js';
import { roleEngine } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.3.5.2.5:missingArcroleRef',
  severity: 'error',
  docs: 'A custom arcrole used on a standard arc needs an arcroleRef in the same linkbase (XBRL 2.1 §3.5.2.5).',
  needs: ['taxonomy'],
  engine: roleEngine,
};
