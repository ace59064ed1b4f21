import { describe, expect, it } from 'vitest';
import { KessanError } from '../../../core/errors.js';
import { qname } from '../../../core/model/qname.js';
import type { XmlNode } from '../../../core/model/xml.js';
import { contentXml } from './content.js';

const S = 'http://example.com/scenario';
const XHTML = 'http://www.w3.org/1999/xhtml';
const node = (
  name: [ns: string, local: string, prefix?: string],
  more: { attrs?: [string, string][]; children?: (XmlNode | string)[]; scope?: [string, string][] } = {},
): XmlNode => ({
  name: qname(name[0], name[1], name[2]),
  attributes: new Map(more.attrs ?? []),
  children: more.children ?? [],
  line: 3,
  column: 7,
  ...(more.scope ? { nsScope: new Map(more.scope) } : {}),
});

describe('contentXml', () => {
  it('writes an element with the prefix it was read with, declaring it only where the outer scope does not', () => {
    const n = node([S, 'NonConsolidated', 's']);
    expect(contentXml([n], new Map([['s', S]]))).toEqual(['<s:NonConsolidated/>']);
    expect(contentXml([n], new Map())).toEqual([`<s:NonConsolidated xmlns:s="${S}"/>`]);
    // The root binds s to something else: the content rebinds it for itself.
    expect(contentXml([n], new Map([['s', 'urn:other']]))).toEqual([`<s:NonConsolidated xmlns:s="${S}"/>`]);
  });

  it('declares the default namespace, or undeclares it (inside an XHTML page) for an element in no namespace', () => {
    expect(contentXml([node(['urn:kind', 'Kind'])], new Map([['', XHTML]]))).toEqual(['<Kind xmlns="urn:kind"/>']);
    expect(contentXml([node(['', 'Plain'])], new Map([['', XHTML]]))).toEqual(['<Plain xmlns=""/>']);
    expect(contentXml([node(['', 'Plain'])], new Map())).toEqual(['<Plain/>']);
    // Children inherit what their parent declared.
    const nested = node(['urn:kind', 'Kind'], { children: [node(['urn:kind', 'Sub']), node(['', 'Plain'])] });
    expect(contentXml([nested], new Map())).toEqual(['<Kind xmlns="urn:kind"><Sub/><Plain xmlns=""/></Kind>']);
  });

  it('keeps attributes in the order read, with prefixes for namespaced ones and xml:lang as it is', () => {
    const n = node([S, 'Forecast', 's'], {
      attrs: [['revision', '2'], [`{${S}}basis`, 'plan & "more"'], ['{http://www.w3.org/XML/1998/namespace}lang', 'en'], ['{urn:a}x', 'tab\there']],
      scope: [['s', S], ['a', 'urn:a']],
    });
    expect(contentXml([n], new Map([['s', S]]))).toEqual(['<s:Forecast xmlns:a="urn:a" revision="2" s:basis="plan &amp; &quot;more&quot;" xml:lang="en" a:x="tab&#x9;here"/>']);
    // A namespaced attribute with no prefix known anywhere gets one.
    expect(contentXml([node([S, 'F', 's'], { attrs: [['{urn:b}y', '1']] })], new Map([['s', S]]))).toEqual(['<s:F xmlns:ns1="urn:b" ns1:y="1"/>']);
  });

  it('keeps a QName-valued text meaningful: its prefix is declared as the element had it in scope', () => {
    const n = node(['urn:kind', 'Kind', 'k'], { children: ['s:Budget'], scope: [['k', 'urn:kind'], ['s', S]] });
    expect(contentXml([n], new Map([['k', 'urn:kind']]))).toEqual([`<k:Kind xmlns:s="${S}">s:Budget</k:Kind>`]);
    expect(contentXml([n], new Map([['k', 'urn:kind'], ['s', S]]))).toEqual(['<k:Kind>s:Budget</k:Kind>']);
  });

  it('escapes text as XML needs and keeps it otherwise as read', () => {
    const n = node([S, 'Note', 's'], { children: ['a < b & c > d\r\n  '] });
    expect(contentXml([n], new Map([['s', S]]))).toEqual(['<s:Note>a &lt; b &amp; c &gt; d&#xD;\n  </s:Note>']);
  });

  it('refuses what XML cannot carry, naming where it was read', () => {
    expect(() => contentXml([node([S, 'not a name', 's'])], new Map())).toThrow(KessanError);
    expect(() => contentXml([node([S, 'Bad', 's'])].map((n) => ({ ...n, children: ['\u0001'] })), new Map())).toThrow(/U\+0001/);
    expect(() => contentXml([node([S, '1st', 's'])], new Map())).toThrow(/s:1st \(line 3, column 7\) is not a valid XML name/);
  });
});
