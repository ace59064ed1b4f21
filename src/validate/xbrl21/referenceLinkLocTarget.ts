import type { Rule } from '../rule.js';
import { hrefEngine } from './linkbase-hrefs.js';

export const rule: Rule = {
  code: 'xbrl.5.2.3.1:referenceLinkLocTarget',
  severity: 'error',
  docs: 'Locators in a reference link must point at concepts or references; a locator that a prohibiting referenceArc points to must point at a reference (XBRL 2.1 §5.2.3.1).',
  needs: ['taxonomy'],
  engine: hrefEngine,
};
