import { VERSION } from '../version.js';
import type { FileResult } from './task.js';
import { fromSystemError } from '../pipeline/errors.js';
import { openSink, type Sink } from '../io/write.js';

/**
 * Milliseconds from an arbitrary start, for timing inputs and runs. Not
 * `performance.now()`: the first touch of the `performance` global loads
 * perf_hooks, a few milliseconds of every `declutter page.txt`.
 */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Counts of a run, for the summary line and the report's `totals`. */
export interface Totals {
  inputs: number;
  ok: number;
  skipped: number;
  failed: number;
  /** Never started: the run was interrupted or stopped by --fail-fast. */
  notStarted: number;
  /** Inputs cleaned, per source id. */
  bySource: Record<string, number>;
  ms: number;
  interrupted: boolean;
}

export class Tally {
  readonly totals: Totals;
  private readonly started = nowMs();

  constructor(inputs: number) {
    this.totals = { inputs, ok: 0, skipped: 0, failed: 0, notStarted: inputs, bySource: {}, ms: 0, interrupted: false };
  }

  /** More inputs than first said: a stream's records, counted as they are read. */
  add(inputs: number): void {
    this.totals.inputs += inputs;
    this.totals.notStarted += inputs;
  }

  count(result: FileResult): void {
    if (result.status === 'cancelled') return;
    const totals = this.totals;
    totals.notStarted--;
    totals[result.status]++;
    if (result.status === 'ok' && result.source !== null) totals.bySource[result.source] = (totals.bySource[result.source] ?? 0) + 1;
  }

  get done(): number {
    return this.totals.inputs - this.totals.notStarted;
  }

  get elapsedMs(): number {
    return nowMs() - this.started;
  }

  finish(interrupted: boolean): Totals {
    this.totals.ms = Math.round(this.elapsedMs);
    this.totals.interrupted = interrupted;
    return this.totals;
  }
}

/**
 * `--report <file.json>`, written as the run goes so memory does not grow
 * with the number of inputs, into a temporary file renamed into place at the
 * end: readers see no report or a whole one. A FIFO, a device or `-`
 * (standard output) is written through; a link is followed (io/write.ts).
 *
 *   { "declutter": "0.1.0", "files": [ {path, source, status, warnings, error, output, ms}, … ], "totals": {…} }
 */
export class ReportWriter {
  private readonly sink: Sink;
  private buffer = `{\n  "declutter": ${JSON.stringify(VERSION)},\n  "files": [`;
  private entries = 0;

  constructor(readonly path: string) {
    this.sink = openSink(path, { durable: true, throughLinks: true });
  }

  add(result: FileResult): void {
    const entry = {
      path: result.path,
      source: result.source,
      status: result.status,
      warnings: result.warnings,
      error: result.error,
      output: result.output,
      ms: Math.round(result.ms * 100) / 100,
    };
    this.buffer += `${this.entries++ === 0 ? '\n' : ',\n'}    ${JSON.stringify(entry)}`;
    if (this.buffer.length >= 64 * 1024) this.flush();
  }

  finish(totals: Totals): void {
    this.buffer += `${this.entries === 0 ? '' : '\n  '}],\n  "totals": ${JSON.stringify(totals, null, 2).replace(/\n/g, '\n  ')}\n}\n`;
    this.flush();
    try {
      this.sink.commit();
    } catch (error) {
      this.abandon();
      throw fromSystemError(error);
    }
  }

  /** Leaves nothing behind (the run failed before it could report). */
  abandon(): void {
    this.sink.abandon();
  }

  /** A failure to write (a full disk) abandons the report and says so; the run itself goes on. */
  private flush(): void {
    const data = this.buffer;
    this.buffer = '';
    try {
      this.sink.write(data);
    } catch (error) {
      this.abandon();
      throw fromSystemError(error);
    }
  }
}
