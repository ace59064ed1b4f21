import type { Fact } from './fact.js';
import type { Finding } from './finding.js';

/** What a report says about its taxonomy: the entry points (schemaRef hrefs) as written, resolved where known. */
export interface TaxonomyRef {
  /** As the document wrote them (or as a writer should write them). */
  readonly schemaRefs: readonly string[];
  /** Absolute file paths (or URLs) the refs resolved to, when a reader resolved them. */
  readonly resolved?: readonly string[];
}

/** Release layout, kept beside the facts for the text renderer: sections, tables, prose. Opaque here. */
export interface ReleaseLayout {
  readonly kind: 'release';
  readonly blocks: readonly unknown[];
}

/**
 * The one model every reader produces and every writer consumes: facts plus what a format needs to
 * round-trip, kept beside them (never inside them).
 */
export interface Report {
  readonly facts: Fact[];
  readonly taxonomy: TaxonomyRef;
  /** prefix → namespace, the prefixes facts' QNames should be written with. */
  readonly namespaces: Record<string, string>;
  readonly documentInfo: { readonly source?: string; readonly format?: string };
  /** What reading found wrong or noteworthy (unknown rows, disagreeing printings...). */
  readonly findings: Finding[];
  readonly layout?: ReleaseLayout;
}
