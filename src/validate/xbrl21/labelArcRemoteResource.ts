import type { Rule } from '../rule.js';
import { rawOf } from './linkbase-common.js';
import { networkFindings } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xbrl.5.2.2.3:labelArcRemoteResource',
  severity: 'error',
  docs: 'Unprohibited label and reference arcs must point at resources in the same extended link, not at remote resources through locators (XBRL 2.1 §5.2.2.3).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const f of networkFindings(r.taxonomy, r.raw)) if (f.code === this.code) yield f;
  },
};
