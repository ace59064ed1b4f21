import type { Rule } from '../rule.js';
import { hrefEngine } from './linkbase-hrefs.js';

export const rule: Rule = {
  code: 'xbrl.5.2.6.1:definitionLinkLocTarget',
  severity: 'error',
  docs: 'Locators in a definition link must point at concepts (XBRL 2.1 §5.2.6.1).',
  needs: ['taxonomy'],
  engine: hrefEngine,
};
