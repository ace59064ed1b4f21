import type { Rule } from '../rule.js';
import { hrefEngine } from './linkbase-hrefs.js';

export const rule: Rule = {
  code: 'xbrl.3.5.4:hrefScheme',
  severity: 'error',
  docs: 'An href’s fragment may use only shorthand pointers and element() scheme pointers: xpointer(), xmlns() and other XPointer schemes are not allowed (XBRL 2.1 §3.5.4).',
  needs: ['taxonomy'],
  engine: hrefEngine,
};
