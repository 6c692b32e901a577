import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporaryPathFor, writeFileAtomic } from '../io/write.js';

/**
 * The out dir's manifest records which declutter version and which options
 * its files are being written with. When either changes, the manifest is
 * rewritten *before* any output, and its modification time becomes the
 * moment from which outputs count as current. So `--incremental` never skips
 * a file written with other options, even by a run that was interrupted
 * halfway through switching options: such files are older than the manifest.
 *
 * Both times compared come from the file system's own clock, which never
 * runs ahead of itself; a tie counts as out of date, so the worst case is
 * cleaning a file again.
 */
export const MANIFEST_NAME = '.declutter-manifest.json';

/** Everything that changes what an output file contains. */
export interface OutputStamp {
  version: string;
  options: Record<string, string | boolean | null>;
}

/**
 * Makes the manifest in `outDir` describe `stamp` before a run writes there,
 * and returns the time (ms) from which outputs were written with it.
 *
 * Only `--incremental` runs create a manifest (a plain run leaves an out dir
 * holding nothing but its outputs); any run rewrites an existing one that
 * describes other options, since it is about to replace files made with them.
 * Returns null when there is no manifest.
 */
export function prepareManifest(outDir: string, stamp: OutputStamp, { create }: { create: boolean }): number | null {
  const path = join(outDir, MANIFEST_NAME);
  const wanted = `${JSON.stringify({ declutter: stamp.version, options: stamp.options }, null, 2)}\n`;
  let current: string | null = null;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // No manifest yet: nothing in the out dir is known to be current.
    if (!create) return null;
  }
  if (current === wanted) return statSync(path).mtimeMs;
  writeFileAtomic(path, wanted, { durable: true });
  const since = statSync(path).mtimeMs;
  waitForClockPast(since, temporaryPathFor(path));
  return since;
}

/**
 * File times tick coarsely (often every few ms), so an output written right
 * after the manifest could carry the very same time and look out of date on
 * the next run. Waits, a few ms at most, until a new file gets a later time.
 */
function waitForClockPast(time: number, probe: string): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  try {
    for (let attempt = 0; attempt < 400; attempt++) {
      Atomics.wait(pause, 0, 0, 2);
      writeFileSync(probe, '');
      if (statSync(probe).mtimeMs > time) return;
    }
  } finally {
    rmSync(probe, { force: true });
  }
}

/** Whether `output` exists and was written after both its input changed and `sinceMs`. */
export function isUpToDate(input: string, output: string, sinceMs: number): boolean {
  let outputTime: number;
  try {
    outputTime = statSync(output).mtimeMs;
  } catch {
    return false;
  }
  if (!(outputTime > sinceMs)) return false;
  let inputTime: number;
  try {
    inputTime = statSync(input).mtimeMs;
  } catch {
    // A vanished input is not skipped: cleaning it reports the problem.
    return false;
  }
  return outputTime > inputTime;
}
