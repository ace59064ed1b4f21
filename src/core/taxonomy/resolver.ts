/**
 * Offline resolution of taxonomy references. Nothing is ever fetched: relative hrefs resolve against the
 * referencing document's folder; `http(s)://www.xbrl.org/...` maps into the bundled catalog
 * (`taxonomy/catalog/www.xbrl.org/...` at the project root); any other URL, and any local path that
 * does not exist, is unavailable. `xml:base` (XML Base) in scope on the referencing element is applied when given.
 */
import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { projectRoot } from '../paths.js';

export { projectRoot };

export type Resolved =
  | { readonly kind: 'local'; readonly path: string; readonly fragment?: string }
  /** Not available offline; `refused` when it is a local path outside the folders the resolver may read (never looked at). */
  | { readonly kind: 'unavailable'; readonly url: string; readonly fragment?: string; readonly refused?: true };

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

/** Whether `path` is `folder` or inside it (by name only: nothing is looked at). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The real path (symbolic links followed), or the path itself when it cannot be resolved. */
export function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * A resolver confined as DTS discovery confines one (see `Limits.confineTo`), with `entryFiles`' folders allowed:
 * for anything that resolves references outside a DTS load (a rule, say) and must not read more than the load did.
 */
export function confinedResolver(entryFiles: readonly string[], confineTo: readonly string[] | undefined, catalogDir?: string): Resolver {
  const resolver = new Resolver(catalogDir);
  if (confineTo) {
    resolver.confine(confineTo);
    for (const f of entryFiles) resolver.allow(dirname(resolve(f)));
  }
  return resolver;
}

export class Resolver {
  readonly catalogDir: string;
  private readonly cache = new Map<string, Resolved>();
  private readonly exists = new Map<string, boolean>();
  /** When set, the only folders local documents are read from (both as named and as real paths); see `confine`. */
  private roots: string[] | undefined;

  constructor(catalogDir: string = defaultCatalogDir()) {
    this.catalogDir = resolve(catalogDir);
  }

  /**
   * Confines local resolution to `folders` (and the catalog): a local path outside them resolves to a refused
   * `unavailable` without being looked at (no stat, no open), and one inside them whose real path leads outside
   * (a symbolic link) is refused too. Call `allow` to add an entry point's folder.
   */
  confine(folders: readonly string[]): void {
    this.roots = [];
    this.cache.clear();
    for (const f of [...folders, this.catalogDir]) this.allow(f);
  }

  /** Adds a folder to those a confined resolver reads from (no effect when it is not confined). */
  allow(folder: string): void {
    if (!this.roots) return;
    for (const f of new Set([resolve(folder), real(folder)])) if (!this.roots.includes(f)) this.roots.push(f);
    this.cache.clear();
  }

  /** Whether a local path may be read: always when unconfined. */
  private permitted(path: string): boolean {
    return !this.roots || this.roots.some((root) => isInside(path, root));
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
    // Confinement first, by name: a path outside the allowed folders is never stat'ed, let alone opened.
    if (!this.permitted(path)) return { kind: 'unavailable', url: path, refused: true };
    let ok = this.exists.get(path);
    if (ok === undefined) {
      try {
        ok = statSync(path).isFile();
      } catch {
        ok = false;
      }
      this.exists.set(path, ok);
    }
    if (!ok) return { kind: 'unavailable', url: path };
    // Inside by name; a symbolic link may still lead out.
    return this.roots && !this.permitted(real(path)) ? { kind: 'unavailable', url: path, refused: true } : { kind: 'local', path };
  }
}
