/**
 * `--shard I/N`: a deterministic share of a batch's documents, so that N runs of the same command (a Kubernetes
 * Indexed Job, an AWS Batch array job, one per Spark partition) together read every document exactly once.
 *
 * A document belongs to shard `1 + (h mod N)`, where `h` is the first four bytes (big-endian) of the SHA-256 of its
 * key: its path relative to the folder named on the command line that holds it ('/' between folders), or, for a
 * file named itself, its path as given. So the share does not depend on where the folder is mounted, on the order
 * of the arguments, or on the other documents; an Inline XBRL document set is one entry and stays whole.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** `I/N` with 1 ≤ I ≤ N ≤ 1,000,000; undefined when it is not that. */
export function parseShard(text: string): Shard | undefined {
  const m = /^([1-9]\d{0,6})\/([1-9]\d{0,6})$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index <= count && count <= 1_000_000 ? { index, count } : undefined;
}

/** The key a document is sharded by (see the module comment). */
export function shardKey(file: string, args: readonly string[]): string {
  const path = resolve(file);
  for (const arg of args) {
    const rel = relative(resolve(arg), path);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return file.split(sep).join('/');
}

/** Which shard (1-based) of `count` a key falls in. */
export function shardOf(key: string, count: number): number {
  return 1 + (createHash('sha256').update(key, 'utf8').digest().readUInt32BE(0) % count);
}

/** The entries (and their weights) of a batch that fall in the shard. */
export function shardEntries(files: readonly string[], weights: readonly number[], args: readonly string[], shard: Shard): { files: string[]; weights: number[] } {
  const keep = files.map((f) => shardOf(shardKey(f, args), shard.count) === shard.index);
  return { files: files.filter((_, i) => keep[i]), weights: weights.filter((_, i) => keep[i]) };
}
