import type { Rule } from '../rule.js';
import { rawOf } from './linkbase-common.js';
import { roleFindings } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.3.5.2.5.5:arcroleRefNotDefined',
  severity: 'error',
  docs: 'An arcroleRef’s arcroleURI must be declared by an arcroleType in the DTS (XBRL 2.1 §3.5.2.5.5).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const f of roleFindings(r.taxonomy, r.raw)) if (f.code === this.code) yield f;
  },
};
