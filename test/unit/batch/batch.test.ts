import { describe, expect, it } from 'vitest';
import { runBatch, type BatchEvent, type TaskRunner } from '../../../src/batch/run.js';
import type { FileResult, FileTask } from '../../../src/batch/task.js';

/** Finishes tasks in a scrambled order, and records how many run and wait at once. */
class ScrambledRunner implements TaskRunner {
  running = 0;
  maxRunning = 0;
  private readonly waiting: (() => void)[] = [];

  cleanFile(task: FileTask): Promise<FileResult> {
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    return new Promise((resolve) => {
      const finish = () => {
        this.running--;
        resolve({ index: task.index, path: task.path, status: 'ok', source: 'x', warnings: [], error: null, output: null, ms: 0 });
      };
      // Later tasks often finish first.
      if (task.index % 3 === 0) setTimeout(finish, 5);
      else this.waiting.push(finish);
      setImmediate(() => this.waiting.pop()?.());
    });
  }

  async close(): Promise<void> {}

  async abandon(): Promise<void> {}
}

const task = (index: number): FileTask => ({ index, path: `page-${index}.txt`, target: null });

/** Tasks 0…count-1, made as they are asked for; `made` counts them. */
function tasks(count: number, onMake: (index: number) => void = () => undefined): Iterable<FileTask> {
  return {
    *[Symbol.iterator]() {
      for (let index = 0; index < count; index++) {
        onMake(index);
        yield task(index);
      }
    },
  };
}

const pageIndex = (event: BatchEvent) => (event.type === 'done' || event.type === 'failed' ? event.result.index : null);

describe('runBatch', () => {
  it('hands results on in input order whatever order they finish in', async () => {
    const seen: number[] = [];
    const totals = await runBatch(tasks(200), {
      runner: new ScrambledRunner(),
      concurrency: 4,
      onEvent: (event) => {
        const index = pageIndex(event);
        if (index !== null) seen.push(index);
      },
    });
    expect(totals.ok).toBe(200);
    expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('never runs more than its concurrency, nor gets further ahead of the slowest than its window', async () => {
    const runner = new ScrambledRunner();
    let started = 0;
    let handed = 0;
    let furthest = 0;
    await runBatch(
      tasks(300, () => {
        started++;
        furthest = Math.max(furthest, started - handed);
      }),
      { runner, concurrency: 3, window: 6, onEvent: (event) => void (pageIndex(event) !== null && handed++) },
    );
    expect(runner.maxRunning).toBeLessThanOrEqual(3);
    expect(furthest).toBeLessThanOrEqual(6);
  });

  it('waits for each hand-over before the next (a full stdout pipe holds the batch back)', async () => {
    let inHandOver = false;
    let overlapped = false;
    await runBatch(tasks(50), {
      runner: new ScrambledRunner(),
      concurrency: 4,
      onEvent: async (event) => {
        if (pageIndex(event) === null) return;
        if (inHandOver) overlapped = true;
        inHandOver = true;
        await new Promise((resolve) => setTimeout(resolve, 1));
        inHandOver = false;
      },
    });
    expect(overlapped).toBe(false);
  });

  it('stops taking tasks when told, and still hands on those under way', async () => {
    const seen: number[] = [];
    let stop = false;
    const totals = await runBatch(tasks(1000), {
      runner: new ScrambledRunner(),
      concurrency: 4,
      expected: 1000,
      stopped: () => stop,
      onEvent: (event) => {
        const index = pageIndex(event);
        if (index === null) return;
        seen.push(index);
        if (index === 10) stop = true;
      },
    });
    const handed = totals.ok;
    expect(totals.notStarted).toBe(1000 - handed);
    expect(handed).toBe(seen.length);
    expect(handed).toBeGreaterThan(10);
    expect(handed).toBeLessThan(1000);
    expect(seen).toEqual(Array.from({ length: handed }, (_, i) => i));
  });

  it('reads an async stream only as fast as results are taken, and counts what it read', async () => {
    let made = 0;
    let furthest = 0;
    let handed = 0;
    async function* stream(): AsyncGenerator<FileTask> {
      for (let index = 0; index < 500; index++) {
        await new Promise((resolve) => setImmediate(resolve));
        made++;
        furthest = Math.max(furthest, made - handed);
        yield task(index);
      }
    }
    const totals = await runBatch(stream(), {
      runner: new ScrambledRunner(),
      concurrency: 2,
      window: 4,
      onEvent: async (event) => {
        if (pageIndex(event) === null) return;
        handed++;
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
    expect(furthest).toBeLessThanOrEqual(4);
    expect(totals).toMatchObject({ inputs: 500, ok: 500, failed: 0, notStarted: 0 });
  });

  it('emits started for each task, a page event each in order (refused tasks failed, without the runner), then one summary', async () => {
    const runner = new ScrambledRunner();
    const events: string[] = [];
    const list: FileTask[] = [task(0), { ...task(1), refuse: 'no pages in it' }, task(2)];
    const totals = await runBatch(list, {
      runner,
      concurrency: 1,
      expected: 3,
      onEvent: (event) => {
        if (event.type === 'started') events.push(`started ${event.task.index}`);
        else if (event.type === 'summary') events.push(`summary ${event.totals.ok} ok ${event.totals.failed} failed`);
        else events.push(`${event.type} ${event.result.index} ${event.progress.done}/${event.progress.total}${event.result.error ? ` ${event.result.error}` : ''}`);
      },
    });
    expect(events.filter((event) => !event.startsWith('started'))).toEqual(['done 0 1/3', 'failed 1 2/3 no pages in it', 'done 2 3/3', 'summary 2 ok 1 failed']);
    expect(events.filter((event) => event.startsWith('started'))).toEqual(['started 0', 'started 1', 'started 2']);
    expect(runner.maxRunning).toBe(1);
    expect(totals.inputs).toBe(3);
  });

  it('ends with the error of a stream that fails, after handing on what it gave', async () => {
    const seen: number[] = [];
    async function* failing(): AsyncGenerator<FileTask> {
      yield task(0);
      yield task(1);
      throw new Error('read failed');
    }
    await expect(
      runBatch(failing(), { runner: new ScrambledRunner(), concurrency: 1, onEvent: (event) => void (pageIndex(event) !== null && seen.push(pageIndex(event)!)) }),
    ).rejects.toThrow('read failed');
    expect(seen).toEqual([0, 1]);
  });
});
