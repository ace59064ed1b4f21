import type { Rule } from '../rule.js';
import { roleEngine } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.3.5.2.5.5:arcroleRefNotDefined',
  severity: 'error',
  docs: 'An arcroleRef’s arcroleURI must be declared by an arcroleType in the DTS (XBRL 2.1 §3.5.2.5.5).',
  needs: ['taxonomy'],
  engine: roleEngine,
};
