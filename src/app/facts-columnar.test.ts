/**
 * The columnar sink on its own fixtures: many loads (a tiny stage) joined into one Parquet file or inserted into
 * one DuckDB table in input order, typed; an empty listing; an abort that leaves nothing; and the fast text to
 * DECIMAL(38, 10) conversion agreeing with DuckDB's own cast on any value the listing can hold.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXbrl } from '../formats/xbrl/write/index.js';
import { sampleReport } from '../../test/support/reports.js';
import { decimalFromText, openColumnarSink } from './facts-columnar.js';
import { DECIMAL_PRECISION, DECIMAL_SCALE } from './fact-listing.js';
import { listFacts, type FactsResult } from './facts.js';
import { queryRows, type Row } from '../../test/support/duckdb.js';


describe('openColumnarSink', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-columnar-unit-'));
  let db: DuckDBInstance;
  let sample: FactsResult;
  const query = (sql: string): Promise<Row[]> => queryRows(db, sql);

  beforeAll(async () => {
    db = await DuckDBInstance.create(':memory:');
    const file = join(dir, 'sample.xbrl');
    writeFileSync(file, writeXbrl(sampleReport()));
    sample = await listFacts(file, { format: 'jsonl' });
    expect(sample.facts).toBe(13);
  });
  afterAll(() => db?.closeSync());

  for (const format of ['parquet', 'duckdb'] as const) {
    it(`${format}: five files loaded one at a time give their 65 rows in order, typed, and nothing else beside the output`, async () => {
      const out = join(dir, format, `facts.${format}`);
      const sink = await openColumnarSink({ format, output: out, labels: false, stageBytes: 1 });
      for (let i = 0; i < 5; i++) await sink.file({ ...sample, chunks: sample.chunks.map((c) => c.replace(/"id":"f/g, `"id":"${i}-f`)) });
      await sink.end();
      expect(readdirSync(join(dir, format))).toEqual([`facts.${format}`]);
      const from = format === 'parquet' ? `read_parquet('${out}')` : `f.facts`;
      if (format === 'duckdb') await query(`ATTACH '${out}' AS f (READ_ONLY)`);
      const ids = (await query(`SELECT id FROM ${from}`)).map((r) => r.id);
      const expected = [0, 1, 2, 3, 4].flatMap((i) => sample.chunks.join('').trimEnd().split('\n').map((l) => `${i}-${(JSON.parse(l) as { id: string }).id}`));
      expect(ids).toEqual(expected);
      const [t] = await query(`SELECT sum(value_decimal)::VARCHAR AS total, typeof(any_value(period_start)) AS date, typeof(any_value(value_decimal)) AS dec FROM ${from} WHERE id LIKE '%-f1'`);
      expect(t).toEqual({ total: '61725000000.0000000000', date: 'DATE', dec: 'DECIMAL(38,10)' });
      if (format === 'duckdb') await query('DETACH f');
    });
  }

  it('parquet: several parts are joined into row groups of the listing\'s size, not one group a part', async () => {
    const out = join(dir, 'groups.parquet');
    const sink = await openColumnarSink({ format: 'parquet', output: out, labels: false, stageBytes: 1 });
    for (let i = 0; i < 4; i++) await sink.file(sample);
    await sink.end();
    const [m] = await query(`SELECT count(DISTINCT row_group_id)::INTEGER AS groups, sum(row_group_num_rows)::INTEGER AS rows FROM (SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata('${out}'))`);
    expect(m).toEqual({ groups: 1, rows: 52 });
  });

  it('an empty listing is a file with the columns and no rows; an aborted one leaves nothing', async () => {
    const empty = join(dir, 'empty', 'facts.parquet');
    const sink = await openColumnarSink({ format: 'parquet', output: empty, labels: true });
    await sink.end();
    const [n] = await query(`SELECT count(*)::INTEGER AS n FROM '${empty}'`);
    expect(n!.n).toBe(0);
    expect((await query(`DESCRIBE SELECT * FROM '${empty}'`)).map((d) => d.column_name)).toContain('label');
    for (const format of ['parquet', 'duckdb'] as const) {
      const gone = join(dir, `aborted-${format}`, `facts.${format}`);
      const s = await openColumnarSink({ format, output: gone, labels: false, stageBytes: 1 });
      await s.file(sample);
      await s.abort();
      expect(readdirSync(join(dir, `aborted-${format}`))).toEqual([]);
    }
  });

  it('decimalFromText gives what DuckDB\'s own cast gives, for any plain decimal of ≤ 28 + 10 digits', async () => {
    const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    const decimal = fc
      .tuple(fc.boolean(), digits(1, DECIMAL_PRECISION - DECIMAL_SCALE), fc.option(digits(1, DECIMAL_SCALE), { nil: undefined }))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole.replace(/^0+(?=\d)/, '')}${fraction === undefined ? '' : `.${fraction}`}`);
    await fc.assert(
      fc.asyncProperty(fc.array(decimal, { minLength: 1, maxLength: 100 }), async (values) => {
        const list = values.map((v) => `('${v}')`).join(', ');
        const wrong = await query(`SELECT v FROM (VALUES ${list}) t(v) WHERE ${decimalFromText('v')} IS DISTINCT FROM v::DECIMAL(${DECIMAL_PRECISION}, ${DECIMAL_SCALE})`);
        expect(wrong).toEqual([]);
      }),
      { numRuns: 60, examples: [[['-0.5', '0', '-0', '0.0000000001', '-9999999999999999999999999999.9999999999', '12345000000', '1234.56']]] },
    );
    const [nul] = await query(`SELECT (${decimalFromText('v')}) IS NULL AS n FROM (VALUES (NULL::VARCHAR)) t(v)`);
    expect(nul!.n).toBe(true);
  });
});
