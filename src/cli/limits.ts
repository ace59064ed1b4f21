import { join, resolve } from 'node:path';
import { KessanError } from '../core/errors.js';
import { parseSize, setLimits, type Limits } from '../core/limits.js';
import { projectRoot } from '../core/paths.js';

/** The options every reading command takes: limits, and the folders DTS discovery may read. */
export const LIMIT_OPTIONS = {
  'max-file-size': { type: 'string' },
  'max-depth': { type: 'string' },
  'max-facts': { type: 'string' },
  'max-dimensions': { type: 'string' },
  'allow-dir': { type: 'string', multiple: true },
} as const;

export const LIMITS_HELP = `Limits (hostile input is refused with one message, exit 1 or 2):
      --max-file-size SIZE  largest file read (default 512M; also KESSAN_MAX_FILE_SIZE), e.g. 2G
      --max-depth N         deepest XML element nesting (default 1000; also KESSAN_MAX_DEPTH)
      --max-facts N         most facts in one instance (default 10000000; also KESSAN_MAX_FACTS)
      --max-dimensions N    most dimensions on one fact (default 1000; also KESSAN_MAX_DIMENSIONS)
      --allow-dir DIR       a folder the taxonomy may be read from, besides the input's own folder and
                            kessan's bundled taxonomies (repeatable). References elsewhere are refused
                            (kessan:referenceRefused); URLs are never fetched.
`;

function count(name: string, raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const n = parseSize(String(raw));
  if (n === undefined) throw new KessanError('kessan:usage', `--${name} must be a positive number (such as 1000, 64k or 512M), not "${String(raw)}"`, {}, 2);
  return n;
}

/** Sets the limits for this run from the command line (over the environment's and the defaults). */
export function applyLimitOptions(values: Record<string, unknown>): Limits {
  const maxFileSize = count('max-file-size', values['max-file-size']);
  const maxDepth = count('max-depth', values['max-depth']);
  const maxFacts = count('max-facts', values['max-facts']);
  const maxDimensions = count('max-dimensions', values['max-dimensions']);
  const allow = (values['allow-dir'] as string[] | undefined) ?? [];
  return setLimits({
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(maxDepth !== undefined ? { maxDepth } : {}),
    ...(maxFacts !== undefined ? { maxFacts } : {}),
    ...(maxDimensions !== undefined ? { maxDimensions } : {}),
    confineTo: [join(projectRoot(), 'taxonomy'), ...allow.map((d) => resolve(d))],
  });
}
