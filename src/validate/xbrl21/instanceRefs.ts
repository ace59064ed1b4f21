/**
 * Duplicate roleRef/arcroleRef elements in an instance document (XBRL 2.1 3.5.2.4.5 / 3.5.2.5.5). The rules
 * `roleRefDuplicate` and `arcroleRefDuplicate` (linkbases) can add these findings for the instance:
 * `yield* instanceRefDuplicates(ctx, rule, 'roleRef')`.
 */
import type { Finding } from '../../core/model/finding.js';
import type { Rule, RuleContext } from '../rule.js';
import { finding } from './instance-helpers.js';

export function* instanceRefDuplicates(ctx: RuleContext, rule: Pick<Rule, 'code' | 'severity'>, kind: 'roleRef' | 'arcroleRef'): Iterable<Finding> {
  if (!ctx.instance) return;
  const seen = new Set<string>();
  for (const ref of ctx.instance.refs) {
    if (ref.kind !== kind) continue;
    const uri = kind === 'roleRef' ? ref.roleURI : ref.arcroleURI;
    if (uri === undefined || uri === '') continue;
    if (seen.has(uri)) yield finding(ctx, rule, ref, `the instance has a second ${kind} for ${kind === 'roleRef' ? 'roleURI' : 'arcroleURI'} ${uri}`);
    seen.add(uri);
  }
}
