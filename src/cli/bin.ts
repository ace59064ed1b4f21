/**
 * The `bin` (bundled by scripts/build-cli.ts into dist/cli/kessan.cjs): runs the command line bundled beside it
 * (kessan-main.cjs: src/cli/run.ts and all it imports) from V8's code cache of that bundle (code-cache.ts).
 *
 * Why: V8 compiles each function the first time it runs. A command runs about a thousand of kessan's functions
 * once or a few times, and compiling them was ~45 ms of `kessan validate` on 10,000 facts; reading a cache in
 * costs ~10 ms of that back (bench/RESULTS.md run 13: 304 → 277 ms; the example's conversion 217 → 171 ms). The
 * caches are written when the package is built, by running the command line on the example
 * (`KESSAN_CODE_CACHE_TRAIN`, below), never when a user runs it.
 *
 * Node 20 has no code cache for ES modules (Node 22's `module.enableCompileCache` would do this), hence a
 * CommonJS bundle compiled with node:vm. V8 rejects a cache made by another V8 or with other V8 options (a
 * different Node, or node started without the `#!` line's options); the bundle is then compiled as it would be
 * without one: slower to start, nothing else.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type { runCli, runMain } from './run.js';
import { cacheFileName, cacheFor, MAIN_FILE, type CacheName } from './code-cache.js';

const here = dirname(fileURLToPath(import.meta.url));
const MAIN = join(here, MAIN_FILE);

/**
 * The cache file: the SHA-256 of the bundle it was made from, then V8's data. V8 checks a cache against its
 * source's length only: a bundle changed after the build (a patch of the installed package) must not run with
 * the code of the one before, so the digest is compared first (~1.5 ms).
 */
const DIGEST = 32;

/** The bundle's exports, and the script compiled from it (which can give its code cache). */
function load(cache: string): { exports: { runCli: typeof runCli; runMain: typeof runMain }; script: Script; digest: Buffer; state: 'accepted' | 'rejected' | 'absent' | 'stale' } {
  // Already wrapped as Node's CommonJS loader would wrap it (a function of exports, require, module, __filename
  // and __dirname), and ASCII: read as the one string of a byte a character V8 compiles, with no copy of it
  // ('latin1' would make an external string, a few MB more of peak memory).
  const source = readFileSync(MAIN, 'utf8');
  const digest = createHash('sha256').update(source).digest();
  let cached: Buffer | undefined;
  try {
    cached = readFileSync(cache);
  } catch {
    cached = undefined; // not built (a build without training): compiled as usual
  }
  const fresh = cached !== undefined && cached.length > DIGEST && digest.equals(cached.subarray(0, DIGEST));
  // No `importModuleDynamically`: a script's import() loader does not survive its code cache on Node 20 (and is
  // experimental); the bundle has no import() left (scripts/build-cli.ts checks), packages are require()d.
  const script = new Script(source, { filename: MAIN, cachedData: fresh ? cached!.subarray(DIGEST) : undefined });
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(MAIN), module, MAIN, here);
  const state = cached === undefined ? 'absent' : !fresh ? 'stale' : script.cachedDataRejected ? 'rejected' : 'accepted';
  return { exports: module.exports as { runCli: typeof runCli; runMain: typeof runMain }, script, digest, state };
}

/** The build's training run (`KESSAN_CODE_CACHE_TRAIN`: a JSON file): the cache to write, and the command lines to run for it. */
interface Training {
  readonly cache: CacheName;
  readonly runs: readonly string[][];
}

const trainingFile = process.env.KESSAN_CODE_CACHE_TRAIN;
const training = trainingFile ? (JSON.parse(readFileSync(trainingFile, 'utf8')) as Training) : undefined;
const cache = join(here, cacheFileName(training ? training.cache : cacheFor(process.argv.slice(2))));
const { exports, script, digest, state } = load(cache);
if (process.env.KESSAN_CODE_CACHE_REPORT) process.stderr.write(`kessan: code cache ${state} (${basename(cache)})\n`);
if (training) {
  // Each command line in turn, in this process, then the cache of all the functions they compiled.
  void (async () => {
    for (const argv of training.runs) await exports.runCli(argv, { stdout: process.stdout, stderr: process.stderr });
    writeFileSync(cache, Buffer.concat([digest, script.createCachedData()]));
  })();
} else void exports.runMain();
