import type { Rule } from '../rule.js';
import { rawOf } from './linkbase-common.js';
import { networkFindings } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.2.5.2:nonNumericCalc',
  severity: 'error',
  docs: 'Summation-item arcs may only join numeric items (XBRL 2.1 §5.2.5.2).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const f of networkFindings(r.taxonomy, r.raw)) if (f.code === this.code) yield f;
  },
};
