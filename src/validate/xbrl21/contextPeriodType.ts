import type { Rule } from '../rule.js';
import { factIds, factLabel, finding, instanceOf, isItemConcept, items, knownConcept } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.7.2:contextPeriodType',
  severity: 'error',
  docs: 'An item whose concept has periodType instant must use a context with an instant period; one with periodType duration a context with a duration or forever period (XBRL 2.1 sections 4.7.2 and 5.1.1.1).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    const doc = instanceOf(ctx);
    for (const f of items(doc)) {
      const c = knownConcept(ctx, f.element);
      if (!c || !isItemConcept(c) || !c.periodType || f.contextRef === undefined) continue;
      const cx = doc.contexts.get(f.contextRef);
      if (!cx) continue;
      const raw = cx.periodRaw;
      const kind = cx.period?.kind ?? (raw.instant !== undefined ? 'instant' : raw.forever ? 'forever' : raw.startDate !== undefined || raw.endDate !== undefined ? 'duration' : undefined);
      if (!kind) continue;
      const ok = c.periodType === 'instant' ? kind === 'instant' : kind !== 'instant';
      if (!ok) yield finding(ctx, rule, f, `${factLabel(f)} has periodType ${c.periodType} but its context ${cx.id} has a${kind === 'instant' ? 'n' : ''} ${kind} period`, factIds(f));
    }
  },
};
