/**
 * Typed dimension values in OIM. The model keeps a typed member as its XML (`<t:Region>Kanto &amp; Tohoku</t:Region>`,
 * as the instance reader serializes it); xBRL-JSON writes only the value (`Kanto & Tohoku`): the element comes
 * from the taxonomy (the dimension's typedDomainRef). OIM supports simple content only. The same for xBRL-CSV.
 */
import { SaxesParser } from '../xml/saxes.js';
import { KessanError, type Location } from '../errors.js';
import type { QName } from '../model/qname.js';

/** The text of a typed member's XML (one element, simple content). Throws for anything OIM cannot carry. */
export function typedMemberValue(xml: string, what: string, where: Location = {}, format = 'xBRL-JSON'): string {
  let depth = 0;
  let elements = 0;
  let text = '';
  let failure: string | undefined;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (e) => {
    failure ??= e.message;
  });
  parser.on('opentag', (tag) => {
    depth++;
    elements++;
    if (depth > 1) failure ??= 'it has child elements (OIM supports typed members with simple content only)';
    for (const name of Object.keys(tag.attributes)) {
      if (name !== 'xsi:nil' && !name.startsWith('xmlns')) failure ??= `it has an attribute (${name}), which OIM cannot carry`;
      if (name === 'xsi:nil') failure ??= 'a nil typed member is not supported';
    }
  });
  parser.on('closetag', () => {
    depth--;
  });
  parser.on('text', (t) => {
    if (depth === 1) text += t;
    else if (t.trim() !== '') failure ??= 'it has text outside its element';
  });
  parser.on('cdata', (t) => {
    text += t;
  });
  const trimmed = xml.trim();
  if (!trimmed.startsWith('<')) failure = 'it must be one XML element';
  else parser.write(trimmed).close();
  if (failure === undefined && elements !== 1) failure = 'it must be one XML element';
  if (failure !== undefined) {
    throw new KessanError('oime:unsupportedDimensionDataType', `${what}: typed dimension value ${JSON.stringify(xml)} cannot be written in ${format}: ${failure}`, where);
  }
  return text;
}

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A typed member's XML from its value and the dimension's domain element (written with the element's prefix). */
export function typedMemberXml(value: string, element: QName): string {
  const name = element.prefix ? `${element.prefix}:${element.localName}` : element.localName;
  return value === '' ? `<${name}/>` : `<${name}>${escText(value)}</${name}>`;
}
