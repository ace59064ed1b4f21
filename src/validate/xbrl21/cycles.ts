import type { Rule } from '../rule.js';
import { rawOf } from './linkbase-common.js';
import { networkFindings } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.1.4.3:cycles',
  severity: 'error',
  docs: 'Relationships of a custom arcrole must respect its arcroleType’s cyclesAllowed ("none": no cycles at all; "undirected": no directed cycles) (XBRL 2.1 §5.1.4.3).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const f of networkFindings(r.taxonomy, r.raw)) if (f.code === this.code) yield f;
  },
};
