import type { Rule } from '../rule.js';
import { calcInconsistencies } from './calculations.js';

export const rule: Rule = {
  code: 'xbrl.5.2.5.2:calcInconsistency',
  severity: 'inconsistency',
  docs: 'XBRL 2.1 summation-item check (§5.2.5.2): each total fact must equal the weighted sum of its c-equal, u-equal, p-equal contributing facts, each rounded to its inferred decimals; run when calc mode is xbrl21.',
  needs: ['instance', 'taxonomy'],
  enabled: (o) => o.calc === 'xbrl21',
  *check(ctx) {
    if (ctx.options.calc !== 'xbrl21' || !ctx.instance || !ctx.taxonomy) return;
    yield* calcInconsistencies(ctx.instance, ctx.report.facts, ctx.taxonomy, this.code);
  },
};
