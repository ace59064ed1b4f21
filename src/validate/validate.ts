import { uniqueFindings, type Finding } from '../core/model/finding.js';
import { DEFAULT_OPTIONS, type Rule, type RuleContext, type ValidateOptions } from './rule.js';
import { allRules } from './rules.js';

export interface ValidateInput extends Omit<RuleContext, 'options'> {
  readonly options?: Partial<ValidateOptions>;
}

/** Runs every rule that has what it needs; returns findings sorted by file, line, column, code. */
export function validate(input: ValidateInput, rules: readonly Rule[] = allRules()): Finding[] {
  const ctx: RuleContext = { ...input, options: { ...DEFAULT_OPTIONS, ...input.options } };
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.needs.includes('instance') && !ctx.instance) continue;
    if (rule.needs.includes('taxonomy') && !ctx.taxonomy) continue;
    for (const f of rule.check(ctx)) findings.push(f);
  }
  return sortFindings(findings);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return uniqueFindings(findings).sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
}
