import type { DuckDBInstance } from '@duckdb/node-api';

/** A row as DuckDB's JSON reader gives it. */
export type Row = Record<string, unknown>;

/** The rows a query gives, on a connection of its own that is closed afterwards. */
export async function queryRows(db: DuckDBInstance, sql: string): Promise<Row[]> {
  const c = await db.connect();
  try {
    return (await c.runAndReadAll(sql)).getRowObjectsJson() as Row[];
  } finally {
    c.closeSync();
  }
}
