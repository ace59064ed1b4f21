import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:TargetRoleNotResolvedError',
  severity: 'error',
  docs: 'A definition arc\'s custom xbrldt:targetRole needs a roleRef to it in the same linkbase (XBRL Dimensions 1.0 §2.4.3).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
