import { basename } from 'node:path';
import type { ChalkInstance } from 'chalk';
import {
  checkFailed,
  checkPage,
  findPages,
  totalsOf,
  type CheckTotals,
  type DiscoveryProblem,
  type ExpectationResult,
  type PageCheck,
} from '../check/check.js';
import { cleanersFor } from './cleaner-files.js';
import { isDeclutterError } from '../pipeline/errors.js';
import { DEFAULT_MIN_WORDS } from '../check/lint.js';
import { DEFAULT_MAX_DIFF_LINES, expectationPath, expectationsFor } from '../check/expectations.js';
import { diffExpectation } from '../check/diff.js';
import { renderJunit, type JunitCase } from '../check/junit.js';
import { writeFileAtomic } from '../io/write.js';
import { VERSION } from '../version.js';
import { colorsFor } from './colors.js';
import { escapeForTerminal, printError, UsageError, withAdvice } from './diagnostics.js';
import { sameFile } from './clean.js';

export interface CheckCommandOptions {
  cleaners?: string[];
  update?: boolean;
  lint?: boolean;
  minWords?: number;
  junit?: string;
  report?: string;
  maxDiffLines?: number;
  quiet?: boolean;
}

/** `declutter check [paths...]`: returns the exit code (0 all match, 1 anything failed). */
export async function runCheck(paths: string[], options: CheckCommandOptions): Promise<number> {
  const cleaners = await cleanersFor(options, 'check');
  const { pages, problems } = await findPages(paths.length > 0 ? paths : ['.']);
  checkReportTargets(pages, options);
  // A report on standard output takes it; the listing then goes to stderr.
  const toStdout = options.junit === '-' || options.report === '-';
  const listing = toStdout ? process.stderr : process.stdout;
  const out = colorsFor(listing);
  const maxDiffLines = options.maxDiffLines ?? DEFAULT_MAX_DIFF_LINES;
  const results: PageCheck[] = [];
  const print = (text: string) => listing.write(text);

  // A path that could not be checked is an error, on stderr; an orphan expectation is a result, listed with the pages.
  for (const problem of problems) if (!problem.orphan) printError(problem.path, problem.message);
  for (const page of pages) {
    const result = checkPage(page, {
      cleaners,
      ...(options.update && { update: true }),
      ...(options.lint && { lint: { minWords: options.minWords ?? DEFAULT_MIN_WORDS } }),
    });
    adviseOn(result);
    results.push(result);
    await printPage(result, { out, maxDiffLines, quiet: options.quiet === true, print });
  }
  for (const problem of problems) {
    if (problem.orphan) print(`${out.red.bold('FAIL')}     ${escapeForTerminal(problem.path)}: ${problem.message}\n`);
  }

  const totals = totalsOf(results, problems);
  print(`${summaryLine(totals, options, out)}\n`);

  let failedToWrite = false;
  const reports: [string | undefined, () => Promise<string>][] = [
    [options.junit, async () => renderJunit({ name: 'declutter check', cases: await junitCases(results, problems, maxDiffLines) })],
    [options.report, async () => `${JSON.stringify(reportOf(results, problems, totals), null, 2)}\n`],
  ];
  for (const [path, content] of reports) {
    if (path === undefined) continue;
    try {
      writeFileAtomic(path, await content(), { durable: true, throughLinks: true });
    } catch (error) {
      if (!isDeclutterError(error)) throw error;
      printError(path, `cannot write report: ${error.message}`);
      failedToWrite = true;
    }
  }
  return checkFailed(totals) || failedToWrite ? 1 : 0;
}

/**
 * `--junit` and `--report` checked before any work: neither may replace a
 * page, an expectation, or the other report (device and inode, real paths),
 * and only one can take standard output.
 */
function checkReportTargets(pages: readonly string[], options: CheckCommandOptions): void {
  const targets = [
    ['--junit', options.junit],
    ['--report', options.report],
  ].filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (targets.length === 2 && (targets[0]![1] === '-' ? targets[1]![1] === '-' : sameFile(targets[0]![1], targets[1]![1]))) {
    throw new UsageError(`--junit and --report name one file (${targets[0]![1]}); give each its own`);
  }
  for (const [flag, path] of targets) {
    if (path === '-') continue;
    for (const page of pages) {
      if (sameFile(page, path)) throw new UsageError(`${flag} ${path} would overwrite the page ${page}; nothing was done`);
      for (const expectation of expectationsFor(page)) {
        if (sameFile(expectation.path, path)) throw new UsageError(`${flag} ${path} would overwrite the expectation ${expectation.path}; nothing was done`);
      }
      if (options.update && sameFile(expectationPath(page, '.expected.json'), path)) {
        throw new UsageError(`${flag} ${path} would overwrite an expectation --update writes; nothing was done`);
      }
    }
  }
}

interface PrintOptions {
  out: ChalkInstance;
  maxDiffLines: number;
  quiet: boolean;
  /** The listing's stream: stdout, or stderr when a report takes stdout. */
  print: (text: string) => void;
}

/**
 * One status line per page (names and text escaped), and under a failure
 * what failed: each diff, each lint rule. Results go to the listing only:
 * stderr is for errors that are not results.
 */
async function printPage(result: PageCheck, { out, maxDiffLines, quiet, print }: PrintOptions): Promise<void> {
  const page = escapeForTerminal(result.page);
  if (result.error !== null) {
    // Named after the file at fault: an expectation that could not be written is not the page's fault.
    print(`${out.red.bold('FAIL')}     ${escapeForTerminal(result.errorFile ?? result.page)}: ${escapeForTerminal(result.error)}\n`);
    return;
  }
  const written = result.expectations.filter(({ status }) => status === 'created' || status === 'updated');
  for (const { path, status } of written) print(`${out.yellow(status.padEnd(8))} ${escapeForTerminal(path)}\n`);

  const failed = result.expectations.filter(({ status }) => status === 'fail');
  if (result.status === 'failed') {
    const what = [...failed.map(({ format }) => format), ...(result.lint.length > 0 ? ['lint'] : [])];
    print(`${out.red.bold('FAIL')}     ${page} (${what.join(', ')})\n`);
    for (const failure of result.lint) print(`    ${escapeForTerminal(`lint ${failure.rule}: ${failure.detail}`)}\n`);
  } else if (result.status === 'missing') {
    print(`${out.yellow('missing')}  ${page} (no expectations; --update writes them, --lint checks quality)\n`);
  } else if (!quiet && written.length === 0) {
    print(`${out.green('ok')}       ${page} (${result.linted ? 'lint' : formatsOf(result.expectations)})\n`);
  }
  for (const expectation of failed) print(await coloredDiff(expectation, result.page, maxDiffLines, out));
}

function formatsOf(expectations: readonly ExpectationResult[]): string {
  return expectations.map(({ format }) => format).join(', ');
}

async function coloredDiff(expectation: ExpectationResult, page: string, maxDiffLines: number, out: ChalkInstance): Promise<string> {
  const diff = diffExpectation(expectation.comparison!, `${page} (cleaned now)`, maxDiffLines);
  const paint = (line: string, i: number): string => {
    if (i < 2) return out.bold(line);
    if (line.startsWith('@@')) return out.cyan(line);
    if (line.startsWith('+')) return out.green(line);
    if (line.startsWith('-')) return out.red(line);
    return line;
  };
  // Page text reaches the terminal here: escaped, then coloured.
  const lines = diff.lines.map((line, i) => paint(escapeForTerminal(line), i));
  if (diff.cut > 0) lines.push(out.dim(cutNote(diff.cut, maxDiffLines)));
  return `${lines.map((line) => `    ${line}`).join('\n')}\n`;
}

/** Said under a diff cut to `--max-diff-lines` (or to its byte limit). */
function cutNote(cut: number, maxDiffLines: number): string {
  return `… ${cut} more changed line${cut === 1 ? '' : 's'} not shown (--max-diff-lines ${maxDiffLines})`;
}

function summaryLine(totals: CheckTotals, options: CheckCommandOptions, out: ChalkInstance): string {
  const parts = [
    `${totals.passed} passed`,
    totals.failed > 0 ? out.red(`${totals.failed} failed`) : '0 failed',
    totals.missing > 0 ? out.yellow(`${totals.missing} missing expectations`) : '0 missing expectations',
  ];
  if (options.lint) parts.push(`${totals.linted} linted`);
  if (options.update) parts.push(`${totals.written} expectation file${totals.written === 1 ? '' : 's'} written`);
  // Not pages, so not in the pages' sum: counted after it.
  const others = [
    ...(totals.orphans > 0 ? [out.red(`${totals.orphans} orphan expectation${totals.orphans === 1 ? '' : 's'}`)] : []),
    ...(totals.unchecked > 0 ? [out.red(`${totals.unchecked} path${totals.unchecked === 1 ? '' : 's'} not checked`)] : []),
  ];
  const pages = `${totals.checked} page${totals.checked === 1 ? '' : 's'} checked: ${parts.join(', ')}`;
  return others.length > 0 ? `${pages}; ${others.join(', ')}` : pages;
}

/** One test case per page and expectation format, plus one per linted page, per orphan expectation (`orphan`) and per path not checked (`discover`). */
async function junitCases(results: readonly PageCheck[], problems: readonly DiscoveryProblem[], maxDiffLines: number): Promise<JunitCase[]> {
  const cases: JunitCase[] = problems.map(({ path, message, orphan }) => ({
    classname: path,
    name: orphan ? 'orphan' : 'discover',
    failure: { message, details: `${path}: ${message}` },
  }));
  for (const result of results) {
    const classname = result.page;
    for (const expectation of result.expectations) {
      const name = expectation.format;
      if (expectation.status === 'error') {
        cases.push({ classname, name, failure: { message: result.error!, details: `${result.page}: ${result.error}` } });
      } else if (expectation.status === 'fail') {
        const diff = diffExpectation(expectation.comparison!, `${result.page} (cleaned now)`, maxDiffLines);
        const cut = diff.cut > 0 ? [cutNote(diff.cut, maxDiffLines)] : [];
        cases.push({
          classname,
          name,
          failure: { message: `differs from ${basename(expectation.path)}`, details: [...diff.lines, ...cut].join('\n') },
        });
      } else {
        cases.push({ classname, name });
      }
    }
    if (result.expectations.length === 0 && result.error !== null) {
      cases.push({ classname, name: 'clean', failure: { message: result.error, details: `${result.page}: ${result.error}` } });
    } else if (result.linted) {
      const details = result.lint.map(({ rule, detail }) => `lint ${rule}: ${detail}`).join('\n');
      cases.push({ classname, name: 'lint', ...(result.lint.length > 0 && { failure: { message: `${result.lint.length} lint failure(s)`, details } }) });
    } else if (result.status === 'missing') {
      cases.push({ classname, name: 'expectations', skipped: 'no expectation files beside this page' });
    }
  }
  return cases;
}

/**
 * The `--report` document, shaped like batch mode's:
 * `{ declutter, command, files: [{path, source, status, formats, lint?, error}], problems: [{path, kind, error}], totals }`.
 */
function reportOf(results: readonly PageCheck[], problems: readonly DiscoveryProblem[], totals: CheckTotals) {
  return {
    declutter: VERSION,
    command: 'check',
    files: results.map((result) => ({
      path: result.page,
      source: result.article?.source ?? null,
      status: result.status,
      formats: result.expectations.map(({ format, path, status }) => ({ format, expected: path, status })),
      ...(result.linted && { lint: result.lint }),
      error: result.error,
    })),
    problems: problems.map(({ path, message, orphan }) => ({ path, kind: orphan ? 'orphan' : 'unchecked', error: message })),
    totals,
  };
}

/** The flags that change a failure, named in its message as on every line the CLI prints. */
function adviseOn(result: PageCheck): void {
  if (result.failure && result.error !== null) result.error = withAdvice({ ...result.failure, message: result.error });
  result.lint = result.lint.map((failure) => (failure.rule === 'short-body' ? { ...failure, detail: `${failure.detail} (--min-words)` } : failure));
}
