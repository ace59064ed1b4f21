import type { Rule } from '../rule.js';
import { finding, instanceOf } from './instance-helpers.js';
import { periodInstant } from '../../core/xbrl/dates.js';

export const rule: Rule = {
  code: 'xbrl.4.7.2:contextDateError',
  severity: 'error',
  docs: "A context's instant, startDate and endDate must be valid xs:date or xs:dateTime values (XBRL 2.1 section 4.7.2).",
  needs: ['instance'],
  *check(ctx) {
    for (const c of instanceOf(ctx).contexts.values()) {
      for (const [name, raw] of [['instant', c.periodRaw.instant], ['startDate', c.periodRaw.startDate], ['endDate', c.periodRaw.endDate]] as const) {
        if (raw === undefined) continue;
        const r = periodInstant(raw, name !== 'startDate');
        if (typeof r === 'string') yield finding(ctx, rule, c, `context ${c.id}: ${name} ${r}`);
      }
    }
  },
};
