import type { Cleaner } from '../pipeline/cleaner.js';
import { convert, type ConvertResult, type ConvertSettings, type ConvertTask } from './task.js';

/**
 * Runs tasks on a converter, several at a time, and hands the results on in
 * input order. Memory stays flat however many inputs there are: at most
 * `window` results wait for an earlier one, and the next result is handed on
 * only once the previous hand-over (a write to a full pipe) has finished.
 */

export interface Converter {
  convert(task: ConvertTask): Promise<ConvertResult>;
  close(): Promise<void>;
  /** Stops at once, abandoning the tasks under way and removing their temporary files. */
  abandon(): Promise<void>;
}

/** In this thread, one input at a time: `-j 1` and single inputs load no worker code. */
export class InlineConverter implements Converter {
  constructor(
    private readonly settings: ConvertSettings,
    private readonly cleaners: readonly Cleaner[],
  ) {}

  async convert(task: ConvertTask): Promise<ConvertResult> {
    // Yield first, so a signal between two inputs is seen at once.
    await new Promise((resolve) => setImmediate(resolve));
    return convert(task, this.settings, this.cleaners);
  }

  async close(): Promise<void> {}

  // A task in this thread runs to its end before a signal is even seen: nothing is ever under way.
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
  onResult: (result: ConvertResult) => void | Promise<void>;
}

/** Tasks are made as they start (`taskAt`); returns how many results were handed on (all unless stopped). */
export async function runBatch(
  total: number,
  taskAt: (position: number) => ConvertTask,
  converter: Converter,
  options: BatchOptions,
): Promise<number> {
  const window = Math.max(options.window ?? options.concurrency * 8, options.concurrency);
  const stopped = options.stopped ?? (() => false);
  const finished = new Map<number, ConvertResult>();
  let started = 0;
  let running = 0;
  let handed = 0;
  let wake: (() => void) | null = null;

  const refill = () => {
    while (!stopped() && started < total && running < options.concurrency && started - handed < window) {
      const position = started++;
      running++;
      void converter.convert(taskAt(position)).then((result) => {
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
