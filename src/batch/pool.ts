import { Worker } from 'node:worker_threads';
import { removeOwnTemporaries } from '../io/write.js';
import type { FileResult, FileSettings, FileTask } from './task.js';
import type { TaskRunner } from './run.js';

/**
 * A fixed set of worker threads running batch/worker.ts. Each task goes to the
 * worker with the fewest outstanding; a worker that dies fails its tasks
 * (named, counted) and is replaced, so the batch goes on.
 *
 * Tasks asked for in the same turn of the event loop travel to a worker as
 * one message, and come back as one: a message per page cost each worker
 * about a tenth of its time, and woke the main thread for every page.
 */
export class WorkerPool implements TaskRunner {
  private readonly slots: Slot[] = [];
  private closed = false;
  private flushQueued = false;
  /** Shared with every worker: once set, a worker answers the tasks it has not started as cancelled. */
  private readonly stopFlag = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    size: number,
    private readonly settings: FileSettings,
    private readonly entry: URL = new URL('./worker.js', import.meta.url),
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  cleanFile(task: FileTask): Promise<FileResult> {
    let slot = this.slots[0]!;
    for (const candidate of this.slots) if (candidate.pending.size < slot.pending.size) slot = candidate;
    return new Promise((resolve) => {
      slot.pending.set(task.index, { task, resolve });
      slot.outbox.push(task);
      if (!this.flushQueued) {
        this.flushQueued = true;
        // After this turn's microtasks too: handing over each result awaits, and starts the next task.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushQueued = false;
    for (const slot of this.slots) {
      if (slot.outbox.length === 0) continue;
      slot.worker.postMessage(slot.outbox);
      slot.outbox = [];
    }
  }

  /** No task not yet started is started (--fail-fast, Ctrl-C): they come back cancelled. */
  stop(): void {
    Atomics.store(this.stopFlag, 0, 1);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  async abandon(): Promise<void> {
    this.closed = true;
    const underWay: string[] = [];
    for (const slot of this.slots) {
      for (const { task } of slot.pending.values()) if (task.target !== null) underWay.push(task.target);
      // Not awaited: a worker blocked in a system call (opening a pipe with no writer) stops only when the process does.
      void slot.worker.terminate();
    }
    // A worker stopped mid-write leaves its temporary file; the output itself was never renamed into place.
    for (const target of underWay) removeOwnTemporaries(target);
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry, { workerData: { settings: this.settings, stop: this.stopFlag }, resourceLimits: { maxYoungGenerationSizeMb: 6 } });
    const slot: Slot = { worker, pending: new Map(), outbox: [] };
    worker.on('message', (results: FileResult[]) => {
      for (const result of results) {
        const waiting = slot.pending.get(result.index);
        slot.pending.delete(result.index);
        waiting?.resolve(result);
      }
    });
    const fail = (reason: string) => {
      if (this.closed) return;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots[index] = this.spawn();
      for (const { task, resolve } of slot.pending.values()) resolve(crashed(task, reason));
      slot.pending.clear();
      slot.outbox = [];
    };
    worker.on('error', (error) => fail(`worker crashed: ${error.message}`));
    worker.on('exit', (code) => fail(`worker exited with code ${code}`));
    return slot;
  }
}

interface Slot {
  worker: Worker;
  pending: Map<number, { task: FileTask; resolve: (result: FileResult) => void }>;
  /** Tasks not yet sent: they leave together at the end of this turn. */
  outbox: FileTask[];
}

function crashed(task: FileTask, reason: string): FileResult {
  return { index: task.index, path: task.path, status: 'failed', source: null, warnings: [], error: `internal error, please report it: ${reason}`, output: null, ms: 0 };
}
