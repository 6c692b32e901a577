import { statSync } from 'node:fs';

/** Characters that make an argument a glob pattern rather than a file name. */
export const GLOB_CHARACTERS = /[*?[\]{}()!]/;

/** What an argument names on disk. */
export type PathKind = 'file' | 'directory' | 'missing' | 'other';

export function kindOf(path: string): PathKind {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

/**
 * Whether an argument is one plain path (a file, `-`, or a missing name that
 * is no pattern), which needs no search: `declutter page.txt` then loads
 * neither the search code nor fast-glob.
 */
export function isPlainPath(argument: string): boolean {
  if (argument === '-') return true;
  const kind = kindOf(argument);
  return kind === 'file' || (kind === 'missing' && !GLOB_CHARACTERS.test(argument));
}
