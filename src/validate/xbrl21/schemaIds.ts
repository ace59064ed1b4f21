/** `id` attributes of taxonomy schemas are of type xs:ID: each must be an NCName (XML Schema Part 2, 3.3.8). */
import type { Finding } from '../../core/model/finding.js';
import { NS } from '../../core/model/qname.js';
import type { RuleContext } from '../rule.js';
import { finding, isCoreDocument, localOf, rawOf } from './linkbase-common.js';
import { lexicalError } from '../../core/xbrl/lexical.js';

/** Elements whose `id` is declared as xs:ID: XML Schema's own, and the linkbase namespace's (roleType, arcroleType...). */
const ID_NAMESPACES = [NS.xsd, NS.link].map((ns) => `{${ns}}`);

export function* schemaIdErrors(ctx: RuleContext, code: string): Iterable<Finding> {
  const r = rawOf(ctx);
  for (const s of r?.raw.schemas ?? []) {
    if (isCoreDocument(s.file)) continue;
    for (const [id, at] of s.ids ?? []) {
      if (!ID_NAMESPACES.some((p) => at.element.startsWith(p))) continue;
      const err = lexicalError('ID', id);
      if (err) yield finding(code, 'error', `${localOf(at.element)}: id "${id}" is ${err}`, s.file, at.line);
    }
  }
}
