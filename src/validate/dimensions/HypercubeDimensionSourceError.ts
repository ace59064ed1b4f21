import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:HypercubeDimensionSourceError',
  severity: 'error',
  docs: 'The source of a hypercube-dimension relationship must be a hypercube (XBRL Dimensions 1.0 §2.2.2).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
