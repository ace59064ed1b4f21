import type { Rule } from '../rule.js';
import { hrefEngine } from './linkbase-hrefs.js';

export const rule: Rule = {
  code: 'xbrl.5.2.2.1:labelLinkLocTarget',
  severity: 'error',
  docs: 'Locators in a label link must point at concepts or labels; a locator that a prohibiting labelArc points to must point at a label (XBRL 2.1 §5.2.2.1, §5.2.2.3).',
  needs: ['taxonomy'],
  engine: hrefEngine,
};
