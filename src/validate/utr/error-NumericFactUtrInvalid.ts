import { clark, formatQName } from '../../core/model/qname.js';
import { formatUnit } from '../../core/model/unit.js';
import type { Rule } from '../rule.js';
import { DEFAULT_UTR, loadUtr, utrVerdict } from './registry.js';

export const rule: Rule = {
  code: 'utre:error-NumericFactUtrInvalid',
  severity: 'error',
  docs: "Units Registry 1.0: a numeric fact whose item type (or the nearest type it derives from that the UTR lists) has UTR entries must use a unit one of them allows: a simple unit by its measure, a division (Monetary_per_Share) by its numerator and denominator item types. Checked against the bundled UTR (or the `utr` option's file; 'none' turns the check off).",
  needs: ['taxonomy'],
  enabled: (o) => o.utr !== 'none',
  *check(ctx) {
    const file = ctx.options.utr ?? DEFAULT_UTR();
    if (file === 'none') return;
    const utr = loadUtr(file);
    // One verdict per (concept, unit) pair: a large instance has few of those and many facts.
    const verdicts = new Map<object, Map<object, ReturnType<typeof utrVerdict> | null>>();
    for (const f of ctx.report.facts) {
      if (!f.unit) continue;
      const concept = ctx.taxonomy!.concept(f.concept);
      if (!concept?.type.numeric) continue;
      let byUnit = verdicts.get(concept);
      if (!byUnit) verdicts.set(concept, (byUnit = new Map()));
      let verdict = byUnit.get(f.unit);
      if (verdict === undefined) {
        const chain = [concept.type.name, ...concept.type.ancestors.filter((a) => clark(a) !== clark(concept.type.name))];
        verdict = utrVerdict(utr, chain, f.unit.numerator, f.unit.denominator) ?? null;
        byUnit.set(f.unit, verdict);
      }
      if (!verdict || verdict.allowed) continue;
      const src = f.sources[0];
      yield {
        code: this.code,
        severity: this.severity,
        message: `Unit ${formatUnit(f.unit)} is not allowed by the Units Registry for fact ${formatQName(f.concept)} of type ${formatQName(concept.type.name)}${clark(verdict.type) === clark(concept.type.name) ? '' : ` (derived from ${formatQName(verdict.type)}, which the registry lists)`}.`,
        ...(src ? { file: src.file, line: src.line, ...(src.column !== undefined ? { column: src.column } : {}) } : {}),
        factIds: [f.id],
      };
    }
  },
};
