/**
 * The one error class for a user's mistake or an unreadable input. The CLI prints its message (with the
 * location) and exits with its exit code; never a stack trace.
 */
export type ExitCode = 1 | 2;

export interface Location {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export class KessanError extends Error {
  readonly code: string;
  readonly location: Location;
  /** 2: usage or unreadable input; 1: the input is wrong. */
  readonly exitCode: ExitCode;

  constructor(code: string, message: string, location: Location = {}, exitCode: ExitCode = 2) {
    super(message);
    this.name = 'KessanError';
    this.code = code;
    this.location = location;
    this.exitCode = exitCode;
  }

  /** `file:line:col: message (code)` */
  describe(): string {
    const { file, line, column } = this.location;
    const where = file ? `${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ` : '';
    return `${where}${this.message} [${this.code}]`;
  }
}
