import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:TypedDimensionURIError',
  severity: 'error',
  docs: 'A typed dimension\'s xbrldt:typedDomainRef must have a fragment identifier (XBRL Dimensions 1.0 §2.5.2.1).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
