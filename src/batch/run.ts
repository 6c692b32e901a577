import type { Cleaner } from '../pipeline/cleaner.js';
import { nowMs, Tally, type Totals } from './report.js';
import { cancelled, cleanFile, refusedResult, type FileResult, type FileSettings, type FileTask } from './task.js';
import { isSpecialFile, readSpecialFile } from '../io/read.js';
import { isDeclutterError } from '../pipeline/errors.js';

/**
 * A batch as a library function: tasks come from an iterable (an array, a
 * generator over the files found, or an async generator reading records from
 * a stream), run several at a time on a runner, and come back as events, the
 * pages' in input order. Memory stays flat however many tasks there are: a
 * task is taken from the iterable only when one may start (at most
 * `concurrency` under way, at most `window` finished results waiting for an
 * earlier one), and the next page event is emitted only once the previous
 * one's handler (a write to a full pipe) has settled. So an endless stream
 * is read exactly as fast as its results are taken.
 */

export interface TaskRunner {
  cleanFile(task: FileTask): Promise<FileResult>;
  close(): Promise<void>;
  /** Stops at once, abandoning the tasks under way and removing their temporary files. */
  abandon(): Promise<void>;
  /** Starts none of the tasks already handed over but not begun: they come back `cancelled`. */
  stop?(): void;
}

const YIELD_EVERY_MS = 5;

/** In this thread, one input at a time: `-j 1` and single inputs load no worker code. */
export class InlineRunner implements TaskRunner {
  private lastYield = 0;

  constructor(
    private readonly settings: FileSettings,
    private readonly cleaners: readonly Cleaner[],
  ) {}

  /** The pipe or device being read, when reading waits for someone else (a FIFO nobody writes to). */
  waitingFor: string | null = null;

  async cleanFile(task: FileTask): Promise<FileResult> {
    // Yield to the event loop every few milliseconds, not for every page (a turn per page was a tenth
    // of a small page's cost): a signal between two inputs is still seen at once, and output flows.
    const now = nowMs();
    if (now - this.lastYield >= YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      this.lastYield = nowMs();
    }
    if (task.bytes === undefined && task.refuse === undefined && task.record?.page === undefined && task.path !== '-' && isSpecialFile(task.path)) {
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

/** Counts so far, for a progress line: `total` is null while the number of tasks is not known (a stream). */
export interface BatchProgress {
  done: number;
  total: number | null;
  failed: number;
  elapsedMs: number;
}

export type BatchEvent =
  /** Taken from the iterable and handed to the runner. */
  | { type: 'started'; task: FileTask }
  /** Cleaned (status ok) or skipped as up to date, in input order. A task the runner did not start after all (`cancelled`, see TaskRunner.stop) gives no page event and counts as not started. */
  | { type: 'done'; result: FileResult; progress: BatchProgress }
  /** Could not be cleaned, in input order among the `done` events. */
  | { type: 'failed'; result: FileResult; progress: BatchProgress }
  /** The last event: what the run did. */
  | { type: 'summary'; totals: Totals };

export interface BatchOptions {
  runner: TaskRunner;
  /** Tasks in flight at once. */
  concurrency: number;
  /** Finished results allowed to wait for an earlier one (at least `concurrency`). */
  window?: number;
  /** How many tasks the iterable gives, when known: the summary then counts those not started. */
  expected?: number;
  /** Checked before each new task starts: true stops taking new ones. */
  stopped?: () => boolean;
  /** Whether the stop was an interruption (for the summary). */
  interrupted?: () => boolean;
  /** Receives each event; a page event waits for the previous one's handler to settle. */
  onEvent?: (event: BatchEvent) => void | Promise<void>;
}

/** Runs every task (until stopped) and returns the totals, also sent as the `summary` event. */
export async function runBatch(tasks: AsyncIterable<FileTask> | Iterable<FileTask>, options: BatchOptions): Promise<Totals> {
  const { runner, concurrency } = options;
  const window = Math.max(options.window ?? concurrency * 8, concurrency);
  const stopped = options.stopped ?? (() => false);
  const onEvent = options.onEvent ?? (() => undefined);
  const known = options.expected !== undefined;
  const tally = new Tally(options.expected ?? 0);
  const iterator = Symbol.asyncIterator in tasks ? tasks[Symbol.asyncIterator]() : fromSync(tasks[Symbol.iterator]());
  const finished = new Map<number, FileResult>();
  let started = 0;
  let running = 0;
  let handed = 0;
  let exhausted = false;
  let pulling = false;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;

  const room = () => !exhausted && !stopped() && running < concurrency && started - handed < window;

  // One pull at a time: an async iterable's next() is awaited before the following one.
  const pull = async () => {
    pulling = true;
    try {
      while (room()) {
        const next = await iterator.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        // Stopped while the iterable was waiting (Ctrl-C on a quiet stream): the task is not started.
        if (stopped()) break;
        const position = started++;
        running++;
        if (!known) tally.add(1);
        const task = next.value;
        void onEvent({ type: 'started', task });
        const result = task.refuse !== undefined ? Promise.resolve(refusedResult(task)) : runner.cleanFile(task);
        void result.then((outcome) => {
          running--;
          finished.set(position, outcome);
          wake?.();
        });
      }
    } catch (error) {
      failure = { error };
      exhausted = true;
    } finally {
      pulling = false;
      wake?.();
    }
  };
  const refill = () => {
    if (!pulling && room()) void pull();
  };

  for (;;) {
    // Results first: a hand-over may stop the batch (--fail-fast) before another task starts.
    while (finished.has(handed)) {
      const result = finished.get(handed)!;
      finished.delete(handed);
      handed++;
      if (result.status === 'cancelled') {
        refill();
        continue;
      }
      tally.count(result);
      const totals = tally.totals;
      const progress: BatchProgress = { done: tally.done, total: known ? totals.inputs : null, failed: totals.failed, elapsedMs: tally.elapsedMs };
      await onEvent({ type: result.status === 'failed' ? 'failed' : 'done', result, progress });
      refill();
    }
    refill();
    if (handed === started && (stopped() || (exhausted && !pulling))) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
  // A generator left early (stopped) closes its files; one still waiting for input is left to the process's end.
  if (!exhausted && !pulling) void iterator.return?.();
  if (failure) throw (failure as { error: unknown }).error;
  const totals = tally.finish(options.interrupted?.() ?? false);
  await onEvent({ type: 'summary', totals });
  return totals;
}

async function* fromSync<T>(iterator: Iterator<T>): AsyncGenerator<T> {
  for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
}
