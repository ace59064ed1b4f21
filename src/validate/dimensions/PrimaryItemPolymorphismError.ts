import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:PrimaryItemPolymorphismError',
  severity: 'error',
  docs: 'A primary item of a dimensional relationship set must not be a usable member of one of the set\'s dimensions (XBRL Dimensions 1.0 §2.7).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
