/** Shared pieces of the XBRL 2.1 taxonomy and linkbase rules: standard names, roles, arcroles, and raw-data access. */
import { DEFAULT_LINKROLE } from '../../core/taxonomy/model.js';
import type { Finding, Severity } from '../../core/model/finding.js';
import { NS } from '../../core/model/qname.js';
import type { RawDts } from '../../core/taxonomy/raw.js';
import type { Taxonomy } from '../../core/taxonomy/model.js';
import type { RuleContext } from '../rule.js';

export const LINK = (local: string) => `{${NS.link}}${local}`;
export const XS = (local: string) => `{${NS.xsd}}${local}`;

export const STANDARD_LINKS = new Set(['definitionLink', 'calculationLink', 'presentationLink', 'labelLink', 'referenceLink', 'footnoteLink'].map(LINK));
export const STANDARD_ARCS = new Set(['definitionArc', 'calculationArc', 'presentationArc', 'labelArc', 'referenceArc', 'footnoteArc'].map(LINK));
/** Elements whose xlink:role must be declared when custom (XBRL 2.1 §3.5.2.4, §5.1.3.4). */
export const STANDARD_ROLE_ELEMENTS = new Set([...STANDARD_LINKS, LINK('label'), LINK('footnote'), LINK('reference')]);

export const STANDARD_LABEL_ROLES = new Set(
  ['label', 'terseLabel', 'verboseLabel', 'positiveLabel', 'positiveTerseLabel', 'positiveVerboseLabel', 'negativeLabel', 'negativeTerseLabel', 'negativeVerboseLabel', 'zeroLabel', 'zeroTerseLabel', 'zeroVerboseLabel', 'totalLabel', 'periodStartLabel', 'periodEndLabel', 'documentation', 'definitionGuidance', 'disclosureGuidance', 'presentationGuidance', 'measurementGuidance', 'commentaryGuidance', 'exampleGuidance'].map((r) => `http://www.xbrl.org/2003/role/${r}`),
);
export const STANDARD_REFERENCE_ROLES = new Set(
  ['reference', 'definitionRef', 'disclosureRef', 'mandatoryDisclosureRef', 'recommendedDisclosureRef', 'unspecifiedDisclosureRef', 'presentationRef', 'measurementRef', 'commentaryRef', 'exampleRef'].map((r) => `http://www.xbrl.org/2003/role/${r}`),
);
export const LINKBASE_REF_ROLES: ReadonlyMap<string, string> = new Map(
  ['calculation', 'definition', 'label', 'presentation', 'reference'].map((k) => [`http://www.xbrl.org/2003/role/${k}LinkbaseRef`, LINK(`${k}Link`)]),
);
export const FOOTNOTE_ROLE = 'http://www.xbrl.org/2003/role/footnote';
export const STANDARD_ROLES = new Set([...STANDARD_LABEL_ROLES, ...STANDARD_REFERENCE_ROLES, ...LINKBASE_REF_ROLES.keys(), DEFAULT_LINKROLE, FOOTNOTE_ROLE]);
export const LINKBASE_ARCROLE = 'http://www.w3.org/1999/xlink/properties/linkbase';

/** Standard arcroles and the arc element each belongs on. */
export const STANDARD_ARCROLE_ARC: ReadonlyMap<string, string> = new Map([
  ['http://www.xbrl.org/2003/arcrole/concept-label', LINK('labelArc')],
  ['http://www.xbrl.org/2003/arcrole/concept-reference', LINK('referenceArc')],
  ['http://www.xbrl.org/2003/arcrole/fact-footnote', LINK('footnoteArc')],
  ['http://www.xbrl.org/2003/arcrole/parent-child', LINK('presentationArc')],
  ['http://www.xbrl.org/2003/arcrole/summation-item', LINK('calculationArc')],
  ['http://www.xbrl.org/2003/arcrole/general-special', LINK('definitionArc')],
  ['http://www.xbrl.org/2003/arcrole/essence-alias', LINK('definitionArc')],
  ['http://www.xbrl.org/2003/arcrole/similar-tuples', LINK('definitionArc')],
  ['http://www.xbrl.org/2003/arcrole/requires-element', LINK('definitionArc')],
]);

/** Documents of the bundled catalog (XBRL International's own schemas) are not validated. */
export function isCoreDocument(file: string): boolean {
  return /[\\/]taxonomy[\\/]catalog[\\/]/.test(file) || /^https?:\/\/www\.xbrl\.org\//.test(file);
}

export function rawOf(ctx: RuleContext): { taxonomy: Taxonomy; raw: RawDts } | undefined {
  const taxonomy = ctx.taxonomy;
  return taxonomy?.raw ? { taxonomy, raw: taxonomy.raw } : undefined;
}

/** `{ns}local` → `local` for messages. */
export function localOf(clarkName: string): string {
  return clarkName.replace(/^\{[^}]*\}/, '');
}

export function finding(code: string, severity: Severity, message: string, file: string, line?: number): Finding {
  return { code, severity, message, file, ...(line !== undefined ? { line } : {}) };
}

/** An absolute URI (has a scheme). */
export function isAbsoluteUri(u: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:\S*$/.test(u.trim()) && !/\s/.test(u);
}

/** A syntactically valid, non-empty URI reference (RFC 3986-ish: no spaces, at most one `#`, valid escapes). */
export function isValidUriReference(u: string): boolean {
  const v = u.trim();
  if (v === '' || /[\s<>"{}|\\^`]/.test(v)) return false;
  if ((v.match(/#/g) ?? []).length > 1) return false;
  return !/%(?![0-9A-Fa-f]{2})/.test(v);
}
