/**
 * Where the service keeps what it is sent, and what a request may read.
 *
 * The server makes one private folder (`<tmp>/kessan-serve-XXXX`, mode 0700). It holds a link named `taxonomy`
 * to kessan's own taxonomy folder, one link per top-level entry of `--root`, and one fresh folder per request
 * (`.req-<random>`) holding what was uploaded. So an upload sits as a folder beside kessan's taxonomy and the
 * contents of `--root`: an instance kessan wrote into `out/` (schemaRef `../taxonomy/iij/iij-2004.xsd`) finds its
 * taxonomy, as it does on the command line, and a filing referencing `../shared-taxonomies/...` finds it in
 * `--root`. A request may read its own folder, kessan's taxonomy and `--root`, and nothing else: not the other
 * requests' folders (the DTS confinement of `Limits.confineTo`, which follows links to their real paths).
 *
 * No server path leaves the server: `scrubber` rewrites every path of this layout in a response as the client
 * sees it, relative to its upload (`document.xbrl`, `../taxonomy/iij/iij-2004.xsd`).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectRoot } from '../../core/paths.js';

const REQUEST_PREFIX = '.req-';

export interface Workspace {
  /** The server's private folder. */
  readonly base: string;
  /** The folders of `base` a request may read besides its own: the `taxonomy` link and the links into `--root`. */
  readonly shared: readonly string[];
  /** `--root` as given (absolute), if any. */
  readonly root?: string;
  /** A fresh, empty folder for one request. */
  newRequestFolder(): string;
  /** Removes the server's folder and everything in it. */
  close(): void;
}

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Makes the server's folder (see the module comment). `root`: `--root`, or undefined. */
export function createWorkspace(root?: string): Workspace {
  const base = realOr(mkdtempSync(join(tmpdir(), 'kessan-serve-')));
  const shared: string[] = [];
  const link = (name: string, target: string) => {
    const at = join(base, name);
    symlinkSync(target, at);
    shared.push(at);
  };
  const rootDir = root === undefined ? undefined : realOr(resolve(root));
  const taken = new Set<string>();
  if (rootDir) {
    for (const name of readdirSync(rootDir).sort()) {
      if (name.startsWith(REQUEST_PREFIX)) continue;
      link(name, join(rootDir, name));
      taken.add(name);
    }
  }
  // --root's own `taxonomy` wins: it is what a filing in --root would reach by `../taxonomy`.
  if (!taken.has('taxonomy')) link('taxonomy', join(projectRoot(), 'taxonomy'));
  return {
    base,
    shared,
    ...(rootDir ? { root: rootDir } : {}),
    newRequestFolder() {
      const dir = join(base, `${REQUEST_PREFIX}${randomBytes(12).toString('hex')}`);
      mkdirSync(dir, { mode: 0o700 });
      return dir;
    },
    close() {
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Removes a request's folder (never throws: the server's own folder is removed at close anyway). */
export async function removeRequestFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch(() => undefined);
}

/** The folders a request's DTS may be read from: its own folder, then what the workspace shares. */
export function requestConfinement(ws: Workspace, folder: string): string[] {
  return [folder, ...ws.shared];
}

/**
 * Rewrites the server's paths in a response as the client sees them, relative to its upload: the request's folder
 * is `.`, the server's folder (and kessan's own folder and `--root`, which it stands for) `..`, the temporary
 * folder above it `../..`. Longest paths first, so a path inside another is rewritten by its own rule.
 */
export function scrubber(ws: Workspace, folder: string): (text: string) => string {
  const rules = new Map<string, string>();
  const add = (path: string, as: string) => {
    for (const p of new Set([resolve(path), realOr(path)])) {
      rules.set(`${p}/`, as === '.' ? '' : `${as}/`);
      rules.set(p, as);
    }
  };
  add(tmpdir(), '../..');
  add(projectRoot(), '..');
  if (ws.root) add(ws.root, '..');
  add(ws.base, '..');
  add(folder, '.');
  // A path without its slash is rewritten only where it ends (`/tmp` in `/tmpfoo` is the client's own text).
  const ordered = [...rules].sort((a, b) => b[0].length - a[0].length).map(([from, to]) => ({
    from,
    pattern: new RegExp(`${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${from.endsWith('/') ? '' : '(?![^\\s"\'<>,;:)\\]}])'}`, 'g'),
    to,
  }));
  return (text) => {
    let out = text;
    for (const r of ordered) if (out.includes(r.from)) out = out.replace(r.pattern, () => r.to);
    return out;
  };
}
