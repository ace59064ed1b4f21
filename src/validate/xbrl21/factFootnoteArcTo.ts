import { ARCROLE } from '../../core/taxonomy/model.js';
import type { Rule } from '../rule.js';
import { finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.11.1.3.1:factFootnoteArcTo',
  severity: 'error',
  docs: 'A footnote arc with the fact-footnote arcrole must end at a footnote resource (XBRL 2.1 section 4.11.1.3.1).',
  needs: ['instance'],
  *check(ctx) {
    for (const link of instanceOf(ctx).footnoteLinks) {
      const locs = new Set(link.locators.map((l) => l.label));
      const notes = new Set(link.footnotes.map((l) => l.label));
      for (const arc of link.arcs) {
        if (arc.arcrole !== ARCROLE.factFootnote || notes.has(arc.to) || !locs.has(arc.to)) continue;
        yield finding(ctx, rule, arc, `fact-footnote arc to "${arc.to}" ends at a locator, not at a footnote`);
      }
    }
  },
};
