import { clark, formatQName } from '../../core/model/qname.js';
import { ARCROLE } from '../../core/taxonomy/model.js';
import type { Rule } from '../rule.js';
import { finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.5.2.6.2.4:requiresElementInconsistency',
  severity: 'inconsistency',
  docs: 'When a concept that has a requires-element relationship to another concept has a fact in the instance, the other concept must have one too (XBRL 2.1 section 5.2.6.2.4).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    const taxonomy = ctx.taxonomy!;
    const relationships = taxonomy.relationships(ARCROLE.requiresElement);
    if (!relationships.length) return; // nearly every DTS: no fact need be looked at
    const doc = instanceOf(ctx);
    const present = new Map<string, (typeof doc.facts)[number]>();
    for (const f of doc.facts) if (!present.has(clark(f.element))) present.set(clark(f.element), f);
    const reported = new Set<string>();
    for (const rel of relationships) {
      const from = present.get(clark(rel.from));
      if (!from || present.has(clark(rel.to))) continue;
      const key = `${clark(rel.from)} ${clark(rel.to)}`;
      if (reported.has(key)) continue;
      reported.add(key);
      yield finding(ctx, rule, from, `${formatQName(rel.from)} is reported, and requires ${formatQName(rel.to)}, which has no fact in the instance`, from.factId ? [from.factId] : undefined);
    }
  },
};
