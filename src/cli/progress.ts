import { nowMs } from '../batch/report.js';

/**
 * The progress line on a terminal: files done / total, files per second,
 * failures; redrawn at most every 100 ms, and wiped before any other line
 * is printed so messages never mix with it.
 */
export interface ProgressCounts {
  done: number;
  /** Null while it is not known (records read from a stream). */
  total: number | null;
  failed: number;
  elapsedMs: number;
}

export class ProgressLine {
  private lastDraw = -Infinity;
  private shown = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly intervalMs = 100,
  ) {}

  update(counts: ProgressCounts, now = nowMs()): void {
    if (now - this.lastDraw < this.intervalMs) return;
    this.lastDraw = now;
    this.stream.write(`\r\x1b[K${formatProgress(counts)}`);
    this.shown = true;
  }

  /** Wipes the line (before a message, and at the end). */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}

export function formatProgress({ done, total, failed, elapsedMs }: ProgressCounts): string {
  const rate = elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0;
  const failures = failed > 0 ? `, ${failed} failed` : '';
  if (total === null) return `declutter: ${done} done, ${rate} files/s${failures}`;
  const percent = total > 0 ? Math.floor((done * 100) / total) : 100;
  return `declutter: ${done}/${total} (${percent}%), ${rate} files/s${failures}`;
}
