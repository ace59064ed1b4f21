import type { Rule } from '../rule.js';
import { finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.11.1.2.1:footnoteLang',
  severity: 'error',
  docs: 'Every footnote must have an xml:lang attribute (XBRL 2.1 section 4.11.1.2.1).',
  needs: ['instance'],
  *check(ctx) {
    for (const link of instanceOf(ctx).footnoteLinks) {
      for (const fn of link.footnotes) {
        if (fn.lang === undefined) yield finding(ctx, rule, fn, `footnote ${fn.label} has no xml:lang`);
      }
    }
  },
};
