import type { Rule } from '../rule.js';
import { xdtTaxonomyEngine } from './taxonomy.js';

export const rule: Rule = {
  code: 'sche:XmlSchemaError',
  severity: 'error',
  docs: 'xbrldt attributes on arcs must be valid for their XML Schema types: closed, usable and summable booleans, contextElement segment or scenario, targetRole a URI (XBRL Dimensions 1.0 §2.3, §2.4; the conformance suite\'s generic schema error).',
  needs: ['taxonomy'],
  engine: xdtTaxonomyEngine,
};
