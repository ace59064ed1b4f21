import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:HasHypercubeSourceError',
  severity: 'error',
  docs: 'The source of an all or notAll relationship must be a primary item: an item that is neither a hypercube nor a dimension (XBRL Dimensions 1.0 §2.3.1).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
