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

/** `base/2025/01/a.txt` → `outDir/2025/01/a.json`. Standard input becomes `outDir/stdin.json`. */
export function outputPathFor(input: string, base: string, outDir: string, extension: string): string {
  if (input === '-') return join(outDir, STDIN_NAME + extension);
  const relativePath = relative(base, resolve(input));
  const stem = relativePath.slice(0, relativePath.length - extname(relativePath).length) || basename(relativePath);
  return join(outDir, stem + extension);
}
