import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:DimensionDomainSourceError',
  severity: 'error',
  docs: 'The source of a dimension-domain relationship must be an explicit dimension (XBRL Dimensions 1.0 §2.5.3.1).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
