import type { Rule } from '../rule.js';
import { xdtInstanceFindings } from './instance.js';

export const rule: Rule = {
  code: 'xbrldie:RepeatedDimensionInInstanceError',
  severity: 'error',
  docs: 'A dimension may have only one value in a context: not twice in its segment or scenario, nor in both (XBRL Dimensions 1.0 §3.1.4.2).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    for (const f of xdtInstanceFindings(ctx)) if (f.code === rule.code) yield f;
  },
};
