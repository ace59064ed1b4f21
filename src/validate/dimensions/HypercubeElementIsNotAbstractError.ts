import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:HypercubeElementIsNotAbstractError',
  severity: 'error',
  docs: 'A hypercube (an element in the xbrldt:hypercubeItem substitution group) must be abstract (XBRL Dimensions 1.0 §2.2.1).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
