/**
 * The files of the bundled command line that the bin (bin.ts) runs and the build (scripts/build-cli.ts) writes:
 * the bundle, and V8's code caches of it.
 */

/** The command line bundled in one file (src/cli/run.ts and all it imports): its name, and its file's. */
export const MAIN_NAME = 'kessan-main';
export const MAIN_FILE = `${MAIN_NAME}.cjs`;

/**
 * The commands with a cache of their own: one holds the functions its command runs, not all the others' too (V8
 * reads a whole cache in, ~9 ms a MB). Any other command, or none, takes the cache of them all (`any`).
 */
export const CACHED_COMMANDS = ['convert', 'validate', 'facts'] as const;

export type CacheName = (typeof CACHED_COMMANDS)[number] | 'any';

/** The cache a command line (the process's arguments) runs with. */
export function cacheFor(argv: readonly string[]): CacheName {
  const command = argv[0];
  return CACHED_COMMANDS.find((c) => c === command) ?? 'any';
}

/** A cache's file name, beside the bundle. */
export function cacheFileName(name: CacheName): string {
  return `${MAIN_NAME}.${name}.cache`;
}
