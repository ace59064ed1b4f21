import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SaxesParser } from './saxes.js';
import { XmlScanner } from './scanner.js';

/**
 * The scanner is checked against saxes, the parser the readers used before it: on the same text, in the same
 * pieces, both must reject it, or both accept it with the same elements, namespaces, attributes and text.
 */
type Outcome = { error: string } | { events: unknown[] };

interface EventSource {
  on(event: 'opentag', f: (tag: { name: string; uri: string; attributes: Record<string, { name: string; uri: string; value: string }>; ns: Record<string, string> }) => void): void;
  on(event: 'closetag', f: (tag: { name: string }) => void): void;
  on(event: 'text' | 'cdata', f: (text: string) => void): void;
  on(event: 'error', f: (e: Error) => void): void;
  write(piece: string): unknown;
  close(): unknown;
}

function outcome(parser: EventSource, pieces: readonly string[]): Outcome {
  const events: unknown[] = [];
  let text = '';
  let depth = 0;
  const flush = () => {
    if (text) events.push(['text', text]);
    text = '';
  };
  parser.on('opentag', (tag) => {
    flush();
    depth++;
    const attributes = Object.values(tag.attributes).map((a) => [a.name, a.uri, a.value]);
    events.push(['open', tag.name, tag.uri, attributes, { ...tag.ns }]);
  });
  parser.on('closetag', (tag) => {
    flush();
    depth--;
    events.push(['close', tag.name]);
  });
  // Text outside the root (white space) is said by one parser and not the other: only text inside counts.
  const onText = (t: string) => {
    if (depth > 0) text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (e) => {
    throw e;
  });
  try {
    for (const piece of pieces) parser.write(piece);
    parser.close();
  } catch (e) {
    return { error: (e as Error).message };
  }
  return { events };
}

const saxes = (text: string, pieces: readonly string[]) => outcome(new SaxesParser({ xmlns: true, position: true }) as unknown as EventSource, pieces.length ? pieces : [text]);
const scanner = (text: string, pieces: readonly string[]) => outcome(new XmlScanner() as unknown as EventSource, pieces.length ? pieces : [text]);

/** `text` cut at `cuts` (fractions of its length). */
function piecesOf(text: string, cuts: readonly number[]): string[] {
  const at = [...new Set(cuts.map((c) => Math.floor(c * text.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const i of at) {
    out.push(text.slice(from, i));
    from = i;
  }
  out.push(text.slice(from));
  return out;
}

/**
 * Where the scanner rejects what saxes takes, on purpose: a DOCTYPE (kessan never parses one), a prefix
 * undeclared with `xmlns:p=""` and a name with two colons (neither is namespace-well-formed), half a surrogate
 * pair (not an XML character; saxes lets it through in text).
 */
function knownStricter(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|<!DOCTYPE|xmlns:[^=\s]*\s*=\s*(""|'')|<\/?[^\s>=/"']*:[^\s>=/"']*:|\s[^\s>=/"'<]*:[^\s>=/"'<]*:[^\s>=/"'<]*\s*=/.test(text);
}

/**
 * Where both take a document but read it differently, on purpose: saxes trims a namespace declaration's value;
 * the scanner keeps it as normalized (Namespaces in XML 1.0: the attribute's value is the namespace name).
 */
function knownDifferent(text: string): boolean {
  return /xmlns(:[^=\s]*)?\s*=\s*["']([^"']*(\s|&#x20;|&#32;)["']|(\s|&#x20;|&#32;))/.test(text);
}

/** How many documents saxes took and refused (the generated ones must be a fair share of both). */
const tally = { accepted: 0, rejected: 0 };

function expectSame(text: string, pieces: readonly string[] = []): void {
  const theirs = saxes(text, pieces);
  const ours = scanner(text, pieces);
  tally['error' in theirs ? 'rejected' : 'accepted']++;
  if ('error' in theirs) expect(ours, `saxes rejects ${JSON.stringify(text)}: ${theirs.error}`).toHaveProperty('error');
  else if ('error' in ours) expect(knownStricter(text), `only the scanner rejects ${JSON.stringify(text)}: ${ours.error}`).toBe(true);
  else if (!knownDifferent(text)) expect(ours).toEqual(theirs);
}

describe('XmlScanner', () => {
  it('gives saxes’s events for well-formed documents, in any pieces', () => {
    const doc = `<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- head -->\n<x:r xmlns:x="urn:x" xmlns="urn:d" a='1' x:b="t&amp;&#x41;&#66;\t\r\nz">a&lt;b<![CDATA[ <c> ]]>\r<e/><x:f x:g="2" xmlns:x="urn:y"><?pi data?></x:f>&#x1F600;</x:r>\n`;
    expectSame(doc);
    for (let i = 1; i < doc.length; i++) expectSame(doc, [doc.slice(0, i), doc.slice(i)]);
  });

  it('rejects what is not well-formed, with its line and column', () => {
    const cases: [string, RegExp][] = [
      ['<a><b></a>', /:1:7: unexpected close tag/],
      ['<a x="1" x="2"/>', /duplicate attribute/],
      ['<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>', /duplicate attribute/],
      ['<a>\n  <p:b/></a>', /:2:3: unbound namespace prefix/],
      ['<a>&nbsp;</a>', /undefined entity/],
      ['<a>x]]>y</a>', /"]]>"/],
      ['<a b="<"/>', /disallowed character in attribute value/],
      ['<a/><b/>', /only one root/],
      ['<a>\u0001</a>', /disallowed character \(U\+0001\)/],
      ['<a>&#0;</a>', /disallowed character/],
      ['<a><!-- x -- y --></a>', /double dash/],
      ['  <?xml version="1.0"?><a/>', /start of the document/],
      ['<a b="1"c="2"/>', /no whitespace between attributes/],
      ['<a', /unexpected end/],
      ['<a>', /unclosed tag: a/],
      ['', /root element/],
      ['<a xmlns:xml="urn:x"/>', /"xml"/],
      ['<a:b:c/>', /malformed qualified name/],
    ];
    for (const [text, message] of cases) {
      const r = scanner(text, []);
      expect(r, text).toHaveProperty('error');
      expect((r as { error: string }).error, text).toMatch(message);
    }
  });

  it('agrees with saxes on generated documents, mangled and cut anywhere (property)', { timeout: 60_000 }, () => {
    tally.accepted = tally.rejected = 0;
    // Mostly what is well-formed, now and then what is not: both parsers must take the one and refuse the other.
    const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
    const name = mostly(fc.constantFrom('a', 'b', 'p:a', 'q:b', 'xml:lang', 'é', '_x.y-z', 'a\u0300', '\u{10000}x'), fc.constantFrom('u:a', 'xmlns', '1a', 'a:', ':a', 'a:b:c', '-a'));
    const value = mostly(
      fc.constantFrom('v', '', 'a&amp;b', '&#x20;', '&lt;&gt;&quot;&apos;', '>', '"', "'", 'a\r\nb', '\t', 'a\rb', 'urn:p', '&#x1F600;'),
      fc.constantFrom('&#1;', '&bad;', '&', '<', 'http://www.w3.org/XML/1998/namespace', '&#xD800;'),
    );
    const attribute = fc.tuple(name, value, fc.constantFrom('"', "'"), mostly(fc.constantFrom(' ', '\n', '  ', '\t'), fc.constant(''))).map(([n, v, q, s]) => `${s}${n}=${q}${v}${q}`);
    const content = mostly(
      fc.constantFrom('text', ' ', '\r\n', '\r', 'a&lt;b', '&#x1F600;', ']]', ']>', '<![CDATA[x]]>', '<![CDATA[<&]]]>', '<!--c-->', '<!---->', '<?pi x?>', '<?pi?>', '>', '\u00e9\u{10000}'),
      fc.constantFrom(']]>', '<!--a--b-->', '<?xml version="1.0"?>', '&', '\u0000', '\uD800', '\uFFFE', '<', '<!DOCTYPE a>', '<?xml-stylesheet x?>', '<!-- a --->'),
    );
    type Node = { name: string; attrs: string[]; kids: (Node | string)[] };
    const node: fc.Memo<Node> = fc.memo((n) =>
      fc.record({
        name: name,
        attrs: fc.array(attribute, { maxLength: 3 }),
        kids: n > 1 ? fc.array(fc.oneof(content, node(n - 1)), { maxLength: 3 }) : fc.array(content, { maxLength: 2 }),
      }),
    );
    const render = (e: Node): string => `<${e.name}${e.attrs.map((a) => ` ${a}`).join('')}${e.kids.length ? `>${e.kids.map((k) => (typeof k === 'string' ? k : render(k))).join('')}</${e.name}>` : '/>'}`;
    const root = node(3).map((e) => `<r xmlns:p="urn:p" xmlns:q="urn:p">${render(e)}</r>`);
    const prolog = mostly(fc.constantFrom('', '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', "<?xml version='1.0' ?>", '<!--c-->\n', '<?pi?>'), fc.constantFrom(' <?xml version="1.0"?>', '<?xml version="2"?>', '<?xml encoding="UTF-8"?>', '<?xml version="1.0" standalone="maybe"?>', 'x'));
    fc.assert(
      fc.property(prolog, root, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }), (head, body, cuts) => {
        const text = head + body;
        expectSame(text, cuts.length ? piecesOf(text, cuts) : []);
      }),
      { numRuns: 3000, ...(process.env.SCANNER_SEED ? { seed: Number(process.env.SCANNER_SEED) } : {}) },
    );
    expect(tally.accepted).toBeGreaterThan(600);
    expect(tally.rejected).toBeGreaterThan(600);
  });

  const shared = join(import.meta.dirname, '../../../../shared');
  it.skipIf(!existsSync(shared))('gives saxes’s events for the corpus’s and the conformance suites’ files', { timeout: 120_000 }, () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(xml|xsd|xbrl|xhtml|html?)$/i.test(f) && statSync(p).size < 8 << 20) files.push(p);
      }
    };
    walk(join(shared, 'corpus'));
    walk(join(shared, 'conformance'));
    expect(files.length).toBeGreaterThan(1000);
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      if (/^\s*(<\?[^]*?\?>\s*|<!--[^]*?-->\s*)*<!DOCTYPE/.test(text)) continue; // kessan rejects these before parsing
      const pieces = piecesOf(text, [0.31, 0.77]);
      const theirs = saxes(text, pieces);
      const ours = scanner(text, pieces);
      if ('error' in theirs) expect(ours, file).toHaveProperty('error');
      else if ('error' in ours) expect(knownStricter(text), `${file}: ${ours.error}`).toBe(true);
      else if (!knownDifferent(text)) expect(ours, file).toEqual(theirs);
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
