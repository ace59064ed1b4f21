/**
 * The release's inline markup as XHTML: `<b>`, `<i>`, `<sup>`, `<sub>`, `<br>`, markdown emphasis
 * (`*`, `**`, `***`), links (`[text](url)`, `<http://…>`), backslash escapes and character references.
 * Everything else is text, escaped; tags are always balanced.
 */
import { escapeAttr, escapeText } from '../../../core/xml/write.js';

const TOKEN = /\\([\\`*_{}[\]()#+\-.!$&<>|])|<(\/?)(b|i|u|sup|sub|strong|em)>|<br\s*\/?>|<((?:https?|mailto):[^>\s]+)>|\[([^\]]+)\]\(([^)\s]+)\)|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|(\*{1,3})/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', '#39': "'" };
const TAG: Record<string, string> = { b: 'b', strong: 'b', i: 'i', em: 'i', u: 'u', sup: 'sup', sub: 'sub' };

export function inlineXhtml(raw: string): string {
  let out = '';
  const open: string[] = [];
  const toggle = (tag: string) => {
    const at = open.lastIndexOf(tag);
    if (at < 0) {
      open.push(tag);
      out += `<${tag}>`;
      return;
    }
    while (open.length > at) out += `</${open.pop()!}>`;
  };
  let last = 0;
  for (const m of raw.matchAll(TOKEN)) {
    out += escapeText(raw.slice(last, m.index));
    last = m.index + m[0].length;
    const [, escaped, slash, tag, url, linkText, href, entity, stars] = m;
    if (escaped !== undefined) out += escapeText(escaped);
    else if (tag !== undefined) {
      const t = TAG[tag.toLowerCase()]!;
      if (!slash) (open.push(t), (out += `<${t}>`));
      else if (open.includes(t)) toggle(t);
    } else if (m[0].startsWith('<br')) out += '<br/>';
    else if (url !== undefined) out += `<a href="${escapeAttr(url)}">${escapeText(url.replace(/^mailto:/, ''))}</a>`;
    else if (linkText !== undefined) out += `<a href="${escapeAttr(href!)}">${inlineXhtml(linkText)}</a>`;
    else if (entity !== undefined) {
      const e = entity.startsWith('#') ? String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1))) : ENTITIES[entity];
      out += escapeText(e ?? m[0]);
    } else if (stars !== undefined) {
      if (stars.length !== 3) toggle(stars.length === 2 ? 'b' : 'i');
      else if (open.includes('b') || open.includes('i')) {
        const at = Math.min(...['b', 'i'].map((t) => open.lastIndexOf(t)).filter((i) => i >= 0));
        while (open.length > at) out += `</${open.pop()!}>`;
      } else (toggle('b'), toggle('i'));
    }
  }
  out += escapeText(raw.slice(last));
  while (open.length) out += `</${open.pop()!}>`;
  return out.replace(/ {2,}$/, '');
}
