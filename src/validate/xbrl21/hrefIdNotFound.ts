import type { Rule } from '../rule.js';
import { hrefEngine } from './linkbase-hrefs.js';

export const rule: Rule = {
  code: 'xbrl.3.5.4:hrefIdNotFound',
  severity: 'error',
  docs: 'A locator’s fragment must locate an element of the document it points into (XBRL 2.1 §3.5.4).',
  needs: ['taxonomy'],
  engine: hrefEngine,
};
