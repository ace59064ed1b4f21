import type { Rule } from '../rule.js';
import { roleEngine } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.4.3.4:linkbaseRefLinks',
  severity: 'error',
  docs: 'A linkbaseRef with a standard role (e.g. calculationLinkbaseRef) must point at a linkbase holding only that kind of extended link (XBRL 2.1 §4.3.4).',
  needs: ['taxonomy'],
  engine: roleEngine,
};
