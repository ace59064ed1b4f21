/**
 * A one-line progress bar on stderr: files done / total, facts, facts per second, elapsed time. Redrawn
 * with a carriage return at most ten times a second, cleared before anything else is printed and at the end.
 * Where stderr is not a terminal (a CI log, a file) and the bar is asked for all the same (`--progress`), it is
 * plain lines instead, one every few seconds and one at the end: no carriage return, no escape code.
 */

export interface ProgressStream {
  write(s: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface ProgressOptions {
  /** Draw at all (a terminal, or --progress); when false every method but `print` does nothing. */
  readonly enabled: boolean;
  /** Milliseconds between redraws. */
  readonly interval?: number;
  /** The clock, in milliseconds (tests pass their own). */
  readonly now?: () => number;
  /** Start a timer that redraws (false in tests, which call `tick`). */
  readonly timer?: boolean;
  /** Plain lines, no carriage returns or escape codes (default: when the stream is not a terminal). */
  readonly plain?: boolean;
}

/** Milliseconds between two plain progress lines. */
const PLAIN_INTERVAL = 5000;

const CLEAR = '\r\x1b[K';
const BAR = 20;

/** Whether to draw: `--progress` forces it, `--no-progress` stops it, otherwise when stderr is a terminal. */
export function wantProgress(values: Record<string, unknown>, stderr: ProgressStream): boolean {
  if (values['no-progress']) return false;
  if (values.progress) return true;
  return stderr.isTTY === true;
}

export class Progress {
  private readonly stream: ProgressStream;
  private readonly total: number;
  private readonly enabled: boolean;
  private readonly plain: boolean;
  private readonly interval: number;
  private readonly now: () => number;
  private readonly started: number;
  private files = 0;
  private facts = 0;
  private shown = false;
  private finished = false;
  private lastDraw = -Infinity;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(stream: ProgressStream, total: number, options: ProgressOptions) {
    this.stream = stream;
    this.total = total;
    this.enabled = options.enabled;
    this.plain = options.plain ?? stream.isTTY !== true;
    this.interval = options.interval ?? (this.plain ? PLAIN_INTERVAL : 100);
    // process.hrtime, not `performance`: that global loads Node's perf_hooks on first use (a few ms of every run's start-up).
    this.now = options.now ?? (() => Number(process.hrtime.bigint()) / 1e6);
    this.started = this.now();
    if (!this.enabled) return;
    this.draw();
    if (options.timer !== false) {
      this.timer = setInterval(() => this.tick(), this.interval);
      this.timer.unref();
    }
  }

  /** One more file done, with its facts. */
  fileDone(facts: number): void {
    this.files++;
    this.facts += facts;
    this.tick();
  }

  /** Redraws when the last drawing is at least one interval old. */
  tick(): void {
    if (this.enabled && !this.finished && this.now() - this.lastDraw >= this.interval) this.draw();
  }

  /** Writes `text` to `stream` (stdout or stderr) with the bar out of the way; it comes back on the next tick. */
  print(stream: { write(s: string): unknown }, text: string | readonly string[]): void {
    if (!text.length) return;
    this.clear();
    if (typeof text === 'string') stream.write(text);
    else for (const t of text) stream.write(t);
  }

  /** Clears the bar for good. */
  finish(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.enabled && this.plain && !this.finished) this.draw();
    this.finished = true;
    this.clear();
  }

  /** The bar's text (without the carriage return). */
  line(): string {
    const seconds = Math.max(0, this.now() - this.started) / 1000;
    const filled = this.total ? Math.round((BAR * this.files) / this.total) : BAR;
    const bar = `[${'='.repeat(filled)}${' '.repeat(BAR - filled)}]`;
    const rate = seconds > 0 ? Math.round(this.facts / seconds) : 0;
    const text = `${bar} ${this.files}/${this.total} files, ${group(this.facts)} facts, ${group(rate)} facts/s, ${seconds.toFixed(1)} s`;
    const width = this.plain ? undefined : this.stream.columns;
    return width && width > 1 && text.length >= width ? text.slice(0, width - 1) : text;
  }

  private draw(): void {
    this.lastDraw = this.now();
    if (this.plain) {
      this.stream.write(`${this.line()}\n`);
      return;
    }
    this.stream.write(`${CLEAR}${this.line()}`);
    this.shown = true;
  }

  private clear(): void {
    if (!this.shown || this.plain) return;
    this.stream.write(CLEAR);
    this.shown = false;
    // Back on the next tick, not right away: printing many lines must not redraw the bar between each.
    this.lastDraw = this.now();
  }
}

/** 12345 → "12,345". */
function group(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
