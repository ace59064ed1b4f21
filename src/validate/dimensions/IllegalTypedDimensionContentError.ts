import type { Rule } from '../rule.js';
import { xdtInstanceFindings } from './instance.js';

export const rule: Rule = {
  code: 'xbrldie:IllegalTypedDimensionContentError',
  severity: 'error',
  docs: 'A typed member must contain exactly one element, the dimension\'s typed domain element (XBRL Dimensions 1.0 §3.1.4.4.3).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    for (const f of xdtInstanceFindings(ctx)) if (f.code === rule.code) yield f;
  },
};
