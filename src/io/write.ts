import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fromSystemError } from '../pipeline/errors.js';

/** The temporary name an output is written under (by this thread, or another one) before it is renamed into place. */
export function temporaryPathFor(path: string, thread: number = currentThreadId()): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${thread}.declutter-tmp`);
}

let threadId: number | undefined;

/** Looked up on the first write: `declutter page.txt` to stdout then never loads worker_threads (~3 ms). */
function currentThreadId(): number {
  threadId ??= (createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads')).threadId;
  return threadId;
}

/**
 * Writes a file so that readers see either the old file or the whole new one:
 * a temporary file in the same directory, renamed over the target. On
 * failure the temporary file is removed and the target is untouched.
 * `durable` also flushes it to disk first (for reports and manifests).
 */
export function writeFileAtomic(path: string, content: string, { durable = false } = {}): void {
  const temporary = temporaryPathFor(path);
  try {
    const fd = openCreatingFolders(temporary);
    try {
      writeAll(fd, content);
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder itself is unusable (under a file, gone): nothing was left in it.
    }
    throw fromSystemError(error);
  }
}

/** Opens a new file for writing; its folders are made only when missing (a batch writes thousands into few folders). */
function openCreatingFolders(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    return openSync(path, 'w');
  }
}

/** Writes all of `content`: one write may take only part of it. Throws Node's error as is. */
export function writeAll(fd: number, content: string): void {
  // A string is written as it is (no Buffer made per page); only a partial write needs its bytes.
  const first = writeSync(fd, content);
  if (first === Buffer.byteLength(content)) return;
  const data = Buffer.from(content);
  let written = first;
  while (written < data.length) written += writeSync(fd, data, written);
}
