import { describe, expect, it } from 'vitest';
import { readInline } from './read.js';

/** A document whose one nonNumeric fact holds `content`; `head` goes into the XHTML head. */
function doc(content: string, attrs = 'escape="true"', head = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
  xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:t="http://example.com/t" xmlns:svg="http://www.w3.org/2000/svg">
<head><title>t</title>${head}</head>
<body>
<div style="display:none"><ix:header>
  <ix:references><link:schemaRef xlink:type="simple" xlink:href="t.xsd"/></ix:references>
  <ix:resources>
    <xbrli:context id="D"><xbrli:entity><xbrli:identifier scheme="http://example.com">E</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>
    <xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>
  </ix:resources>
</ix:header></div>
<div><ix:nonNumeric name="t:Block" contextRef="D" ${attrs}>${content}</ix:nonNumeric></div>
</body>
</html>
`;
}

const read = (content: string, attrs?: string, head?: string) => {
  const r = readInline([{ text: doc(content, attrs, head), file: 't.html' }]);
  return { value: r.facts.find((f) => f.concept.localName === 'Block')?.value, codes: r.findings.map((f) => f.code) };
};

describe('escaped content (escape="true") is written as the Inline XBRL processors write it', () => {
  it('elements without content: start and end tags, except HTML void elements', () => {
    expect(read('<table><tr><td style="width:1%"/><td></td><td>x<br/></td></tr></table><img src="a.png"/><hr/>').value).toBe(
      '<table><tr><td style="width:1%"></td><td></td><td>x<br/></td></tr></table><img src="a.png"/><hr/>',
    );
  });

  // Arelle writes the same order but drops the prefixes of namespaced attributes (xml:lang becomes lang, which
  // is another attribute); kessan keeps them. None of the corpus's text blocks has such an attribute.
  it('attributes by namespace then name (Arelle\'s order), prefixed ones kept, namespace declarations left out', () => {
    expect(read('<p style="a" class="b" xml:lang="en" id="c" xmlns:x="http://example.com/x" x:k="v">t</p>').value).toBe('<p class="b" id="c" style="a" x:k="v" xml:lang="en">t</p>');
  });

  it('text and attribute values escaped as XML needs: & < > in text, & " in attributes', () => {
    expect(read('<p title="a &amp; &quot;b&quot; &lt;c&gt;">1 &lt; 2 &amp; 3 &gt; 2</p>').value).toBe('<p title="a &amp; &quot;b&quot; <c>">1 &lt; 2 &amp; 3 &gt; 2</p>');
  });

  it('nested facts keep their content without their tags; ix:exclude is left out, even when it empties an element', () => {
    expect(read('<p>Sales <ix:nonFraction name="t:S" contextRef="D" unitRef="JPY" decimals="0">5</ix:nonFraction> yen<ix:exclude> (p. 3)</ix:exclude></p><span><ix:exclude>gone</ix:exclude></span>').value).toBe(
      '<p>Sales 5 yen</p><span></span>',
    );
  });

  it('prefixed elements keep their prefix', () => {
    expect(read('<p>a</p><svg:svg width="1"><svg:rect/></svg:svg>').value).toBe('<p>a</p><svg:svg width="1"><svg:rect></svg:rect></svg:svg>');
  });

  it('URIs are resolved against <base href>, and their spaces written %20', () => {
    expect(read('<img src="my chart.png"/><a href="x.htm">x</a>').value).toBe('<img src="my%20chart.png"/><a href="x.htm">x</a>');
    expect(read('<img src="my chart.png"/><a href="../x.htm">x</a>', undefined, '<base href="http://example.com/docs/2024/"/>').value).toBe(
      '<img src="http://example.com/docs/2024/my%20chart.png"/><a href="http://example.com/docs/x.htm">x</a>',
    );
  });

  it('a format applies to escaped content (ixt:fixed-true around an <img> is true)', () => {
    expect(read('<img src="check.png"/>', 'escape="true" format="ixt:fixed-true"')).toEqual({ value: 'true', codes: [] });
  });

  it('is not recursive: an escaped fragment nested as deep as the XML limit allows is written whole', () => {
    const deep = 990;
    expect(read(`${'<div>'.repeat(deep)}x${'</div>'.repeat(deep)}`).value).toBe(`${'<div>'.repeat(deep)}x${'</div>'.repeat(deep)}`);
  });
});

describe('numbers keep every digit', () => {
  const number = (text: string, attrs: string) => {
    const r = readInline([{ text: doc('x', 'escape="false"').replace('</body>', `<p><ix:nonFraction name="t:N" contextRef="D" unitRef="JPY" decimals="INF" ${attrs}>${text}</ix:nonFraction></p></body>`), file: 't.html' }]);
    const v = r.facts.find((f) => f.concept.localName === 'N')?.value;
    return { value: typeof v === 'object' && v ? v.toFixed() : v, codes: r.findings.map((f) => f.code) };
  };

  it('a 25-digit figure scaled and negated exactly (multiplication rounded it to 20 digits)', () => {
    expect(number('1234567890123456789012345', 'scale="3" sign="-"')).toEqual({ value: '-1234567890123456789012345000', codes: [] });
    expect(number('1,234,567,890,123,456,789,012.345', 'scale="-2" format="ixt:num-dot-decimal"')).toEqual({ value: '12345678901234567890.12345', codes: [] });
  });

  it('scale within ±1000; beyond, kessan:scaleOutOfRange and no number', () => {
    expect(number('5', 'scale="-1000"').value).toBe(`0.${'0'.repeat(999)}5`);
    expect(number('5', 'scale="-1001"')).toEqual({ value: '5', codes: ['kessan:scaleOutOfRange'] });
    expect(number('5', 'scale=" +7 "')).toEqual({ value: '50000000', codes: [] });
  });
});
