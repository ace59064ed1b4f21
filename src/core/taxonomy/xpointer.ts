/**
 * XPointer fragments as XBRL 2.1 §3.5.4 allows them in hrefs: a shorthand pointer (`#id`) or a sequence of
 * `element()` scheme parts (`#element(id)`, `#element(/1/3)`, `#element(id/2)element(/1/4)`), tried in order
 * until one locates an element. Other schemes (`xpointer()`, `xmlns()`...) are not allowed: they are parsed so
 * that a rule can say so, and never locate anything here.
 */
import type { XmlElement } from '../xml/parse.js';
import { attr } from '../xml/tree.js';

export interface SchemePart {
  readonly scheme: string;
  readonly body: string;
}

export type Pointer = { readonly kind: 'shorthand'; readonly id: string } | { readonly kind: 'schemes'; readonly parts: readonly SchemePart[] };

/** An `element()` body: an optional starting id, then 1-based child positions. */
export interface ElementPath {
  readonly id?: string;
  readonly steps: readonly number[];
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;

/** Parses a fragment (without `#`); undefined when it is neither a shorthand pointer nor a scheme sequence. */
export function parsePointer(fragment: string): Pointer | undefined {
  let f = fragment;
  if (!f.includes('(')) {
    try {
      f = decodeURIComponent(f);
    } catch {
      return undefined;
    }
    return /^[^\s():]+$/.test(f) ? { kind: 'shorthand', id: f } : undefined;
  }
  const parts: SchemePart[] = [];
  let i = 0;
  while (i < f.length) {
    while (i < f.length && /\s/.test(f[i]!)) i++;
    if (i >= f.length) break;
    const m = NAME.exec(f.slice(i));
    if (!m || f[i + m[0].length] !== '(') return undefined;
    i += m[0].length + 1;
    let depth = 1;
    let body = '';
    for (; i < f.length && depth > 0; i++) {
      const c = f[i]!;
      if (c === '^') {
        body += f[++i] ?? '';
        continue;
      }
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
      body += c;
    }
    if (depth !== 0) return undefined;
    i++; // past ')'
    parts.push({ scheme: m[0], body });
  }
  return parts.length ? { kind: 'schemes', parts } : undefined;
}

/** The schemes of a fragment other than `element()` (empty for a shorthand pointer); undefined when malformed. */
export function unsupportedSchemes(fragment: string): string[] | undefined {
  const p = parsePointer(fragment);
  if (!p) return undefined;
  return p.kind === 'shorthand' ? [] : p.parts.filter((s) => s.scheme !== 'element').map((s) => s.scheme);
}

/** Parses an `element()` body; undefined when malformed. */
export function elementPath(body: string): ElementPath | undefined {
  const b = body.trim();
  const m = /^([^/\s]*)((?:\/[1-9][0-9]*)*)$/.exec(b);
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  const steps = m[2] ? m[2].slice(1).split('/').map(Number) : [];
  return m[1] ? { id: m[1], steps } : { steps };
}

/** The element `path` selects in a document (root element `root`); `byId` finds the starting element. */
export function walkPath(root: XmlElement, path: ElementPath, byId: (id: string) => XmlElement | undefined): XmlElement | undefined {
  let steps = path.steps;
  let node: XmlElement | undefined;
  if (path.id !== undefined) node = byId(path.id);
  else {
    // `/1` is the document element; there is no other child of the document.
    if (steps[0] !== 1) return undefined;
    node = root;
    steps = steps.slice(1);
  }
  for (const n of steps) {
    if (!node) return undefined;
    node = node.children.filter((c): c is XmlElement => typeof c !== 'string')[n - 1];
  }
  return node;
}

/** Every element with an `id` attribute in a tree, first occurrence wins. */
export function indexIds(root: XmlElement): Map<string, XmlElement> {
  const out = new Map<string, XmlElement>();
  const walk = (el: XmlElement) => {
    const id = attr(el, 'id');
    if (id !== undefined && !out.has(id)) out.set(id, el);
    for (const c of el.children) if (typeof c !== 'string') walk(c);
  };
  walk(root);
  return out;
}

/** What a pointer locates: an id to look up, or (for child sequences) the element itself. */
export type Located = { readonly id: string } | { readonly element: XmlElement };

/**
 * Locates `fragment` in the document at `path`. `knownId` says whether an id is known without reading the
 * document; child sequences read it (once, through `tree`). Undefined when nothing is located.
 */
export function locate(fragment: string, knownId: (id: string) => boolean, tree: () => XmlElement | undefined): Located | undefined {
  const p = parsePointer(fragment);
  if (!p) return undefined;
  if (p.kind === 'shorthand') return { id: p.id };
  let ids: Map<string, XmlElement> | undefined;
  for (const part of p.parts) {
    if (part.scheme !== 'element') continue;
    const path = elementPath(part.body);
    if (!path) continue;
    if (path.id !== undefined && path.steps.length === 0 && knownId(path.id)) return { id: path.id };
    const root = tree();
    if (!root) return undefined;
    const el = walkPath(root, path, (id) => (ids ??= indexIds(root)).get(id));
    if (!el) continue;
    const id = attr(el, 'id');
    return id !== undefined && knownId(id) ? { id } : { element: el };
  }
  return undefined;
}
