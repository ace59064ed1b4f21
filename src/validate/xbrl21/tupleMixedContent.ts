import type { Rule } from '../rule.js';
import { finding } from './linkbase-common.js';
import { contentOf, ownTuples } from './linkbase-concepts.js';

export const rule: Rule = {
  code: 'xbrl.4.9:tupleMixedContent',
  severity: 'error',
  docs: 'A tuple’s complex type must not have mixed content (XBRL 2.1 §4.9).',
  needs: ['taxonomy'],
  *check(ctx) {
    for (const { name, decl, raw } of ownTuples(ctx)) {
      if (contentOf(raw, decl)?.mixed) yield finding(this.code, this.severity, `Tuple ${name} must not have mixed content.`, decl.file, decl.line);
    }
  },
};
