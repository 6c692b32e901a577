import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';

/** Name used for the output of standard input in an out dir. */
export const STDIN_NAME = 'stdin';

/**
 * The deepest directory containing every input (as `tsc --outDir` computes
 * its root), so that outputs mirror the inputs' layout below it.
 */
export function commonBase(paths: readonly string[]): string {
  const dirs = paths.map((path) => resolve(dirname(path)).split(sep));
  if (dirs.length === 0) return resolve('.');
  let shared = dirs[0]!;
  for (const parts of dirs.slice(1)) {
    let i = 0;
    while (i < shared.length && i < parts.length && shared[i] === parts[i]) i++;
    shared = shared.slice(0, i);
  }
  return shared.join(sep) || sep;
}

/**
 * `base/2025/01/a.txt` → `outDir/2025/01/a.json`; any other page keeps its
 * extension, `a.html` → `outDir/a.html.json`, so `a.txt` and `a.html` side by
 * side never make one output, and a name never changes with what else is in
 * the folder. Standard input becomes `outDir/stdin.json`.
 */
export function outputPathFor(input: string, base: string, outDir: string, extension: string): string {
  if (input === '-') return join(outDir, STDIN_NAME + extension);
  return join(outDir, outputStem(relative(base, resolve(input))) + extension);
}

/** `a.txt` → `a`; `a.html` → `a.html`; a name without an extension stays as it is. */
export function outputStem(path: string): string {
  const extension = extname(path);
  return extension === TEXT_PAGE && basename(path) !== extension ? path.slice(0, -extension.length) : path;
}

const TEXT_PAGE = '.txt';
