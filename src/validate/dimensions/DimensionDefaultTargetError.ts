import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:DimensionDefaultTargetError',
  severity: 'error',
  docs: 'The target of a dimension-default relationship must be a domain member (XBRL Dimensions 1.0 §2.6.1).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
