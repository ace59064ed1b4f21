import type { Rule } from '../rule.js';
import { roleEngine } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.5.1.4.5:custArcroleUsedOn',
  severity: 'error',
  docs: 'An arcrole may only be used on arcs its arcroleType lists in usedOn; standard arcroles only on their own standard arc (XBRL 2.1 §5.1.4.5).',
  needs: ['taxonomy'],
  engine: roleEngine,
};
