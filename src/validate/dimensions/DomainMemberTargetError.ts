import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'xbrldte:DomainMemberTargetError',
  severity: 'error',
  docs: 'The target of a domain-member relationship must be a primary item or domain member (XBRL Dimensions 1.0 §2.5.3.2).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
