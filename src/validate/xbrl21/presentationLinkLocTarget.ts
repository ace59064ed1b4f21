import type { Rule } from '../rule.js';
import { rawOf } from './linkbase-common.js';
import { hrefFindings } from './linkbase-hrefs.js';

export const rule: Rule = {
  code: 'xbrl.5.2.4.1:presentationLinkLocTarget',
  severity: 'error',
  docs: 'Locators in a presentation link must point at concepts (XBRL 2.1 §5.2.4.1).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const f of hrefFindings(r.taxonomy, r.raw)) if (f.code === this.code) yield f;
  },
};
