import { clark, formatQName } from '../../core/model/qname.js';
import type { Rule } from '../rule.js';
import { conceptOf, finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl:schemaImportMissing',
  severity: 'error',
  docs: "Every item and tuple in an instance must be declared in the instance's DTS (XBRL 2.1 section 4.10 and 4.6). Facts whose namespace could come from a schema that was not available offline are not reported.",
  needs: ['instance', 'taxonomy'],
  *check(ctx) {
    const reported = new Set<string>();
    for (const f of instanceOf(ctx).facts) {
      if (conceptOf(ctx, f.element) !== 'unknown') continue;
      const key = clark(f.element);
      if (reported.has(key)) continue;
      reported.add(key);
      yield finding(ctx, rule, f, `${formatQName(f.element)} is not declared as an item or tuple in the taxonomy`, f.factId ? [f.factId] : undefined);
    }
  },
};
