/**
 * Where `kessan facts` puts its listing: standard output or a file (`-o`), as CSV, JSON or JSON lines, each file's
 * rows written as they come; or Parquet or a DuckDB database (`facts-columnar.ts`). A file is written under a
 * temporary name beside it and renamed into place at the end, so nobody reads half a listing.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { KessanError } from '../core/errors.js';
import { makeFolder } from '../core/folders.js';
import { csvHeader } from './fact-listing.js';
import type { FactsResult, ListFormat } from './facts.js';

export type OutputFormat = ListFormat | 'parquet' | 'duckdb';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'json', 'jsonl', 'parquet', 'duckdb'];

/** The format an output file's extension names, if any. */
export function formatOfOutput(path: string): OutputFormat | undefined {
  const ext = extname(path).toLowerCase();
  return ({ '.csv': 'csv', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.parquet': 'parquet', '.duckdb': 'duckdb' } as const)[ext as '.csv'];
}

/** Takes each file's rows as they come, then finishes (or, on failure, leaves nothing behind). */
export interface ListingSink {
  /** One file's rows; may return a promise, and the batch hands this sink nothing more until it settles. */
  file(r: FactsResult): void | Promise<void>;
  end(): Promise<void>;
  abort(): Promise<void>;
}

let temps = 0;

/**
 * A temporary name beside `path` that no other run uses (the pid and a counter; `wx` refuses an existing one), its
 * folder made when missing. A folder that cannot be made is the run's one message, naming the output.
 */
export function tempBeside(path: string, suffix = '.tmp'): string {
  try {
    makeFolder(dirname(path) || '.');
  } catch (e) {
    throw new KessanError('kessan:outputUnwritable', `cannot write: ${(e as Error).message}`, { file: path }, 2);
  }
  return join(dirname(path), `.${basename(path)}.${process.pid}.${(temps++).toString(36)}${suffix}`);
}

/**
 * The text listing's framing: the CSV header or the JSON array's opening once (even for no rows: an empty listing
 * is still a CSV with its header, a JSON `[]`), each file's rows together, the array's end.
 */
export function textSink(format: ListFormat, labels: boolean, write: (text: string | readonly string[]) => void): ListingSink {
  let opened = false;
  let rows = false;
  const open = () => {
    if (opened) return '';
    opened = true;
    return format === 'csv' ? csvHeader(labels) : format === 'json' ? '[' : '';
  };
  return {
    file(r) {
      const head = open();
      if (format === 'json' && r.chunks.length) {
        write([`${head}${rows ? ',\n' : '\n'}`, ...r.chunks]);
        rows = true;
      } else write(head ? [head, ...r.chunks] : r.chunks);
    },
    async end() {
      const head = open();
      if (format === 'json') write(`${head}${rows ? '\n]\n' : ']\n'}`);
      else if (head) write(head);
    },
    async abort() {},
  };
}

/** The text listing into a file: written as it comes to a temporary file, renamed over `path` at the end. */
export function fileTextSink(format: ListFormat, labels: boolean, path: string): ListingSink {
  const temp = tempBeside(path);
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch (e) {
    throw new KessanError('kessan:outputUnwritable', `cannot write: ${(e as Error).message}`, { file: path }, 2);
  }
  const inner = textSink(format, labels, (text) => {
    for (const t of typeof text === 'string' ? [text] : text) writeSync(fd, t);
  });
  return {
    file: (r) => inner.file(r),
    async end() {
      await inner.end();
      closeSync(fd);
      renameSync(temp, path);
    },
    async abort() {
      closeSync(fd);
      rmSync(temp, { force: true });
    },
  };
}
