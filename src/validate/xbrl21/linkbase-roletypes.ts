/** Raw roleType / arcroleType declarations across the DTS, for the §5.1.3 / §5.1.4 rules. */
import { clark } from '../../core/model/qname.js';
import type { RawDts } from '../../core/taxonomy/raw.js';
import type { RoleTypeDecl } from '../../core/taxonomy/schema.js';
import { isCoreDocument } from './linkbase-common.js';

export interface DeclAt {
  readonly decl: RoleTypeDecl;
  readonly file: string;
}

export function roleTypeDecls(raw: RawDts, kind: 'roleType' | 'arcroleType', includeCore = false): DeclAt[] {
  const out: DeclAt[] = [];
  for (const s of raw.schemas) {
    if (!includeCore && isCoreDocument(s.file)) continue;
    for (const decl of s.roleTypeDecls ?? []) if (decl.kind === kind) out.push({ decl, file: s.file });
  }
  return out;
}

/** s-equality of two declarations (URI, cyclesAllowed, definition, usedOn as a set of QNames). */
export function sameDeclaration(a: RoleTypeDecl, b: RoleTypeDecl): boolean {
  const uses = (d: RoleTypeDecl) => d.usedOn.map((u) => (u.name ? clark(u.name) : u.text)).sort().join(' ');
  return a.uri === b.uri && (a.cyclesAllowed ?? '') === (b.cyclesAllowed ?? '') && (a.definition ?? '') === (b.definition ?? '') && uses(a) === uses(b);
}
