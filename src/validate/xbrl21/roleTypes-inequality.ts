import { clark } from '../../core/model/qname.js';
import type { Rule } from '../rule.js';
import { finding, rawOf } from './linkbase-common.js';
import { roleTypeDecls, sameDeclaration, type DeclAt } from './linkbase-roletypes.js';

export const rule: Rule = {
  code: 'xbrl.5.1.3:roleTypes-inequality',
  severity: 'error',
  docs: 'Declarations of the same roleURI in different schemas must be s-equal, and a roleType must not list the same usedOn twice (XBRL 2.1 §5.1.3).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    const first = new Map<string, DeclAt>();
    for (const d of roleTypeDecls(r.raw, 'roleType', true)) {
      const { decl, file } = d;
      const uses = new Set<string>();
      for (const u of decl.usedOn) {
        const key = u.name ? clark(u.name) : u.text;
        if (uses.has(key)) yield finding(this.code, this.severity, `roleType ${decl.uri ?? ''} lists usedOn ${u.text} twice.`, file, decl.line);
        uses.add(key);
      }
      if (decl.uri === undefined) continue;
      const other = first.get(decl.uri);
      if (!other) first.set(decl.uri, d);
      else if (other.file !== file && !sameDeclaration(other.decl, decl)) {
        yield finding(this.code, this.severity, `roleType ${decl.uri} is declared differently in ${other.file.split('/').pop()}.`, file, decl.line);
      }
    }
  },
};
