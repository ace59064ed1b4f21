import { NS, parseClark } from '../../core/model/qname.js';
import type { XmlNode } from '../../core/xbrl/infoset.js';
import type { Finding } from '../../core/model/finding.js';
import type { Rule, RuleContext } from '../rule.js';
import { contentDecl, declaredSimpleType, rootSchemaLocations } from '../../core/xbrl/schema-types.js';
import { factIds, factLabel, factsWithConcepts, finding, instanceOf, isNil, XML_LANG } from './instance-helpers.js';
import { lexicalError } from '../../core/xbrl/lexical.js';
import { schemaIdErrors } from './schemaIds.js';

const NOT_CHECKED = new Set(['', 'fraction', 'anyType', 'anySimpleType']);

export const rule: Rule = {
  code: 'xmlSchema:valueError',
  severity: 'error',
  docs: "An item's value must be a valid lexical form of its concept's XML Schema type (decimal, integer ranges, boolean, dates, QName...); xml:lang values must be valid language codes; unit measures must be QNames whose prefix is declared; ids in taxonomy schemas (roleType, arcroleType, element declarations...) must be NCNames (XML Schema Part 2; XBRL 2.1 sections 4.6 and 4.8).",
  needs: ['taxonomy'],
  *check(ctx) {
    yield* schemaIdErrors(ctx, rule.code);
    if (!ctx.instance) return;
    const doc = instanceOf(ctx);
    for (const { fact: f, concept, item } of factsWithConcepts(ctx)) {
      const lang = f.attributes.get(XML_LANG);
      if (lang !== undefined && lang !== '' && lexicalError('language', lang)) yield finding(ctx, rule, f, `${factLabel(f)}: xml:lang "${lang}" is not a valid language code`, factIds(f));
      if (!item || isNil(f) || f.hasChildElements) continue;
      const base = concept.type.baseXsd;
      if (NOT_CHECKED.has(base)) continue;
      let raw = f.valueRaw ?? '';
      // An empty element takes its declaration's default or fixed value (XML Schema Part 1, 3.3.4).
      if (raw === '' && ctx.taxonomy) raw = contentDecl(ctx.taxonomy, f.element, extraSchemas(ctx))?.value ?? raw;
      const err = lexicalError(base, raw);
      if (err) yield finding(ctx, rule, f, `${factLabel(f)}: value "${raw.trim().slice(0, 80)}" is ${err} (type xs:${base})`, factIds(f));
    }
    for (const c of doc.contexts.values()) {
      for (const n of [...(c.segment ?? []), ...(c.scenario ?? [])]) yield* checkNode(ctx, n, `context ${c.id}`);
    }
    for (const f of doc.facts) if (f.attributes.size) yield* checkAttributes(ctx, f.attributes, f, factLabel(f));
    for (const u of doc.units.values()) {
      if (!u.unit) yield finding(ctx, rule, u, `unit ${u.id}: measure ${u.measuresRaw.map((m) => m.trim()).join(', ')} is not a QName with a declared prefix`);
    }
    for (const link of doc.footnoteLinks) {
      for (const fn of link.footnotes) {
        if (fn.lang !== undefined && fn.lang !== '' && lexicalError('language', fn.lang)) yield finding(ctx, rule, fn, `footnote ${fn.label}: xml:lang "${fn.lang}" is not a valid language code`);
      }
    }
  },
};

const extra = new WeakMap<object, string[]>();
function extraSchemas(ctx: RuleContext): string[] {
  const doc = ctx.instance!;
  let e = extra.get(doc);
  if (!e) extra.set(doc, (e = rootSchemaLocations(doc.file)));
  return e;
}

const SKIP_NS = new Set<string>([NS.xbrldi, NS.xbrli, NS.xsi, NS.xlink, NS.link, 'http://www.w3.org/XML/1998/namespace']);

/** Custom attributes with a global declaration of a simple type: their values must fit it. */
function* checkAttributes(ctx: RuleContext, attributes: ReadonlyMap<string, string>, pos: { readonly line: number; readonly column: number }, where: string): Iterable<Finding> {
  if (!ctx.taxonomy) return;
  for (const [key, value] of attributes) {
    if (!key.startsWith('{')) continue;
    const name = parseClark(key);
    if (SKIP_NS.has(name.namespace)) continue;
    const base = declaredSimpleType(ctx.taxonomy, 'attribute', name, extraSchemas(ctx));
    const err = base ? lexicalError(base, value) : undefined;
    if (err) yield finding(ctx, rule, pos, `${where}: attribute ${key} value "${value.slice(0, 80)}" is ${err} (type xs:${base ?? ''})`);
  }
}

/** Segment and scenario content with global declarations of a simple type (lax validation). */
function* checkNode(ctx: RuleContext, n: XmlNode, where: string): Iterable<Finding> {
  if (!ctx.taxonomy) return;
  yield* checkAttributes(ctx, n.attributes, n, where);
  const kids = n.children.filter((c): c is XmlNode => typeof c !== 'string');
  if (n.name.namespace !== NS.xbrldi && n.name.namespace !== NS.xbrli && kids.length === 0) {
    const base = declaredSimpleType(ctx.taxonomy, 'element', n.name, extraSchemas(ctx));
    const text = n.children.filter((c): c is string => typeof c === 'string').join('');
    const err = base ? lexicalError(base, text) : undefined;
    if (err) yield finding(ctx, rule, n, `${where}: ${n.name.prefix ? `${n.name.prefix}:` : ''}${n.name.localName} value "${text.trim().slice(0, 80)}" is ${err} (type xs:${base ?? ''})`);
  }
  for (const k of kids) yield* checkNode(ctx, k, where);
}
