import { closeSync, fstatSync, lstatSync, openSync, readSync, statSync } from 'node:fs';
import { DeclutterError, fromSystemError } from '../pipeline/errors.js';

/** Default ceiling on one input's size: pages are kilobytes, 20 MB is not a page. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Reads a whole input file, refusing directories and files over `maxBytes`
 * before reading them. Throws DeclutterError with the reason a user can act on.
 */
export function readInputFile(path: string, maxBytes = DEFAULT_MAX_BYTES, seen?: { size: number; mtimeMs: number }): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw isBrokenLink(path, error) ? new DeclutterError('not-found', 'broken symbolic link (its target does not exist)') : fromSystemError(error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new DeclutterError('is-directory', 'is a directory, not a file');
    if (stat.size > maxBytes) throw tooLarge(stat.size, maxBytes);
    if (seen) {
      // As found when opened, before reading: a change made while reading shows next time.
      seen.size = stat.size;
      seen.mtimeMs = stat.mtimeMs;
    }
    // Regular files are read in one go; pipes and devices report size 0, so read until EOF.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(stat.isFile() && stat.size > 0 ? stat.size + 1 : 65536);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw tooLarge(null, maxBytes);
      chunks.push(chunk.subarray(0, read));
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (error) {
    throw error instanceof DeclutterError ? error : fromSystemError(error);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a pipe or device without blocking the thread: opening a FIFO waits
 * for a writer, and a thread blocked in open() sees no signal, so Ctrl-C
 * would do nothing.
 */
export async function readSpecialFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Buffer> {
  const { open } = await import('node:fs/promises');
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fromSystemError(error);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(65536);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(null, maxBytes);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw error instanceof DeclutterError ? error : fromSystemError(error);
  } finally {
    await handle.close();
  }
}

/** Whether a path names a pipe, socket or device (read with readSpecialFile), not a file or folder. */
export function isSpecialFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFIFO() || stat.isCharacterDevice() || stat.isSocket() || stat.isBlockDevice();
  } catch {
    return false;
  }
}

/** Reads standard input to its end, with the same size ceiling as files. */
export async function readStdin(maxBytes = DEFAULT_MAX_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > maxBytes) throw tooLarge(null, maxBytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}

/** A link whose target is missing fails to open as ENOENT, which would wrongly say the link itself is missing. */
function isBrokenLink(path: string, error: unknown): boolean {
  if ((error as NodeJS.ErrnoException | null)?.code !== 'ENOENT') return false;
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** With the size when it is known (fstat); a stream or a growing file is known only to be over. */
function tooLarge(size: number | null, maxBytes: number): DeclutterError {
  const limit = `${formatBytes(maxBytes)} limit`;
  return new DeclutterError('too-large', size === null ? `too large (over the ${limit})` : `too large (${formatBytes(size)}; over the ${limit})`, {
    maxBytes,
    size,
  });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}
