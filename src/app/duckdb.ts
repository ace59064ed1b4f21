/**
 * DuckDB's Node API, loaded only when a columnar output is asked for (`facts --format parquet|duckdb`): its native
 * binding is a package per platform, and npm installs none where DuckDB publishes none. Loaded with require(), not
 * import(): the bin runs the command line bundled in a node:vm script, which has no loader for import()
 * (src/cli/bin.ts).
 */
import { createRequire } from 'node:module';

export function loadDuckDb(): typeof import('@duckdb/node-api') {
  return createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');
}
