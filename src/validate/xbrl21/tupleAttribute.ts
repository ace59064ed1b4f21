import type { Rule } from '../rule.js';
import { finding } from './linkbase-common.js';
import { NS } from '../../core/model/qname.js';
import { contentOf, ownTuples } from './linkbase-concepts.js';
import { factIds, factLabel, factsWithConcepts, finding as factFinding } from './instance-helpers.js';

const FORBIDDEN = new Set<string>([NS.xbrli, NS.link, NS.xlink, 'http://www.xbrl.org/2003/XLink']);

export const rule: Rule = {
  code: 'xbrl.4.9:tupleAttribute',
  severity: 'error',
  docs: 'A tuple’s type must not declare attributes in the XBRL instance, linkbase or XLink namespaces, and a tuple in an instance must not carry such attributes (an xs:anyAttribute would let it) (XBRL 2.1 §4.9).',
  needs: ['taxonomy'],
  *check(ctx) {
    for (const { name, decl, raw } of ownTuples(ctx)) {
      const content = contentOf(raw, decl);
      for (const a of content?.attributes ?? []) {
        if (a.ref && FORBIDDEN.has(a.ref.namespace)) yield finding(this.code, this.severity, `Tuple ${name} must not have the attribute ${a.ref.localName} from ${a.ref.namespace}.`, decl.file, a.line);
      }
    }
    if (!ctx.instance) return;
    for (const { fact: f, item } of factsWithConcepts(ctx)) {
      if (item) continue;
      for (const key of f.attributes.keys()) {
        const ns = /^\{([^}]*)\}/.exec(key)?.[1];
        if (ns !== undefined && FORBIDDEN.has(ns)) yield factFinding(ctx, rule, f, `tuple ${factLabel(f)} has the attribute ${key.slice(ns.length + 2)} from ${ns}; tuples must not have attributes in XBRL namespaces`, factIds(f));
      }
    }
  },
};
