/**
 * A tag's attributes as the streaming reader takes them from saxes: the array saxes 6 collects them in while it
 * reads a tag (`attribList`, not part of its API), in order, their namespaces set by the time of `opentag`.
 *
 * saxes then also puts them in a dictionary (`tag.attributes`), checking them with a Set of their expanded
 * names; the reader never reads that dictionary, and filling it (a dictionary insert per attribute, the Set) was
 * a tenth of the reader's time. `listAttributes` has the parser do the same namespace resolution and the same
 * checks, in the same order and with the same messages, without the dictionary (`tag.attributes` stays empty).
 * With a saxes that has no such array, nothing is changed and `tagAttributes` reads the dictionary.
 */
import type { SaxesAttributeNS, SaxesParser, SaxesTagNS } from '../../../core/xml/saxes.js';

const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
/** Attributes beyond this many are checked for repeats with a Set (a tag may have thousands), fewer by comparing. */
const FEW = 16;

/** saxes's members that this module uses (saxes 6.0.0). */
interface SaxesInternals {
  attribList: SaxesAttributeNS[];
  tag: SaxesTagNS;
  processAttribs: () => void;
  qname(name: string): { prefix: string; local: string };
  resolve(prefix: string): string | undefined;
  fail(message: string): void;
}

/** How to read the tags' attributes of a parser: `start()` at `opentagstart`, then `of(tag)` at `opentag`. */
export interface TagAttributes {
  start(): void;
  of(tag: SaxesTagNS): readonly SaxesAttributeNS[];
}

/**
 * Sets `parser` (made by createParser, not yet written to) to keep its tags' attributes in their list only,
 * and gives how to read them.
 */
export function listAttributes(parser: SaxesParser<{ xmlns: true; position: true }>): TagAttributes {
  const p = parser as unknown as SaxesInternals;
  if (!Array.isArray(p.attribList) || typeof p.qname !== 'function' || typeof p.resolve !== 'function' || typeof p.fail !== 'function') {
    return { start() {}, of: (tag) => Object.values(tag.attributes) };
  }
  const expanded: string[] = []; // the expanded names so far of the tag's attributes
  p.processAttribs = function processAttribsListed(this: SaxesInternals) {
    // saxes's processAttribsNS, but for tag.attributes.
    const { attribList } = this;
    const tag = this.tag;
    const { prefix, local } = this.qname(tag.name);
    tag.prefix = prefix;
    tag.local = local;
    const uri = (tag.uri = this.resolve(prefix) ?? '');
    if (prefix !== '') {
      if (prefix === 'xmlns') this.fail('tags may not have "xmlns" as prefix.');
      if (uri === '') {
        this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
        tag.uri = prefix;
      }
    }
    const n = attribList.length;
    if (n === 0) return;
    const seen = n > FEW ? new Set<string>() : undefined;
    for (let i = 0; i < n; i++) {
      const attr = attribList[i]!;
      const { name, prefix, local } = attr;
      let uri: string | undefined;
      let eqname: string;
      if (prefix === '') {
        uri = name === 'xmlns' ? XMLNS_NAMESPACE : '';
        eqname = name;
      } else {
        uri = this.resolve(prefix);
        if (uri === undefined) {
          this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
          uri = prefix;
        }
        eqname = `{${uri}}${local}`;
      }
      let repeated = false;
      if (seen) {
        repeated = seen.has(eqname);
        seen.add(eqname);
      } else {
        for (let j = 0; j < i && !repeated; j++) repeated = expanded[j] === eqname;
        expanded[i] = eqname;
      }
      if (repeated) this.fail(`duplicate attribute: ${eqname}.`);
      (attr as { uri: string }).uri = uri;
    }
    this.attribList = [];
  };
  let list: SaxesAttributeNS[] = [];
  return {
    start() {
      list = p.attribList;
    },
    of: () => list,
  };
}
