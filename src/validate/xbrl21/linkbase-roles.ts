/**
 * Role and arcrole use in linkbases (XBRL 2.1 §3.5.2.4, §3.5.2.5, §4.3, §5.1.3.4, §5.1.4.5): roleRef /
 * arcroleRef declarations per linkbase, custom roles and arcroles on standard links, resources and arcs, and
 * linkbaseRef roles and arcroles. One pass per taxonomy, memoized; each rule picks its own code.
 */
import { DEFAULT_LINKROLE } from '../../core/taxonomy/model.js';
import type { Finding } from '../../core/model/finding.js';
import { clark } from '../../core/model/qname.js';
import type { Taxonomy } from '../../core/taxonomy/model.js';
import type { RawDts } from '../../core/taxonomy/raw.js';
import {
  finding, isAbsoluteUri, isCoreDocument, LINK, LINKBASE_ARCROLE, LINKBASE_REF_ROLES, localOf, STANDARD_ARCROLE_ARC, STANDARD_ARCS, STANDARD_LABEL_ROLES,
  STANDARD_LINKS, STANDARD_REFERENCE_ROLES, STANDARD_ROLES, FOOTNOTE_ROLE,
} from './linkbase-common.js';
import type { Engine } from '../rule.js';
import { rawOf } from './linkbase-common.js';

const cache = new WeakMap<Taxonomy, Finding[]>();

export function roleFindings(t: Taxonomy, raw: RawDts): Finding[] {
  let out = cache.get(t);
  if (!out) cache.set(t, (out = compute(t, raw)));
  return out;
}

const E = 'error' as const;

/** Standard roles allowed on each standard element (XBRL 2.1 §3.5.3.3, §5.2.2.2.2, §5.2.3.2.1, §4.11.1.2). */
function allowedStandardRoles(element: string): ReadonlySet<string> | undefined {
  if (STANDARD_LINKS.has(element)) return new Set([DEFAULT_LINKROLE]);
  if (element === LINK('label')) return STANDARD_LABEL_ROLES;
  if (element === LINK('reference')) return STANDARD_REFERENCE_ROLES;
  if (element === LINK('footnote')) return new Set([FOOTNOTE_ROLE]);
  return undefined;
}

function compute(t: Taxonomy, raw: RawDts): Finding[] {
  const out: Finding[] = [];
  const roleTypesAt = new Map<string, { file: string; id?: string }[]>();
  const arcroleTypesAt = new Map<string, { file: string; id?: string }[]>();
  for (const s of raw.schemas) {
    for (const d of s.roleTypeDecls ?? []) {
      if (d.uri === undefined) continue;
      const m = d.kind === 'roleType' ? roleTypesAt : arcroleTypesAt;
      const list = m.get(d.uri) ?? [];
      list.push({ file: s.file, ...(d.id !== undefined ? { id: d.id } : {}) });
      m.set(d.uri, list);
    }
  }

  // linkbaseRefs in schemas (§4.3.3, §4.3.4).
  const linkbaseByFile = new Map(raw.linkbases.filter((l) => !l.embedded).map((l) => [l.file, l]));
  for (const s of raw.schemas) {
    if (isCoreDocument(s.file)) continue;
    for (const ref of s.simpleLinks ?? []) {
      if (ref.element !== LINK('linkbaseRef')) continue;
      if (ref.arcrole !== LINKBASE_ARCROLE) {
        out.push(finding('xbrl.4.3.3:linkbaseRefArcrole', E, `linkbaseRef ${ref.href ?? ''} must have xlink:arcrole "${LINKBASE_ARCROLE}"${ref.arcrole === undefined ? '' : `, not "${ref.arcrole}"`}.`, s.file, ref.line));
      }
      const target = ref.target?.kind === 'local' ? linkbaseByFile.get(ref.target.path) : undefined;
      if (ref.role !== undefined && target) {
        const want = LINKBASE_REF_ROLES.get(ref.role);
        if (want) {
          for (const link of target.links) {
            if (link.element !== want) {
              out.push(finding('xbrl.4.3.4:linkbaseRefLinks', E, `linkbaseRef role ${localOf(ref.role)} says the linkbase holds ${localOf(want)}s, but it holds a ${localOf(link.element)}.`, s.file, ref.line));
              break;
            }
          }
        }
      }
    }
  }

  for (const lb of raw.linkbases) {
    if (isCoreDocument(lb.file)) continue;
    const roleRefs = new Set<string>();
    const arcroleRefs = new Set<string>();
    for (const ref of lb.simpleLinks ?? []) {
      const isRole = ref.element === LINK('roleRef');
      if (!isRole && ref.element !== LINK('arcroleRef')) continue;
      const kind = isRole ? 'roleRef' : 'arcroleRef';
      const sect = isRole ? 'xbrl.3.5.2.4.5' : 'xbrl.3.5.2.5.5';
      const uri = isRole ? ref.roleURI : ref.arcroleURI;
      const refs = isRole ? roleRefs : arcroleRefs;
      const defs = isRole ? roleTypesAt : arcroleTypesAt;
      if (uri === undefined || uri === '') {
        out.push(finding(`${sect}:${kind}Missing`, E, `${kind} has no ${isRole ? 'roleURI' : 'arcroleURI'}.`, lb.file, ref.line));
      } else if (refs.has(uri)) {
        out.push(finding(`${sect}:${kind}Duplicate`, E, `${kind} for ${uri} appears more than once in this linkbase.`, lb.file, ref.line));
      } else if (!defs.has(uri) && !t.unavailable.length) {
        out.push(finding(`${sect}:${kind}NotDefined`, E, `${kind} ${uri} points at no ${isRole ? 'roleType' : 'arcroleType'} in the DTS.`, lb.file, ref.line));
      } else {
        refs.add(uri);
        const tgt = ref.target;
        if (tgt?.kind === 'local' && defs.has(uri)) {
          const hit = defs.get(uri)!.some((d) => d.file === tgt.path && (tgt.fragment === undefined || tgt.fragment === d.id));
          if (!hit) out.push(finding(`${sect}:${kind}Mismatch`, E, `${kind} ${uri}: its href ${ref.href ?? ''} does not point at the ${isRole ? 'roleType' : 'arcroleType'} declaring that URI.`, lb.file, ref.line));
        }
      }
    }

    const checkRole = (element: string, role: string | undefined, line: number | undefined) => {
      if (role === undefined) return;
      const allowed = allowedStandardRoles(element);
      if (!allowed) return; // not a standard extended link or resource
      if (role === '' || !isAbsoluteUri(role)) {
        out.push(finding('xbrl.3.5.2.4:roleNotAbsolute', E, `The role "${role}" on ${localOf(element)} is not an absolute URI.`, lb.file, line));
        return;
      }
      if (STANDARD_ROLES.has(role)) return; // wrong standard roles: not checked here
      if (!roleRefs.has(role)) out.push(finding('xbrl.3.5.2.4:missingRoleRef', E, `Custom role ${role} is used on ${localOf(element)} without a roleRef in this linkbase.`, lb.file, line));
      const rt = t.roleTypes.get(role);
      if (!rt ? !t.unavailable.length : !rt.usedOn.some((q) => clark(q) === element)) {
        out.push(finding('xbrl.5.1.3.4:custRoleUsedOn', E, `Custom role ${role} is used on ${localOf(element)}, but its roleType does not list ${localOf(element)} in usedOn.`, lb.file, line));
      }
    };
    for (const link of lb.links) {
      checkRole(link.element, link.roleAttr, link.line);
      for (const res of link.resources) checkRole(res.element, res.role, res.line);
      const stdLink = STANDARD_LINKS.has(link.element);
      for (const arc of link.arcs) {
        if (!stdLink || !STANDARD_ARCS.has(arc.element)) continue;
        const ar = arc.arcrole;
        if (!isAbsoluteUri(ar)) {
          out.push(finding('xbrl.3.5.2.5:arcroleNotAbsolute', E, `The arcrole "${ar}" on ${localOf(arc.element)} is not an absolute URI.`, lb.file, arc.line));
          continue;
        }
        const stdArc = STANDARD_ARCROLE_ARC.get(ar);
        if (stdArc) {
          if (stdArc !== arc.element) out.push(finding('xbrl.5.1.4.5:custArcroleUsedOn', E, `Standard arcrole ${ar} belongs on ${localOf(stdArc)}, not on ${localOf(arc.element)}.`, lb.file, arc.line));
          continue;
        }
        if (!arcroleRefs.has(ar)) out.push(finding('xbrl.3.5.2.5:missingArcroleRef', E, `Custom arcrole ${ar} is used on ${localOf(arc.element)} without an arcroleRef in this linkbase.`, lb.file, arc.line));
        const at = t.arcroleTypes.get(ar);
        if (!at ? !t.unavailable.length : !at.usedOn.some((q) => clark(q) === arc.element)) {
          out.push(finding('xbrl.5.1.4.5:custArcroleUsedOn', E, `Custom arcrole ${ar} is used on ${localOf(arc.element)}, but its arcroleType does not list ${localOf(arc.element)} in usedOn.`, lb.file, arc.line));
        }
      }
    }
  }
  return out;
}

/** The engine behind this module's rules: each rule file names it and gets the findings of its own code. */
export const roleEngine: Engine = {
  name: 'XBRL 2.1: roles and arcroles',
  run: (ctx) => {
    const r = rawOf(ctx);
    return r ? roleFindings(r.taxonomy, r.raw) : [];
  },
};
