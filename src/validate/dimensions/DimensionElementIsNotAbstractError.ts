import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:DimensionElementIsNotAbstractError',
  severity: 'error',
  docs: 'A dimension (an element in the xbrldt:dimensionItem substitution group) must be abstract (XBRL Dimensions 1.0 §2.5.1).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
