/**
 * A batch worker process: takes the job from the pool's first message, then handles the files it sends, one at a
 * time, and sends each result back. A process, not a thread: V8 ends the whole process when a worker thread
 * reaches its heap limit, so one huge document would have taken the batch with it.
 */
import { loadJob, type JobResult, type JobSpec } from './jobs.js';

export interface Task {
  readonly index: number;
  readonly file: string;
}

/** What the pool sends: the job once, then the files. */
export type WorkerMessage = { readonly spec: JobSpec } | Task;

/** What the worker sends back for a file: its result, or why there is none (a bug, told without its stack). */
export type WorkerReply = { readonly index: number; readonly result: JobResult<JobSpec> } | { readonly index: number; readonly error: string };

const send = process.send?.bind(process);
if (send) {
  let run: Promise<(file: string) => Promise<JobResult<JobSpec>>> | undefined;
  process.on('message', (m: WorkerMessage) => {
    if ('spec' in m) {
      run = loadJob(m.spec, true);
      return;
    }
    void run!
      .then((job) => job(m.file))
      .then(
        (result) => send({ index: m.index, result } satisfies WorkerReply),
        (e: unknown) => send({ index: m.index, error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply),
      );
  });
  // The batch went away: so does its worker.
  process.on('disconnect', () => process.exit(0));
}
