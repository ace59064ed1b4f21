import type { Rule } from '../rule.js';
import { finding, rawOf } from './linkbase-common.js';
import { roleTypeDecls } from './linkbase-roletypes.js';

export const rule: Rule = {
  code: 'xbrl.5.1.3:roleTypeDuplicate',
  severity: 'error',
  docs: 'A schema must not declare the same roleURI twice (XBRL 2.1 §5.1.3).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    const seen = new Set<string>();
    for (const { decl, file } of roleTypeDecls(r.raw, 'roleType')) {
      if (decl.uri === undefined) continue;
      const key = `${file}\u0000${decl.uri}`;
      if (seen.has(key)) yield finding(this.code, this.severity, `roleType ${decl.uri} is declared more than once in this schema.`, file, decl.line);
      seen.add(key);
    }
  },
};
