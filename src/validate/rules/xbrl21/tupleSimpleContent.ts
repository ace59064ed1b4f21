import type { Rule } from '../../rule.js';
import { finding, rawOf } from '../../support/linkbase-common.js';
import { contentOf, ownConcepts } from '../../support/linkbase-concepts.js';

export const rule: Rule = {
  code: 'xbrl.4.9:tupleSimpleContent',
  severity: 'error',
  docs: 'A tuple’s type must not have simple content (XBRL 2.1 §4.9).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const { concept, decl, kind } of ownConcepts(r.taxonomy, r.raw)) {
      if (kind !== 'tuple') continue;
      const name = concept.name.localName;
      if (contentOf(r.raw, decl)?.simpleContent) yield finding(this.code, this.severity, `Tuple ${name} must not have simple content.`, decl.file, decl.line);
    }
  },
};
