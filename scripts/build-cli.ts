/**
 * Bundles the command line (issue 18), by esbuild, into dist/cli/:
 * - `kessan.cjs`, the `bin` (src/cli/bin.ts), and `kessan-main.cjs`, the command line it runs (src/cli/run.ts and
 *   all it imports, one CommonJS file), with `kessan-main.*.cache`, V8's code caches of it, made here by running
 *   the command line on the example (see bin.ts for why: ~20–30 ms of a small document's validation);
 * - the batch and service workers (`batch-worker.js`, `serve-worker.js`) and the chunks they share, as ES modules.
 * Start-up cost is mostly Node resolving, reading and compiling modules: from dist/src/ (tsc, which stays the
 * library) `kessan convert` loaded 188. Subcommands and readers stay behind dynamic imports: a command evaluates
 * only the modules it uses. Run by `npm run build` and `prepare`.
 *
 *     node dist/scripts/build-cli.js
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { projectRoot } from '../src/core/paths.js';
import { NODE_FLAGS } from '../src/app/node-flags.js';
import { cacheFileName, CACHED_COMMANDS, MAIN_FILE, MAIN_NAME, type CacheName } from '../src/cli/code-cache.js';

export const CLI_DIR = join('dist', 'cli');

export async function buildCli(root = projectRoot()): Promise<void> {
  const outdir = join(root, CLI_DIR);
  rmSync(outdir, { recursive: true, force: true });
  const common: BuildOptions = {
    absWorkingDir: root,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    // The service's web framework stays a package Node loads (only `kessan serve` imports it; fastify is built
    // for require()), and so does DuckDB (only `facts --format parquet|duckdb`; it loads a native binding for the
    // platform). saxes and ajv are loaded with createRequire already.
    external: ['fastify', '@fastify/multipart', '@duckdb/node-api'],
    logLevel: 'warning',
  };
  await build({
    ...common,
    entryPoints: { 'batch-worker': 'src/app/batch/worker.ts', 'serve-worker': 'src/app/serve/worker.ts' },
    splitting: true,
    format: 'esm',
    chunkNames: '[name]-[hash]',
    // CommonJS packages inside an ESM bundle call require() for Node's own modules.
    banner: { js: "import { createRequire as __kessanRequire } from 'node:module';\nconst require = __kessanRequire(import.meta.url);" },
  });
  await build({
    ...common,
    entryPoints: { kessan: 'src/cli/bin.ts', [MAIN_NAME]: 'src/cli/run.ts' },
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // `import.meta.url` (files found beside the code) is the bundle's own URL, as it is each ES module's.
    define: { 'import.meta.url': '__kessanUrl' },
    // Strict, as the ES modules it is made of are: a directive only counts before any statement.
    banner: { js: '"use strict";\nconst __kessanUrl = require(\'node:url\').pathToFileURL(__filename).href;' },
  });
  // The bin runs kessan-main.cjs as a node:vm script, where an import() would fail (bin.ts): a package or a
  // module of Node's imported dynamically in src/ must be require()d instead.
  const main = readFileSync(join(outdir, MAIN_FILE), 'utf8');
  // import( not after a dot (a method call) and not opening a method's body (`import(node) {`: xmlbuilder2's).
  const dynamic = main.match(/(?<![.\w$])import\((?![^)]*\)\s*\{)[^)]{0,60}\)?/g);
  if (dynamic) throw new Error(`build-cli: the command line's bundle imports dynamically (${[...new Set(dynamic)].join(', ')}); require() those instead (src/cli/bin.ts says why)`);
  // Wrapped as Node's CommonJS loader wraps a module, so that the bin compiles the file's text as it is, and all
  // ASCII, so that its string takes a byte a character, not two (bin.ts): esbuild escapes strings and names, not
  // regular expressions or comments, where \uXXXX means the same.
  // (Not after a backslash, where the escape would read as an escaped backslash and text: the build stops first.)
  if (/\\[^\x00-\x7f]/.test(main)) throw new Error('build-cli: the bundle escapes a non-ASCII character with a backslash; make it \\uXXXX in the source');
  const ascii = main.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(join(outdir, MAIN_FILE), `(function (exports, require, module, __filename, __dirname) {${ascii}\n})`);
  // The bin's `#!` line gives node kessan's V8 options (`env -S` splits them: GNU coreutils 8.30+, BSD, macOS).
  const bin = join(outdir, 'kessan.cjs');
  writeFileSync(bin, `${shebang()}\n${readFileSync(bin, 'utf8').replace(/^#!.*\n/, '')}`);
  chmodSync(bin, 0o755);
  trainCodeCaches(root, bin);
}

/**
 * Writes the bin's code caches (bin.ts): each by running the bin (with its V8 options, which a cache must match)
 * on the example release, converted to each format and each result validated; `any` all of that, and each
 * command's only its own runs.
 */
function trainCodeCaches(root: string, bin: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-train-'));
  try {
    const release = join(root, 'examples', 'iij-2q-fy2004.txt');
    const out = (ext: string) => join(dir, `iij${ext}`);
    const convert = [['convert', release, '-o', out('.xbrl')], ['convert', out('.xbrl'), '-o', out('.json')], ['convert', out('.xbrl'), '-o', out('.xhtml')]];
    const validate = ['.xbrl', '.json', '.xhtml'].map((ext) => ['validate', out(ext)]);
    const facts = [['facts', out('.xbrl'), '--format', 'csv']];
    const runsOf: Record<CacheName, string[][]> = { any: [...convert, ...validate, ...facts], convert, validate, facts };
    // `any` first: its conversions make the files the others read.
    for (const name of ['any', ...CACHED_COMMANDS] as const) {
      const file = join(dir, 'train.json');
      writeFileSync(file, JSON.stringify({ cache: name, runs: runsOf[name] }));
      const cache = join(root, CLI_DIR, cacheFileName(name));
      const r = spawnSync(process.execPath, [...NODE_FLAGS, bin], { env: { ...process.env, KESSAN_CODE_CACHE_TRAIN: file }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      if (r.status !== 0 || !existsSync(cache)) throw new Error(`build-cli: the ${name} code cache was not written (exit ${r.status ?? r.signal}):\n${r.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bin's first line. */
export function shebang(): string {
  return `#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildCli();
