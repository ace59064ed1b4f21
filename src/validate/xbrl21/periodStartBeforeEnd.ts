import type { Rule } from '../rule.js';
import { finding, instanceOf } from './instance-helpers.js';
import { periodInstant } from '../../core/xbrl/dates.js';

export const rule: Rule = {
  code: 'xbrl.4.7.2:periodStartBeforeEnd',
  severity: 'error',
  docs: "A duration context's startDate must be earlier than its endDate (XBRL 2.1 section 4.7.2); a date without a time means the start of that day for startDate and the end of that day for endDate.",
  needs: ['instance'],
  *check(ctx) {
    for (const c of instanceOf(ctx).contexts.values()) {
      const { startDate, endDate } = c.periodRaw;
      if (startDate === undefined || endDate === undefined) continue;
      const s = periodInstant(startDate, false);
      const e = periodInstant(endDate, true);
      if (typeof s !== 'number' || typeof e !== 'number') continue; // contextDateError reports it
      if (e <= s) yield finding(ctx, rule, c, `context ${c.id}: startDate ${startDate.trim()} is not before endDate ${endDate.trim()}`);
    }
  },
};
