import { DeclutterError, isDeclutterError, type ErrorCode, type ErrorDetails } from '../pipeline/errors.js';
import { isUpToDate, type OutputRecord } from './manifest.js';
import { nowMs } from './report.js';
import { clean } from '../pipeline/analyze.js';
import type { Cleaner } from '../pipeline/cleaner.js';
import { readInputFile } from '../io/read.js';
import type { Format } from '../pipeline/types.js';
import { realPathOf, writeFileAtomic } from '../io/write.js';
import { statSync } from 'node:fs';
import { render } from '../render/index.js';

/**
 * One input, start to finish: read → clean → render → write (`cleanFile`). The same
 * function runs inline (`-j 1`, a single input) and inside each worker
 * thread, so both paths behave alike; it never throws.
 */

/** What every input of a run shares. Plain data: it is sent to each worker. */
export interface FileSettings {
  format: Format;
  source?: string | undefined;
  /** `--cleaners`: cleaner files a worker thread loads beside the built-ins (the main thread checked them already). */
  cleanerFiles?: string[] | undefined;
  tz?: string | undefined;
  encoding?: string | undefined;
  strict?: boolean | undefined;
  /** Refuse pages no site cleaner recognizes instead of using the generic cleaner. */
  sitesOnly?: boolean | undefined;
  maxBytes?: number | undefined;
  /** Record what made each output (the out dir keeps a manifest). */
  record?: boolean | undefined;
}

export interface FileTask {
  /** Position in the run; results come back in this order. */
  index: number;
  /** As given by the user, `-` for standard input. */
  path: string;
  /** Output file, or null to hand the rendered text back (stdout). */
  target: string | null;
  /** Already read (standard input). */
  bytes?: Uint8Array | undefined;
  /** Set when the input must not be cleaned at all (it would overwrite an input, it is an unusable record). */
  refuse?: string | undefined;
  /** The code of the `refuse` reason, when it has one. */
  refuseCode?: ErrorCode | undefined;
  /** `--incremental`: what made the output last time, with this run's version and options; skipped while it still holds. */
  previous?: OutputRecord | undefined;
  /** A record of a stream (`--input-format ndjson`): its output is one line, the article carrying its id, or an error record. */
  record?: PageRecord | undefined;
}

/** What a record says beyond its page: `{"id", "text" | "html" | "path", "url"?, "source"?}`. */
export interface PageRecord {
  /** As the record gave it; null when the record is unreadable. */
  id: string | number | null;
  /** The page itself (`text` or `html`), when the record carries it rather than naming a file (the task's path). */
  page?: string | undefined;
  url?: string | undefined;
  /** The cleaner to use for this record (as `--source` does for all). */
  source?: string | undefined;
}

/** `cancelled`: not started after all, the run having stopped meanwhile (--fail-fast, Ctrl-C). */
export type FileStatus = 'ok' | 'skipped' | 'failed' | 'cancelled';

/** Small on purpose: this crosses the thread boundary once per input. */
export interface FileResult {
  index: number;
  path: string;
  status: FileStatus;
  source: string | null;
  warnings: string[];
  error: string | null;
  /** With `error`, when it is a DeclutterError: its code and details, for the caller's own advice. */
  errorCode?: ErrorCode;
  errorDetails?: ErrorDetails;
  output: string | null;
  /** The rendered article when there is no target file. */
  text?: string;
  /** What made the output just written, for the manifest. */
  made?: Omit<OutputRecord, 'output' | 'stamp'>;
  ms: number;
}

/** An output that cannot be written is named, so the message does not read as a fault of the input. */
function writeOutput(target: string, text: string): void {
  try {
    writeFileAtomic(target, text);
  } catch (error) {
    if (!isDeclutterError(error)) throw error;
    throw new DeclutterError(error.code, `cannot write ${target}: ${error.message}`);
  }
}

/** The one line a record that failed gives: `{"id": …, "error": {"code": …, "message": …}}`. */
export function errorRecord(id: PageRecord['id'], code: string, message: string): string {
  return `${JSON.stringify({ id, error: { code, message } })}\n`;
}

/** The result of a task refused before it is run (see FileTask.refuse). */
export function refusedResult(task: FileTask): FileResult {
  const result: FileResult = { index: task.index, path: task.path, status: 'failed', source: null, warnings: [], error: task.refuse ?? 'refused', output: null, ms: 0 };
  if (task.refuseCode !== undefined) result.errorCode = task.refuseCode;
  if (task.record) result.text = errorRecord(task.record.id, task.refuseCode ?? 'refused', result.error!);
  return result;
}

export function cleanFile(task: FileTask, settings: FileSettings, cleaners: readonly Cleaner[]): FileResult {
  const started = nowMs();
  const record = task.record;
  const result: FileResult = {
    index: task.index,
    path: task.path,
    status: 'failed',
    source: null,
    warnings: [],
    error: null,
    output: task.target,
    ms: 0,
  };
  try {
    if (task.refuse !== undefined) {
      return refusedResult(task);
    } else if (task.target !== null && task.previous !== undefined && isUpToDate(task.previous, task.path, realPathOf(task.path), task.target)) {
      result.status = 'skipped';
    } else {
      const seen = { size: 0, mtimeMs: 0 };
      const page = record?.page ?? task.bytes ?? readInputFile(task.path, settings.maxBytes, seen);
      const source = record?.source ?? settings.source;
      const article = clean(page, {
        cleaners,
        // A record's inline page has no path (its task's path only names the record in messages).
        path: record?.page !== undefined ? null : task.path,
        ...(source !== undefined && { source }),
        ...(settings.tz !== undefined && { tz: settings.tz }),
        ...(settings.encoding !== undefined && { encoding: settings.encoding }),
        ...(settings.strict !== undefined && { strict: settings.strict }),
        ...(settings.sitesOnly !== undefined && { sitesOnly: settings.sitesOnly }),
      });
      result.source = article.source;
      result.warnings = article.warnings;
      if (record) article.input = { id: record.id, ...article.input, ...(record.url !== undefined && { url: record.url }) };
      const text = render(article, settings.format);
      if (task.target === null) result.text = text;
      else {
        writeOutput(task.target, text);
        if (settings.record && task.bytes === undefined && record?.page === undefined) {
          const output = statSync(task.target);
          result.made = { input: realPathOf(task.path), ...seen, outputSize: output.size, outputMtimeMs: output.mtimeMs };
        }
      }
      result.status = 'ok';
    }
  } catch (error) {
    // A bug must not end a batch of thousands either; it is reported as one, not as the user's fault.
    result.error = isDeclutterError(error) ? error.message : `internal error, please report it: ${error instanceof Error ? error.message : String(error)}`;
    if (isDeclutterError(error)) {
      result.errorCode = error.code;
      result.errorDetails = error.details;
    }
  }
  if (result.status === 'failed' && result.error !== null) result.output = null;
  if (record && result.status === 'failed') result.text = errorRecord(record.id, result.errorCode ?? 'internal', result.error ?? 'failed');
  result.ms = nowMs() - started;
  return result;
}

/** The answer for a task the run stopped before it started. */
export function cancelled(task: FileTask): FileResult {
  return { index: task.index, path: task.path, status: 'cancelled', source: null, warnings: [], error: null, output: null, ms: 0 };
}
