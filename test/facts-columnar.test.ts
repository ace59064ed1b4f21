/**
 * `kessan facts` for aggregators over ../shared/corpus: the facts written to Parquet and to a DuckDB database, read
 * back by DuckDB with the column types of the listing, the same rows (9,482) and per-filing counts as
 * `--format jsonl`; and `--shard 1/3 … 3/3` giving exactly the unsharded rows, each shard a Parquet file of one
 * dataset. Skips when ../shared is not beside the project.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listingColumns } from '../src/app/fact-listing.js';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import { CORPUS_FACTS } from './support/corpus.js';
import { SHARED } from './support/example.js';
import { queryRows, type Row } from './support/duckdb.js';

const CORPUS = join(SHARED, 'corpus');

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** The corpus's facts per filing (the EDINET set is one filing, each audit report another). */
const PER_FILING = CORPUS_FACTS;

/** What DuckDB says each column is: the listing's SQL types, as DuckDB spells them. */
const TYPES = Object.fromEntries(listingColumns(false).map(([name, type]) => [name, type.replace(/, (?=\d)/, ',')]));


/** A row as one comparable line: JSON with the DuckDB values written the way the JSON listing writes them. */
function key(row: Row): string {
  return JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]]));
}

describe.skipIf(!existsSync(CORPUS))('kessan facts over ../shared/corpus as Parquet and DuckDB', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-columnar-'));
  let db: DuckDBInstance;
  let jsonl: Row[] = [];

  const query = (sql: string): Promise<Row[]> => queryRows(db, sql);
  /** The rows of a table or file as the JSON listing has them: dates and decimals as text, the map as an object. */
  const rowsOf = (from: string) =>
    query(`SELECT * REPLACE (period_start::VARCHAR AS period_start, period_end::VARCHAR AS period_end, period_instant::VARCHAR AS period_instant,
      CASE WHEN value_decimal IS NULL THEN NULL ELSE regexp_replace(regexp_replace(value_decimal::VARCHAR, '(\\.\\d*?)0+$', '\\1'), '\\.$', '') END AS value_decimal,
      to_json(dimensions)::VARCHAR AS dimensions) FROM ${from}`);
  const normal = (r: Row): Row => ({ ...r, dimensions: JSON.stringify(r.dimensions) });

  beforeAll(async () => {
    db = await DuckDBInstance.create(':memory:');
    const r = await run('facts', CORPUS, '--format', 'jsonl');
    expect(r.code, r.err).toBe(0);
    jsonl = r.out.trimEnd().split('\n').map((l) => JSON.parse(l) as Row);
  }, 120_000);
  afterAll(() => db?.closeSync());

  it('--format jsonl lists 9,482 facts, per filing as the corpus README counts them', () => {
    expect(jsonl).toHaveLength(9482);
    const counts: Record<string, number> = {};
    for (const r of jsonl) counts[relative(CORPUS, r.filing as string)] = (counts[relative(CORPUS, r.filing as string)] ?? 0) + 1;
    expect(counts).toEqual(PER_FILING);
  });

  for (const format of ['parquet', 'duckdb'] as const) {
    it(`--format ${format}: DuckDB reads back the listing's column types, the same 9,482 rows and per-filing counts`, async () => {
      const file = join(dir, `corpus.${format}`);
      const r = await run('facts', CORPUS, '--format', format, '-o', file);
      expect(r.code, r.err).toBe(0);
      const from = format === 'parquet' ? `read_parquet('${file}')` : `corpus.facts`;
      if (format === 'duckdb') await query(`ATTACH '${file}' AS corpus (READ_ONLY)`);
      const described = await query(`DESCRIBE SELECT * FROM ${from}`);
      expect(Object.fromEntries(described.map((d) => [d.column_name, d.column_type]))).toEqual(TYPES);
      expect(described.map((d) => d.column_name)).toEqual(Object.keys(TYPES));
      const perFiling = await query(`SELECT filing, count(*)::INTEGER AS n FROM ${from} GROUP BY filing`);
      expect(Object.fromEntries(perFiling.map((p) => [relative(CORPUS, p.filing as string), p.n]))).toEqual(PER_FILING);
      const rows = (await rowsOf(from)).map((x) => key(x));
      expect(rows).toHaveLength(9482);
      expect(rows.sort()).toEqual(jsonl.map((x) => key(normal(x))).sort());
      // Typed, not text: sums over DECIMAL, dates compared as dates, the map's members by key.
      const [typed] = await query(`SELECT sum(value_decimal) FILTER (WHERE concept = 'us-gaap:Revenues' AND unit = 'iso4217:USD')::VARCHAR AS revenues,
        count(*) FILTER (WHERE period_end - period_start >= 364)::INTEGER AS years,
        count(*) FILTER (WHERE dimensions['us-gaap:StatementBusinessSegmentsAxis'] IS NOT NULL)::INTEGER AS segmented,
        count(*) FILTER (WHERE decimals IS NULL AND value_decimal IS NOT NULL)::INTEGER AS infinite FROM ${from}`);
      expect(typed!.revenues).toMatch(/^\d+\.0+$/);
      expect(typed!.years).toBeGreaterThan(1000);
      expect(typed!.segmented).toBeGreaterThan(0);
      expect(typed!.infinite).toBe(jsonl.filter((x) => x.decimals === null && x.value_decimal !== null).length);
      if (format === 'duckdb') await query('DETACH corpus');
    }, 120_000);
  }

  it('--shard 1/3, 2/3, 3/3 write three Parquet files that DuckDB reads as one dataset: exactly the unsharded rows', async () => {
    const shards = join(dir, 'shards');
    const counts: number[] = [];
    for (const i of [1, 2, 3]) {
      const r = await run('facts', CORPUS, '--shard', `${i}/3`, '-o', join(shards, `part-${i}.parquet`));
      expect(r.code, r.err).toBe(0);
      const [n] = await query(`SELECT count(*)::INTEGER AS n FROM '${join(shards, `part-${i}.parquet`)}'`);
      counts.push(n!.n as number);
    }
    // Each shard has some of the corpus (15 entries over 3 shards), none has it all.
    expect(counts.every((n) => n > 0 && n < 9482)).toBe(true);
    const rows = (await rowsOf(`read_parquet('${join(shards, '*.parquet')}')`)).map(key);
    expect(rows.sort()).toEqual(jsonl.map((x) => key(normal(x))).sort());
    // A filing is in one shard only.
    const [split] = await query(`SELECT count(*)::INTEGER AS n FROM (SELECT filing FROM read_parquet('${join(shards, '*.parquet')}', filename = true) GROUP BY filing HAVING count(DISTINCT filename) > 1)`);
    expect(split!.n).toBe(0);
  }, 120_000);
});
