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
 * Whether an argument names one thing to read: a file, a pipe or device
 * (`/dev/stdin`, `<(…)`), or a missing name that is no pattern (it fails when
 * read, naming it). Such an argument needs no search, so `declutter page.txt`
 * loads neither the search code nor fast-glob.
 */
export function isReadablePath(argument: string, kind: PathKind = kindOf(argument)): boolean {
  return kind === 'file' || kind === 'other' || (kind === 'missing' && !GLOB_CHARACTERS.test(argument));
}

export function isPlainPath(argument: string): boolean {
  return argument === '-' || isReadablePath(argument);
}
