import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:TypedDomainRefError',
  severity: 'error',
  docs: 'Only a dimension may have an xbrldt:typedDomainRef attribute (XBRL Dimensions 1.0 §2.5.2.1).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
