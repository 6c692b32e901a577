import { cleaners } from '../cleaners/registry.js';
import type { Cleaner } from '../pipeline/cleaner.js';
import { isDeclutterError } from '../pipeline/errors.js';
import { UsageError } from './diagnostics.js';

/**
 * The cleaners a command uses: the built-ins, with the cleaner files of
 * `--cleaners` beside them. Files are read and checked before any page is
 * (a mistake is a usage error, exit 2, naming the file and the place), and
 * the loader (with its YAML parser and ReDoS checker) is imported only when
 * files are given. `--source` is checked against the result.
 */
export async function cleanersFor(options: { cleaners?: string[]; source?: string }, command: string | null = null): Promise<readonly Cleaner[]> {
  let registry = cleaners;
  if (options.cleaners !== undefined && options.cleaners.length > 0) {
    const { findCleanerFiles, loadCleanerFile } = await import('../cleaners/file.js');
    const { registryWithFiles } = await import('../cleaners/registry.js');
    try {
      registry = registryWithFiles(findCleanerFiles(options.cleaners).map((file) => loadCleanerFile(file)));
    } catch (error) {
      if (isDeclutterError(error) && error.code === 'bad-cleaner') throw new UsageError(error.message);
      throw error;
    }
  }
  if (options.source !== undefined && !registry.some(({ id }) => id === options.source)) {
    throw new UsageError(
      // Worded as commander words the other invalid choices, with the same pointer to help.
      `option '-s, --source <id>' argument '${options.source}' is invalid. Allowed choices are ${registry.map(({ id }) => id).join(', ')}.`,
      `(run declutter${command === null ? '' : ` ${command}`} --help for usage)`,
    );
  }
  return registry;
}
