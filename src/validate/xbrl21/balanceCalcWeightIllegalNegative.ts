import type { Rule } from '../rule.js';
import { rawOf } from './linkbase-common.js';
import { networkFindings } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.1.1.2:balanceCalcWeightIllegalNegative',
  severity: 'error',
  docs: 'A calculation arc between two items of the same balance must have a positive weight (XBRL 2.1 §5.1.1.2, table 6).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const f of networkFindings(r.taxonomy, r.raw)) if (f.code === this.code) yield f;
  },
};
