import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:HypercubeDimensionTargetError',
  severity: 'error',
  docs: 'The target of a hypercube-dimension relationship must be a dimension (XBRL Dimensions 1.0 §2.2.2).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
