import type { Rule } from '../rule.js';
import { xdtInstanceFindings } from './instance.js';

export const rule: Rule = {
  code: 'xbrldie:DefaultValueUsedInInstanceError',
  severity: 'error',
  docs: 'A dimension\'s default member must not be written in a context: it is implied by the dimension\'s absence (XBRL Dimensions 1.0 §3.1.4.3).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    for (const f of xdtInstanceFindings(ctx)) if (f.code === rule.code) yield f;
  },
};
