/**
 * `kessan facts --format parquet|duckdb`: the listing as typed columns, through embedded DuckDB
 * (`@duckdb/node-api`). DuckDB writes both files, Parquet and its own, with the types of `fact-listing.ts`
 * (DATE, DECIMAL(38, 10), MAP, BOOLEAN, INTEGER), and parses the rows itself (native, on its own threads).
 *
 * The rows arrive as JSON lines, a file's at a time (the text listing's rows, the same columns). They are staged
 * in a small file and loaded whenever some megabytes have gathered, with `read_json` given every column's type: a
 * value that does not fit its type stops the run with DuckDB's message, never a silently empty cell. Memory stays
 * bounded: kessan holds one file's rows, DuckDB is held to `memory_limit`. DuckDB output: each load is inserted into
 * the `facts` table of the database file (which DuckDB spills to), checkpointed and renamed into place at the end.
 * Parquet: each load is written straight to a part file (an in-memory database holds nothing), and at the end the
 * parts are copied in order into one file in row groups of 122,880 rows (zstd), then removed: the batch never
 * sits in a DuckDB table.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { KessanError } from '../core/errors.js';
import { DECIMAL_PRECISION, DECIMAL_SCALE, listingColumns } from './fact-listing.js';
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
  /** Bytes of rows staged before each load (default 32 MiB); tests make it small to load many times. */
  readonly stageBytes?: number;
}

export async function openColumnarSink(options: ColumnarOptions): Promise<ListingSink> {
  const { format, output } = options;
  let DuckDBInstance: typeof import('@duckdb/node-api').DuckDBInstance;
  try {
    ({ DuckDBInstance } = (await import('./duckdb.js')).loadDuckDb());
  } catch (e) {
    // The native binding is an optional dependency per platform: npm installs none where DuckDB publishes none.
    throw new KessanError('kessan:unsupported', `--format ${format} needs DuckDB's native binding (@duckdb/node-api), which could not be loaded on ${process.platform}-${process.arch}: ${(e as Error).message.split('\n')[0]}`, { file: output }, 2);
  }
  // DuckDB: the output itself, under a temporary name. Parquet: parts written as rows come, joined at the end.
  const work = tempBeside(output, format === 'duckdb' ? '.tmp' : '.parts');
  const staging = `${work}.rows.jsonl`;
  const parquet = format === 'parquet' ? tempBeside(output) : undefined;
  const parts: string[] = [];
  const columns = listingColumns(options.labels);
  let instance: Awaited<ReturnType<typeof DuckDBInstance.create>>;
  try {
    if (parquet) mkdirSync(work);
    instance = await DuckDBInstance.create(parquet ? ':memory:' : work, { memory_limit: MEMORY_LIMIT, temp_directory: `${work}.spill` });
  } catch (e) {
    throw new KessanError('kessan:outputUnwritable', `cannot write: ${(e as Error).message}`, { file: output }, 2);
  }
  const db = await instance.connect();
  await db.run(`CREATE TABLE facts (${columns.map(([name, type]) => `${name} ${type}`).join(', ')})`);
  // The decimal is read as text and cast below: DuckDB's own text-to-DECIMAL(38) cast costs ~13 µs a value.
  const readTypes = columns.map(([name, type]) => `${name}: ${sqlString(name === 'value_decimal' ? 'VARCHAR' : type)}`);
  const read = `read_json(${sqlString(staging)}, format = 'newline_delimited', maximum_object_size = ${MAX_ROW_BYTES}, columns = {${readTypes.join(', ')}})`;
  const select = `SELECT * REPLACE (${decimalFromText('value_decimal')} AS value_decimal) FROM ${read}`;
  const parquetOptions = `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`;

  let fd: number | undefined = openSync(staging, 'w');
  let staged = 0;
  let chain: Promise<void> = Promise.resolve();
  const load = async () => {
    if (!staged) return;
    closeSync(fd!);
    fd = undefined;
    if (parquet) {
      const part = join(work, `part-${String(parts.length).padStart(6, '0')}.parquet`);
      await refused(db.run(`COPY (${select}) TO ${sqlString(part)} ${parquetOptions}`), output);
      parts.push(part);
    } else await refused(db.run(`INSERT INTO facts ${select}`), output);
    fd = openSync(staging, 'w');
    staged = 0;
  };
  const add = async (r: FactsResult) => {
    for (const chunk of r.chunks) staged += writeSync(fd!, chunk);
    if (staged >= (options.stageBytes ?? STAGE_BYTES)) await load();
  };
  const finish = async () => {
    if (!parquet) return refused(db.run('CHECKPOINT'), output);
    // One part is the file; several are joined in order (row groups of ROW_GROUP_SIZE again); none: an empty table.
    if (parts.length === 1) return renameSync(parts[0]!, parquet);
    const from = parts.length ? `read_parquet([${parts.map(sqlString).join(', ')}])` : 'facts';
    await refused(db.run(`COPY (SELECT * FROM ${from}) TO ${sqlString(parquet)} ${parquetOptions}`), output);
  };
  const cleanup = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    for (const f of [staging, `${work}.wal`, `${work}.spill`, ...(parquet ? [work] : [])]) rmSync(f, { force: true, recursive: true });
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
      await finish();
      close();
      cleanup();
      renameSync(parquet ?? work, output);
    },
    async abort() {
      await chain.catch(() => undefined);
      close();
      cleanup();
      for (const f of [work, ...(parquet ? [parquet] : [])]) rmSync(f, { force: true, recursive: true });
    },
  };
}

/**
 * DECIMAL(38, 10) from the listing's text (plain notation, at most 10 decimal places, under 10^28: see
 * `decimalText`), through 128-bit integers: the integer part, plus the fraction with the number's sign. The same
 * values as a plain cast (the corpus test reads them back), two hundred times faster.
 */
export function decimalFromText(column: string): string {
  const c = column;
  return `CASE WHEN ${c} IS NULL THEN NULL WHEN NOT contains(${c}, '.') THEN ${c}::HUGEINT::DECIMAL(${DECIMAL_PRECISION}, ${DECIMAL_SCALE}) ELSE split_part(${c}, '.', 1)::HUGEINT::DECIMAL(${DECIMAL_PRECISION}, ${DECIMAL_SCALE}) + (CASE WHEN starts_with(${c}, '-') THEN -1 ELSE 1 END) * ('0.' || split_part(${c}, '.', 2))::DECIMAL(${DECIMAL_SCALE + 1}, ${DECIMAL_SCALE}) END`;
}

/** DuckDB's error (a full disk, a row it cannot type) as the run's one message, naming the output. */
async function refused<T>(p: Promise<T>, output: string): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw new KessanError('kessan:outputUnwritable', `DuckDB could not write the facts: ${(e as Error).message}`, { file: output }, 2);
  }
}
