/** A service worker thread: does the tasks the pool sends, one at a time, and posts each outcome back. */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './tasks.js';

const heapMb = () => Math.round(getHeapStatistics().used_heap_size / (1024 * 1024));

const port = parentPort;
if (port) {
  port.on('message', ({ seq, task }: { seq: number; task: Task }) => {
    runTask(task).then(
      (outcome) => port.postMessage({ seq, outcome, heapMb: heapMb() }),
      // Not a user's mistake (those are outcomes): a bug, told without its stack.
      (e: unknown) => port.postMessage({ seq, error: e instanceof Error ? e.message : String(e), heapMb: heapMb() }),
    );
  });
}
