/** Unit checks for monetary and shares items (XBRL 2.1 section 4.8.2), shared by their four rules. */
import type { Finding } from '../../core/model/finding.js';
import { NS } from '../../core/model/qname.js';
import { formatUnit } from '../../core/model/unit.js';
import type { Rule, RuleContext } from '../rule.js';
import { factIds, factLabel, factsWithConcepts, finding, instanceOf } from './instance-helpers.js';

export function* checkItemUnits(ctx: RuleContext, rule: Rule, kind: 'monetary' | 'shares', check: 'single' | 'measure'): Iterable<Finding> {
  const doc = instanceOf(ctx);
  for (const { fact: f, concept, item } of factsWithConcepts(ctx)) {
    if (!item || !concept.type.numeric || !concept.type[kind] || f.unitRef === undefined) continue;
    if (kind === 'shares' && concept.type.monetary) continue; // monetary wins, as in Arelle
    const u = doc.units.get(f.unitRef.trim())?.unit;
    if (!u) continue;
    const single = u.numerator.length === 1 && u.denominator.length === 0;
    if (check === 'single') {
      if (!single) yield finding(ctx, rule, f, `${kind} item ${factLabel(f)}: unit ${f.unitRef} (${formatUnit(u)}) must be a single ${kind === 'monetary' ? 'ISO 4217 currency' : 'xbrli:shares'} measure`, factIds(f));
      continue;
    }
    if (!single) continue;
    const m = u.numerator[0]!;
    const ok = kind === 'monetary' ? m.namespace === NS.iso4217 && /^[A-Z]{3}$/.test(m.localName) : m.namespace === NS.xbrli && m.localName === 'shares';
    if (!ok) yield finding(ctx, rule, f, `${kind} item ${factLabel(f)}: unit ${f.unitRef} measure ${formatUnit(u)} is not ${kind === 'monetary' ? 'an ISO 4217 currency (iso4217:XXX)' : 'xbrli:shares'}`, factIds(f));
  }
}
