import type { Rule } from '../../rule.js';
import { finding, rawOf } from '../../support/linkbase-common.js';
import { ownConcepts } from '../../support/linkbase-concepts.js';

export const rule: Rule = {
  code: 'xbrl.4.9:tuplePeriodType',
  severity: 'error',
  docs: 'A tuple declaration must not have an xbrli:periodType attribute (XBRL 2.1 §4.9).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const { concept, decl, kind } of ownConcepts(r.taxonomy, r.raw)) {
      if (kind !== 'tuple') continue;
      const name = concept.name.localName;
      if (decl.periodTypeRaw !== undefined) yield finding(this.code, this.severity, `Tuple ${name} must not have an xbrli:periodType.`, decl.file, decl.line);
    }
  },
};
