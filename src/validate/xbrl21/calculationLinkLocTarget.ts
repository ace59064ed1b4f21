import type { Rule } from '../rule.js';
import { hrefEngine } from './linkbase-hrefs.js';

export const rule: Rule = {
  code: 'xbrl.5.2.5.1:calculationLinkLocTarget',
  severity: 'error',
  docs: 'Locators in a calculation link must point at concepts (XBRL 2.1 §5.2.5.1).',
  needs: ['taxonomy'],
  engine: hrefEngine,
};
