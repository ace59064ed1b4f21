/** A tiny deterministic XML writer: attributes in the given order, 2-space indent, LF line ends. */

export interface XmlElement {
  readonly name: string;
  readonly attrs?: readonly (readonly [string, string])[];
  readonly children?: readonly XmlElement[];
  /** Text content (for leaf elements only). */
  readonly text?: string;
}

export function el(
  name: string,
  attrs: readonly (readonly [string, string] | undefined)[] = [],
  childrenOrText: readonly XmlElement[] | string = [],
): XmlElement {
  const a = attrs.filter((x): x is readonly [string, string] => x !== undefined);
  return typeof childrenOrText === 'string'
    ? { name, attrs: a, text: childrenOrText }
    : { name, attrs: a, children: childrenOrText };
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

function renderElement(e: XmlElement, indent: string, out: string[]): void {
  const attrs = (e.attrs ?? []).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  if (e.text !== undefined) {
    out.push(`${indent}<${e.name}${attrs}>${escapeText(e.text)}</${e.name}>`);
  } else if (!e.children || e.children.length === 0) {
    out.push(`${indent}<${e.name}${attrs}/>`);
  } else {
    out.push(`${indent}<${e.name}${attrs}>`);
    for (const c of e.children) renderElement(c, indent + '  ', out);
    out.push(`${indent}</${e.name}>`);
  }
}

export function renderDocument(root: XmlElement, comment?: string): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (comment) out.push(`<!-- ${comment} -->`);
  renderElement(root, '', out);
  return out.join('\n') + '\n';
}
