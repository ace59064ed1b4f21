import type { Rule } from '../rule.js';
import { roleEngine } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.3.5.2.5.5:arcroleRefMismatch',
  severity: 'error',
  docs: 'An arcroleRef’s href must point at the arcroleType that declares its arcroleURI (XBRL 2.1 §3.5.2.5.5).',
  needs: ['taxonomy'],
  engine: roleEngine,
};
