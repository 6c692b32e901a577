import type { Cleaner } from '../pipeline/cleaner.js';
import { cancelled, cleanFile, type FileResult, type FileSettings, type FileTask } from './task.js';
import { isSpecialFile, readSpecialFile } from '../io/read.js';
import { isDeclutterError } from '../pipeline/errors.js';

/**
 * Runs tasks on a runner, several at a time, and hands the results on in
 * input order. Memory stays flat however many inputs there are: at most
 * `window` results wait for an earlier one, and the next result is handed on
 * only once the previous hand-over (a write to a full pipe) has finished.
 */

export interface TaskRunner {
  cleanFile(task: FileTask): Promise<FileResult>;
  close(): Promise<void>;
  /** Stops at once, abandoning the tasks under way and removing their temporary files. */
  abandon(): Promise<void>;
  /** Starts none of the tasks already handed over but not begun: they come back `cancelled`. */
  stop?(): void;
}

/** In this thread, one input at a time: `-j 1` and single inputs load no worker code. */
export class InlineRunner implements TaskRunner {
  constructor(
    private readonly settings: FileSettings,
    private readonly cleaners: readonly Cleaner[],
  ) {}

  /** The pipe or device being read, when reading waits for someone else (a FIFO nobody writes to). */
  waitingFor: string | null = null;

  async cleanFile(task: FileTask): Promise<FileResult> {
    // Yield first, so a signal between two inputs is seen at once.
    await new Promise((resolve) => setImmediate(resolve));
    if (task.bytes === undefined && task.refuse === undefined && task.path !== '-' && isSpecialFile(task.path)) {
      // Read without blocking this thread, so Ctrl-C still works while it waits.
      this.waitingFor = task.path;
      try {
        task = { ...task, bytes: await readSpecialFile(task.path, this.settings.maxBytes) };
      } catch (error) {
        if (!isDeclutterError(error)) throw error;
        return { ...cancelled(task), status: 'failed', error: error.message, errorCode: error.code, errorDetails: error.details };
      } finally {
        this.waitingFor = null;
      }
    }
    return cleanFile(task, this.settings, this.cleaners);
  }

  async close(): Promise<void> {}

  // A task in this thread runs to its end (or waits on a pipe, which dies with the process): nothing is left half written.
  async abandon(): Promise<void> {}
}

export interface BatchOptions {
  /** Tasks in flight at once. */
  concurrency: number;
  /** Finished results allowed to wait for an earlier one (at least `concurrency`). */
  window?: number;
  /** Checked before each new task starts: true stops taking new ones. */
  stopped?: () => boolean;
  /** Receives each result in input order; the next waits for it to settle. */
  onResult: (result: FileResult) => void | Promise<void>;
}

/** Tasks are made as they start (`taskAt`); returns how many results were handed on (all unless stopped). */
export async function runBatch(
  total: number,
  taskAt: (position: number) => FileTask,
  runner: TaskRunner,
  options: BatchOptions,
): Promise<number> {
  const window = Math.max(options.window ?? options.concurrency * 8, options.concurrency);
  const stopped = options.stopped ?? (() => false);
  const finished = new Map<number, FileResult>();
  let started = 0;
  let running = 0;
  let handed = 0;
  let wake: (() => void) | null = null;

  const refill = () => {
    while (!stopped() && started < total && running < options.concurrency && started - handed < window) {
      const position = started++;
      running++;
      void runner.cleanFile(taskAt(position)).then((result) => {
        running--;
        finished.set(position, result);
        wake?.();
      });
    }
  };

  for (;;) {
    // Results first: a hand-over may stop the batch (--fail-fast) before another task starts.
    while (finished.has(handed)) {
      const result = finished.get(handed)!;
      finished.delete(handed);
      handed++;
      await options.onResult(result);
      refill();
    }
    refill();
    if (handed === started && (started === total || stopped())) return handed;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
}
