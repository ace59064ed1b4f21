import type { Rule } from '../rule.js';
import { finding } from './linkbase-common.js';
import { contentOf, ownTuples } from './linkbase-concepts.js';

export const rule: Rule = {
  code: 'xbrl.4.9:tupleSimpleContent',
  severity: 'error',
  docs: 'A tuple’s type must not have simple content (XBRL 2.1 §4.9).',
  needs: ['taxonomy'],
  *check(ctx) {
    for (const { name, decl, raw } of ownTuples(ctx)) {
      if (contentOf(raw, decl)?.simpleContent) yield finding(this.code, this.severity, `Tuple ${name} must not have simple content.`, decl.file, decl.line);
    }
  },
};
