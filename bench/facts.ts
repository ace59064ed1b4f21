/**
 * `kessan facts … --format parquet` over a batch: a folder of `documents` generated instances of `perDocument`
 * facts each (hard links to one instance: the same work per document, no extra disk), listed by the built CLI
 * in a fresh process (worker processes, DuckDB, start-up included). Peak RSS is from GNU time: the largest of the
 * processes (the command, which runs DuckDB, or one worker), not their sum; each should stay bounded by a document
 * per worker plus DuckDB's memory limit, whatever the batch's size. The
 * Parquet file is read back (DuckDB counts its rows) so that a run that wrote less does not pass as fast.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBench } from './generate.js';
import { NODE_FLAGS } from '../src/app/node-flags.js';

export interface FactsBatch {
  readonly dir: string;
  readonly documents: number;
  readonly facts: number;
  readonly bytes: number;
}

/** The batch folder, made once (its documents are links to one generated instance). */
export function factsBatch(out: string, documents: number, perDocument: number, seed: number): FactsBatch {
  const base = ensureBench(join(out, 'data', `n${perDocument}-s${seed}-k0`), { facts: perDocument, seed, inconsistencies: 0 });
  const dir = join(out, 'data', `batch-${documents}x${base.facts}-s${seed}`);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < documents; i++) {
    const doc = join(dir, `doc-${String(i).padStart(6, '0')}.xbrl`);
    if (!existsSync(doc)) linkSync(base.instance, doc);
  }
  return { dir, documents, facts: documents * base.facts, bytes: documents * base.bytes };
}

export interface FactsRun {
  readonly seconds: number;
  readonly cpuSeconds?: number;
  readonly maxRssMiB?: number;
  readonly facts: number;
  readonly detail: Record<string, unknown>;
}

/** One run of `kessan facts <dir> --format parquet -o <output>`; the rows written are counted back. */
export async function runFactsParquet(cli: string, root: string, batch: FactsBatch, output: string, time: string, timeFile: string): Promise<FactsRun> {
  rmSync(output, { force: true });
  const args = [cli, 'facts', batch.dir, '--format', 'parquet', '-o', output, '--no-progress'];
  const useTime = existsSync(time);
  const t0 = performance.now();
  const r = useTime ? spawnSync(time, ['-f', '%M %U %S', '-o', timeFile, process.execPath, ...NODE_FLAGS, ...args], { cwd: root, encoding: 'utf8' }) : spawnSync(process.execPath, [...NODE_FLAGS, ...args], { cwd: root, encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`kessan facts failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const [[rows, groups]] = (await c.runAndReadAll(`SELECT count(*)::INTEGER, (SELECT count(DISTINCT row_group_id)::INTEGER FROM parquet_metadata('${output}')) FROM '${output}'`)).getRows() as [[number, number]];
  c.closeSync();
  db.closeSync();
  const detail = { documents: batch.documents, rows, rowGroups: groups, parquetBytes: statSync(output).size };
  if (!useTime) return { seconds, facts: rows, detail };
  const [kib, user, system] = (readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { seconds, facts: rows, cpuSeconds: user! + system!, maxRssMiB: kib! / 1024, detail };
}
