/**
 * Rules on how an Inline XBRL document set's elements fit together, with Arelle's codes:
 * - ids unique within a document (`xml.3.3.1:idMustBeUnique`);
 * - a continuation referenced once (`ix11.4.1.2:continuationReferences`, `…:continuationNotReferenced`) and
 *   never inside ix:hidden (`ix11.4.1.1:ancestorNodeDisallowed`);
 * - ix:exclude only inside a nonNumeric, footnote or continuation (`ix11.5.1.1:excludeMisplaced`);
 * - relationships from facts to facts or footnotes that exist (`ix11.13.1.2:relationshipFromRef`, `…ToRef`),
 *   and Inline XBRL 1.0 footnoteRefs to footnotes that exist (`ix10.5.1.2:footnoteRef`);
 * - a nil fact without content (`xmlSchema:nilElementHasContent`);
 * - nothing but XHTML and ix elements in a fact, continuation, footnote or exclude (`lxml.SCHEMAV_ELEMENT_CONTENT`:
 *   an XInclude element, say, which kessan never resolves).
 */
import type { Finding } from '../../../core/model/finding.js';
import { NS } from '../../../core/model/qname.js';
import type { XmlElement } from '../../../core/xml/parse.js';
import { attr } from '../../../core/xml/tree.js';
import { isNil } from '../../xbrl/read/facts.js';
import { IX10, isIx, ixSection, type DocParts } from './collect.js';
import { Element } from './element.js';

const XHTML = 'http://www.w3.org/1999/xhtml';
const XSI_NIL = `{${NS.xsi}}nil`;
const CONTENT_HOLDERS = new Set(['nonNumeric', 'nonFraction', 'fraction', 'tuple', 'continuation', 'footnote', 'exclude', 'numerator', 'denominator']);

const at = (el: XmlElement, file: string) => ({ file, line: el.line, column: el.column });
const refsOf = (el: XmlElement, name: string) => (attr(el, name) ?? '').split(/\s+/).filter(Boolean);

function ancestorIx(el: XmlElement, locals: readonly string[]): XmlElement | undefined {
  for (let p = el.parent; p; p = p.parent) if (isIx(p.name.namespace) && locals.includes(p.name.localName)) return p;
  return undefined;
}

/** The findings of the rules above for a document set. */
export function structureFindings(docs: readonly DocParts[], ixNs: string | undefined): Finding[] {
  const out: Finding[] = [];
  const error = (el: XmlElement, file: string, code: string, message: string) => out.push({ code, severity: 'error', message, ...at(el, file) });
  const section = (element: string, sect: 'constraint' | 'validation') => ixSection(ixNs, element, sect);

  // Ids: unique within each document.
  for (const d of docs) {
    if (d.repeatedIds.size === 0) continue;
    const firstById = new Map<string, XmlElement>();
    for (const el of d.ids) {
      const id = attr(el, 'id')!;
      if (!d.repeatedIds.has(id)) continue;
      const first = firstById.get(id);
      if (!first) firstById.set(id, el);
      else error(el, d.file, 'xml.3.3.1:idMustBeUnique', `id ${JSON.stringify(id)} is used twice in this document (first at line ${first.line})`);
    }
  }

  // Continuations: each referenced by exactly one continuedAt, none hidden.
  const continuations = new Map<string, { el: XmlElement; file: string }>();
  for (const d of docs) for (const c of d.continuations) { const id = attr(c, 'id'); if (id !== undefined && !continuations.has(id)) continuations.set(id, { el: c, file: d.file }); }
  const referrers = new Map<string, { el: XmlElement; file: string }[]>();
  for (const d of docs) {
    const refer = (el: XmlElement) => {
      const to = attr(el, 'continuedAt');
      if (to === undefined) return;
      if (!referrers.has(to)) referrers.set(to, []);
      referrers.get(to)!.push({ el, file: d.file });
    };
    // Facts, then footnotes, then continuations: the order the first two referrers of a continuation are named in.
    // Indexed loops over facts and elements (here and below): until the optimizer has run, a for-of makes an
    // iterator result per element, and these run once per read.
    for (let k = 0; k < d.facts.length; k++) if (d.facts[k]!.kind === 'nonNumeric') refer(d.facts[k]!);
    for (const el of d.footnotes) refer(el);
    for (const el of d.continuations) refer(el);
  }
  for (const [id, refs] of referrers) {
    if (refs.length > 1 && continuations.has(id)) {
      const { el, file } = refs[1]!;
      error(el, file, 'ix11.4.1.2:continuationReferences', `continuedAt ${id} is also the continuation of the element at line ${refs[0]!.el.line}${refs[0]!.file === file ? '' : ` of ${refs[0]!.file}`}; a continuation may continue one element only (${refs.length} reference it)`);
    }
  }
  for (const [id, { el, file }] of continuations) {
    if (!referrers.has(id)) error(el, file, 'ix11.4.1.2:continuationNotReferenced', `ix:continuation ${id} is not the continuation of any nonNumeric, footnote or continuation`);
    if (ancestorIx(el, ['hidden'])) error(el, file, 'ix11.4.1.1:ancestorNodeDisallowed', `ix:continuation ${id} may not be inside ix:hidden`);
  }

  // Facts and footnotes by id, for relationships.
  const factIds = new Set<string>();
  const footnoteIds = new Set<string>();
  const needIds = ixNs === IX10 || docs.some((d) => d.relationships.length);
  for (const d of needIds ? docs : []) {
    for (const f of d.facts) { const id = attr(f, 'id'); if (id !== undefined) factIds.add(id); }
    for (const fn of d.footnotes) { const id = attr(fn, 'id') ?? attr(fn, 'footnoteID'); if (id !== undefined) footnoteIds.add(id); }
  }
  for (const d of docs) {
    for (const rel of d.relationships) {
      const from = refsOf(rel, 'fromRefs').filter((r) => !factIds.has(r));
      const to = refsOf(rel, 'toRefs').filter((r) => !factIds.has(r) && !footnoteIds.has(r));
      if (from.length) error(rel, d.file, 'ix11.13.1.2:relationshipFromRef', `fromRefs ${from.join(' ')} name${from.length > 1 ? '' : 's'} no fact of the document set`);
      if (to.length) error(rel, d.file, 'ix11.13.1.2:relationshipToRef', `toRefs ${to.join(' ')} name${to.length > 1 ? '' : 's'} no fact or footnote of the document set`);
    }
    if (ixNs === IX10) {
      for (const f of d.facts) {
        const missing = refsOf(f, 'footnoteRefs').filter((r) => !footnoteIds.has(r));
        if (missing.length) error(f, d.file, `${section('footnote', 'validation')}:footnoteRef`, `footnoteRefs ${missing.join(' ')} name${missing.length > 1 ? '' : 's'} no ix:footnote`);
      }
    }
  }

  for (const d of docs) {
    const ixElements = d.ixElements;
    for (let k = 0; k < ixElements.length; k++) {
      const el = ixElements[k]!;
      const local = el.name.localName;
      if (local === 'exclude' && !ancestorIx(el, ['nonNumeric', 'footnote', 'continuation'])) {
        error(el, d.file, `${section('exclude', 'constraint')}:excludeMisplaced`, 'ix:exclude must be inside an ix:nonNumeric, ix:footnote or ix:continuation');
      }
      // Most ix elements are facts whose content is one text node: nothing more to look into.
      const text = el instanceof Element ? el.onlyText() : undefined;
      if (isNil(el.attributes.get(XSI_NIL)) && (text !== undefined || el.children.length)) {
        error(el, d.file, 'xmlSchema:nilElementHasContent', `ix:${local} ${attr(el, 'name') ?? ''} is nil (xsi:nil="true") but has content; a nil fact has none`);
      }
      if (text === undefined && CONTENT_HOLDERS.has(local)) foreignContent(el, d.file, error);
    }
  }
  return out;
}

/** Elements of other namespaces than XHTML's and ix's directly inside `el` (their own content is not looked into again). */
function foreignContent(el: XmlElement, file: string, error: (el: XmlElement, file: string, code: string, message: string) => void): void {
  if (el.children.every((c) => typeof c === 'string')) return; // text only (most facts)
  const stack: XmlElement[] = [el];
  while (stack.length) {
    const e = stack.pop()!;
    for (const c of e.children) {
      if (typeof c === 'string' || isIx(c.name.namespace)) continue; // ix children are checked as holders themselves
      if (c.name.namespace !== XHTML) error(c, file, 'lxml.SCHEMAV_ELEMENT_CONTENT', `{${c.name.namespace}}${c.name.localName} may not be inside ix:${el.name.localName} (only XHTML and Inline XBRL elements may)`);
      else stack.push(c);
    }
  }
}
