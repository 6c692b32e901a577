import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { VERSION } from '../version.js';
import { nowMs } from '../io/clock.js';
import type { FileResult } from './task.js';
import { fromSystemError } from '../pipeline/errors.js';
import { temporaryPathFor, writeAll } from '../io/write.js';

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
 * end: readers see no report or a whole one.
 *
 *   { "declutter": "0.1.0", "files": [ {path, source, status, warnings, error, output, ms}, … ], "totals": {…} }
 */
export class ReportWriter {
  private readonly temporary: string;
  private readonly fd: number;
  private buffer = `{\n  "declutter": ${JSON.stringify(VERSION)},\n  "files": [`;
  private entries = 0;

  constructor(private readonly path: string) {
    this.temporary = temporaryPathFor(path);
    try {
      mkdirSync(dirname(path), { recursive: true });
      this.fd = openSync(this.temporary, 'w');
    } catch (error) {
      throw fromSystemError(error);
    }
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
    try {
      this.flush();
      fsyncSync(this.fd);
      closeSync(this.fd);
      renameSync(this.temporary, this.path);
    } catch (error) {
      this.abandon();
      throw fromSystemError(error);
    }
  }

  /** Leaves nothing behind (the run failed before it could report). */
  abandon(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Already closed.
    }
    rmSync(this.temporary, { force: true });
  }

  private flush(): void {
    const data = this.buffer;
    this.buffer = '';
    try {
      writeAll(this.fd, data);
    } catch (error) {
      throw fromSystemError(error);
    }
  }
}
