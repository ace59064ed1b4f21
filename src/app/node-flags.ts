/**
 * The V8 options kessan's processes run with: the command line (its `#!` line, written by
 * scripts/build-cli.ts), and the batch and service worker processes it forks.
 *
 * `--max-semi-space-size=2` (MiB; Node 20's default grows to 16): a document's facts live as long as the
 * report, so nearly everything the young generation holds survives, and a large young generation only
 * delays promotion while doubling the memory it occupies. Measured on 100,000 facts (bench/RESULTS.md run
 * 10): `kessan validate --calc c11r` 163 → 145 MiB peak, no slower; the xBRL-JSON and Inline XBRL readers
 * 20–30 MiB less. V8 sizes the young generation when it starts, so the option only works on node's
 * command line (`v8.setFlagsFromString` later has no effect).
 *
 * `--interrupt-budget=300000` (V8 11's default is 67584): how much bytecode a function runs between V8's looks at
 * whether to optimize it. With the default, a command on a small document spends its second core and part
 * of its first compiling and deoptimizing code that runs for a few milliseconds more: `kessan validate` on
 * 10,000 facts optimized 198 functions and deoptimized 13 (48 and 4 with this budget), and took 348 → 307 ms
 * (median of 15, interleaved); on 100,000 facts the readers and the validator are within the noise of before.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--interrupt-budget=300000'];

/** `execArgv` with the `NODE_FLAGS` it does not set itself (a flag given explicitly wins). */
export function withNodeFlags(execArgv: readonly string[]): string[] {
  const named = (flag: string) => flag.split('=')[0]!;
  const given = new Set(execArgv.map(named));
  return [...execArgv, ...NODE_FLAGS.filter((f) => !given.has(named(f)))];
}
