import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:DimensionDefaultSourceError',
  severity: 'error',
  docs: 'The source of a dimension-default relationship must be an explicit dimension (XBRL Dimensions 1.0 §2.6.1).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
