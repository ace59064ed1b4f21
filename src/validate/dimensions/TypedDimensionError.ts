import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:TypedDimensionError',
  severity: 'error',
  docs: 'A typed dimension\'s xbrldt:typedDomainRef must locate a non-abstract global element declaration (XBRL Dimensions 1.0 §2.5.2.1).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
