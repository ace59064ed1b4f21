import { formatQName, NS, qname } from '../../core/model/qname.js';
import type { Rule } from '../rule.js';
import { finding, instanceOf } from './instance-helpers.js';

const ORDER: Record<string, number> = { schemaRef: 1, linkbaseRef: 2, roleRef: 3, arcroleRef: 4 };

export const rule: Rule = {
  code: 'xbrl.4.7:instanceElementOrder',
  severity: 'error',
  docs: 'An instance starts with its schemaRefs, then linkbaseRefs, roleRefs and arcroleRefs, then contexts, units, facts and footnote links (XBRL 2.1 section 4).',
  needs: ['instance'],
  *check(ctx) {
    // Everything but the references ranks last, so only a reference can be out of order: one after any other
    // top-level element (the first `leadingRefs` come before all of those), or after a later kind of reference.
    const doc = instanceOf(ctx);
    let at = 0;
    for (let i = 0; i < doc.refs.length; i++) {
      const r = doc.refs[i]!;
      const rank = i >= doc.leadingRefs ? -1 : ORDER[r.kind]!;
      if (rank < at) yield finding(ctx, rule, r, `${formatQName(r.name ?? qname(NS.link, r.kind, 'link'))} is out of order: it must come before contexts, units, facts and later kinds of references`);
      else at = rank;
    }
  },
};
