import { basename } from 'node:path';
import { draftCleaner, idFromFileName, idProblem } from '../cleaners/draft.js';
import { cleaners } from '../cleaners/registry.js';
import { readInput } from '../input/index.js';
import { readInputFile, readStdin } from '../io/read.js';
import { realPathOf, writeFileAtomic } from '../io/write.js';
import { isDeclutterError } from '../pipeline/errors.js';
import { printError, UsageError, withAdvice } from './diagnostics.js';
import { writeStdout } from './stdout.js';

export interface InitCleanerOptions {
  id?: string;
  output?: string;
  encoding?: string;
  maxBytes?: number;
}

/**
 * `declutter init-cleaner <sample page>`: a draft cleaner file for the
 * page's site, on stdout or (`-o`) in a new file, never over one that
 * exists. Returns the exit code: 0 written, 1 the page could not be read or
 * the file not written; a usage error (a bad id, a file in the way) is
 * thrown for exit 2.
 */
export async function runInitCleaner(sample: string | undefined, options: InitCleanerOptions): Promise<number> {
  if (sample === undefined) {
    if (process.stdin.isTTY) throw new UsageError('init-cleaner: give a sample page, or - to read standard input', '(run declutter init-cleaner --help for usage)');
    sample = '-';
  }
  const id = options.id ?? (sample === '-' ? null : idFromFileName(sample));
  if (id === null) throw new UsageError(`${sample === '-' ? 'standard input' : sample}: no id can be made from the file name; give one with --id`);
  const problem = idProblem(id);
  if (problem !== null) {
    throw options.id !== undefined
      ? new UsageError(`option '--id <id>' argument '${id}' is invalid: ${problem.replace(/^"[^"]*" is not an id: /, 'an id is ')}.`, '(run declutter init-cleaner --help for usage)')
      : new UsageError(`${sample}: ${problem}; give one with --id`);
  }
  if (cleaners.some((cleaner) => cleaner.id === id)) {
    throw new UsageError(`${options.id !== undefined ? `--id ${id}` : sample}: "${id}" is a built-in cleaner's id; give another with --id`);
  }
  const output = options.output === undefined || options.output === '-' ? null : options.output;
  if (output !== null && sample !== '-' && realPathOf(output) === realPathOf(sample)) {
    throw new UsageError(`${output}: is the sample page itself; name another file for the draft`);
  }

  let text: string;
  try {
    const bytes = sample === '-' ? await readStdin(options.maxBytes) : readInputFile(sample, options.maxBytes);
    const page = readInput(bytes, { encoding: options.encoding });
    text = draftCleaner(page.lines, {
      id,
      site: page.metadata?.siteName,
      ...(sample !== '-' && { sample: basename(sample) }),
    });
  } catch (error) {
    if (!isDeclutterError(error)) throw error;
    printError(sample, withAdvice(error));
    return 1;
  }

  if (output === null) {
    await writeStdout(text);
    return 0;
  }
  try {
    writeFileAtomic(output, text, { exclusive: true });
  } catch (error) {
    if (!isDeclutterError(error)) throw error;
    if (error.message === 'already exists') throw new UsageError(`${output}: already exists (init-cleaner never replaces a file; remove it or name another)`);
    printError(output, error.message);
    return 1;
  }
  return 0;
}
