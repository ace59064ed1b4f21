import { ARCROLE } from '../../core/taxonomy/model.js';
import type { Rule } from '../rule.js';
import { finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4.11.1.3.1:factFootnoteArcFrom',
  severity: 'error',
  docs: 'A footnote arc with the fact-footnote arcrole must start at a locator (to a fact) (XBRL 2.1 section 4.11.1.3.1).',
  needs: ['instance'],
  *check(ctx) {
    for (const link of instanceOf(ctx).footnoteLinks) {
      const locs = new Set(link.locators.map((l) => l.label));
      const notes = new Set(link.footnotes.map((l) => l.label));
      for (const arc of link.arcs) {
        if (arc.arcrole !== ARCROLE.factFootnote || locs.has(arc.from) || !notes.has(arc.from)) continue;
        yield finding(ctx, rule, arc, `fact-footnote arc from "${arc.from}" starts at a footnote, not at a locator to a fact`);
      }
    }
  },
};
