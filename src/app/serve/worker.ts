/** A service worker process: does the tasks the pool sends, one at a time, and sends each outcome back. */
import { getHeapStatistics } from 'node:v8';
import { runTask, type Task } from './tasks.js';

const heapMb = () => Math.round(getHeapStatistics().used_heap_size / (1024 * 1024));

const send = process.send?.bind(process);
if (send) {
  process.on('message', ({ seq, task }: { seq: number; task: Task }) => {
    runTask(task).then(
      (outcome) => send({ seq, outcome, heapMb: heapMb() }),
      // Not a user's mistake (those are outcomes): a bug, told without its stack.
      (e: unknown) => send({ seq, error: e instanceof Error ? e.message : String(e), heapMb: heapMb() }),
    );
  });
  // The server went away: so does its worker.
  process.on('disconnect', () => process.exit(0));
}
