import type { Rule } from '../rule.js';
import { finding } from './linkbase-common.js';
import { ownTuples } from './linkbase-concepts.js';

export const rule: Rule = {
  code: 'xbrl.4.9:tupleBalance',
  severity: 'error',
  docs: 'A tuple declaration must not have an xbrli:balance attribute (XBRL 2.1 §4.9).',
  needs: ['taxonomy'],
  *check(ctx) {
    for (const { name, decl } of ownTuples(ctx)) {
      if (decl.balanceRaw !== undefined) yield finding(this.code, this.severity, `Tuple ${name} must not have an xbrli:balance.`, decl.file, decl.line);
    }
  },
};
