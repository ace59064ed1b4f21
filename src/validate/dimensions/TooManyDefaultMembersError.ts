import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:TooManyDefaultMembersError',
  severity: 'error',
  docs: 'A dimension has at most one default member in the whole DTS (XBRL Dimensions 1.0 §2.6.1).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
