import type { Rule } from '../rule.js';
import { rawOf } from './linkbase-common.js';
import { roleFindings } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.3.5.2.4:missingRoleRef',
  severity: 'error',
  docs: 'A custom role used on a standard extended link or resource needs a roleRef in the same linkbase (XBRL 2.1 §3.5.2.4).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const f of roleFindings(r.taxonomy, r.raw)) if (f.code === this.code) yield f;
  },
};
