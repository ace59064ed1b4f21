import type { Rule } from '../rule.js';
import { rawOf } from './linkbase-common.js';
import { hrefFindings } from './linkbase-hrefs.js';

export const rule: Rule = {
  code: 'xbrl.3.5.4:hrefScheme',
  severity: 'error',
  docs: 'An href’s fragment may use only shorthand pointers and element() scheme pointers: xpointer(), xmlns() and other XPointer schemes are not allowed (XBRL 2.1 §3.5.4).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const f of hrefFindings(r.taxonomy, r.raw)) if (f.code === this.code) yield f;
  },
};
