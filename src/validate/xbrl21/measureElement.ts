import { formatQName, NS } from '../../core/model/qname.js';
import type { Rule } from '../rule.js';
import { finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.8.2:measureElement',
  severity: 'error',
  docs: 'A unit measure in the XBRL instance namespace must be xbrli:pure or xbrli:shares (XBRL 2.1 section 4.8.2).',
  needs: ['instance'],
  *check(ctx) {
    for (const u of instanceOf(ctx).units.values()) {
      for (const m of [...(u.unit?.numerator ?? []), ...(u.unit?.denominator ?? [])]) {
        if (m.namespace === NS.xbrli && m.localName !== 'pure' && m.localName !== 'shares') {
          yield finding(ctx, rule, u, `unit ${u.id}: measure ${formatQName(m)} is in the XBRL instance namespace but is neither xbrli:pure nor xbrli:shares`);
        }
      }
    }
  },
};
