/**
 * Bundles the command line (issue 18): dist/cli/kessan.js, the `bin`, with the batch and service workers
 * (dist/cli/batch-worker.js, dist/cli/serve-worker.js) and the chunks they share, by esbuild. Start-up cost is
 * mostly Node resolving, reading and compiling modules one by one (188 for `kessan convert` from dist/src/);
 * the bundle loads about twenty files, and only the chunks a command imports (subcommands and readers stay
 * behind dynamic imports). dist/src/ (tsc) stays the library. Run by `npm run build` and `prepare`.
 *
 *     node dist/scripts/build-cli.js
 */
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { projectRoot } from '../src/core/paths.js';
import { NODE_FLAGS } from '../src/app/node-flags.js';

export const CLI_DIR = join('dist', 'cli');

export async function buildCli(root = projectRoot()): Promise<void> {
  const outdir = join(root, CLI_DIR);
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { kessan: 'src/cli/main.ts', 'batch-worker': 'src/app/batch/worker.ts', 'serve-worker': 'src/app/serve/worker.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: '[name]-[hash]',
    // The service's web framework stays a package Node loads (only `kessan serve` imports it; fastify is built
    // for require()), and so does DuckDB (only `facts --format parquet|duckdb`; it loads a native binding for the
    // platform). saxes and ajv are loaded with createRequire already.
    external: ['fastify', '@fastify/multipart', '@duckdb/node-api'],
    // CommonJS packages inside an ESM bundle call require() for Node's own modules.
    banner: { js: "import { createRequire as __kessanRequire } from 'node:module';\nconst require = __kessanRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  // The bin's `#!` line gives node kessan's V8 options (`env -S` splits them: GNU coreutils 8.30+, BSD, macOS).
  const bin = join(outdir, 'kessan.js');
  writeFileSync(bin, readFileSync(bin, 'utf8').replace(/^#!.*\n/, `${shebang()}\n`));
  chmodSync(bin, 0o755);
}

/** The bin's first line. */
export function shebang(): string {
  return `#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildCli();
