/**
 * Inline XBRL documents are XHTML, read with the project's XML layer. Real documents sometimes carry what an
 * XML parser rejects but a browser accepts: a DOCTYPE (blanked out here, keeping line numbers; nothing in it
 * is resolved) and HTML's named character references (`&nbsp;`), which become numeric references.
 */
import { stripBom } from '../../../core/xml/parse.js';

const NAMED: Record<string, number> = {
  nbsp: 160, iexcl: 161, cent: 162, pound: 163, curren: 164, yen: 165, brvbar: 166, sect: 167, uml: 168, copy: 169, ordf: 170,
  laquo: 171, not: 172, shy: 173, reg: 174, macr: 175, deg: 176, plusmn: 177, sup2: 178, sup3: 179, acute: 180, micro: 181, para: 182,
  middot: 183, cedil: 184, sup1: 185, ordm: 186, raquo: 187, frac14: 188, frac12: 189, frac34: 190, iquest: 191, times: 215, divide: 247,
  eacute: 233, egrave: 232, agrave: 224, aacute: 225, ccedil: 231, ouml: 246, uuml: 252, auml: 228, szlig: 223, Eacute: 201,
  ensp: 8194, emsp: 8195, thinsp: 8201, zwnj: 8204, zwj: 8205, lrm: 8206, rlm: 8207, ndash: 8211, mdash: 8212, lsquo: 8216, rsquo: 8217,
  sbquo: 8218, ldquo: 8220, rdquo: 8221, bdquo: 8222, dagger: 8224, Dagger: 8225, bull: 8226, hellip: 8230, permil: 8240, prime: 8242,
  Prime: 8243, lsaquo: 8249, rsaquo: 8250, euro: 8364, trade: 8482, larr: 8592, rarr: 8594, minus: 8722, le: 8804, ge: 8805, check: 10003,
};

const ENTITY = /&([A-Za-z][A-Za-z0-9]*);/g;
/** Longer than any name `NAMED[name]` answers for (its own, and Object.prototype's: `propertyIsEnumerable`). */
const LONGEST = 32;
/** What the DOCTYPE is looked for in: the document's first 4,096 characters. */
const HEAD = 4096;

// A piece without '&' (found at memchr speed) has nothing to replace: the pattern is not run over it.
const numeric = (text: string) => (text.indexOf('&') < 0 ? text : text.replace(ENTITY, (m, name: string) => (NAMED[name] !== undefined ? `&#${NAMED[name]};` : m)));

/**
 * The document's pieces of text as an XML parser accepts them: BOM dropped, DOCTYPE blanked, HTML named
 * references made numeric. A reference cut between two pieces is made whole first: a piece's end from its
 * last `&` is held back for the next when it may still become a named reference (`&nbs` + `p;`).
 */
export function* xmlPieces(chunks: Iterable<string>): Generator<string, void, undefined> {
  let head: string | undefined = '';
  let held = '';
  for (const chunk of chunks) {
    let text: string;
    if (head !== undefined) {
      head += chunk;
      if (head.length < HEAD + 1) continue; // + 1: a BOM
      text = withoutDoctype(head);
      head = undefined;
    } else text = held + chunk;
    // Only an '&' among the last LONGEST + 1 characters can begin a reference cut short (lastIndexOf over the
    // whole piece reads every character of a piece without one).
    const cut = Math.max(0, text.length - LONGEST - 1);
    const inTail = text.slice(cut).lastIndexOf('&');
    const amp = inTail < 0 ? -1 : cut + inTail;
    if (amp >= 0 && /^&[A-Za-z0-9]*$/.test(text.slice(amp))) {
      held = text.slice(amp);
      text = text.slice(0, amp);
    } else held = '';
    if (text) yield numeric(text);
  }
  if (head) yield numeric(withoutDoctype(head));
  else if (held) yield held;
}

function withoutDoctype(text: string): string {
  const s = stripBom(text);
  const doctype = /<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i.exec(s.slice(0, HEAD));
  return doctype ? s.slice(0, doctype.index) + doctype[0].replace(/[^\n]/g, ' ') + s.slice(doctype.index + doctype[0].length) : s;
}
