/** A batch worker thread: handles the files the pool sends, one at a time, and posts each result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadJob, type JobSpec } from './jobs.js';

export interface Task {
  readonly index: number;
  readonly file: string;
}

// Messages sent before the job has loaded wait in the port's queue.
const port = parentPort;
if (port) {
  const run = await loadJob(workerData as JobSpec, true);
  port.on('message', (task: Task) => void run(task.file).then((result) => port.postMessage({ index: task.index, result })));
}
