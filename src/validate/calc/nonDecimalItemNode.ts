import type { Rule } from '../rule.js';
import { c11Findings } from './check.js';

export const rule: Rule = {
  code: 'calc11e:nonDecimalItemNode',
  severity: 'error',
  docs: "Calculations 1.1: both ends of a summation-item relationship must be decimal concepts (not float, double or fraction).",
  needs: ['taxonomy'],
  *check(ctx) {
    for (const f of c11Findings(ctx)) if (f.code === this.code) yield f;
  },
};
