import { basename, dirname, join } from 'node:path';
import type { Format } from '../pipeline/types.js';

/**
 * Where expectations lie: `name.txt` is checked against `name.expected.json`,
 * `name.expected.md` and `name.expected.txt` beside it. Kept apart from the
 * comparison code so that finding inputs does not load the diff library.
 */
export const EXPECTATION_FORMATS: readonly { format: Format; suffix: string }[] = [
  { format: 'json', suffix: '.expected.json' },
  { format: 'md', suffix: '.expected.md' },
  { format: 'text', suffix: '.expected.txt' },
];

/** Matches expectation files, which are never pages themselves. */
export const EXPECTATION_FILE = /\.expected\.[^./\\]+$/;

export function isExpectationFile(path: string): boolean {
  return EXPECTATION_FILE.test(path);
}

/** `dir/name.txt` → `dir/name`: what a page and its expectations share. */
export function pageStem(page: string): string {
  return join(dirname(page), basename(page).replace(/\.[^.]*$/, ''));
}

/** `dir/name.expected.json` → `dir/name`: the stem of the page it belongs to. */
export function expectationStem(path: string): string {
  return path.replace(EXPECTATION_FILE, '');
}

/** `dir/name.txt` → `dir/name.expected.json` (and so on). */
export function expectationPath(page: string, suffix: string): string {
  return pageStem(page) + suffix;
}
