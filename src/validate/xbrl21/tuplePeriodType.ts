import type { Rule } from '../rule.js';
import { finding } from './linkbase-common.js';
import { ownTuples } from './linkbase-concepts.js';

export const rule: Rule = {
  code: 'xbrl.4.9:tuplePeriodType',
  severity: 'error',
  docs: 'A tuple declaration must not have an xbrli:periodType attribute (XBRL 2.1 §4.9).',
  needs: ['taxonomy'],
  *check(ctx) {
    for (const { name, decl } of ownTuples(ctx)) {
      if (decl.periodTypeRaw !== undefined) yield finding(this.code, this.severity, `Tuple ${name} must not have an xbrli:periodType.`, decl.file, decl.line);
    }
  },
};
