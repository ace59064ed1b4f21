import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:HasHypercubeTargetError',
  severity: 'error',
  docs: 'The target of an all or notAll relationship must be a hypercube (XBRL Dimensions 1.0 §2.3.1).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
