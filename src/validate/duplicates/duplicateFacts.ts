import { formatPeriod } from '../../core/model/period.js';
import { formatQName } from '../../core/model/qname.js';
import type { Rule } from '../rule.js';
import { contextIdOf, duplicateGroups, factEntries, placeOf } from './facts.js';
import { DuplicateSet } from './sets.js';

const DESCRIPTION = { none: 'none', inconsistent: 'inconsistent', consistent: 'consistent', complete: 'complete', all: 'inconsistent|consistent' } as const;

export const rule: Rule = {
  code: 'arelle:duplicateFacts',
  severity: 'warning',
  docs: "Duplicate facts (same concept, c-equal context, u-equal unit, same parent tuple and, for text, language), per XBRL International's duplicate-facts guidance: the sets holding the kind `--duplicates` asks for (inconsistent by default; consistent, complete, all) are reported, one warning per set, as Arelle's --validateDuplicateFacts.",
  needs: [],
  enabled: (o) => o.duplicates !== 'none',
  *check(ctx) {
    const mode = ctx.options.duplicates;
    if (mode === 'none') return;
    for (const group of duplicateGroups(factEntries(ctx), true)) {
      const set = new DuplicateSet(group);
      if (!set.reported(mode)) continue;
      const first = group[0]!;
      const contexts = [...new Set(group.map((f) => contextIdOf(f) ?? formatPeriod(f.fact.period)))].sort().join(', ');
      const values = group.map((f) => (f.nil ? '(nil)' : (f.value?.toFixed() ?? String(f.fact.value)).slice(0, 64))).join(', ');
      yield {
        code: this.code,
        severity: this.severity,
        message: `Duplicate fact set with ${DESCRIPTION[mode]} duplicate(s) ${formatQName(first.fact.concept)}: ${values}${contexts ? `, ${contexts}` : ''} (the set is ${set.kinds().join(' and ') || 'incomplete'}).`,
        ...placeOf(ctx, first),
        factIds: group.map((f) => f.fact.id),
      };
    }
  },
};
