import type { Rule } from '../rule.js';
import { rawOf } from './linkbase-common.js';
import { hrefFindings } from './linkbase-hrefs.js';

export const rule: Rule = {
  code: 'xbrl.5.2.2.1:labelLinkLocTarget',
  severity: 'error',
  docs: 'Locators in a label link must point at concepts or labels; a locator that a prohibiting labelArc points to must point at a label (XBRL 2.1 §5.2.2.1, §5.2.2.3).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const f of hrefFindings(r.taxonomy, r.raw)) if (f.code === this.code) yield f;
  },
};
