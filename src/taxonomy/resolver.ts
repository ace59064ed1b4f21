/**
 * Offline resolution of taxonomy references. Nothing is ever fetched: relative hrefs resolve against the
 * referencing document's folder; `http(s)://www.xbrl.org/...` maps into the bundled catalog
 * (`taxonomy/catalog/www.xbrl.org/...` at the project root); any other URL, and any local path that
 * does not exist, is unavailable. `xml:base` (XML Base) in scope on the referencing element is applied when given.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Resolved =
  | { readonly kind: 'local'; readonly path: string; readonly fragment?: string }
  | { readonly kind: 'unavailable'; readonly url: string; readonly fragment?: string };

let projectRootCache: string | undefined;

/** The folder holding package.json, walking up from this module (works from src/ and from dist/src/). */
export function projectRoot(): string {
  if (projectRootCache) return projectRootCache;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return (projectRootCache = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('kessan: cannot find the project root (package.json)');
    dir = up;
  }
}

export function defaultCatalogDir(): string {
  return join(projectRoot(), 'taxonomy', 'catalog');
}

/** Hosts mapped into the catalog folder (by host name, as a sub-folder). */
const CATALOG_HOSTS = new Set(['www.xbrl.org']);

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** Splits `doc.xsd#frag` into the document part and the fragment (without `#`). */
export function splitFragment(href: string): { doc: string; fragment?: string } {
  const i = href.indexOf('#');
  if (i < 0) return { doc: href };
  return { doc: href.slice(0, i), fragment: href.slice(i + 1) };
}

/**
 * The base URI of an element (XML Base): the document's own location with each `xml:base` in scope applied in
 * turn, outermost first. Returns a local path (ending in `/` when the base names a folder) or a URL. An
 * absolute `file:` xml:base is kept as a URL, so it stays unavailable like any `file:` href.
 */
export function withXmlBase(base: string, xmlBase: readonly string[]): string {
  let url = SCHEME.test(base) ? base : pathToFileURL(base).href;
  let local = !SCHEME.test(base);
  for (const xb of xmlBase) {
    const v = xb.trim();
    if (v === '') continue;
    if (SCHEME.test(v)) local = false;
    try {
      url = new URL(v, url).href;
    } catch {
      return url;
    }
  }
  if (!local || !url.startsWith('file:')) return url;
  try {
    return fileURLToPath(url);
  } catch {
    return url;
  }
}

export class Resolver {
  readonly catalogDir: string;
  private readonly cache = new Map<string, Resolved>();
  private readonly exists = new Map<string, boolean>();

  constructor(catalogDir: string = defaultCatalogDir()) {
    this.catalogDir = resolve(catalogDir);
  }

  /**
   * Resolves `href` as written in `base` (a local file path, or an unavailable URL). An href with only a
   * fragment (`#id`) refers to `base` itself. `xmlBase` lists the `xml:base` values in scope on the
   * referencing element, outermost first (see `xmlBaseChain`); they are applied to `base` in turn.
   */
  resolve(href: string, base: string, xmlBase?: readonly string[]): Resolved {
    const { doc, fragment } = splitFragment(href.trim());
    const effective = doc !== '' && xmlBase?.length ? withXmlBase(base, xmlBase) : base;
    const key = `${effective}\u0000${doc}`;
    let r = this.cache.get(key);
    if (!r) {
      r = this.resolveDoc(doc, effective);
      this.cache.set(key, r);
    }
    return fragment === undefined ? r : { ...r, fragment };
  }

  private resolveDoc(doc: string, base: string): Resolved {
    if (doc === '') return SCHEME.test(base) ? { kind: 'unavailable', url: base } : { kind: 'local', path: base };
    if (SCHEME.test(doc)) return this.resolveUrl(doc);
    if (SCHEME.test(base)) {
      // Relative to an unavailable URL: still unavailable, but under its absolute URL.
      let abs: string;
      try {
        abs = new URL(doc, base).href;
      } catch {
        return { kind: 'unavailable', url: doc };
      }
      return this.resolveUrl(abs);
    }
    let path: string;
    try {
      path = fileURLToPath(new URL(doc, pathToFileURL(base)));
    } catch {
      return { kind: 'unavailable', url: doc };
    }
    return this.local(path);
  }

  private resolveUrl(url: string): Resolved {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return { kind: 'unavailable', url };
    }
    if ((u.protocol === 'http:' || u.protocol === 'https:') && CATALOG_HOSTS.has(u.hostname.toLowerCase())) {
      const parts = decodeURIComponent(u.pathname).split('/').filter((p) => p && p !== '.' && p !== '..');
      const path = join(this.catalogDir, u.hostname.toLowerCase(), ...parts);
      if (!path.startsWith(this.catalogDir + sep)) return { kind: 'unavailable', url };
      const r = this.local(path);
      return r.kind === 'local' ? r : { kind: 'unavailable', url: u.href };
    }
    return { kind: 'unavailable', url: u.href };
  }

  private local(path: string): Resolved {
    let ok = this.exists.get(path);
    if (ok === undefined) {
      try {
        ok = statSync(path).isFile();
      } catch {
        ok = false;
      }
      this.exists.set(path, ok);
    }
    return ok ? { kind: 'local', path } : { kind: 'unavailable', url: path };
  }
}
