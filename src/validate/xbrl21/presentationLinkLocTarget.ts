import type { Rule } from '../rule.js';
import { hrefEngine } from './linkbase-hrefs.js';

export const rule: Rule = {
  code: 'xbrl.5.2.4.1:presentationLinkLocTarget',
  severity: 'error',
  docs: 'Locators in a presentation link must point at concepts (XBRL 2.1 §5.2.4.1).',
  needs: ['taxonomy'],
  engine: hrefEngine,
};
