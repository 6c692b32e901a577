import { describe, expect, it } from 'vitest';
import { runBatch, type TaskRunner } from '../../../src/batch/run.js';
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

describe('runBatch', () => {
  it('hands results on in input order whatever order they finish in', async () => {
    const seen: number[] = [];
    const handed = await runBatch(200, task, new ScrambledRunner(), { concurrency: 4, onResult: (result) => void seen.push(result.index) });
    expect(handed).toBe(200);
    expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('never runs more than its concurrency, nor gets further ahead of the slowest than its window', async () => {
    const runner = new ScrambledRunner();
    let started = 0;
    let handed = 0;
    let furthest = 0;
    await runBatch(
      300,
      (index) => {
        started++;
        furthest = Math.max(furthest, started - handed);
        return task(index);
      },
      runner,
      { concurrency: 3, window: 6, onResult: () => void handed++ },
    );
    expect(runner.maxRunning).toBeLessThanOrEqual(3);
    expect(furthest).toBeLessThanOrEqual(6);
  });

  it('waits for each hand-over before the next (a full stdout pipe holds the batch back)', async () => {
    let inHandOver = false;
    let overlapped = false;
    await runBatch(50, task, new ScrambledRunner(), {
      concurrency: 4,
      onResult: async () => {
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
    const handed = await runBatch(1000, task, new ScrambledRunner(), {
      concurrency: 4,
      stopped: () => stop,
      onResult: (result) => {
        seen.push(result.index);
        if (result.index === 10) stop = true;
      },
    });
    expect(handed).toBe(seen.length);
    expect(handed).toBeGreaterThan(10);
    expect(handed).toBeLessThan(1000);
    expect(seen).toEqual(Array.from({ length: handed }, (_, i) => i));
  });
});
