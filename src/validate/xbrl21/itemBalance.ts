import type { Rule } from '../rule.js';
import { finding, rawOf } from './linkbase-common.js';
import { ownConcepts } from './linkbase-concepts.js';

export const rule: Rule = {
  code: 'xbrl.5.1.1.2:itemBalance',
  severity: 'error',
  docs: 'xbrli:balance may only be given on items of a monetary type, and must be "debit" or "credit" (XBRL 2.1 §5.1.1.2).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const { concept, decl, kind } of ownConcepts(r.taxonomy, r.raw)) {
      if (kind !== 'item' || decl.balanceRaw === undefined) continue;
      const t = concept.type;
      if (t.unresolved && !t.guessed) continue; // type's schema unavailable: cannot tell
      if (!t.monetary) {
        yield finding(this.code, this.severity, `Item ${concept.name.localName} has xbrli:balance "${decl.balanceRaw}" but its type ${t.name.localName} is not monetary.`, decl.file, decl.line);
      } else if (!concept.balance) {
        yield finding(this.code, this.severity, `Item ${concept.name.localName} has an invalid xbrli:balance "${decl.balanceRaw}" (must be "debit" or "credit").`, decl.file, decl.line);
      }
    }
  },
};
