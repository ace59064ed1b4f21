/**
 * What the loader read, before it was boiled down to concepts and effective relationships: for validation
 * rules that need the documents as written (roleRefs per linkbase, locators and their targets, arcs before
 * prohibition and override, arcs from resources, raw schema attributes). Optional data: nothing here is
 * needed to use a taxonomy.
 */
import type { NestedRoot } from './discover.js';
import type { LinkbaseDoc, RawLink, RawLocator } from './linkbase.js';
import type { ArcInstance, Endpoint } from './relationships.js';
import type { ElementDecl, SchemaDoc } from './schema.js';

export type { ArcInstance, Endpoint, NestedRoot };

/** What a locator points at. */
export type LocatorTarget =
  /** An element declaration (a concept or not: see `Taxonomy.concepts`), or a placeholder in an unavailable schema. */
  | { readonly kind: 'element'; readonly key: string; readonly decl?: ElementDecl; readonly placeholder?: boolean }
  | { readonly kind: 'resource'; readonly endpoint: Endpoint & { kind: 'resource' } }
  /** Some other element with that id (element name in Clark notation). */
  | { readonly kind: 'other'; readonly element: string }
  /** A local document without that id (or an unsupported pointer), or no fragment at all. */
  | { readonly kind: 'missing'; readonly document: string; readonly isLinkbase: boolean; readonly isSchema: boolean };

export interface RawDts {
  readonly schemas: readonly SchemaDoc[];
  readonly linkbases: readonly LinkbaseDoc[];
  /** Every arc instance (each from × to endpoint pair), in document order, before prohibition and override. */
  readonly arcs: readonly ArcInstance[];
  /** The arc instances that survive prohibition and override, including those from or to resources. */
  readonly effective: readonly ArcInstance[];
  /** What a locator of this link points at; undefined for a locator into an unavailable document without fragment. */
  locatorTarget(link: RawLink, loc: RawLocator): LocatorTarget | undefined;
  /** Element declarations by Clark name (concepts and others). */
  readonly declarations: ReadonlyMap<string, ElementDecl>;
  /** xs:schema / link:linkbase elements found nested in an entry point that is some other XML document. */
  readonly nestedRoots?: readonly NestedRoot[];
}
