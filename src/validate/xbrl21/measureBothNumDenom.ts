import { formatQName, sameQName } from '../../core/model/qname.js';
import type { Rule } from '../rule.js';
import { finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.8.4:measureBothNumDenom',
  severity: 'error',
  docs: "A unit must be in its simplest form: no measure may appear in both a divide's numerator and its denominator (XBRL 2.1 section 4.8.4).",
  needs: ['instance'],
  *check(ctx) {
    for (const u of instanceOf(ctx).units.values()) {
      if (!u.unit) continue;
      for (const m of u.unit.numerator) {
        if (u.unit.denominator.some((d) => sameQName(d, m))) yield finding(ctx, rule, u, `unit ${u.id}: measure ${formatQName(m)} is in both the numerator and the denominator; cancel it`);
      }
    }
  },
};
