/**
 * Reads a linkbase document by streaming the XML scanner's events, without building a tree: linkbases are the big
 * documents of a taxonomy (us-gaap's label and definition linkbases are tens of megabytes). Produces the
 * same `LinkbaseDoc` as `readLinkbase` on a tree. Same rules as `parseXml`: DOCTYPE rejected, limits.
 */
import { clark, NS } from '../model/qname.js';
import { createParser, DEFAULT_LIMITS, limitError, stripBom, tagAttributes, XML_NS, type XmlLimits } from '../xml/parse.js';
import { arcFrom, K, locatorFrom, newLink, resourceFrom, simpleLinkFrom, type LinkbaseDoc, type RawLink } from './linkbase.js';
import type { Resolver } from './resolver.js';

const NOT_LINKBASE = Symbol('not a linkbase');
const LANG = `{${XML_NS}}lang`;

/** Streams `text` as a linkbase; undefined when the root element is not `link:linkbase`. */
export function streamLinkbase(text: string, file: string, resolver: Resolver, limits: XmlLimits = {}): LinkbaseDoc | undefined {
  const { maxDepth, maxTextLength, maxAttributeLength } = { ...DEFAULT_LIMITS, ...limits };
  const source = stripBom(text);
  const parser = createParser(file, source);
  const doc: LinkbaseDoc = { file, refs: [], links: [], simpleLinks: [] };
  const langs: (string | undefined)[] = [undefined];
  // xml:base in scope per depth (outermost first); shared with the parent when the element has none.
  const bases: (readonly string[])[] = [[]];
  let depth = 0;
  let link: RawLink | undefined;
  let resource: { element: string; attrs: Map<string, string>; lang: string | undefined; line: number; depth: number } | undefined;
  let text_ = '';

  parser.on('opentagstart', () => {
    if (depth + 1 > maxDepth) throw limitError(file, parser.tagLine, parser.tagColumn, `elements nested deeper than ${maxDepth} (raise the limit with --max-depth or KESSAN_MAX_DEPTH)`);
  });
  parser.on('opentag', (tag) => {
    depth++;
    const attrs = tagAttributes(parser, maxAttributeLength, file);
    const lang = attrs.get(LANG) ?? langs[depth - 1];
    langs[depth] = lang;
    const ownBase = attrs.get(K.base);
    const base = ownBase === undefined ? bases[depth - 1]! : [...bases[depth - 1]!, ownBase];
    bases[depth] = base;
    if (depth === 1) {
      if (tag.uri !== NS.link || tag.local !== 'linkbase') throw NOT_LINKBASE;
      return;
    }
    if (resource) return; // content of a resource (e.g. XHTML in a label): only its text is kept
    const type = attrs.get(K.type);
    if (depth === 2) {
      if (type === 'extended') link = newLink(`{${tag.uri}}${tag.local}`, attrs, file, parser.tagLine);
      else if (type === 'simple' && tag.uri === NS.link) {
        const href = attrs.get(K.href);
        if (href !== undefined) doc.refs.push(resolver.resolve(href, file, base));
      }
      if (type !== 'extended' && tag.uri === NS.link) doc.simpleLinks!.push(simpleLinkFrom(`{${tag.uri}}${tag.local}`, attrs, parser.tagLine, file, resolver, base));
    } else if (depth === 3 && link) {
      if (type === 'locator') {
        const loc0 = locatorFrom(attrs, parser.tagLine, file, resolver, base);
        const loc = loc0 && { ...loc0, element: `{${tag.uri}}${tag.local}` };
        if (loc) {
          if (loc.element === `{${NS.link}}loc`) doc.refs.push(loc.target); // DTS discovery follows link:loc only (§3.2)
          link.locators.push(loc);
        }
      } else if (type === 'arc') {
        const arc = arcFrom(`{${tag.uri}}${tag.local}`, attrs, parser.tagLine);
        if (arc) link.arcs.push(arc);
      } else if (type === 'resource') {
        resource = { element: clark({ namespace: tag.uri, localName: tag.local }), attrs, lang, line: parser.tagLine, depth };
        text_ = '';
      }
    }
  });
  const onText = (t: string) => {
    if (!resource) return;
    text_ += t;
    if (text_.length > maxTextLength) throw limitError(file, parser.line, parser.column + 1, `text longer than ${maxTextLength} characters`);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (resource && depth === resource.depth) {
      const r = resourceFrom(resource.element, resource.attrs, resource.lang, text_, file, resource.line);
      if (r && link) link.resources.push(r);
      resource = undefined;
      text_ = '';
    } else if (depth === 2 && link) {
      doc.links.push(link);
      link = undefined;
    }
    depth--;
  });

  try {
    parser.write(source).close();
  } catch (e) {
    if (e === NOT_LINKBASE) return undefined;
    throw e;
  }
  return doc;
}
