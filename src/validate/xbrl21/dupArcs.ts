import type { Rule } from '../rule.js';
import { rawOf } from './linkbase-common.js';
import { networkFindings } from './linkbase-networks.js';

export const rule: Rule = {
  code: 'xlink:dupArcs',
  severity: 'error',
  docs: 'XLink: an extended link must not have two arcs with the same from and to labels (XLink 1.0 §5.1.5).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const f of networkFindings(r.taxonomy, r.raw)) if (f.code === this.code) yield f;
  },
};
