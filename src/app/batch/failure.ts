import { problemOf, type ExitCode } from '../../core/errors.js';
import type { Finding } from '../../core/model/finding.js';

/** Why one file of a batch gave nothing: a finding that names the file; exit code 2 unreadable, 1 wrong input. */
export interface Failure {
  readonly finding: Finding;
  readonly exitCode: ExitCode;
}

/** A thrown error as a Failure of `file`: a KessanError's finding, anything else a bug. */
export function failureOf(e: unknown, file: string): Failure {
  return problemOf(e, file);
}

/**
 * The exit code of a batch: 0 when nothing failed; when every file failed, the worst of their codes
 * (a lone unreadable file exits 2, as a single-file run always has); otherwise 1.
 */
export function batchExitCode(failures: readonly Failure[], total: number): 0 | 1 | 2 {
  if (!failures.length) return 0;
  if (failures.length < total) return 1;
  return failures.some((f) => f.exitCode === 2) ? 2 : 1;
}
