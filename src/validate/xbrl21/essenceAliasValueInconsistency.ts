import { formatQName } from '../../core/model/qname.js';
import type { Rule } from '../rule.js';
import { essenceAliasPairs, valuesEqual } from './essenceAlias.js';
import { factLabel, finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.5.2.6.2.2:essenceAliasValueInconsistency',
  severity: 'inconsistency',
  docs: 'Facts of an essence concept and of its alias (essence-alias relationship) that are p-equal and c-equal must be v-equal: the same value of their XML Schema type (XBRL 2.1 section 5.2.6.2.2; Arelle reports this under essenceAliasUnitsInconsistency).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    const doc = instanceOf(ctx);
    for (const { rel, essence, alias, linkrole } of essenceAliasPairs(doc, ctx.taxonomy!)) {
      if (valuesEqual(ctx.taxonomy!, essence, alias)) continue;
      const v = (s: string | undefined) => `"${(s ?? '').trim().slice(0, 40)}"`;
      yield finding(ctx, rule, alias, `${factLabel(alias)} ${v(alias.valueRaw)} is an alias of ${formatQName(rel.from)}, reported in context ${essence.contextRef} as ${v(essence.valueRaw)} (link role ${linkrole}): the values must be equal`, [essence.factId, alias.factId]);
    }
  },
};
