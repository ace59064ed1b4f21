/**
 * Href rules for the DTS (XBRL 2.1 §3.5.4, §5.2.x.1): XPointer schemes other than element(), fragments that
 * locate nothing, and what the locators of each standard extended link may point at. One pass per taxonomy,
 * memoized; each rule picks its own code.
 */
import type { Finding } from '../../core/model/finding.js';
import type { Taxonomy } from '../../core/taxonomy/model.js';
import type { RawDts } from '../../core/taxonomy/raw.js';
import { unsupportedSchemes } from '../../core/taxonomy/xpointer.js';
import { finding, isCoreDocument, LINK, localOf } from './linkbase-common.js';
import type { Engine } from '../rule.js';
import { rawOf } from './linkbase-common.js';

const cache = new WeakMap<Taxonomy, Finding[]>();
const E = 'error' as const;

/** Standard extended links: the code for a bad locator target, and what a locator may point at (to a resource: only the second). */
const LOC_TARGETS: ReadonlyMap<string, { code: string; resource?: string; what: string }> = new Map([
  [LINK('labelLink'), { code: 'xbrl.5.2.2.1:labelLinkLocTarget', resource: LINK('label'), what: 'a concept or a label' }],
  [LINK('referenceLink'), { code: 'xbrl.5.2.3.1:referenceLinkLocTarget', resource: LINK('reference'), what: 'a concept or a reference' }],
  [LINK('calculationLink'), { code: 'xbrl.5.2.5.1:calculationLinkLocTarget', what: 'a concept' }],
  [LINK('definitionLink'), { code: 'xbrl.5.2.6.1:definitionLinkLocTarget', what: 'a concept' }],
  [LINK('presentationLink'), { code: 'xbrl.5.2.4.1:presentationLinkLocTarget', what: 'a concept' }],
]);
const RESOURCE_ARCS = new Set([LINK('labelArc'), LINK('referenceArc')]);

export function hrefFindings(t: Taxonomy, raw: RawDts): Finding[] {
  let out = cache.get(t);
  if (!out) cache.set(t, (out = compute(raw)));
  return out;
}

function scheme(href: string | undefined, file: string, line: number, out: Finding[]): void {
  const i = href?.indexOf('#') ?? -1;
  if (href === undefined || i < 0) return;
  const bad = unsupportedSchemes(href.slice(i + 1));
  if (bad?.length) out.push(finding('xbrl.3.5.4:hrefScheme', E, `href ${href} uses the XPointer scheme ${bad[0]}(); XBRL allows shorthand and element() pointers only.`, file, line));
}

function compute(raw: RawDts): Finding[] {
  const out: Finding[] = [];
  for (const s of raw.schemas) {
    if (isCoreDocument(s.file)) continue;
    for (const l of s.simpleLinks ?? []) scheme(l.href, s.file, l.line, out);
  }
  for (const lb of raw.linkbases) {
    if (isCoreDocument(lb.file)) continue;
    for (const l of lb.simpleLinks ?? []) scheme(l.href, lb.file, l.line, out);
    for (const link of lb.links) {
      const rule = LOC_TARGETS.get(link.element);
      // Locators that prohibiting label/reference arcs point to stand for remote resources (§5.2.2.3).
      const toResource = new Set(link.arcs.filter((a) => a.prohibited && RESOURCE_ARCS.has(a.element)).map((a) => a.to));
      for (const loc of link.locators) {
        scheme(loc.href, lb.file, loc.line, out);
        const target = raw.locatorTarget(link, loc);
        if (!target) continue;
        const fragment = loc.target.fragment;
        if (target.kind === 'missing' && fragment !== undefined && fragment !== '') {
          out.push(finding('xbrl.3.5.4:hrefIdNotFound', E, `locator ${loc.label}: href ${loc.href ?? ''} locates no element in ${target.document}.`, lb.file, loc.line));
        }
        if (!rule || loc.element !== LINK('loc') || target.kind === 'element' && target.placeholder) continue;
        const remote = toResource.has(loc.label);
        let ok: boolean;
        if (target.kind === 'element') ok = !remote && target.decl !== undefined;
        else if (target.kind === 'resource') ok = rule.resource !== undefined && target.endpoint.resource.element === rule.resource;
        else ok = false;
        if (ok) continue;
        const what = target.kind === 'element' ? `the element declaration ${localOf(target.key)}` : target.kind === 'resource' ? `a ${localOf(target.endpoint.resource.element)} resource` : target.kind === 'other' ? `a ${localOf(target.element)} element` : fragment ? 'nothing' : `the whole document ${target.document}`;
        const must = remote ? `a ${localOf(rule.resource ?? '')} (a prohibiting ${localOf(link.element).replace('Link', 'Arc')} points to it)` : rule.what;
        out.push(finding(rule.code, E, `${localOf(link.element)} locator ${loc.label} (href ${loc.href ?? ''}) points at ${what}; it must point at ${must}.`, lb.file, loc.line));
      }
    }
  }
  return out;
}

/** The engine behind this module's rules: each rule file names it and gets the findings of its own code. */
export const hrefEngine: Engine = {
  name: 'XBRL 2.1: linkbase locators and hrefs',
  run: (ctx) => {
    const r = rawOf(ctx);
    return r ? hrefFindings(r.taxonomy, r.raw) : [];
  },
};
