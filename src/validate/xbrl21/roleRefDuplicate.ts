import type { Rule } from '../rule.js';
import { instanceRefDuplicates } from './instanceRefs.js';
import { rawOf } from './linkbase-common.js';
import { roleFindings } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.3.5.2.4.5:roleRefDuplicate',
  severity: 'error',
  docs: 'A linkbase must not have two roleRefs for the same roleURI (XBRL 2.1 §3.5.2.4.5).',
  needs: ['taxonomy'],
  *check(ctx) {
    yield* instanceRefDuplicates(ctx, this, 'roleRef');
    const r = rawOf(ctx);
    if (!r) return;
    for (const f of roleFindings(r.taxonomy, r.raw)) if (f.code === this.code) yield f;
  },
};
