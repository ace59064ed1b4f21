/** The command-line options and inputs every batch command shares: --jobs, --progress, files and folders. */
import { KessanError } from '../core/errors.js';
import { expandInputs } from '../app/batch/files.js';
import type { Failure } from '../app/batch/failure.js';

export const BATCH_OPTIONS = {
  jobs: { type: 'string', short: 'j' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
} as const;

export const BATCH_HELP = `Batches:
  A folder stands for the documents in it and its subfolders, in path order: XBRL instances (.xbrl, and
  .xml whose root is xbrli:xbrl), Inline XBRL (.htm .html .xhtml using an ix namespace) and xBRL-JSON
  (.json with documentInfo). Schemas, linkbases and other files are skipped; release text counts only
  when named. A file named on the command line is always read. The documents of one Inline XBRL
  document set (an EDINET manifest) are read once, as one entry.
  -j, --jobs N            worker processes (default: one per file, at most one per core); 1 reads in-process
      --progress          draw a progress bar on stderr even when it is not a terminal
      --no-progress       never draw it (by default it is drawn when stderr is a terminal)
  Results are printed as each file is done (with several jobs, in the order they finish); a file that
  cannot be read is reported and the others still are.
`;

/** --jobs as a positive whole number, or undefined for the default. */
export function parseJobs(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const text = String(raw);
  if (!/^[1-9]\d{0,3}$/.test(text)) throw new KessanError('kessan:usage', `--jobs must be a whole number from 1 to 9999, not "${text}"`, {}, 2);
  return Number(text);
}

export interface BatchPlan {
  readonly files: string[];
  /** Bytes to read per file, for scheduling. */
  readonly weights: number[];
  /** Folders named that hold nothing to read: reported like unreadable files. */
  readonly failures: Failure[];
}

/** The files a batch reads, and a failure per folder named that holds none. */
export function planBatch(positionals: readonly string[]): BatchPlan {
  const { files, weights, emptyFolders } = expandInputs(positionals);
  const failures = emptyFolders.map((dir): Failure => ({
    finding: { code: 'kessan:inputUnreadable', severity: 'error', message: 'is a folder holding no document kessan reads (XBRL instance, Inline XBRL, xBRL-JSON)', file: dir },
    exitCode: 2,
  }));
  return { files, weights, failures };
}
