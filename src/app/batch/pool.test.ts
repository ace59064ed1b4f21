import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeXbrl } from '../../formats/xbrl/write/index.js';
import { sampleReport } from '../../../test/support/reports.js';
import type { FactsResult } from '../facts.js';
import { defaultJobs, dispatchOrder, runPool } from './pool.js';
import { currentLimits } from '../../core/limits.js';

const DIST_WORKER = join(import.meta.dirname, '..', '..', '..', 'dist', 'src', 'app', 'batch', 'worker.js');

const dir = mkdtempSync(join(tmpdir(), 'kessan-pool-'));
const samples = ['one.xbrl', 'two.xbrl', 'three.xbrl'].map((n) => {
  const file = join(dir, n);
  writeFileSync(file, writeXbrl(sampleReport()));
  return file;
});

/** A stand-in worker process: echoes each file with its pid, dies on "*die", fails on "*throw". */
const FAKE_WORKER = join(dir, 'fake-worker.mjs');
writeFileSync(
  FAKE_WORKER,
  `let kind;
process.on('message', (m) => {
  if (m.spec) return void (kind = m.spec.kind);
  const { index, file } = m;
  if (file.endsWith('die')) process.exit(3);
  if (file.endsWith('abort')) process.abort();
  if (file.endsWith('throw')) return void process.send({ index, error: 'boom in ' + file });
  process.send({ index, result: { file, kind, threadId: process.pid } });
});
process.on('disconnect', () => process.exit(0));
`,
);

const spec = { kind: 'facts', options: { format: 'jsonl' }, limits: currentLimits() } as const;

describe('batch pool', () => {
  it('runs in-process, in input order, for one job or without the compiled worker', async () => {
    const seen: [string, number, number][] = [];
    for (const [jobs, workerFile] of [[1, DIST_WORKER], [2, join(dir, 'no-such-worker.js')]] as const) {
      const ran = await runPool(samples, { spec, jobs, workerFile, crashed: () => { throw new Error('no worker here'); }, onResult: (r: FactsResult, i) => seen.push([r.file, r.facts, i]) });
      expect(ran).toEqual({ mode: 'in-process', threads: 1 });
    }
    expect(seen).toEqual([...samples.map((f, i) => [f, 13, i]), ...samples.map((f, i) => [f, 13, i])]);
  });

  it('gives every file to a worker process once; a dead or failing worker loses only its file', async () => {
    const files = ['a', 'b-die', 'c', 'd-throw', 'e', 'f', 'g-abort'];
    const results = new Map<number, unknown>();
    const ran = await runPool(files, {
      spec: spec as never,
      jobs: 2,
      weights: files.map(() => 1),
      workerFile: FAKE_WORKER,
      crashed: (file, error) => ({ file, crashed: error.message, code: 'finding' in error ? (error.finding as { code: string }).code : undefined }) as never,
      onResult: (r, i) => {
        expect(results.has(i)).toBe(false);
        results.set(i, r);
      },
    });
    expect(ran).toEqual({ mode: 'workers', threads: 2 });
    expect([...results.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results.get(1)).toEqual({ file: 'b-die', crashed: 'the file could not be read: its worker process exited with code 3', code: 'kessan:resourceLimit' });
    expect(results.get(3)).toEqual({ file: 'd-throw', crashed: 'boom in d-throw', code: undefined });
    // V8 aborts a process at its heap limit: the batch goes on.
    expect(results.get(6)).toEqual({ file: 'g-abort', crashed: 'the file could not be read: its worker process aborted (out of memory?)', code: 'kessan:resourceLimit' });
    for (const i of [0, 2, 4, 5]) expect(results.get(i)).toMatchObject({ file: files[i], kind: 'facts' });
  });

  it('waits for a consumer\'s promise before giving that worker its next file; a rejection stops the batch', async () => {
    const files = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const busy = new Set<number>();
    const order: string[] = [];
    const base = { spec: spec as never, jobs: 2, weights: files.map(() => 1), workerFile: FAKE_WORKER, crashed: (file: string) => ({ file }) as never };
    await runPool(files, {
      ...base,
      onResult: async (r) => {
        const { threadId, file } = r as unknown as { threadId: number; file: string };
        // A worker whose last result is still being consumed was given nothing new.
        expect(busy.has(threadId)).toBe(false);
        busy.add(threadId);
        await new Promise((done) => setTimeout(done, 15));
        busy.delete(threadId);
        order.push(file);
      },
    });
    expect(order.sort()).toEqual(files);
    const consumed: string[] = [];
    const failing = runPool(files, {
      ...base,
      onResult: async (r) => {
        const { file } = r as unknown as { file: string };
        consumed.push(file);
        // The first result, whichever worker sends it first (a process that starts slowly may send none before
        // the other has sent them all): nothing after it is consumed, not even a result already on its way.
        if (consumed.length === 1) throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(consumed).toHaveLength(1);
  });

  it('hands out the heaviest files first', () => {
    expect(dispatchOrder([10, 300, 20, 300, 0])).toEqual([1, 3, 2, 0, 4]);
    expect(defaultJobs(1)).toBe(1);
    expect(defaultJobs(0)).toBe(1);
    expect(defaultJobs(1000)).toBeGreaterThanOrEqual(1);
  });

  it.skipIf(!existsSync(DIST_WORKER))('lists facts on the compiled worker (dist, built by npm ci / npm run build)', async () => {
    const results: FactsResult[] = [];
    const ran = await runPool(samples, { spec, jobs: 2, workerFile: DIST_WORKER, crashed: (file, e) => { throw new Error(`${file}: ${e.message}`); }, onResult: (r: FactsResult) => results.push(r) });
    expect(ran).toEqual({ mode: 'workers', threads: 2 });
    expect(results.map((r) => r.file).sort()).toEqual([...samples].sort());
    for (const r of results) {
      expect(r.failure).toBeUndefined();
      expect(r.facts).toBe(13);
      expect(r.chunks.join('').trimEnd().split('\n')).toHaveLength(13);
    }
  });
});
