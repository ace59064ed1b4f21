/** Test and benchmark support: a synthetic, valid-looking XBRL 2.1 instance of any size. */

export interface GenerateOptions {
  readonly contexts?: number;
  readonly facts?: number;
  readonly concepts?: number;
  /** Every n-th context gets an explicit dimension (0: none). */
  readonly dimensionEvery?: number;
}

/**
 * `contexts` contexts (instants and durations in turn, some dimensional), two units (JPY and pure), and
 * `facts` facts of `concepts` concepts: mostly numeric, every 10th a text fact, every 50th nil.
 */
export function generateInstance(options: GenerateOptions = {}): string {
  const { contexts = 2000, facts = 100_000, concepts = 50, dimensionEvery = 4 } = options;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"' +
      ' xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:xbrldi="http://xbrl.org/2006/xbrldi"' +
      ' xmlns:ex="http://example.com/gen" xml:lang="en">',
    '  <link:schemaRef xlink:type="simple" xlink:href="gen.xsd"/>',
  ];
  for (let c = 0; c < contexts; c++) {
    const year = 2000 + (c % 20);
    const entity = `E${Math.floor(c / 100)}`;
    const period = c % 2 === 0 ? `<xbrli:instant>${year}-03-31</xbrli:instant>` : `<xbrli:startDate>${year - 1}-04-01</xbrli:startDate><xbrli:endDate>${year}-03-31</xbrli:endDate>`;
    const segment = dimensionEvery && c % dimensionEvery === 0 ? `<xbrli:segment><xbrldi:explicitMember dimension="ex:Axis">ex:M${c % 7}</xbrldi:explicitMember></xbrli:segment>` : '';
    out.push(`  <xbrli:context id="c${c}"><xbrli:entity><xbrli:identifier scheme="http://example.com/id">${entity}</xbrli:identifier>${segment}</xbrli:entity><xbrli:period>${period}</xbrli:period></xbrli:context>`);
  }
  out.push('  <xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>');
  out.push('  <xbrli:unit id="pure"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>');
  for (let f = 0; f < facts; f++) {
    const concept = `ex:Concept${f % concepts}`;
    const ctx = `c${(f * 7919) % contexts}`;
    if (f % 50 === 0) out.push(`  <${concept} contextRef="${ctx}" unitRef="JPY" decimals="-3" id="f${f}" xsi:nil="true"/>`);
    else if (f % 10 === 0) out.push(`  <${concept}Text contextRef="${ctx}" id="f${f}">Note &amp; text ${f}</${concept}Text>`);
    else out.push(`  <${concept} contextRef="${ctx}" unitRef="JPY" decimals="-3" id="f${f}">${(f * 1_234_567) % 999_999_937}000</${concept}>`);
  }
  out.push('</xbrli:xbrl>', '');
  return out.join('\n');
}
