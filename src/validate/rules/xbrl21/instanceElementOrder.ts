import { formatQName, NS } from '../../../model/qname.js';
import type { Rule } from '../../rule.js';
import { finding, instanceOf } from '../../support/instance.js';

const ORDER: Record<string, number> = { schemaRef: 1, linkbaseRef: 2, roleRef: 3, arcroleRef: 4 };

export const rule: Rule = {
  code: 'xbrl.4.7:instanceElementOrder',
  severity: 'error',
  docs: 'An instance starts with its schemaRefs, then linkbaseRefs, roleRefs and arcroleRefs, then contexts, units, facts and footnote links (XBRL 2.1 section 4).',
  needs: ['instance'],
  *check(ctx) {
    let at = 0;
    for (const e of instanceOf(ctx).topLevel) {
      const rank = e.name.namespace === NS.link ? (ORDER[e.name.localName] ?? 9) : 9;
      if (rank < at) yield finding(ctx, rule, e, `${formatQName(e.name)} is out of order: it must come before contexts, units, facts and later kinds of references`);
      else at = rank;
    }
  },
};
