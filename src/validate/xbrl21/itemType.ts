import { NS } from '../../core/model/qname.js';
import type { Rule } from '../rule.js';
import { finding, rawOf } from './linkbase-common.js';
import { ownConcepts } from './linkbase-concepts.js';

export const rule: Rule = {
  code: 'xbrl.5.1.1.3:itemType',
  severity: 'error',
  docs: 'An item\'s type must be one of the XBRL item types or derived from one by restriction (XBRL 2.1 §5.1.1.3).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const { concept, decl, kind } of ownConcepts(r.taxonomy, r.raw)) {
      if (kind !== 'item') continue;
      const t = concept.type;
      if (t.unresolved) continue;
      if (t.ancestors.some((a) => a.namespace === NS.xbrli) || (t.name.namespace === NS.xbrli && t.name.localName.endsWith('ItemType'))) continue;
      yield finding(this.code, this.severity, `Item ${concept.name.localName} has type ${t.name.localName}, which is not derived from an XBRL item type.`, decl.file, decl.line);
    }
  },
};
