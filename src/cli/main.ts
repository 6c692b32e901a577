import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MAX_DIFF_LINES } from '../check/expectations.js';
import { DEFAULT_MIN_WORDS } from '../check/lint.js';
import { isKnownTimeZone } from '../pipeline/dates/index.js';
import { isDeclutterError } from '../pipeline/errors.js';
import { DEFAULT_MAX_BYTES } from '../io/read.js';
import { FORMATS } from '../pipeline/types.js';
import { cleaners } from '../cleaners/registry.js';
import { VERSION } from '../version.js';
import { runClean } from './clean.js';
import { askColor, COLOR_MODES, type ColorMode } from './color-mode.js';
import { refuseMistypedCommand, showHelp } from './commands.js';
import { useBundledHtmlReader } from './html-reader.js';
import { printError, UsageError, withAdvice } from './diagnostics.js';
import { reportStdoutFailure, StdoutError } from './stdout.js';

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
  $ find scrapes -name '*.txt' -print0 | declutter --files-from - -0 -o clean/
                                              the files a list names
  $ declutter --input-format ndjson < records.ndjson > articles.ndjson
                                              records in, one line out per record

Inputs: files (in the order given), directories (searched for *.txt,
*.html and *.htm) and quoted glob patterns ('scrapes/**/*.txt'), each
directory's or pattern's matches in sorted order, a file named or found
twice taken once. Hidden files and
folders, node_modules, *.expected.* files and the --out-dir are never taken
from a directory or pattern; links to files are followed, links to folders
are not. --ignore patterns apply to what directories and patterns find, as
paths relative to the current directory ('**/drafts/**'). A directory
without pages, a pattern matching nothing, a folder that cannot be read or
a file name that is not UTF-8 is an error naming it; the other inputs are
still cleaned (exit 1).

Batches: with more than one input, or a directory or pattern, inputs are
cleaned in parallel (see --jobs) and come out in input order; a progress
line shows on a terminal, and a summary (cleaned, skipped, failed, per
source, time) ends the run on stderr. One page alone prints nothing on
stderr unless something is wrong. With --out-dir, outputs mirror the inputs'
folders below their common base; two inputs that would make the same output
stop the run before anything is written (exit 2). Ctrl-C stops taking new
inputs, lets the ones under way finish, leaves no partial file, says how far
it got and exits 130; a second Ctrl-C stops at once, abandoning what is
under way (still no partial file).

Records: with --input-format ndjson, standard input (or each file given) is
one JSON record a line, {"id", "text" | "html" | "path", "url"?, "source"?};
each gives exactly one NDJSON line in input order: the article with the id
in input.id, or {"id", "error": {"code", "message"}}. A bad record never
stops the stream, and is no failure of the run (exit 0).

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
    .option('-s, --source <id>', `use this cleaner instead of detecting one (${cleaners.map((cleaner) => cleaner.id).join(', ')}, or one of --cleaners)`)
    .option('--cleaners <file|dir>', 'also use the cleaner files (*.yaml, *.yml, *.json) given, or those in a directory (repeatable)', collect)
    .option('-o, --out-dir <dir>', 'write one file per input into this directory instead of stdout')
    .option('--tz <zone>', 'IANA time zone for dates printed without one (default: the source\'s)', parseTimeZone)
    .option('--encoding <label>', 'read inputs in this encoding (e.g. windows-1252) instead of detecting it', parseEncoding)
    .option('--max-bytes <n>', 'refuse inputs larger than this many bytes', parseByteCount, DEFAULT_MAX_BYTES)
    .option('--strict', 'treat warnings (no date, empty body, generic cleaner used…) as failures')
    .option('--sites-only', 'refuse pages no site cleaner recognizes instead of using the generic cleaner')
    .option('-q, --quiet', 'do not print warnings, progress or the summary (errors still)')
    .option('-j, --jobs <n>', 'clean this many inputs at once, in worker threads (default: the number of cores)', parseJobs)
    .option('--ignore <glob>', 'leave out files matching this pattern when searching directories and patterns (repeatable)', collect)
    .option('--incremental', 'with --out-dir: skip inputs whose output is newer and was written with the same version and options')
    .option('--fail-fast', 'stop at the first input that fails')
    .option('--report <file.json>', 'write a JSON report: per input its source, status, warnings, error, output and time; totals (- for stdout, with --out-dir)')
    .option('--files-from <file>', 'also clean the files listed in this file (- for standard input), one path a line')
    .option('-0, --null', 'with --files-from: the paths are NUL-separated (find -print0, fd -0)')
    .addOption(new Option('--input-format <format>', 'what the inputs are: page files, or NDJSON records of pages (one output line each)').choices(['files', 'ndjson']).default('files'))
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run declutter --help for usage)')
    .configureOutput({ outputError: (message, write) => write(message.replace(/^error: /, 'declutter: ')) })
    .exitOverride()
    // Options after a subcommand's name are that subcommand's (`explain -f json` is not the root's -f).
    .enablePositionalOptions()
    .action(async (inputs: string[], options, command: Command) => {
      // Records come back as records: NDJSON unless another format is asked for (which is refused).
      if (options.inputFormat === 'ndjson' && command.getOptionValueSource('format') === 'default') options.format = 'ndjson';
      refuseMistypedCommand(inputs[0], command);
      process.exitCode = await runClean(inputs, { ...options, nul: options.null === true });
    });
  // Registered after the settings above, which `.command()` copies into each subcommand.
  for (const addCommand of COMMANDS) addCommand(program);
  // Options every command takes (--color), after each one's own: a command added to COMMANDS gets them too.
  for (const command of [program, ...program.commands]) addGlobalOptions(command);
  program.hook('preAction', (_program, command) => askColor((command.opts().color ?? program.opts().color) as ColorMode | undefined));
  return program;
}

/** The commands, in the order --help lists them; each adds itself to the program. */
const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  addCheckCommand,
  addExplainCommand,
  addSourcesCommand,
  addInitCleanerCommand,
  addCompletionCommand,
  addHelpCommand,
];

function addGlobalOptions(command: Command): void {
  command.addOption(
    new Option('--color <when>', 'colour the output meant for people: auto (on a terminal), always or never; beats NO_COLOR and FORCE_COLOR')
      .choices(COLOR_MODES),
  );
}

const CHECK_EXAMPLES = `
Pages are found in the directories given (default: the current one) as
declutter finds them: *.txt, *.html and *.htm, skipping hidden entries and
node_modules. A page name.txt is compared with name.expected.json,
name.expected.md and name.expected.txt, whichever exist (name.html with
name.html.expected.json and so on); input.path is left
out of the JSON comparison. Pages without expectations are listed as missing
and do not fail, unless --lint is given. --update writes name.expected.json
for a page that has none and refreshes every expectation that differs.

Examples:
  $ declutter check fixtures/                          compare every page with its expectations
  $ declutter check fixtures/ --junit report.xml       also write a JUnit report for CI
  $ declutter check fixtures/ --update                 accept the current output (review with git diff)
  $ declutter check scrapes/ --lint --min-words 80     quality gates for pages without expectations
  $ declutter check page.txt --report check.json       per-page results as JSON

Exit status: 0 all pages match, 1 a mismatch, lint failure, page that did not clean or expectation without its page, 2 usage error.`;

function addCheckCommand(program: Command): void {
  program
    .command('check')
    .summary('compare pages with their expected outputs (for CI)')
    .description('Clean each page and compare it with the expected outputs saved beside it; show a diff for each mismatch.')
    .argument('[paths...]', 'pages and directories of pages (default: .)')
    .option('-u, --update', 'write missing .expected.json files and refresh expectations that differ')
    .option('--cleaners <file|dir>', 'also use the cleaner files (*.yaml, *.yml, *.json) given, or those in a directory (repeatable)', collect)
    .option('--lint', 'fail pages without expectations that have no title, body or date, a short body, or clutter left in')
    .option('--min-words <n>', 'with --lint: the fewest words a body may have', parseCount, DEFAULT_MIN_WORDS)
    .option('--junit <file>', 'write a JUnit XML report (one test case per page and format)')
    .option('--report <file>', 'write a JSON report: per page its status, formats and error; totals (- for stdout)')
    .option('--max-diff-lines <n>', 'show at most this many changed lines of each diff (0: all)', parseCountOrZero, DEFAULT_MAX_DIFF_LINES)
    .option('-q, --quiet', 'do not list pages that pass')
    .addHelpText('after', CHECK_EXAMPLES)
    .showHelpAfterError('(run declutter check --help for usage)')
    .action(async (paths: string[], options) => {
      const { runCheck } = await import('./check.js');
      process.exitCode = await runCheck(paths, options);
    });
}

const EXPLAIN_EXAMPLES = `
Each line of the page is shown with its number, the label the cleaner gave
it (title, summary, byline, meta, image, countries, body, note, related,
dropped), the rule that gave it, and for dropped lines why. The header lists
every site cleaner's confidence and the fingerprints it found, then the
cleaner used (the generic fallback when none reached 0.5, none with
--sites-only). On a terminal, labels are coloured and long lines cut to its width.

Examples:
  $ declutter explain page.txt                  why each line was kept or dropped
  $ declutter explain page.txt -f json | jq '.lines[] | select(.label == "dropped")'
  $ cat page.txt | declutter explain -          read standard input
  $ declutter explain page.txt -s editorji      explain with a forced cleaner

Exit status: 0 explained, 1 the page could not be read or, with --sites-only, recognized, 2 usage error.`;

function addExplainCommand(program: Command): void {
  program
    .command('explain')
    .summary('show why each line of a page was kept or dropped')
    .description('Show every line of a page with its label and the rule that gave it, and which cleaner was chosen and why.')
    .argument('[file]', 'the page; - (or nothing, when piped) reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-s, --source <id>', `use this cleaner instead of detecting one (${cleaners.map((cleaner) => cleaner.id).join(', ')}, or one of --cleaners)`)
    .option('--cleaners <file|dir>', 'also use the cleaner files (*.yaml, *.yml, *.json) given, or those in a directory (repeatable)', collect)
    .option('--tz <zone>', 'IANA time zone for dates printed without one (default: the source\'s)', parseTimeZone)
    .option('--encoding <label>', 'read the page in this encoding instead of detecting it', parseEncoding)
    .option('--sites-only', 'refuse a page no site cleaner recognizes instead of using the generic cleaner')
    .option('--max-bytes <n>', 'refuse a page larger than this many bytes', parseByteCount, DEFAULT_MAX_BYTES)
    .addHelpText('after', EXPLAIN_EXAMPLES)
    .showHelpAfterError('(run declutter explain --help for usage)')
    .action(async (file: string | undefined, options) => {
      const { runExplain } = await import('./explain.js');
      process.exitCode = await runExplain(file, options);
    });
}

const SOURCES_EXAMPLES = `
Examples:
  $ declutter sources                                  the cleaners and what they recognize
  $ declutter sources -f json | jq -r '.[].id'         their ids, for --source`;

function addSourcesCommand(program: Command): void {
  program
    .command('sources')
    .summary('list the cleaners')
    .description('List the cleaners: id, version, time zone, site, and what pages they recognize.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--cleaners <file|dir>', 'also list the cleaner files (*.yaml, *.yml, *.json) given, or those in a directory (repeatable)', collect)
    .addHelpText('after', SOURCES_EXAMPLES)
    .showHelpAfterError('(run declutter sources --help for usage)')
    .action(async (options) => {
      const { runSources } = await import('./sources.js');
      process.exitCode = await runSources(options);
    });
}

const INIT_CLEANER_EXAMPLES = `
The draft holds fingerprints from the page's most distinctive lines (a
copyright, contact or menu line, a section heading), a title rule, a body
rule and a footer zone when a line ends the article, and the page's lines
as comments with what the draft makes of each. It loads as it is and cleans
the sample page into an article; refine it, then pin what it gives with
check --update. The id defaults to the file name (Harbour Herald.html:
harbour-herald).

Examples:
  $ declutter init-cleaner sample.html                    the draft on stdout
  $ declutter init-cleaner sample.txt --id herald -o cleaners/herald.yaml
                                                          the draft in a new file
  $ declutter sample.txt --cleaners cleaners/ -f text     try it
  $ declutter check pages/ --cleaners cleaners/ --update  pin what it gives

Exit status: 0 written, 1 the page could not be read or the file not
written, 2 usage error (a bad id, an output file that exists).`;

function addInitCleanerCommand(program: Command): void {
  program
    .command('init-cleaner')
    .summary('write a draft cleaner file for a new site from a sample page')
    .description('Write a draft cleaner file (YAML, for --cleaners) from a sample page of a site: fingerprints, a title rule, a body rule.')
    .argument('[sample]', 'a page of the site (text or HTML); - (or nothing, when piped) reads standard input')
    .option('--id <id>', "the cleaner's id (default: from the file name)")
    .option('-o, --output <file>', 'write the draft into this new file (never over one that exists) instead of stdout')
    .option('--encoding <label>', 'read the page in this encoding instead of detecting it', parseEncoding)
    .option('--max-bytes <n>', 'refuse a page larger than this many bytes', parseByteCount, DEFAULT_MAX_BYTES)
    .addHelpText('after', INIT_CLEANER_EXAMPLES)
    .showHelpAfterError('(run declutter init-cleaner --help for usage)')
    .action(async (sample: string | undefined, options) => {
      const { runInitCleaner } = await import('./init-cleaner.js');
      process.exitCode = await runInitCleaner(sample, options);
    });
}

const COMPLETION_EXAMPLES = `
The script is made from the same definitions as --help, so it knows every
command, option and choice of this version.

Examples:
  $ source <(declutter completion bash)                              this bash only
  $ declutter completion bash > ~/.local/share/bash-completion/completions/declutter
  $ declutter completion zsh > "\${fpath[1]}/_declutter"                zsh (then compinit)
  $ declutter completion fish > ~/.config/fish/completions/declutter.fish`;

function addCompletionCommand(program: Command): void {
  program
    .command('completion')
    .summary('print a shell completion script')
    .description('Print a completion script for bash, zsh or fish on standard output.')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', COMPLETION_EXAMPLES)
    .showHelpAfterError('(run declutter completion --help for usage)')
    .action(async (shell: 'bash' | 'zsh' | 'fish', _options, command: Command) => {
      const { completionScript } = await import('./completion.js');
      const { writeStdout } = await import('./stdout.js');
      await writeStdout(completionScript(shell, command.parent!));
    });
}

function addHelpCommand(program: Command): void {
  program
    .command('help')
    .summary('show the help, or a command\'s')
    .description('Show the help of declutter, or of the command given.')
    .argument('[command]', 'the command')
    .action((name: string | undefined) => showHelp(program, name));
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(count) || count <= 0) throw new InvalidArgumentError('not a positive whole number.');
  return count;
}

function parseCountOrZero(value: string): number {
  return value.trim() === '0' ? 0 : parseCount(value);
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(jobs) || jobs < 1) throw new InvalidArgumentError('not a positive whole number of jobs.');
  return jobs;
}

/** A repeatable option's values (no default, so that help shows none). */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
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
  useBundledHtmlReader();
  process.stdout.on('error', (error) => {
    // Output can go nowhere: say so once (unless the reader just went away, as with `| head`) and stop.
    const failure = new StdoutError(error);
    reportStdoutFailure(failure);
    process.exit(failure.readerGone ? (process.exitCode ?? 0) : 1);
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
    } else if (error instanceof UsageError) {
      printError(null, error.message);
      if (error.hint !== undefined) process.stderr.write(`${error.hint}\n`);
      process.exitCode = 2;
    } else if (error instanceof StdoutError) {
      reportStdoutFailure(error);
      process.exitCode = error.readerGone ? (process.exitCode ?? 0) : 1;
    } else if (isDeclutterError(error)) {
      printError(null, withAdvice(error));
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
}
