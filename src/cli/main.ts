import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isKnownTimeZone } from '../core/dates.js';
import { isDeclutterError } from '../core/errors.js';
import { DEFAULT_MAX_BYTES } from '../core/read.js';
import { FORMATS } from '../core/types.js';
import { SOURCE_IDS } from '../sources/index.js';
import { VERSION } from '../version.js';
import { printError, UsageError } from './diagnostics.js';

const EXAMPLES = `
Examples:
  $ declutter page.txt                        clean one page, JSON on stdout
  $ declutter page.txt | jq .title            pipe into other tools
  $ cat page.txt | declutter -f md            read standard input
  $ declutter a.txt b.txt -f ndjson           one JSON line per page
  $ declutter *.txt -o clean/ -f md           one Markdown file per page
  $ declutter page.txt -s editorji --tz UTC   force a cleaner and a time zone
  $ declutter scrapes/ -o clean/ --incremental --report run.json
                                              a whole folder, re-runnable, with a report

Inputs: files (in the order given), directories (searched for *.txt) and
quoted glob patterns ('scrapes/**/*.txt'), each directory's or pattern's
matches in sorted order, a file found twice taken once. Hidden files and
folders, node_modules, *.expected.* files and the --out-dir are never taken
from a directory or pattern; links to files are followed, links to folders
are not. --ignore patterns apply to what directories and patterns find, as
paths relative to the current directory ('**/drafts/**'). A directory
without pages or a pattern matching nothing is an error naming it; the
other inputs are still cleaned (exit 1).

Batches: with more than one input, or a directory or pattern, inputs are
cleaned in parallel (see --jobs) and come out in input order; a progress
line shows on a terminal, and a summary (cleaned, skipped, failed, per
source, time) ends the run on stderr. One page alone prints nothing on
stderr unless something is wrong. With --out-dir, outputs mirror the inputs'
folders below their common base; two inputs that would make the same output
stop the run before anything is written (exit 2). Ctrl-C stops taking new
inputs, lets the ones under way finish, leaves no partial file, says how far
it got and exits 130.

Exit status: 0 all inputs cleaned (or skipped), 1 some input failed,
2 usage error, 130 interrupted.`;

/** Builds the command line. Each command's work is loaded only when it runs. */
export function buildProgram(): Command {
  const program = new Command('declutter')
    .description('Turn raw scraped news pages into clean, normalized articles.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .argument('[inputs...]', 'page files to clean; - (or nothing, when piped) reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('json'))
    .addOption(new Option('-s, --source <id>', 'use this cleaner instead of detecting one').choices(SOURCE_IDS))
    .option('-o, --out-dir <dir>', 'write one file per input into this directory instead of stdout')
    .option('--tz <zone>', 'IANA time zone for dates printed without one (default: the source\'s)', parseTimeZone)
    .option('--encoding <label>', 'read inputs in this encoding (e.g. windows-1252) instead of detecting it', parseEncoding)
    .option('--max-bytes <n>', 'refuse inputs larger than this many bytes', parseByteCount, DEFAULT_MAX_BYTES)
    .option('--strict', 'treat warnings (no date, empty body…) as failures')
    .option('-q, --quiet', 'do not print warnings, progress or the summary (errors still)')
    .option('-j, --jobs <n>', 'clean this many inputs at once, in worker threads (default: the number of cores)', parseJobs)
    .option('--ignore <glob>', 'leave out files matching this pattern when searching directories and patterns (repeatable)', collect, [])
    .option('--incremental', 'with --out-dir: skip inputs whose output is newer and was written with the same version and options')
    .option('--fail-fast', 'stop at the first input that fails')
    .option('--report <file.json>', 'write a JSON report: per input its source, status, warnings, error, output and time; totals')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run declutter --help for usage)')
    .configureOutput({ outputError: (message, write) => write(message.replace(/^error: /, 'declutter: ')) })
    .exitOverride()
    .action(async (inputs: string[], options) => {
      const { runClean } = await import('./clean.js');
      process.exitCode = await runClean(inputs, options);
    });
  return program;
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(jobs) || jobs < 1) throw new InvalidArgumentError('not a positive whole number of jobs.');
  return jobs;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseByteCount(value: string): number {
  const bytes = Number(value);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new InvalidArgumentError('not a positive whole number of bytes.');
  return bytes;
}

function parseEncoding(label: string): string {
  try {
    new TextDecoder(label);
  } catch {
    throw new InvalidArgumentError('not an encoding label (for example utf-8, utf-16le, windows-1252).');
  }
  return label;
}

function parseTimeZone(zone: string): string {
  if (!isKnownTimeZone(zone)) throw new InvalidArgumentError('not an IANA time zone (for example Asia/Kolkata, Europe/London, UTC).');
  return zone;
}

/** Runs the CLI; usage errors exit 2, failures of inputs 1, and nothing prints a stack trace for a user's mistake. */
export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // The reader went away (`declutter … | head`): stop quietly.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
    } else if (error instanceof UsageError) {
      printError(null, error.message);
      process.exitCode = 2;
    } else if (isDeclutterError(error)) {
      printError(null, error.message);
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
}
