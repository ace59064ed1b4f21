import type { Rule } from '../rule.js';
import { xdtInstanceEngine } from './instance.js';

export const rule: Rule = {
  code: 'xbrldie:DefaultValueUsedInInstanceError',
  severity: 'error',
  docs: 'A dimension\'s default member must not be written in a context: it is implied by the dimension\'s absence (XBRL Dimensions 1.0 §3.1.4.3).',
  needs: ['instance', 'taxonomy'],
  engine: xdtInstanceEngine,
};
