import type { Rule } from '../rule.js';
import { rawOf } from './linkbase-common.js';
import { roleFindings } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.3.5.2.5:arcroleNotAbsolute',
  severity: 'error',
  docs: 'The xlink:arcrole of a standard arc must be an absolute URI (XBRL 2.1 §3.5.2.5).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const f of roleFindings(r.taxonomy, r.raw)) if (f.code === this.code) yield f;
  },
};
