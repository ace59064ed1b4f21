import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:HasHypercubeMissingContextElementAttributeError',
  severity: 'error',
  docs: 'An all or notAll arc must have xbrldt:contextElement, segment or scenario (XBRL Dimensions 1.0 §2.3.2).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
