import type { Rule } from '../rule.js';
import { c11Findings } from './check.js';

export const rule: Rule = {
  code: 'calc11e:duplicateCalculationRelationships',
  severity: 'error',
  docs: "Calculations 1.1: a summation-item network has two relationships from the same total to the same contributing concept.",
  needs: ['taxonomy'],
  *check(ctx) {
    for (const f of c11Findings(ctx)) if (f.code === this.code) yield f;
  },
};
