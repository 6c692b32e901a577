import { Worker } from 'node:worker_threads';
import type { ConvertResult, ConvertSettings, ConvertTask } from './convert.js';
import type { Converter } from './batch.js';

/**
 * A fixed set of worker threads running core/worker.ts. Each task goes to the
 * worker with the fewest outstanding; a worker that dies fails its tasks
 * (named, counted) and is replaced, so the batch goes on.
 */
export class WorkerPool implements Converter {
  private readonly slots: Slot[] = [];
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly settings: ConvertSettings,
    private readonly entry: URL = new URL('./worker.js', import.meta.url),
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  convert(task: ConvertTask): Promise<ConvertResult> {
    let slot = this.slots[0]!;
    for (const candidate of this.slots) if (candidate.pending.size < slot.pending.size) slot = candidate;
    return new Promise((resolve) => {
      slot.pending.set(task.index, { task, resolve });
      slot.worker.postMessage(task);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry, { workerData: this.settings });
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (result: ConvertResult) => {
      const waiting = slot.pending.get(result.index);
      slot.pending.delete(result.index);
      waiting?.resolve(result);
    });
    const fail = (reason: string) => {
      if (this.closed) return;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots[index] = this.spawn();
      for (const { task, resolve } of slot.pending.values()) resolve(crashed(task, reason));
      slot.pending.clear();
    };
    worker.on('error', (error) => fail(`worker crashed: ${error.message}`));
    worker.on('exit', (code) => fail(`worker exited with code ${code}`));
    return slot;
  }
}

interface Slot {
  worker: Worker;
  pending: Map<number, { task: ConvertTask; resolve: (result: ConvertResult) => void }>;
}

function crashed(task: ConvertTask, reason: string): ConvertResult {
  return { index: task.index, path: task.path, status: 'failed', source: null, warnings: [], error: `internal error, please report it: ${reason}`, output: null, ms: 0 };
}
