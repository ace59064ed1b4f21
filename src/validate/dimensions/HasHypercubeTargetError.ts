import type { Rule } from '../rule.js';
import { xdtTaxonomyFindings } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:HasHypercubeTargetError',
  severity: 'error',
  docs: 'The target of an all or notAll relationship must be a hypercube (XBRL Dimensions 1.0 §2.3.1).',
  needs: ['taxonomy'],
  *check(ctx) {
    for (const f of xdtTaxonomyFindings(ctx.taxonomy!)) if (f.code === rule.code) yield f;
  },
};
