import { lstatSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { commonBase, outputPathFor } from './outputs.js';
import { realPathOf } from '../io/write.js';

/**
 * Where each input's output goes under --out-dir, worked out for the whole
 * run before anything is written: collisions stop the run, and an output
 * that would land on an input is refused.
 *
 * Files are compared as the file system knows them: by device and inode
 * (so a link, a hard link or a folder alias is the same file as its target)
 * and by real path for files not there yet.
 */
export interface OutputPlan {
  /** Output path of the input at this position. */
  targetAt(index: number): string;
  /** Inputs whose output another (earlier) input already makes. */
  collisions: { input: string; other: string; output: string }[];
  overwritesInput(index: number): boolean;
  /**
   * A symbolic link to a folder inside the out dir on the way to this
   * output, or null: outputs are never written through one, so nothing lands
   * outside the out dir.
   */
  linkOnTheWay(index: number): string | null;
  /** Whether a path is one of the inputs (the report must not replace one either). */
  isInput(path: string): boolean;
  /** Whether a path is an output this run writes. */
  isOutput(path: string): boolean;
}

/**
 * Memory stays small for a batch of many thousand pages: outputs are worked
 * out again when needed rather than kept, and only inputs that could clash
 * are remembered. Distinct `*.txt` inputs mirror to distinct outputs, and
 * other pages keep their extension in the output's name, so a clash needs a
 * file without an extension, a page named like `a.html.txt`, or stdin.
 */
export function planOutputs(inputs: readonly string[], roots: readonly string[], outDir: string, extension: string): OutputPlan {
  const files = inputs.filter((input) => input !== '-');
  // Directory and pattern roots count as bases too, so the layout does not shift as folders fill up.
  const base = commonBase([...files, ...roots.map((root) => join(root, '-'))]);
  const targetAt = (index: number) => outputPathFor(inputs[index]!, base, outDir, extension);
  const inputIdentities = new Set<string>();
  for (const file of files) {
    const identity = statIdentity(file);
    if (identity !== null) inputIdentities.add(identity);
  }

  const collisions: OutputPlan['collisions'] = [];
  const unusual = new Map<string, { input: string; key: string }>();
  inputs.forEach((input, index) => {
    if (!input.endsWith(PAGE_EXTENSION)) unusual.set(resolve(targetAt(index)), { input, key: keyOf(input) });
  });
  if (unusual.size > 0) {
    const makers = new Map<string, { input: string; key: string }>();
    inputs.forEach((input, index) => {
      const target = targetAt(index);
      const key = resolve(target);
      if (!unusual.has(key)) return;
      const maker = makers.get(key);
      if (!maker) makers.set(key, { input, key: keyOf(input) });
      // The same file named twice makes the same output twice: not a collision.
      else if (maker.key !== keyOf(input)) collisions.push({ input, other: maker.input, output: target });
    });
  }

  const realOutDir = realPathOf(outDir);
  const folderLinks = new Map<string, string | null>();
  /** The first folder below the out dir, on the way to `folder`, that is a symbolic link. */
  const linkAbove = (folder: string): string | null => {
    const relativeFolder = relative(resolve(outDir), resolve(folder));
    if (relativeFolder === '' || relativeFolder.startsWith('..')) return null;
    const cached = folderLinks.get(folder);
    if (cached !== undefined) return cached;
    let found = linkAbove(dirname(folder));
    if (found === null) {
      try {
        if (lstatSync(folder).isSymbolicLink()) found = folder;
      } catch {
        // Not there yet: made as a real folder when the output is written.
      }
    }
    folderLinks.set(folder, found);
    return found;
  };

  let outputs: Set<string> | null = null;
  return {
    targetAt,
    collisions,
    overwritesInput: (index) => {
      const identity = statIdentity(targetAt(index));
      return identity !== null && inputIdentities.has(identity);
    },
    linkOnTheWay: (index) => linkAbove(dirname(targetAt(index))),
    isInput: (path) => {
      const identity = statIdentity(path);
      if (identity !== null && inputIdentities.has(identity)) return true;
      const real = realPathOf(path);
      return files.some((file) => realPathOf(file) === real);
    },
    isOutput: (path) => {
      const real = realPathOf(path);
      if (!real.startsWith(realOutDir + sep)) return false;
      outputs ??= new Set(inputs.map((_, index) => realPathOf(targetAt(index))));
      return outputs.has(real) || identityOfAny(path, outputs);
    },
  };

  function keyOf(input: string): string {
    return input === '-' ? '-' : (statIdentity(input) ?? resolve(input));
  }
}

const PAGE_EXTENSION = '.txt';

function statIdentity(path: string): string | null {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/** A hard link to an existing output is that output too. */
function identityOfAny(path: string, outputs: Set<string>): boolean {
  const identity = statIdentity(path);
  if (identity === null) return false;
  for (const output of outputs) if (statIdentity(output) === identity) return true;
  return false;
}
