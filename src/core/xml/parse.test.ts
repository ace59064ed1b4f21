import { describe, expect, it } from 'vitest';
import { KessanError } from '../errors.js';
import { formatFinding } from '../model/finding.js';
import { parseXml, type XmlElement } from './parse.js';
import { attr, childElements, firstChild, resolveQName, textContent, xmlLang } from './tree.js';

const catchError = (f: () => unknown): KessanError => {
  try {
    f();
  } catch (e) {
    if (e instanceof KessanError) return e;
    throw e;
  }
  throw new Error('expected a KessanError');
};

const DOC = `<?xml version="1.0" encoding="UTF-8"?>
<root xmlns="urn:default" xmlns:a="urn:a" xml:lang="en">
  <a:child a:x="1" plain="2">text &amp; more<![CDATA[ <raw>]]></a:child>
    <other xmlns:a="urn:a2" type="a:Thing">
      <leaf
        attr="v"/>
    </other>
</root>`;

describe('parseXml', () => {
  it('records 1-based line and column of each element start', () => {
    const root = parseXml(DOC, 'doc.xml');
    expect([root.line, root.column]).toEqual([2, 1]);
    const [child, other] = childElements(root);
    expect([child!.line, child!.column]).toEqual([3, 3]);
    expect([other!.line, other!.column]).toEqual([4, 5]);
    const leaf = childElements(other!)[0]!;
    expect([leaf.line, leaf.column]).toEqual([5, 7]);
  });

  it('resolves element and attribute namespaces, and keeps text', () => {
    const root = parseXml(DOC, 'doc.xml');
    expect(root.name).toMatchObject({ namespace: 'urn:default', localName: 'root' });
    const child = firstChild(root, 'urn:a', 'child')!;
    expect(child.name.prefix).toBe('a');
    expect(child.attributes.get('{urn:a}x')).toBe('1');
    expect(attr(child, 'x', 'urn:a')).toBe('1');
    expect(attr(child, 'plain')).toBe('2');
    expect(textContent(child)).toBe('text & more <raw>');
    expect(xmlLang(child)).toBe('en');
    expect(root.attributes.get('xmlns:a')).toBe('urn:a');
    expect(root.attributes.get('xmlns')).toBe('urn:default');
    expect(root.nsScope.get('a')).toBe('urn:a');
    expect(child.nsScope).toBe(root.nsScope); // shared when nothing is declared
  });

  it('resolves QName values with the in-scope namespaces', () => {
    const root = parseXml(DOC, 'doc.xml');
    const other = childElements(root, 'urn:default', 'other')[0]!;
    expect(resolveQName(other, attr(other, 'type')!)).toMatchObject({ namespace: 'urn:a2', localName: 'Thing', prefix: 'a' });
    expect(resolveQName(root, 'a:Thing')).toMatchObject({ namespace: 'urn:a' });
    expect(resolveQName(root, 'Local')).toMatchObject({ namespace: 'urn:default', localName: 'Local' });
    expect(resolveQName(root, 'Local', false)).toMatchObject({ namespace: '', localName: 'Local' });
    expect(resolveQName(root, 'nope:Thing')).toBeUndefined();
    expect(resolveQName(root, 'a:b:c')).toBeUndefined();
    expect(resolveQName(root, 'xml:lang')?.namespace).toBe('http://www.w3.org/XML/1998/namespace');
  });

  it('strips a UTF-8 BOM and tracks CRLF lines', () => {
    const root: XmlElement = parseXml('\uFEFF<a>\r\n  <b/>\r\n</a>', 'bom.xml');
    expect(root.name.localName).toBe('a');
    expect(childElements(root)[0]).toMatchObject({ line: 2, column: 3 });
  });

  it('rejects any DOCTYPE without resolving entities', () => {
    const e = catchError(() => parseXml('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY lol "lol">]>\n<x>&lol;</x>', 'evil.xml'));
    expect(e.code).toBe('kessan:xmlDoctype');
    expect(e.exitCode).toBe(1);
    expect(e.location.file).toBe('evil.xml');
    expect(e.location.line).toBe(2);
  });

  it('limits depth', () => {
    const deep = '<a>'.repeat(30) + '</a>'.repeat(30);
    expect(parseXml(deep, 'ok.xml', { maxDepth: 30 }).name.localName).toBe('a');
    const e = catchError(() => parseXml(deep, 'deep.xml', { maxDepth: 29 }));
    expect(e.code).toBe('kessan:xmlLimit');
    expect(e.exitCode).toBe(1);
    expect(catchError(() => parseXml('<a>' + '<b>'.repeat(1001) + '</b>'.repeat(1001) + '</a>', 'deep.xml')).code).toBe('kessan:xmlLimit');
  });

  it('limits text and attribute sizes', () => {
    expect(catchError(() => parseXml(`<a>${'x'.repeat(101)}</a>`, 't.xml', { maxTextLength: 100 })).code).toBe('kessan:xmlLimit');
    expect(catchError(() => parseXml(`<a b="${'x'.repeat(101)}"/>`, 't.xml', { maxAttributeLength: 100 })).code).toBe('kessan:xmlLimit');
    expect(parseXml(`<a b="${'x'.repeat(100)}">${'y'.repeat(100)}</a>`, 't.xml', { maxTextLength: 100, maxAttributeLength: 100 }).children).toHaveLength(1);
  });

  it('reports not-well-formed input with file, line and column', () => {
    const e = catchError(() => parseXml('<a>\n  <b>\n  </c>\n</a>', 'bad.xml'));
    expect(e).toBeInstanceOf(KessanError);
    expect(e.code).toBe('kessan:xmlNotWellFormed');
    expect(e.exitCode).toBe(1);
    expect(e.location).toMatchObject({ file: 'bad.xml', line: 3 });
    expect(e.location.column).toBeGreaterThan(0);
    expect(formatFinding(e.finding)).toMatch(/^bad\.xml:3:\d+: error kessan:xmlNotWellFormed /);
    expect(catchError(() => parseXml('<a x:y="1"/>', 'ns.xml')).code).toBe('kessan:xmlNotWellFormed');
    expect(catchError(() => parseXml('<a>&unknown;</a>', 'ent.xml')).code).toBe('kessan:xmlNotWellFormed');
    expect(catchError(() => parseXml('', 'empty.xml')).code).toBe('kessan:xmlNotWellFormed');
  });
});

describe('DOCTYPE rejection', () => {
  it('finds a DOCTYPE after comments and processing instructions, and reports where', () => {
    const e = catchError(() => parseXml('<?xml version="1.0"?>\n<!-- c -->\n<?pi x?>\n  <!DOCTYPE x SYSTEM "http://evil/x.dtd">\n<x/>', 'evil.xml'));
    expect(e.code).toBe('kessan:xmlDoctype');
    expect(e.location).toMatchObject({ file: 'evil.xml', line: 4, column: 3 });
    // a DOCTYPE inside the document is simply not well-formed
    expect(catchError(() => parseXml('<x><!DOCTYPE y></x>', 'inner.xml')).code).toBe('kessan:xmlNotWellFormed');
  });
});
