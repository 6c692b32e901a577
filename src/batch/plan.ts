import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { commonBase, outputPathFor } from './outputs.js';

/**
 * Where each input's output goes under --out-dir, worked out for the whole
 * run before anything is written: collisions stop the run, and an output
 * that would land on an input is refused.
 */
export interface OutputPlan {
  /** Output path of the input at this position. */
  targetAt(index: number): string;
  /** Inputs whose output another (earlier) input already makes. */
  collisions: { input: string; other: string; output: string }[];
  overwritesInput(index: number): boolean;
  /** Whether a path is one of the inputs (the report must not replace one either). */
  isInput(path: string): boolean;
}

/**
 * Memory stays small for a batch of many thousand pages: outputs are worked
 * out again when needed rather than kept, and only inputs that could clash
 * are remembered. Distinct `*.txt` inputs mirror to distinct outputs, so a
 * clash needs an input with another extension (or stdin); and an output can
 * land on an input only if that input has the output's extension.
 */
export function planOutputs(inputs: readonly string[], roots: readonly string[], outDir: string, extension: string): OutputPlan {
  const canonical = canonicalizer();
  const files = inputs.filter((input) => input !== '-');
  // Directory and pattern roots count as bases too, so the layout does not shift as folders fill up.
  const base = commonBase([...files, ...roots.map((root) => join(root, '-'))]);
  const targetAt = (index: number) => outputPathFor(inputs[index]!, base, outDir, extension);
  const inputKeys = new Set(files.filter((file) => file.endsWith(extension)).map(canonical));

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
      const clash = unusual.get(key);
      if (!clash) return;
      const maker = makers.get(key);
      if (!maker) makers.set(key, { input, key: keyOf(input) });
      // The same file named twice makes the same output twice: not a collision.
      else if (maker.key !== keyOf(input)) collisions.push({ input, other: maker.input, output: target });
    });
  }
  return {
    targetAt,
    collisions,
    overwritesInput: (index) => inputKeys.size > 0 && inputKeys.has(canonical(targetAt(index))),
    isInput: (path) => (path.endsWith(extension) ? inputKeys.has(canonical(path)) : files.some((file) => canonical(file) === canonical(path))),
  };

  function keyOf(input: string): string {
    return input === '-' ? '-' : canonical(input);
  }
}

const PAGE_EXTENSION = '.txt';

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
