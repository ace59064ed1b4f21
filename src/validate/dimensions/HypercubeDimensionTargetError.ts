import type { Rule } from '../rule.js';
import { xdtTaxonomyFindings } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:HypercubeDimensionTargetError',
  severity: 'error',
  docs: 'The target of a hypercube-dimension relationship must be a dimension (XBRL Dimensions 1.0 §2.2.2).',
  needs: ['taxonomy'],
  *check(ctx) {
    for (const f of xdtTaxonomyFindings(ctx.taxonomy!)) if (f.code === rule.code) yield f;
  },
};
