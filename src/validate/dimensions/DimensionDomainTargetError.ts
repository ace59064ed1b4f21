import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:DimensionDomainTargetError',
  severity: 'error',
  docs: 'The target of a dimension-domain relationship must be a domain member: an item that is neither a hypercube nor a dimension (XBRL Dimensions 1.0 §2.5.3.1).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
