import { readFileSync } from 'node:fs';
import type { BatchEvent, TaskRunner } from '../batch/run.js';
import { InlineRunner, runBatch } from '../batch/run.js';
import type { FileResult, FileSettings, FileTask } from '../batch/task.js';
import type { Discovery } from '../batch/pages.js';
import { cleanersFor } from './cleaner-files.js';
import type { Cleaner } from '../pipeline/cleaner.js';
import { fromSystemError, isDeclutterError } from '../pipeline/errors.js';
import { LOCK_NAME, MANIFEST_NAME, OutDir } from '../batch/manifest.js';
import { isPlainPath } from '../batch/pages.js';
import { planOutputs } from '../batch/plan.js';
import { ProgressLine } from './progress.js';
import { DEFAULT_MAX_BYTES, readStdin } from '../io/read.js';
import { ReportWriter, type Totals } from '../batch/report.js';
import type { Format } from '../pipeline/types.js';
import { EXTENSIONS } from '../render/index.js';
import { DocumentStream } from '../render/stream.js';
import { VERSION } from '../version.js';
import { printError, printWarning, UsageError, withAdvice } from './diagnostics.js';
import { writeStdout } from './stdout.js';
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { OutputPlan } from '../batch/plan.js';
import { realPathOf, removeStaleTemporaries } from '../io/write.js';

export interface CleanCommandOptions {
  format: Format;
  source?: string;
  cleaners?: string[];
  outDir?: string;
  tz?: string;
  encoding?: string;
  strict?: boolean;
  sitesOnly?: boolean;
  quiet?: boolean;
  maxBytes?: number;
  jobs?: number;
  ignore?: string[];
  incremental?: boolean;
  failFast?: boolean;
  report?: string;
  /** `--files-from FILE|-`: more inputs, one path a line (NUL-separated with `nul`). */
  filesFrom?: string;
  nul?: boolean;
  /** `ndjson`: the inputs are streams of records, one page each. */
  inputFormat?: 'files' | 'ndjson';
}

/** Inputs in flight per worker thread: enough to keep it busy between messages, few enough to stop fast on Ctrl-C. */
const TASKS_PER_WORKER = 16;

/** Exit status after Ctrl-C or SIGTERM. */
const INTERRUPTED = 130;

/**
 * `declutter [inputs...]`: finds the inputs, cleans them (in worker threads
 * for a batch), writes each output or streams it to stdout in input order,
 * and returns the exit code.
 */
export async function runClean(argumentsGiven: string[], options: CleanCommandOptions): Promise<number> {
  if (options.inputFormat === 'ndjson') return runRecords(argumentsGiven, options);
  if (argumentsGiven.length === 0 && options.filesFrom === undefined) {
    if (process.stdin.isTTY) throw new UsageError('no input: give files, or pipe a page to standard input (see --help)');
    argumentsGiven = ['-'];
  }
  if (options.nul && options.filesFrom === undefined) throw new UsageError('-0 goes with --files-from (NUL-separated paths, as find -print0 writes)');
  const readsStdin = argumentsGiven.filter((input) => input === '-').length + (options.filesFrom === '-' ? 1 : 0);
  if (readsStdin > 1) throw new UsageError('standard input (-) can be read only once');
  if (options.incremental && !options.outDir) throw new UsageError('--incremental needs --out-dir (it compares the outputs with the inputs)');
  // Cleaner files are checked before any page is read.
  const cleaners = await cleanersFor(options);

  if (options.report === '-' && !options.outDir) throw new UsageError('--report - writes the report to standard output, which carries the articles without --out-dir');
  if (options.outDir) checkOutDir(options.outDir, argumentsGiven);

  // Each listed path is one file, taken as written (a name with * in it is no pattern), after the arguments.
  const listed = options.filesFrom === undefined ? null : await readPathList(options.filesFrom, options.nul === true);
  const discovery = await findInputs(argumentsGiven, options, listed);
  if (listed !== null) discovery.expanded = true;
  const inputs = discovery.inputs;
  const batch = inputs.length > 1 || discovery.expanded;
  const plan = options.outDir ? planOutputs(inputs, discovery.roots, options.outDir, EXTENSIONS[options.format]) : null;
  if (plan && plan.collisions.length > 0) {
    for (const { input, other, output } of plan.collisions) printError(input, `would write ${output}, as ${other} does; nothing was written`);
    throw new UsageError('two inputs would make the same output file; rename one, or clean them into separate --out-dir folders');
  }
  if (options.report && options.report !== '-') {
    const what = plan ? reportClash(options.report, plan, options.outDir!) : inputs.some((input) => input !== '-' && sameFile(input, options.report!)) ? 'an input file' : null;
    if (what !== null) throw new UsageError(`--report ${options.report} would overwrite ${what}; nothing was done`);
  }
  const jobsAsked = options.jobs;
  const cores = await coreCount(inputs.length, jobsAsked);
  const jobs = Math.max(1, Math.min(jobsAsked ?? cores, inputs.length, cores * JOBS_PER_CORE));
  if (jobsAsked !== undefined && jobsAsked > cores * JOBS_PER_CORE && inputs.length > cores * JOBS_PER_CORE) {
    printWarning(null, `-j ${jobsAsked} is more than ${JOBS_PER_CORE} per core (${cores} cores): using ${jobs}`);
  }

  const stdinBytes = inputs.includes('-') ? await readStdinOnce(options.maxBytes) : null;
  const settings = settingsFrom(options);
  let outDir: OutDir | null = null;
  if (options.outDir && inputs.length > 0) {
    const stamp = { version: VERSION, options: outputOptions(options) };
    try {
      // Every run into an out dir keeps its manifest, so the first --incremental run after a plain one can skip.
      outDir = OutDir.open(options.outDir, stamp, { create: true });
    } catch (error) {
      if (!isDeclutterError(error)) throw error;
      // The message names the file at fault (the lock, the manifest, the folder).
      printError(null, error.message);
      return 1;
    }
    settings.record = true;
  }

  // What discovery could not use comes first, each a failed input; then the inputs in order.
  const problems = discovery.problems.length;
  function* tasks(): Generator<FileTask> {
    let index = 0;
    for (const { input, message } of discovery.problems) yield { index: index++, path: input, target: null, refuse: message };
    for (let position = 0; position < inputs.length; position++) {
      const path = inputs[position]!;
      const task: FileTask = { index: index++, path, target: plan ? plan.targetAt(position) : null };
      if (path === '-') {
        if (typeof stdinBytes === 'string') task.refuse = stdinBytes;
        else task.bytes = stdinBytes!;
      }
      if (plan?.overwritesInput(position)) task.refuse = `output ${task.target} would overwrite an input file; choose another --out-dir`;
      const link = plan?.linkOnTheWay(position);
      if (link) task.refuse = `output ${task.target} would be written through ${link}, a symbolic link inside the out dir; declutter never writes through one (remove the link)`;
      if (options.incremental && task.target !== null && task.refuse === undefined) task.previous = outDir?.previous(task.target);
      yield task;
    }
  }
  return drive(tasks(), inputs.length + problems, jobs, settings, cleaners, outDir, options, {
    batch,
    // A search that found nothing is no reason for --fail-fast to skip the inputs that were found.
    stopsOnFailure: (result) => result.index >= problems,
  });
}

/**
 * `--input-format ndjson`: records from standard input or the files given,
 * one output line per record in input order; a record that fails is an
 * error record, so the run goes on (and exits 0: every record was answered).
 */
async function runRecords(argumentsGiven: string[], options: CleanCommandOptions): Promise<number> {
  if (options.format !== 'ndjson') throw new UsageError('--input-format ndjson writes one line per record: use -f ndjson (the default with it)');
  if (options.outDir) throw new UsageError('--input-format ndjson writes its records to standard output; --out-dir is for files');
  if (options.incremental) throw new UsageError('--incremental needs --out-dir (it compares the outputs with the inputs)');
  if (options.filesFrom !== undefined) throw new UsageError('--files-from lists pages; with --input-format ndjson give the record files as arguments');
  if (argumentsGiven.length === 0) {
    if (process.stdin.isTTY) throw new UsageError('no records: give NDJSON files, or pipe records to standard input (see --help)');
    argumentsGiven = ['-'];
  }
  if (argumentsGiven.filter((input) => input === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  // Cleaner files are checked before any record is read.
  const cleaners = await cleanersFor(options);
  if (options.report === '-') throw new UsageError('--report - writes the report to standard output, which carries the articles without --out-dir');
  if (options.report && argumentsGiven.some((input) => input !== '-' && sameFile(input, options.report!))) {
    throw new UsageError(`--report ${options.report} would overwrite an input file; nothing was done`);
  }
  const { recordTasks, fileRecords } = await import('../batch/records.js');
  const sources = argumentsGiven.map((input) => (input === '-' ? { name: 'stdin', open: () => process.stdin } : fileRecords(input)));
  // A line holds a page escaped as JSON: the page limit, with room for its escapes.
  const maxLine = 2 * (options.maxBytes ?? DEFAULT_MAX_BYTES) + 64 * 1024;
  const cores = await coreCount(2, options.jobs);
  const jobs = Math.max(1, Math.min(options.jobs ?? cores, cores * JOBS_PER_CORE));
  if (options.jobs !== undefined && options.jobs > jobs) printWarning(null, `-j ${options.jobs} is more than ${JOBS_PER_CORE} per core (${cores} cores): using ${jobs}`);
  return drive(recordTasks(sources, maxLine), undefined, jobs, settingsFrom(options), cleaners, null, options, {
    batch: true,
    stopsOnFailure: () => true,
    recordsAnswer: true,
  });
}

interface DriveMode {
  /** Several documents on stdout (framed), a progress line and a summary. */
  batch: boolean;
  stopsOnFailure: (result: FileResult) => boolean;
  /** A failed record is answered by its error record: it does not fail the run. */
  recordsAnswer?: boolean;
}

/** Runs the tasks as a batch and turns its events into stdout, stderr lines, the report and the exit status. */
async function drive(
  tasks: Iterable<FileTask> | AsyncIterable<FileTask>,
  expected: number | undefined,
  jobs: number,
  settings: FileSettings,
  cleaners: readonly Cleaner[],
  outDir: OutDir | null,
  options: CleanCommandOptions,
  mode: DriveMode,
): Promise<number> {
  const { batch } = mode;
  let report: ReportWriter | null = null;
  try {
    if (options.report) {
      if (options.report !== '-') removeStaleTemporaries(dirname(options.report));
      report = new ReportWriter(options.report);
    }
  } catch (error) {
    outDir?.release();
    if (!isDeclutterError(error)) throw error;
    printError(options.report!, error.message);
    return 1;
  }
  let reportFailed = false;
  /** The run's own files (the report, the out dir's manifest) could not be written. */
  let runFailed = false;
  /** A report that cannot be written (a full disk) is named and dropped; the batch goes on to its summary. */
  const addToReport = (result: FileResult) => {
    try {
      report?.add(result);
    } catch (error) {
      if (!isDeclutterError(error)) throw error;
      progress?.clear();
      printError(options.report!, `cannot write the report: ${error.message}; the run goes on without it`);
      report = null;
      reportFailed = true;
    }
  };

  const runner = await runnerFor(jobs, settings, cleaners);
  const stdout = options.outDir ? null : new DocumentStream(options.format, batch, writeStdout);
  const progress = batch && !options.quiet && process.stderr.isTTY ? new ProgressLine(process.stderr) : null;
  let done = 0;
  // Only a batch has work to wind down; a single page stops at Ctrl-C as any command does,
  // even while blocked opening a pipe that has no writer yet.
  const signals = batch
    ? new SignalLatch(async (signal) => {
        // Interrupted again while waiting for the inputs under way: stop now, leaving nothing half written.
        progress?.clear();
        await runner.abandon();
        report?.abandon();
        outDir?.release();
        printError(null, `interrupted again: stopped at once after ${done}${expected === undefined ? '' : ` of ${expected}`} inputs; the ones under way were abandoned`);
        // Die by the signal itself (status 130 for SIGINT): exiting would wait for a thread stuck in a system call.
        signals?.release();
        process.kill(process.pid, signal);
      }, () => {
        // Said at once, so a wait that does not end (a pipe nobody writes to) is never a mystery.
        progress?.clear();
        const waiting = runner instanceof InlineRunner ? runner.waitingFor : null;
        printError(
          null,
          waiting !== null
            ? `interrupted: waiting for ${waiting} (a pipe or device nobody writes to yet); Ctrl-C again to stop at once`
            : `interrupted: finishing the inputs under way; Ctrl-C again to stop at once`,
        );
        runner.stop?.();
      })
    : null;
  let stop = false;

  const onEvent = async (event: BatchEvent): Promise<void> => {
    if (event.type !== 'done' && event.type !== 'failed') return;
    const { result } = event;
    done = event.progress.done;
    if (result.errorCode !== undefined && result.error !== null) result.error = withAdvice({ code: result.errorCode, message: result.error, details: result.errorDetails });
    if (result.made && result.output !== null) outDir?.record(result.output, result.made);
    addToReport(result);
    if (result.status === 'failed' || (!options.quiet && result.warnings.length > 0)) progress?.clear();
    if (result.status === 'failed') {
      if (!(mode.recordsAnswer && options.quiet)) printError(result.path, result.error ?? 'failed');
      if (options.failFast && mode.stopsOnFailure(result)) {
        stop = true;
        runner.stop?.();
      }
    } else if (!options.quiet) {
      for (const warning of result.warnings) printWarning(result.path, warning);
    }
    if (result.text !== undefined) await stdout!.write(result.text);
    progress?.update(event.progress);
  };

  let totals: Totals;
  try {
    totals = await runBatch(tasks, {
      runner,
      // Several per worker, so each always has inputs waiting and they travel in groups (see batch/pool.ts).
      concurrency: jobs === 1 ? 1 : jobs * TASKS_PER_WORKER,
      // --fail-fast: no input starts further ahead than those under way, so a first input that fails stops
      // the run after at most those, however late its worker answers.
      ...(options.failFast && { window: jobs === 1 ? 1 : jobs * TASKS_PER_WORKER }),
      ...(expected !== undefined && { expected }),
      stopped: () => stop || signals?.caught === true,
      interrupted: () => signals?.caught === true,
      onEvent,
    });
    await stdout?.end();
  } catch (error) {
    report?.abandon();
    outDir?.release();
    throw error;
  } finally {
    signals?.release();
    progress?.clear();
    await runner.close();
  }
  if (outDir) {
    try {
      outDir.close();
    } catch (error) {
      if (!isDeclutterError(error)) throw error;
      printError(null, error.message);
      totals.failed++;
      runFailed = true;
    }
  }

  const interrupted = totals.interrupted;
  if (reportFailed) {
    totals.failed++;
    runFailed = true;
  }
  if (report) {
    try {
      report.finish(totals);
    } catch (error) {
      if (!isDeclutterError(error)) throw error;
      printError(options.report!, error.message);
      totals.failed++;
      runFailed = true;
    }
  }
  if (interrupted || (stop && totals.notStarted > 0) || (batch && !options.quiet)) await printSummary(totals, stop && !interrupted);
  if (interrupted) return INTERRUPTED;
  // Records answered with error records do not fail the run; a report that could not be written does.
  if (mode.recordsAnswer) return stop || runFailed ? 1 : 0;
  return totals.failed > 0 ? 1 : 0;
}

/**
 * `--out-dir` checked once, before any work: a regular file there would fail
 * every input, and an out dir that is (or holds) an input folder would be
 * left out of the search, finding no pages.
 */
function checkOutDir(outDir: string, argumentsGiven: readonly string[]): void {
  let stat;
  try {
    stat = statSync(outDir);
  } catch {
    return; // Made when the run starts.
  }
  if (!stat.isDirectory()) throw new UsageError(`--out-dir ${outDir} is a file, not a folder; nothing was done`);
  const real = realPathOf(outDir);
  for (const argument of argumentsGiven) {
    if (argument === '-') continue;
    try {
      if (!statSync(argument).isDirectory()) continue;
    } catch {
      continue;
    }
    const input = realPathOf(argument);
    if (input === real || input.startsWith(real + sep)) {
      throw new UsageError(`--out-dir ${outDir} is the input folder ${argument}${input === real ? '' : "'s parent"}; choose a folder of its own for the outputs`);
    }
  }
}

/** What a report at `path` would overwrite, or null: an input, an output, or the out dir's own files. */
function reportClash(path: string, plan: OutputPlan, outDir: string): string | null {
  if (plan.isInput(path)) return 'an input file';
  if (plan.isOutput(path)) return 'an output of this run';
  const real = realPathOf(path);
  for (const name of [MANIFEST_NAME, LOCK_NAME]) if (real === realPathOf(join(outDir, name))) return `the out dir's ${name}`;
  return null;
}

/** Whether two names are one file (device and inode; real paths for a file not there yet). */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return realPathOf(a) === realPathOf(b) || relative(resolve(a), resolve(b)) === '';
  }
}

function settingsFrom(options: CleanCommandOptions): FileSettings {
  return {
    format: options.format,
    source: options.source,
    ...(options.cleaners !== undefined && options.cleaners.length > 0 && { cleanerFiles: options.cleaners }),
    tz: options.tz,
    encoding: options.encoding,
    strict: options.strict,
    sitesOnly: options.sitesOnly,
    maxBytes: options.maxBytes,
  };
}

/** `--files-from FILE|-`: one path a line, or NUL-separated (`-0`); empty entries are no paths. */
async function readPathList(from: string, nul: boolean): Promise<string[]> {
  let text: string;
  try {
    // A list of paths is not a page: the page size limit does not apply to it.
    text = (from === '-' ? await readStdin(Number.MAX_SAFE_INTEGER) : readFileSync(from)).toString('utf8');
  } catch (error) {
    const reason = isDeclutterError(error) ? error : fromSystemError(error);
    throw new UsageError(`--files-from ${from}: ${reason.message}`);
  }
  const entries = text.split(nul ? '\0' : '\n');
  // A list written on Windows ends its lines with CR LF.
  return (nul ? entries : entries.map((entry) => (entry.endsWith('\r') ? entry.slice(0, -1) : entry))).filter((entry) => entry !== '');
}

/** One plain file (or stdin) needs no search, so fast-glob is not even loaded. */
async function findInputs(argumentsGiven: string[], options: CleanCommandOptions, listed: string[] | null): Promise<Discovery> {
  if (listed === null && argumentsGiven.length === 0) return { inputs: [], roots: [], problems: [], expanded: false, expectationFiles: [] };
  if (listed === null && argumentsGiven.length === 1 && isPlainPath(argumentsGiven[0]!)) {
    return { inputs: argumentsGiven, roots: [], problems: [], expanded: false, expectationFiles: [] };
  }
  const { discoverInputs } = await import('../batch/pages.js');
  return discoverInputs(argumentsGiven, { ignore: options.ignore ?? [], exclude: options.outDir ?? null, listed: listed ?? [] });
}

/** Standard input read up front (it is one input among the others); a problem with it is that input's failure. */
async function readStdinOnce(maxBytes: number | undefined): Promise<Uint8Array | string> {
  try {
    return await readStdin(maxBytes);
  } catch (error) {
    if (!isDeclutterError(error)) throw error;
    return withAdvice(error);
  }
}

/** The options that change what an output file contains, recorded in the out dir's manifest. */
function outputOptions(options: CleanCommandOptions): Record<string, string | boolean | null> {
  return {
    format: options.format,
    source: options.source ?? null,
    tz: options.tz ?? null,
    encoding: options.encoding ?? null,
    strict: options.strict === true,
    sitesOnly: options.sitesOnly === true,
  };
}

/** `-j` beyond this many per core only costs memory (400 workers took 3.6 GB to do what 2 did faster). */
const JOBS_PER_CORE = 4;

/** The machine's cores, asked only for a batch: node:os costs a single page ~2 ms of start-up. */
async function coreCount(inputs: number, jobs: number | undefined): Promise<number> {
  if (inputs <= 1 || jobs === 1) return 1;
  const { availableParallelism } = await import('node:os');
  return availableParallelism();
}

/** Worker threads only when there is parallel work: `-j 1` and one input load no worker code. */
async function runnerFor(jobs: number, settings: FileSettings, cleaners: readonly Cleaner[]): Promise<TaskRunner> {
  if (jobs === 1) return new InlineRunner(settings, cleaners);
  const { WorkerPool } = await import('../batch/pool.js');
  return new WorkerPool(jobs, settings);
}

/**
 * Catches SIGINT and SIGTERM for a batch: the first stops it taking inputs so
 * it ends cleanly; a second one calls `force`, for when what is under way
 * does not end (a pipe that never gets a writer).
 */
class SignalLatch {
  caught = false;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    if (this.caught) void this.force(signal);
    else this.first();
    this.caught = true;
  };

  constructor(
    private readonly force: (signal: NodeJS.Signals) => Promise<void>,
    private readonly first: () => void,
  ) {
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  release(): void {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }
}

/** `declutter: 10000 inputs: 9998 cleaned (devdiscourse 5000, editorji 4998), 0 skipped, 2 failed in 12.3s` */
async function printSummary(totals: Totals, stoppedByFailure: boolean): Promise<void> {
  // chalk is loaded for batches only; a single page starts without it.
  const { colorsFor } = await import('./colors.js');
  const color = colorsFor(process.stderr);
  const done = totals.inputs - totals.notStarted;
  const sources = Object.entries(totals.bySource)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([source, count]) => `${source} ${count}`)
    .join(', ');
  const head = totals.interrupted
    ? `interrupted after ${done} of ${totals.inputs} inputs`
    : stoppedByFailure
      ? `stopped at the first failure (--fail-fast) after ${done} of ${totals.inputs} inputs`
      : `${totals.inputs} input${totals.inputs === 1 ? '' : 's'}`;
  const parts = [
    color.green(`${totals.ok} cleaned`) + (sources ? ` (${sources})` : ''),
    (totals.skipped > 0 ? color.yellow : (text: string) => text)(`${totals.skipped} skipped`),
    (totals.failed > 0 ? color.red : (text: string) => text)(`${totals.failed} failed`),
  ];
  if (totals.notStarted > 0) parts.push(`${totals.notStarted} not started`);
  process.stderr.write(`declutter: ${head}: ${parts.join(', ')} in ${(totals.ms / 1000).toFixed(1)}s\n`);
}
