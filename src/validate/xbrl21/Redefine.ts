import type { Rule } from '../rule.js';
import { finding, isCoreDocument, rawOf } from './linkbase-common.js';

export const rule: Rule = {
  code: 'xbrl.5.6.1:Redefine',
  severity: 'error',
  docs: 'Taxonomy schemas must not use xs:redefine (XBRL 2.1 §5.6.1).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const s of r.raw.schemas) {
      if (isCoreDocument(s.file)) continue;
      for (const line of s.redefines ?? []) yield finding(this.code, this.severity, 'xs:redefine is not allowed in an XBRL taxonomy schema.', s.file, line);
    }
  },
};
