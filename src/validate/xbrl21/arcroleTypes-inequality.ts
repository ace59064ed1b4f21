import { clark } from '../../core/model/qname.js';
import type { Rule } from '../rule.js';
import { finding, rawOf } from './linkbase-common.js';
import { roleTypeDecls, sameDeclaration, type DeclAt } from './linkbase-roletypes.js';

export const rule: Rule = {
  code: 'xbrl.5.1.4:arcroleTypes-inequality',
  severity: 'error',
  docs: 'Declarations of the same arcroleURI in different schemas must be s-equal, and a arcroleType must not list the same usedOn twice (XBRL 2.1 §5.1.4).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    const first = new Map<string, DeclAt>();
    for (const d of roleTypeDecls(r.raw, 'arcroleType', true)) {
      const { decl, file } = d;
      const uses = new Set<string>();
      for (const u of decl.usedOn) {
        const key = u.name ? clark(u.name) : u.text;
        if (uses.has(key)) yield finding(this.code, this.severity, `arcroleType ${decl.uri ?? ''} lists usedOn ${u.text} twice.`, file, decl.line);
        uses.add(key);
      }
      if (decl.uri === undefined) continue;
      const other = first.get(decl.uri);
      if (!other) first.set(decl.uri, d);
      else if (other.file !== file && !sameDeclaration(other.decl, decl)) {
        yield finding(this.code, this.severity, `arcroleType ${decl.uri} is declared differently in ${other.file.split('/').pop()}.`, file, decl.line);
      }
    }
  },
};
