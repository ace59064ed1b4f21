/**
 * The service's workers: `jobs` long-lived child processes, each doing one task at a time, and a bounded queue in
 * front of them. A request that finds the queue full is told at once (503, `kessan:busy`) rather than waiting
 * without end; a task that runs past the timeout has its worker terminated and replaced (503, `kessan:timeout`),
 * so a document that takes forever costs one worker for `timeoutMs`, never the server. A worker that dies
 * (out of memory: `maxMemoryMb`) fails only its own task. Workers are processes, not threads: V8 can end a whole
 * process when a thread's heap limit is reached during an allocation, which would take the server with it. Workers whose heap has grown past `recycleMb` (caches of
 * the taxonomies uploads brought) are replaced between tasks.
 *
 * Tasks reach the pool only once their upload is complete, so a slow client holds a connection, never a worker.
 * Without the compiled worker script (tests on the TypeScript sources), tasks run in-process one at a time,
 * without the timeout.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';
import type { Outcome, Task } from './tasks.js';
import { HttpError } from './upload.js';
import { withNodeFlags } from '../node-flags.js';

export interface PoolOptions {
  /** Worker processes. */
  readonly jobs: number;
  /** Tasks that may wait for a worker; more are refused with 503. */
  readonly queue: number;
  /** How long one task may run, in milliseconds. */
  readonly timeoutMs: number;
  /** Each worker's heap limit (V8 old generation), in MiB. */
  readonly maxMemoryMb?: number;
  /** A worker whose heap is over this after a task is replaced, in MiB. */
  readonly recycleMb?: number;
  /** The worker script; by default the compiled worker.js beside this module. */
  readonly workerFile?: string;
}

export interface PoolStats {
  readonly mode: 'workers' | 'in-process';
  readonly workers: number;
  readonly busy: number;
  readonly queued: number;
}

interface Job {
  readonly task: Task;
  readonly resolve: (o: Outcome) => void;
  readonly reject: (e: unknown) => void;
}

interface Slot {
  worker: ChildProcess;
  job?: Job;
  timer?: NodeJS.Timeout;
  seq: number;
}

type Reply = { seq: number; outcome: Outcome; heapMb: number } | { seq: number; error: string; heapMb: number };

/** The compiled worker.js beside this module; in the bundled command line (dist/cli/), its serve-worker.js. */
export function defaultWorkerFile(): string {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  const bundled = fileURLToPath(new URL('./serve-worker.js', import.meta.url));
  return !existsSync(beside) && existsSync(bundled) ? bundled : beside;
}

export class TaskPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private readonly inProcess: boolean;
  private readonly workerFile: string;
  private closed = false;
  private running = 0;

  constructor(private readonly options: PoolOptions) {
    this.workerFile = options.workerFile ?? defaultWorkerFile();
    this.inProcess = !existsSync(this.workerFile);
    if (!this.inProcess) for (let i = 0; i < Math.max(1, options.jobs); i++) this.slots.push(this.spawn());
  }

  stats(): PoolStats {
    const busy = this.inProcess ? this.running : this.slots.filter((s) => s.job).length;
    return { mode: this.inProcess ? 'in-process' : 'workers', workers: this.inProcess ? 1 : this.slots.length, busy, queued: this.waiting.length };
  }

  /** Runs a task on the next free worker; rejects with an HttpError when the queue is full or the task times out. */
  run(task: Task): Promise<Outcome> {
    if (this.closed) return Promise.reject(new HttpError(503, 'kessan:busy', 'the server is stopping'));
    const idle = this.inProcess ? this.running === 0 : this.slots.some((s) => !s.job);
    if (!idle && this.waiting.length >= this.options.queue) {
      return Promise.reject(new HttpError(503, 'kessan:busy', `the server is busy (${this.options.jobs} worker(s) working, ${this.waiting.length} request(s) waiting); try again shortly`));
    }
    return new Promise<Outcome>((resolve, reject) => {
      this.waiting.push({ task, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.waiting.splice(0)) j.reject(new HttpError(503, 'kessan:busy', 'the server is stopping'));
    for (const s of this.slots) {
      clearTimeout(s.timer);
      s.worker.kill('SIGKILL');
    }
    this.slots.length = 0;
  }

  private pump(): void {
    if (this.inProcess) {
      void this.pumpInProcess();
      return;
    }
    for (const slot of this.slots) {
      if (slot.job || !this.waiting.length) continue;
      const job = this.waiting.shift()!;
      slot.job = job;
      slot.seq++;
      slot.timer = setTimeout(() => this.timedOut(slot), this.options.timeoutMs);
      slot.worker.send({ seq: slot.seq, task: job.task });
    }
  }

  private async pumpInProcess(): Promise<void> {
    if (this.running || !this.waiting.length) return;
    this.running = 1;
    const job = this.waiting.shift()!;
    try {
      const { runTask } = await import('./tasks.js');
      job.resolve(await runTask(job.task));
    } catch (e) {
      job.reject(e);
    } finally {
      this.running = 0;
      setImmediate(() => this.pump());
    }
  }

  private spawn(): Slot {
    // Its own heap limit, its output discarded (V8's out-of-memory report is not the client's business), and
    // structured-clone messages (outcomes carry bytes).
    const worker = fork(this.workerFile, [], {
      execArgv: withNodeFlags([`--max-old-space-size=${this.options.maxMemoryMb ?? 2048}`]),
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const slot: Slot = { worker, seq: 0 };
    // An idle worker does not keep the server's process alive.
    worker.unref();
    worker.channel?.unref();
    worker.on('message', (m: Reply) => {
      if (m.seq !== slot.seq || !slot.job) return;
      const job = this.finish(slot);
      if ('outcome' in m) job.resolve(m.outcome);
      else job.reject(new Error(m.error));
      if (m.heapMb > (this.options.recycleMb ?? 768)) this.replace(slot);
      this.pump();
    });
    worker.on('error', () => undefined); // the exit that follows says what matters
    worker.on('exit', () => {
      if (this.closed || !this.slots.includes(slot)) return;
      const job = slot.job ? this.finish(slot) : undefined;
      job?.reject(new HttpError(422, 'kessan:resourceLimit', `the document could not be processed: its worker stopped (more memory than the server allows a document, ${this.options.maxMemoryMb ?? 2048} MiB?)`));
      this.replace(slot, false);
      this.pump();
    });
    return slot;
  }

  private finish(slot: Slot): Job {
    const job = slot.job!;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    return job;
  }

  private timedOut(slot: Slot): void {
    if (!slot.job) return;
    const job = this.finish(slot);
    job.reject(new HttpError(503, 'kessan:timeout', `the document took longer than the server's limit of ${this.options.timeoutMs} ms (--timeout)`));
    this.replace(slot);
    this.pump();
  }

  /** Puts a fresh worker in the slot's place (killing the old one when it still runs). */
  private replace(slot: Slot, terminate = true): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.closed) return;
    this.slots[i] = this.spawn();
    if (terminate) slot.worker.kill('SIGKILL');
  }
}
