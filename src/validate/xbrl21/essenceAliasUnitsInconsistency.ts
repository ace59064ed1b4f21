import { formatQName } from '../../core/model/qname.js';
import type { Rule } from '../rule.js';
import { essenceAliasPairs, unitsEqual } from './essenceAlias.js';
import { factLabel, finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.5.2.6.2.2:essenceAliasUnitsInconsistency',
  severity: 'inconsistency',
  docs: 'Facts of an essence concept and of its alias (essence-alias relationship) that are p-equal and c-equal must be u-equal: reported in the same units (XBRL 2.1 section 5.2.6.2.2).',
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    const doc = instanceOf(ctx);
    for (const { rel, essence, alias, linkrole } of essenceAliasPairs(doc, ctx.taxonomy!)) {
      if (unitsEqual(doc, essence, alias)) continue;
      yield finding(ctx, rule, alias, `${factLabel(alias)} (unit ${alias.unitRef ?? 'none'}) is an alias of ${formatQName(rel.from)}, reported in context ${essence.contextRef} with unit ${essence.unitRef ?? 'none'} (link role ${linkrole}): the units must be equal`, [essence.factId, alias.factId]);
    }
  },
};
