import type { Rule } from '../../rule.js';
import { finding, rawOf } from '../../support/linkbase-common.js';
import { ownConcepts } from '../../support/linkbase-concepts.js';

export const rule: Rule = {
  code: 'xbrl.4.9:tupleBalance',
  severity: 'error',
  docs: 'A tuple declaration must not have an xbrli:balance attribute (XBRL 2.1 §4.9).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const { concept, decl, kind } of ownConcepts(r.taxonomy, r.raw)) {
      if (kind !== 'tuple') continue;
      const name = concept.name.localName;
      if (decl.balanceRaw !== undefined) yield finding(this.code, this.severity, `Tuple ${name} must not have an xbrli:balance.`, decl.file, decl.line);
    }
  },
};
