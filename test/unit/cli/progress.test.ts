import { describe, expect, it } from 'vitest';
import { formatProgress, ProgressLine } from '../../../src/cli/progress.js';

class FakeStream {
  written: string[] = [];
  write(chunk: string): boolean {
    this.written.push(chunk);
    return true;
  }
}

describe('ProgressLine', () => {
  it('draws at most once per interval, and wipes the line when cleared', () => {
    const stream = new FakeStream();
    const line = new ProgressLine(stream as unknown as NodeJS.WriteStream, 100);
    for (let now = 0; now < 1000; now += 10) line.update({ done: now, total: 1000, failed: 0, elapsedMs: now }, now);
    expect(stream.written).toHaveLength(10);
    line.clear();
    expect(stream.written.at(-1)).toBe('\r\x1b[K');
    line.clear();
    expect(stream.written).toHaveLength(11);
  });
});

describe('formatProgress', () => {
  it('shows done / total, percent, rate, and failures only when there are some', () => {
    expect(formatProgress({ done: 250, total: 1000, failed: 0, elapsedMs: 500 })).toBe('declutter: 250/1000 (25%), 500 files/s');
    expect(formatProgress({ done: 1000, total: 1000, failed: 3, elapsedMs: 2000 })).toBe('declutter: 1000/1000 (100%), 500 files/s, 3 failed');
  });
});
