import type { Rule } from '../rule.js';
import { finding } from './linkbase-common.js';
import { clark, NS } from '../../core/model/qname.js';
import { conceptKind, contentOf, ownTuples } from './linkbase-concepts.js';

const ITEM = `{${NS.xbrli}}item`;
const TUPLE = `{${NS.xbrli}}tuple`;

export const rule: Rule = {
  code: 'xbrl.4.9:tupleElementItemOrTuple',
  severity: 'error',
  docs: 'Every element in a tuple’s content model must be an item or a tuple (XBRL 2.1 §4.9).',
  needs: ['taxonomy'],
  *check(ctx) {
    for (const { name, decl, raw } of ownTuples(ctx)) {
      const content = contentOf(raw, decl);
      for (const e of content?.elements ?? []) {
        if (!e.ref) continue;
        const key = clark(e.ref);
        const d = raw.declarations.get(key);
        if (!d || key === ITEM || key === TUPLE || conceptKind(raw, d)) continue;
        yield finding(this.code, this.severity, `Tuple ${name} contains element ${e.ref.localName}, which is neither an item nor a tuple.`, decl.file, e.line);
      }
    }
  },
};
