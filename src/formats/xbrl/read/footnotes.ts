/** `link:footnoteLink` (read as a small tree) → `FootnoteLink`: locators, footnotes and arcs by `xlink:type`. */
import { NS } from '../../../core/model/qname.js';
import { XML_NS } from '../../../core/xml/parse.js';
import type { Footnote, FootnoteArc, FootnoteLink, Position, XmlNode } from '../../../core/xbrl/infoset.js';
import { isNode } from '../../../core/xbrl/nodes.js';

const X = (local: string) => `{${NS.xlink}}${local}`;
const TYPE = X('type');
const LABEL = X('label');
const HREF = X('href');
const ROLE = X('role');
const ARCROLE = X('arcrole');
const FROM = X('from');
const TO = X('to');
const LANG = `{${XML_NS}}lang`;

const pos = (n: XmlNode): Position => ({ line: n.line, column: n.column });

/** `lang` is the xml:lang in scope on the link (footnotes inherit it unless they say their own). */
export function readFootnoteLink(node: XmlNode, lang: string | undefined): FootnoteLink {
  const locators: (Position & { label: string; href: string })[] = [];
  const footnotes: Footnote[] = [];
  const arcs: FootnoteArc[] = [];
  const linkLang = node.attributes.get(LANG) ?? lang;
  for (const c of node.children) {
    if (!isNode(c)) continue;
    const a = c.attributes;
    switch (a.get(TYPE)) {
      case 'locator':
        locators.push({ ...pos(c), label: a.get(LABEL) ?? '', href: a.get(HREF) ?? '' });
        break;
      case 'resource': {
        const role = a.get(ROLE);
        const fnLang = a.get(LANG) ?? linkLang;
        const id = a.get('id');
        footnotes.push({
          ...pos(c),
          label: a.get(LABEL) ?? '',
          ...(role !== undefined ? { role } : {}),
          ...(fnLang !== undefined ? { lang: fnLang } : {}),
          ...(id !== undefined ? { id } : {}),
          content: c.children,
        });
        break;
      }
      case 'arc': {
        const order = a.get('order');
        arcs.push({ ...pos(c), from: a.get(FROM) ?? '', to: a.get(TO) ?? '', arcrole: a.get(ARCROLE) ?? '', ...(order !== undefined ? { order } : {}) });
        break;
      }
    }
  }
  return { ...pos(node), role: node.attributes.get(ROLE) ?? '', locators, footnotes, arcs };
}
