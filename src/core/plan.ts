import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { commonBase, outputPathFor } from './outputs.js';

/**
 * Where each input's output goes under --out-dir, worked out for the whole
 * run before anything is written: collisions stop the run, and an output
 * that would land on an input is refused.
 */
export interface OutputPlan {
  /** Output path per input, same order. */
  targets: string[];
  /** Inputs whose output another (earlier) input already makes. */
  collisions: { input: string; other: string; output: string }[];
  overwritesInput(index: number): boolean;
  /** Whether a path is one of the inputs (the report must not replace one either). */
  isInput(path: string): boolean;
}

export function planOutputs(inputs: readonly string[], roots: readonly string[], outDir: string, extension: string): OutputPlan {
  const canonical = canonicalizer();
  const files = inputs.filter((input) => input !== '-');
  // Directory and pattern roots count as bases too, so the layout does not shift as folders fill up.
  const base = commonBase([...files, ...roots.map((root) => join(root, '-'))]);
  const inputKeys = new Set(files.map(canonical));
  const targets: string[] = [];
  const makers = new Map<string, { input: string; key: string }>();
  const collisions: OutputPlan['collisions'] = [];
  for (const input of inputs) {
    const target = outputPathFor(input, base, outDir, extension);
    targets.push(target);
    const key = resolve(target);
    const inputKey = input === '-' ? '-' : canonical(input);
    const maker = makers.get(key);
    if (!maker) makers.set(key, { input, key: inputKey });
    // The same file named twice makes the same output twice: not a collision.
    else if (maker.key !== inputKey) collisions.push({ input, other: maker.input, output: target });
  }
  return {
    targets,
    collisions,
    overwritesInput: (index) => inputKeys.has(canonical(targets[index]!)),
    isInput: (path) => inputKeys.has(canonical(path)),
  };
}

/** A path with its folder's symbolic links resolved (each folder once), so aliases compare equal. */
function canonicalizer(): (path: string) => string {
  const folders = new Map<string, string>();
  return (path) => {
    const folder = resolve(dirname(path));
    let real = folders.get(folder);
    if (real === undefined) {
      try {
        real = realpathSync(folder);
      } catch {
        real = folder;
      }
      folders.set(folder, real);
    }
    return join(real, basename(path));
  };
}
