import { KessanError } from '../../core/errors.js';

/** Why one file of a batch gave nothing: the message names the file; exit code 2 unreadable, 1 wrong input. */
export interface Failure {
  readonly code: string;
  readonly exitCode: 1 | 2;
  /** `file:line:col: message [code]`, as the CLI prints a KessanError. */
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** A thrown error as a Failure of `file`: a KessanError as it describes itself, anything else as a bug. */
export function failureOf(e: unknown, file: string): Failure {
  if (e instanceof KessanError) {
    const message = e.location.file ? e.describe() : `${file}: ${e.describe()}`;
    return { code: e.code, exitCode: e.exitCode, message, file: e.location.file ?? file, ...(e.location.line ? { line: e.location.line } : {}), ...(e.location.column ? { column: e.location.column } : {}) };
  }
  const text = e instanceof Error ? e.message : String(e);
  return {
    code: 'kessan:internalError',
    exitCode: 2,
    message: `${file}: internal error: ${text} (this is a bug in kessan; please report it with the input that caused it)`,
    file,
  };
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
