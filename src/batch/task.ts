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
  /** Set when the input must not be cleaned at all (it would overwrite an input). */
  refuse?: string | undefined;
  /** `--incremental`: what made the output last time, with this run's version and options; skipped while it still holds. */
  previous?: OutputRecord | undefined;
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

export function cleanFile(task: FileTask, settings: FileSettings, cleaners: readonly Cleaner[]): FileResult {
  const started = nowMs();
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
      result.error = task.refuse;
    } else if (task.target !== null && task.previous !== undefined && isUpToDate(task.previous, task.path, realPathOf(task.path), task.target)) {
      result.status = 'skipped';
    } else {
      const seen = { size: 0, mtimeMs: 0 };
      const bytes = task.bytes ?? readInputFile(task.path, settings.maxBytes, seen);
      const article = clean(bytes, {
        cleaners,
        path: task.path,
        ...(settings.source !== undefined && { source: settings.source }),
        ...(settings.tz !== undefined && { tz: settings.tz }),
        ...(settings.encoding !== undefined && { encoding: settings.encoding }),
        ...(settings.strict !== undefined && { strict: settings.strict }),
        ...(settings.sitesOnly !== undefined && { sitesOnly: settings.sitesOnly }),
      });
      result.source = article.source;
      result.warnings = article.warnings;
      const text = render(article, settings.format);
      if (task.target === null) result.text = text;
      else {
        writeOutput(task.target, text);
        if (settings.record && task.bytes === undefined) {
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
  result.ms = nowMs() - started;
  return result;
}

/** The answer for a task the run stopped before it started. */
export function cancelled(task: FileTask): FileResult {
  return { index: task.index, path: task.path, status: 'cancelled', source: null, warnings: [], error: null, output: null, ms: 0 };
}
