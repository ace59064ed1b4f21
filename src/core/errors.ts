/**
 * The one error class for a user's mistake or an unreadable input. It carries a Finding (the one shape every
 * problem has: code, severity, message, file, line, column), which the CLI prints like any other finding and
 * exits with the error's exit code; never a stack trace.
 */
import type { Finding } from './model/finding.js';

export type ExitCode = 1 | 2;

export interface Location {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export class KessanError extends Error {
  /** What went wrong, as a finding of severity `error`. */
  readonly finding: Finding;
  /** 2: usage or unreadable input; 1: the input is wrong. */
  readonly exitCode: ExitCode;

  constructor(code: string, message: string, location: Location = {}, exitCode: ExitCode = 2) {
    super(message);
    this.name = 'KessanError';
    this.finding = {
      code,
      severity: 'error',
      message,
      ...(location.file !== undefined ? { file: location.file } : {}),
      ...(location.line ? { line: location.line } : {}),
      ...(location.column ? { column: location.column } : {}),
    };
    this.exitCode = exitCode;
  }

  get code(): string {
    return this.finding.code;
  }

  get location(): Location {
    const { file, line, column } = this.finding;
    return { ...(file !== undefined ? { file } : {}), ...(line ? { line } : {}), ...(column ? { column } : {}) };
  }
}

/** What a thrown value says as a finding of `file` (when it names none), with its exit code: anything but a KessanError is a bug. */
export function problemOf(e: unknown, file?: string): { readonly finding: Finding; readonly exitCode: ExitCode } {
  if (e instanceof KessanError) {
    return { finding: e.finding.file !== undefined || file === undefined ? e.finding : { ...e.finding, file }, exitCode: e.exitCode };
  }
  const text = e instanceof Error ? e.message : String(e);
  return {
    finding: { code: 'kessan:internalError', severity: 'error', message: `internal error: ${text} (this is a bug in kessan; please report it with the input that caused it)`, ...(file !== undefined ? { file } : {}) },
    exitCode: 2,
  };
}
