import { SaxesParser } from '../../../core/xml/saxes.js';
import { KessanError } from '../../../core/errors.js';
import { NS } from '../../../core/model/qname.js';

/**
 * Checks a typed dimension's stored XML (the content of `xbrldi:typedMember`: exactly one element) and
 * returns the prefixes it uses without declaring them, so the instance root can declare them.
 */
export function typedMemberPrefixes(xml: string, reportNamespaces: Readonly<Record<string, string>>): Set<string> {
  const prefixes = new Set<string>();
  const known: Record<string, string> = { xbrli: NS.xbrli, link: NS.link, xlink: NS.xlink, iso4217: NS.iso4217, xbrldi: NS.xbrldi, xsi: NS.xsi, ...reportNamespaces };
  const text = xml.trim();
  let failure: string | undefined;
  const parser = new SaxesParser({
    xmlns: true,
    resolvePrefix: (p: string) => {
      const ns = known[p];
      if (ns !== undefined) prefixes.add(p);
      return ns;
    },
  });
  parser.on('error', (e) => {
    failure ??= e.message;
  });
  parser.on('xmldecl', () => {
    failure ??= 'an XML declaration is not allowed here';
  });
  parser.on('doctype', () => {
    failure ??= 'a DOCTYPE is not allowed here';
  });
  if (!text.startsWith('<')) failure = 'it must be one XML element';
  else parser.write(text).close();
  if (failure !== undefined) {
    throw new KessanError('kessan:invalidTypedMember', `typed dimension value ${JSON.stringify(xml)} is not usable: ${failure}`);
  }
  return prefixes;
}

/** The character content of typed-member XML (tags dropped), for readable context ids. */
export function typedMemberText(xml: string): string {
  return xml.replace(/<[^>]*>|&[^;\s]*;/g, ' ').replace(/\s+/g, ' ').trim();
}
