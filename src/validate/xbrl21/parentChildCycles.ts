import type { Rule } from '../rule.js';
import { rawOf } from './linkbase-common.js';
import { networkFindings } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.2.4.2',
  name: 'parentChildCycles',
  severity: 'error',
  docs: 'Parent-child relationships in one network must not form directed cycles (XBRL 2.1 §5.2.4.2).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const f of networkFindings(r.taxonomy, r.raw)) if (f.code === this.code) yield f;
  },
};
