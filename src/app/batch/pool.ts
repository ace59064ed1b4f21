/**
 * Runs a batch job over files in worker processes, reporting each result as it arrives; or in-process, in
 * order, for one job at a time (or when the compiled worker script is not there, as under vitest on the
 * TypeScript sources). Processes, not threads: V8 ends the whole process when a worker thread reaches its heap
 * limit, so one document too big for memory took every result of the batch with it; a worker process that dies
 * loses only its file.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { ChildProcess, fork as Fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { KessanError } from '../../core/errors.js';
import { loadJob, type JobResult, type JobSpec } from './jobs.js';
import type { WorkerMessage, WorkerReply } from './worker.js';
import { withNodeFlags } from '../node-flags.js';

export interface PoolOptions<S extends JobSpec> {
  readonly spec: S;
  /** Worker processes to use; 1 runs in-process. */
  readonly jobs: number;
  /** How much work each file is (bytes, say): workers take the biggest first. Default: the file's size. */
  readonly weights?: readonly number[];
  /**
   * Called once per file, in the order results arrive (input order in-process). When it returns a promise, the
   * worker that produced the result gets its next file only once it settles (a slow consumer holds the batch back
   * instead of results piling up in memory); a rejection stops the batch.
   */
  readonly onResult: ((result: JobResult<S>, index: number) => void) | ((result: JobResult<S>, index: number) => Promise<void>);
  /**
   * The result for a file whose worker died or failed while on it: a KessanError (kessan:resourceLimit) when the
   * worker process died, any other Error when it failed (a bug).
   */
  readonly crashed: (file: string, error: Error) => JobResult<S>;
  /** The worker script; by default the compiled worker.js beside this module. */
  readonly workerFile?: string;
}

export interface PoolRun {
  readonly mode: 'workers' | 'in-process';
  readonly threads: number;
}

/** The default --jobs: one worker per file, at most one per core the process may use. */
export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(files, availableParallelism()));
}

/** The compiled worker.js beside this module; in the bundled command line (dist/cli/), its batch-worker.js. */
export function defaultWorkerFile(): string {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  const bundled = fileURLToPath(new URL('./batch-worker.js', import.meta.url));
  return !existsSync(beside) && existsSync(bundled) ? bundled : beside;
}

export async function runPool<S extends JobSpec>(files: readonly string[], options: PoolOptions<S>): Promise<PoolRun> {
  const workerFile = options.workerFile ?? defaultWorkerFile();
  const threads = Math.min(options.jobs, files.length);
  if (threads <= 1 || !existsSync(workerFile)) {
    await inProcess(files, options);
    return { mode: 'in-process', threads: 1 };
  }
  // Loaded only for a batch that uses workers (child_process brings net and streams: milliseconds of a one-file run).
  // require(), not import(): the bin runs this bundled in a node:vm script, which has no loader for import().
  const { fork } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  await onWorkers(files, options, threads, workerFile, fork);
  return { mode: 'workers', threads };
}

async function inProcess<S extends JobSpec>(files: readonly string[], options: PoolOptions<S>): Promise<void> {
  const run = await loadJob(options.spec, false);
  for (let i = 0; i < files.length; i++) {
    await options.onResult(await run(files[i]!), i);
    // Let timers (the progress bar) and output run between files.
    await new Promise((r) => setImmediate(r));
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The order files go to workers: the heaviest first (a big file started last would finish last, alone), ties in input order. */
export function dispatchOrder(weights: readonly number[]): number[] {
  return weights.map((_, i) => i).sort((a, b) => weights[b]! - weights[a]! || a - b);
}

function onWorkers<S extends JobSpec>(files: readonly string[], options: PoolOptions<S>, threads: number, workerFile: string, fork: typeof Fork): Promise<void> {
  const order = dispatchOrder(options.weights ?? files.map(sizeOf));
  let next = 0;
  let done = 0;
  const workers = new Set<ChildProcess>();
  return new Promise<void>((resolveAll, reject) => {
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      const stopping = [...workers].map((w) => new Promise<void>((gone) => (w.exitCode !== null || w.signalCode !== null ? gone() : (w.once('exit', () => gone()), w.kill()))));
      workers.clear();
      void Promise.all(stopping).then(() => (error === undefined ? resolveAll() : reject(error)));
    };
    const deliver = (result: () => JobResult<S>, index: number, then?: () => void) => {
      // A batch that stopped (a consumer's rejection) takes no more results, even those already on their way.
      if (settled) return;
      let consumed: unknown;
      try {
        consumed = options.onResult(result(), index);
      } catch (e) {
        settle(e);
        return;
      }
      const next = () => {
        if (++done === files.length) settle();
        else then?.();
      };
      if (consumed instanceof Promise) consumed.then(next, settle);
      else next();
    };
    const start = () => {
      // Its output is discarded (V8's out-of-memory report and native stack are not the user's business: the
      // file's finding says what happened); results come as structured-clone messages, as they did from threads.
      const worker = fork(workerFile, [], { execArgv: withNodeFlags(process.execArgv), serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
      workers.add(worker);
      let current: number | undefined;
      const feed = () => {
        if (settled || next >= order.length) {
          current = undefined;
          return;
        }
        current = order[next++]!;
        worker.send({ index: current, file: files[current]! } satisfies WorkerMessage);
      };
      worker.on('message', (m: WorkerReply) => {
        current = undefined;
        if ('error' in m) deliver(() => options.crashed(files[m.index]!, new Error(m.error)), m.index, feed);
        else deliver(() => m.result as JobResult<S>, m.index, feed);
      });
      worker.on('error', () => undefined); // the exit that follows says what matters
      worker.on('exit', (code, signal) => {
        workers.delete(worker);
        if (settled || current === undefined) return;
        const lost = current;
        current = undefined;
        // A worker that dies takes only its file with it; a fresh one carries on with the rest.
        if (next < order.length) start();
        // V8 aborts a process that reaches its heap limit.
        const how = signal === 'SIGABRT' ? 'aborted (out of memory?)' : signal ? `was stopped by ${signal}` : `exited with code ${String(code)}`;
        const file = files[lost]!;
        deliver(() => options.crashed(file, new KessanError('kessan:resourceLimit', `the file could not be read: its worker process ${how}`, { file }, 1)), lost);
      });
      worker.send({ spec: options.spec } satisfies WorkerMessage);
      feed();
    };
    for (let i = 0; i < threads; i++) start();
  });
}
