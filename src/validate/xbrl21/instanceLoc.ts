import type { Rule } from '../rule.js';
import { locTarget } from './footnotes.js';
import { finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.11.1.1:instanceLoc',
  severity: 'error',
  docs: 'A locator in an instance footnote link must point to a fact in the same instance document (XBRL 2.1 section 4.11.1.1).',
  needs: ['instance'],
  *check(ctx) {
    const doc = instanceOf(ctx);
    for (const link of doc.footnoteLinks) {
      for (const loc of link.locators) {
        if (locTarget(doc, loc.href).kind === 'elsewhere') yield finding(ctx, rule, loc, `footnote locator ${loc.label}: href ${loc.href} points outside this instance document`);
      }
    }
  },
};
