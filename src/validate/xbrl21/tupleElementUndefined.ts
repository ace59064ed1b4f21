import type { Rule } from '../rule.js';
import { finding, rawOf } from './linkbase-common.js';
import { clark } from '../../core/model/qname.js';
import { contentOf, ownConcepts } from './linkbase-concepts.js';

export const rule: Rule = {
  code: 'xbrl.4.9:tupleElementUndefined',
  severity: 'error',
  docs: 'Every element in a tuple’s content model must be a reference to a global element declaration (XBRL 2.1 §4.9).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    // Declarations of no-namespace schemas take the including schema's namespace (chameleon include).
    const chameleon = new Set(r.raw.schemas.filter((s) => s.targetNamespace === '').flatMap((s) => s.elements.map((e) => e.name.localName)));
    for (const { concept, decl, kind } of ownConcepts(r.taxonomy, r.raw)) {
      if (kind !== 'tuple') continue;
      const name = concept.name.localName;
      const content = contentOf(r.raw, decl);
      for (const e of content?.elements ?? []) {
        if (e.ref && (r.raw.declarations.has(clark(e.ref)) || chameleon.has(e.ref.localName) || r.taxonomy.unavailable.length > 0)) continue;
        const what = e.ref ? clark(e.ref) : e.name ?? '?';
        yield finding(this.code, this.severity, `Tuple ${name} contains element ${what}, which is not a globally declared concept.`, decl.file, e.line);
      }
    }
  },
};
