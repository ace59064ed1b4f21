import type { Rule } from '../rule.js';
import { roleEngine } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.4.3.3:linkbaseRefArcrole',
  severity: 'error',
  docs: 'A linkbaseRef must have the xlink:arcrole http://www.w3.org/1999/xlink/properties/linkbase (XBRL 2.1 §4.3.3).',
  needs: ['taxonomy'],
  engine: roleEngine,
};
