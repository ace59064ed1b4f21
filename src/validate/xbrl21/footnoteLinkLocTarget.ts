import type { Rule } from '../rule.js';
import { locTarget } from './footnotes.js';
import { finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.11.1.1:footnoteLinkLocTarget',
  severity: 'error',
  docs: 'A locator in a footnote link must point to an item or tuple (XBRL 2.1 section 4.11.1.1).',
  needs: ['instance'],
  *check(ctx) {
    const doc = instanceOf(ctx);
    for (const link of doc.footnoteLinks) {
      for (const loc of link.locators) {
        const t = locTarget(doc, loc.href);
        if (t.kind === 'other') yield finding(ctx, rule, loc, `footnote locator ${loc.label} points to ${t.element} (id ${t.id}), not to an item or tuple`);
        else if (t.kind === 'missing') yield finding(ctx, rule, loc, `footnote locator ${loc.label}: href ${loc.href} points to no element of this instance`);
      }
    }
  },
};
