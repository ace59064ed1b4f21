import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:DRSDirectedCycleError',
  severity: 'error',
  docs: 'The domain members of a dimension in a dimensional relationship set must not form a directed cycle (XBRL Dimensions 1.0 §2.7).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
