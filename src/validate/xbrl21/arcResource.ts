import type { Rule } from '../rule.js';
import { finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.3.5.3.9.2:arcResource',
  severity: 'error',
  docs: "In an instance's footnote links, every arc's xlink:from and xlink:to must match the label of a locator or footnote in the same link (XBRL 2.1 sections 3.5.3.9.2 and 3.5.3.9.3); the to-side finding has code xbrl.3.5.3.9.3:arcResource.",
  needs: ['instance'],
  *check(ctx) {
    for (const link of instanceOf(ctx).footnoteLinks) {
      const labels = new Set([...link.locators.map((l) => l.label), ...link.footnotes.map((f) => f.label)]);
      for (const arc of link.arcs) {
        if (!labels.has(arc.from)) yield finding(ctx, rule, arc, `footnote arc from "${arc.from}": no locator or footnote in this footnote link has that label`);
        if (!labels.has(arc.to)) yield finding(ctx, rule, arc, `footnote arc to "${arc.to}": no locator or footnote in this footnote link has that label`, undefined, 'xbrl.3.5.3.9.3:arcResource');
      }
    }
  },
};
