import type { Rule } from '../../rule.js';
import { finding, rawOf } from '../../support/linkbase-common.js';
import { clark, NS } from '../../../model/qname.js';
import { conceptKind, contentOf, ownConcepts } from '../../support/linkbase-concepts.js';

const ITEM = `{${NS.xbrli}}item`;
const TUPLE = `{${NS.xbrli}}tuple`;

export const rule: Rule = {
  code: 'xbrl.4.9:tupleElementItemOrTuple',
  severity: 'error',
  docs: 'Every element in a tuple’s content model must be an item or a tuple (XBRL 2.1 §4.9).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const { concept, decl, kind } of ownConcepts(r.taxonomy, r.raw)) {
      if (kind !== 'tuple') continue;
      const name = concept.name.localName;
      const content = contentOf(r.raw, decl);
      for (const e of content?.elements ?? []) {
        if (!e.ref) continue;
        const key = clark(e.ref);
        const d = r.raw.declarations.get(key);
        if (!d || key === ITEM || key === TUPLE || conceptKind(r.raw, d)) continue;
        yield finding(this.code, this.severity, `Tuple ${name} contains element ${e.ref.localName}, which is neither an item nor a tuple.`, decl.file, e.line);
      }
    }
  },
};
