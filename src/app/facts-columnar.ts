/**
 * `kessan facts --format parquet|duckdb`: the listing as typed columns, through embedded DuckDB
 * (`@duckdb/node-api`). DuckDB writes both files, Parquet and its own, with the types of `fact-listing.ts`
 * (DATE, DECIMAL(38, 10), MAP, BOOLEAN, INTEGER), and parses the rows itself (native, on its own threads).
 *
 * The rows arrive as JSON lines, a file's at a time (the text listing's rows, the same columns). They are staged
 * in a small file and loaded into a `facts` table whenever some megabytes have gathered, with `read_json` given
 * every column's type: a value that does not fit its type stops the run with DuckDB's message, never a silently
 * empty cell. Memory stays bounded: kessan holds one file's rows, DuckDB is held to `memory_limit` and spills
 * to its database file. At the end the table is the DuckDB output (checkpointed, renamed into place), or it is
 * copied to Parquet in row groups of 122,880 rows (zstd) and the staging database removed.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { KessanError } from '../core/errors.js';
import { listingColumns } from './fact-listing.js';
import { tempBeside, type ListingSink } from './facts-output.js';
import type { FactsResult } from './facts.js';

/** Staged JSON lines loaded into the table at a time. */
const STAGE_BYTES = 32 << 20;
/** DuckDB's own memory: its buffer pool spills beyond this (the table lives in a database file). */
const MEMORY_LIMIT = '256MB';
export const ROW_GROUP_SIZE = 122_880;
/** The longest row DuckDB's JSON reader takes (its buffers are sized by it): a text block of 32 MB. */
const MAX_ROW_BYTES = 32 << 20;

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export interface ColumnarOptions {
  readonly format: 'parquet' | 'duckdb';
  readonly output: string;
  /** Whether rows carry a `label` column. */
  readonly labels: boolean;
}

export async function openColumnarSink(options: ColumnarOptions): Promise<ListingSink> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const { format, output } = options;
  const database = tempBeside(output, format === 'duckdb' ? '.tmp' : '.duckdb.tmp');
  const staging = `${database}.rows.jsonl`;
  const parquet = format === 'parquet' ? tempBeside(output) : undefined;
  const columns = listingColumns(options.labels);
  let instance: Awaited<ReturnType<typeof DuckDBInstance.create>>;
  try {
    instance = await DuckDBInstance.create(database, { memory_limit: MEMORY_LIMIT, temp_directory: `${database}.spill` });
  } catch (e) {
    throw new KessanError('kessan:outputUnwritable', `cannot write: ${(e as Error).message}`, { file: output }, 2);
  }
  const db = await instance.connect();
  await db.run(`CREATE TABLE facts (${columns.map(([name, type]) => `${name} ${type}`).join(', ')})`);
  const read = `read_json(${sqlString(staging)}, format = 'newline_delimited', maximum_object_size = ${MAX_ROW_BYTES}, columns = {${columns.map(([name, type]) => `${name}: ${sqlString(type)}`).join(', ')}})`;

  let fd: number | undefined = openSync(staging, 'w');
  let staged = 0;
  let chain: Promise<void> = Promise.resolve();
  const load = async () => {
    if (!staged) return;
    closeSync(fd!);
    fd = undefined;
    await refused(db.run(`INSERT INTO facts SELECT * FROM ${read}`), output);
    fd = openSync(staging, 'w');
    staged = 0;
  };
  const add = async (r: FactsResult) => {
    for (const chunk of r.chunks) staged += writeSync(fd!, chunk);
    if (staged >= STAGE_BYTES) await load();
  };
  const cleanup = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    for (const f of [staging, `${database}.wal`, `${database}.spill`, ...(format === 'parquet' ? [database] : [])]) rmSync(f, { force: true, recursive: true });
  };
  const close = () => {
    db.closeSync();
    instance.closeSync();
  };
  return {
    // One file at a time: a load reads the staging file, which must not be written meanwhile.
    file: (r) => (chain = chain.then(() => add(r))),
    async end() {
      await chain;
      await load();
      if (parquet) await refused(db.run(`COPY facts TO ${sqlString(parquet)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`), output);
      else await refused(db.run('CHECKPOINT'), output);
      close();
      cleanup();
      renameSync(parquet ?? database, output);
    },
    async abort() {
      await chain.catch(() => undefined);
      close();
      cleanup();
      for (const f of [database, ...(parquet ? [parquet] : [])]) rmSync(f, { force: true });
    },
  };
}

/** DuckDB's error (a full disk, a row it cannot type) as the run's one message, naming the output. */
async function refused<T>(p: Promise<T>, output: string): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw new KessanError('kessan:outputUnwritable', `DuckDB could not write the facts: ${(e as Error).message}`, { file: output }, 2);
  }
}
