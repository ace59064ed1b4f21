import type { Rule } from '../rule.js';
import { xdtTaxonomyFindings } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:HypercubeDimensionSourceError',
  severity: 'error',
  docs: 'The source of a hypercube-dimension relationship must be a hypercube (XBRL Dimensions 1.0 §2.2.2).',
  needs: ['taxonomy'],
  *check(ctx) {
    for (const f of xdtTaxonomyFindings(ctx.taxonomy!)) if (f.code === rule.code) yield f;
  },
};
