import type { TaskRunner } from '../batch/run.js';
import { InlineRunner, runBatch } from '../batch/run.js';
import type { FileResult, FileSettings, FileTask } from '../batch/task.js';
import type { Discovery } from '../batch/pages.js';
import { cleanersFor } from './cleaner-files.js';
import type { Cleaner } from '../pipeline/cleaner.js';
import { isDeclutterError } from '../pipeline/errors.js';
import { LOCK_NAME, MANIFEST_NAME, OutDir } from '../batch/manifest.js';
import { isPlainPath } from '../batch/pages.js';
import { planOutputs } from '../batch/plan.js';
import { ProgressLine } from './progress.js';
import { readStdin } from '../io/read.js';
import { ReportWriter, Tally, type Totals } from '../batch/report.js';
import type { Format } from '../pipeline/types.js';
import { EXTENSIONS } from '../render/index.js';
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
  if (argumentsGiven.length === 0) {
    if (process.stdin.isTTY) throw new UsageError('no input: give files, or pipe a page to standard input (see --help)');
    argumentsGiven = ['-'];
  }
  if (argumentsGiven.filter((input) => input === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  if (options.incremental && !options.outDir) throw new UsageError('--incremental needs --out-dir (it compares the outputs with the inputs)');
  // Cleaner files are checked before any page is read.
  const cleaners = await cleanersFor(options);

  if (options.report === '-' && !options.outDir) throw new UsageError('--report - writes the report to standard output, which carries the articles without --out-dir');
  if (options.outDir) checkOutDir(options.outDir, argumentsGiven);

  const discovery = await findInputs(argumentsGiven, options);
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
  const settings: FileSettings = {
    format: options.format,
    source: options.source,
    ...(options.cleaners !== undefined && options.cleaners.length > 0 && { cleanerFiles: options.cleaners }),
    tz: options.tz,
    encoding: options.encoding,
    strict: options.strict,
    sitesOnly: options.sitesOnly,
    maxBytes: options.maxBytes,
  };
  let outDir: OutDir | null = null;
  if (options.outDir && inputs.length > 0) {
    const stamp = { version: VERSION, options: outputOptions(options) };
    try {
      outDir = OutDir.open(options.outDir, stamp, { create: options.incremental === true });
    } catch (error) {
      if (!isDeclutterError(error)) throw error;
      // The message names the file at fault (the lock, the manifest, the folder).
      printError(null, error.message);
      return 1;
    }
    settings.record = true;
  }

  const taskAt = (index: number): FileTask => {
    const path = inputs[index]!;
    const task: FileTask = { index, path, target: plan ? plan.targetAt(index) : null };
    if (path === '-') {
      if (typeof stdinBytes === 'string') task.refuse = stdinBytes;
      else task.bytes = stdinBytes!;
    }
    if (plan?.overwritesInput(index)) task.refuse = `output ${task.target} would overwrite an input file; choose another --out-dir`;
    const link = plan?.linkOnTheWay(index);
    if (link) task.refuse = `output ${task.target} would be written through ${link}, a symbolic link inside the out dir; declutter never writes through one (remove the link)`;
    if (options.incremental && task.target !== null && task.refuse === undefined) task.previous = outDir?.previous(task.target);
    return task;
  };

  const tally = new Tally(inputs.length + discovery.problems.length);
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
  for (const { input, message } of discovery.problems) {
    printError(input, message);
    const result: FileResult = { index: -1, path: input, status: 'failed', source: null, warnings: [], error: message, output: null, ms: 0 };
    tally.count(result);
    addToReport(result);
  }

  const runner = await runnerFor(jobs, settings, cleaners);
  const stdout = plan ? null : new StdoutSink(options.format, batch);
  const progress = batch && !options.quiet && process.stderr.isTTY ? new ProgressLine(process.stderr) : null;
  // Only a batch has work to wind down; a single page stops at Ctrl-C as any command does,
  // even while blocked opening a pipe that has no writer yet.
  const signals = batch
    ? new SignalLatch(async (signal) => {
        // Interrupted again while waiting for the inputs under way: stop now, leaving nothing half written.
        progress?.clear();
        await runner.abandon();
        report?.abandon();
        outDir?.release();
        printError(null, `interrupted again: stopped at once after ${tally.done} of ${tally.totals.inputs} inputs; the ones under way were abandoned`);
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

  try {
    await runBatch(inputs.length, taskAt, runner, {
      // Several per worker, so each always has inputs waiting and they travel in groups (see batch/pool.ts).
      concurrency: jobs === 1 ? 1 : jobs * TASKS_PER_WORKER,
      stopped: () => stop || signals?.caught === true,
      onResult: async (result) => {
        if (result.status === 'cancelled') return;
        if (result.errorCode !== undefined && result.error !== null) result.error = withAdvice({ code: result.errorCode, message: result.error, details: result.errorDetails });
        tally.count(result);
        if (result.made && result.output !== null) outDir?.record(result.output, result.made);
        addToReport(result);
        if (result.status === 'failed' || (!options.quiet && result.warnings.length > 0)) progress?.clear();
        if (result.status === 'failed') {
          printError(result.path, result.error ?? 'failed');
          if (options.failFast) {
            stop = true;
            runner.stop?.();
          }
        } else if (!options.quiet) {
          for (const warning of result.warnings) printWarning(result.path, warning);
        }
        if (result.text !== undefined) await stdout!.write(result.text);
        progress?.update({ done: tally.done, total: tally.totals.inputs, failed: tally.totals.failed, elapsedMs: tally.elapsedMs });
      },
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
      tally.totals.failed++;
    }
  }

  const interrupted = signals?.caught === true;
  const totals = tally.finish(interrupted);
  if (reportFailed) totals.failed++;
  if (report) {
    try {
      report.finish(totals);
    } catch (error) {
      if (!isDeclutterError(error)) throw error;
      printError(options.report!, error.message);
      totals.failed++;
    }
  }
  if (interrupted || (stop && totals.notStarted > 0) || (batch && !options.quiet)) await printSummary(totals, stop && !interrupted);
  if (interrupted) return INTERRUPTED;
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

/** One plain file (or stdin) needs no search, so fast-glob is not even loaded. */
async function findInputs(argumentsGiven: string[], options: CleanCommandOptions): Promise<Discovery> {
  if (argumentsGiven.length === 1 && isPlainPath(argumentsGiven[0]!)) {
    return { inputs: argumentsGiven, roots: [], problems: [], expanded: false, expectationFiles: [] };
  }
  const { discoverInputs } = await import('../batch/pages.js');
  return discoverInputs(argumentsGiven, { ignore: options.ignore ?? [], exclude: options.outDir ?? null });
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

/**
 * Standard output: one input gives one document; a batch gives a JSON array,
 * NDJSON lines, or Markdown/text documents one after another, streamed in
 * input order.
 */
class StdoutSink {
  private written = 0;

  constructor(
    private readonly format: Format,
    private readonly several: boolean,
  ) {}

  async write(text: string): Promise<void> {
    let chunk = text;
    if (this.format === 'json' && this.several) {
      chunk = `${this.written === 0 ? '[\n' : ',\n'}${indent(chunk.trimEnd())}`;
    } else if ((this.format === 'md' || this.format === 'text') && this.written > 0) {
      chunk = `\n${chunk}`;
    }
    this.written++;
    await writeStdout(chunk);
  }

  async end(): Promise<void> {
    if (this.format === 'json' && this.several) await writeStdout(this.written === 0 ? '[]\n' : '\n]\n');
  }
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}
