import {
  closeSync,
  constants,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { DeclutterError, fromSystemError } from '../pipeline/errors.js';

/**
 * Writing files so that nothing is ever left half-written and nothing but
 * the file asked for is touched:
 *
 * - A regular file (or a new one) is written to a temporary file in the same
 *   folder, then renamed over the target. The temporary file is created
 *   exclusively (O_EXCL) without following links (O_NOFOLLOW), under a name
 *   with a random part, so a link or file planted at a guessed name is never
 *   written through, and two writers never share one.
 * - A FIFO or a character device (`/dev/stdout`, a pipe) is written through:
 *   renaming over it would replace it with a regular file.
 * - A symbolic link named by the user (a report) is followed and its target
 *   replaced the same way (`throughLinks`); an output inside an out dir
 *   replaces a link rather than writing where it points.
 * - `-` is standard output.
 *
 * Temporary files are named `.<name>.<pid>-<random>.declutter-tmp`, so a
 * later run can tell those of a process that died (removeStaleTemporaries).
 */
export const TEMPORARY_SUFFIX = '.declutter-tmp';

export function temporaryPrefixOf(path: string, pid: number = process.pid): string {
  return `.${basename(path)}.${pid}-`;
}

/** A fresh temporary name beside `path`: unguessable, so nothing can be planted there. */
function temporaryPathFor(path: string): string {
  return join(dirname(path), `${temporaryPrefixOf(path)}${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`);
}

const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Creates a new temporary file for `path` (its folders too, when missing); never opens an existing one. */
function createTemporary(path: string): { fd: number; temporary: string } {
  for (let attempt = 0; ; attempt++) {
    const temporary = temporaryPathFor(path);
    try {
      return { fd: openSync(temporary, EXCLUSIVE, 0o666), temporary };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && attempt === 0) {
        mkdirSync(dirname(path), { recursive: true });
        continue;
      }
      // Another file holds this random name: take another (a collision of 48 random bits is a planted file).
      if (code === 'EEXIST' && attempt < 8) continue;
      throw error;
    }
  }
}

export interface WriteOptions {
  /** Flush to disk before the file is renamed into place (reports, manifests). */
  durable?: boolean;
  /** Follow a symbolic link at `path` and replace its target (files the user named); otherwise the link itself is replaced. */
  throughLinks?: boolean;
  /**
   * Never replace anything at `path`: refused (`already exists`) when
   * something is there, and put in place with link(2), which fails rather
   * than replace a file made there in the meantime.
   */
  exclusive?: boolean;
}

/** Where a write really goes. */
type Destination = { kind: 'stdout' } | { kind: 'through'; path: string } | { kind: 'replace'; path: string };

function destinationOf(path: string, throughLinks: boolean): Destination {
  if (path === '-') return { kind: 'stdout' };
  let target = path;
  for (let hops = 0; hops < 40; hops++) {
    let stat;
    try {
      stat = lstatSync(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'replace', path: target };
      throw error;
    }
    if (stat.isSymbolicLink()) {
      if (!throughLinks) return { kind: 'replace', path: target };
      target = resolve(dirname(target), readlinkSync(target));
      continue;
    }
    if (stat.isDirectory()) throw new DeclutterError('is-directory', 'is a directory, not a file');
    if (stat.isFIFO() || stat.isCharacterDevice() || stat.isSocket()) return { kind: 'through', path: target };
    return { kind: 'replace', path: target };
  }
  throw new DeclutterError('not-found', 'too many levels of symbolic links');
}

/**
 * Writes a whole file (see the top of this module): readers see the old
 * file or the whole new one; on failure the target is untouched and no
 * temporary file is left.
 */
export function writeFileAtomic(path: string, content: string, options: WriteOptions = {}): void {
  const sink = openSink(path, options);
  try {
    sink.write(content);
    sink.commit();
  } catch (error) {
    sink.abandon();
    throw fromSystemError(error);
  }
}

/** A file being written piece by piece (a report), put in place by `commit`. */
export interface Sink {
  write(data: string): void;
  commit(): void;
  /** Leaves nothing behind: the temporary file is removed, the target untouched. */
  abandon(): void;
}

export function openSink(path: string, { durable = false, throughLinks = false, exclusive = false }: WriteOptions = {}): Sink {
  let destination: Destination;
  try {
    if (exclusive && exists(path)) throw new DeclutterError('io', 'already exists');
    destination = destinationOf(path, throughLinks);
  } catch (error) {
    throw fromSystemError(error);
  }
  if (destination.kind === 'stdout') return directSink(1, false);
  if (destination.kind === 'through') {
    try {
      return directSink(openSync(destination.path, constants.O_WRONLY | constants.O_TRUNC), true);
    } catch (error) {
      throw fromSystemError(error);
    }
  }
  const target = destination.path;
  let created: { fd: number; temporary: string };
  try {
    created = createTemporary(target);
  } catch (error) {
    throw fromSystemError(error);
  }
  const { fd, temporary } = created;
  const close = closeOnce(fd, true);
  return {
    write: (data) => writeAll(fd, data),
    commit: () => {
      if (durable) fsyncSync(fd);
      close();
      if (exclusive) putInPlaceExclusively(temporary, target);
      else renameSync(temporary, target);
    },
    abandon: () => {
      try {
        close();
      } catch {
        // Already unusable: removing the file is all that is left to do.
      }
      try {
        rmSync(temporary, { force: true });
      } catch {
        // The folder itself is unusable (under a file, gone): nothing was left in it.
      }
    },
  };
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The temporary file becomes `target` only if nothing is there yet (a file system without hard links: checked, then renamed). */
function putInPlaceExclusively(temporary: string, target: string): void {
  try {
    linkSync(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new DeclutterError('io', 'already exists');
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
    if (exists(target)) throw new DeclutterError('io', 'already exists');
    renameSync(temporary, target);
    return;
  }
  rmSync(temporary, { force: true });
}

/** Closes `fd` the first time it is called (never, when the descriptor is not ours). */
function closeOnce(fd: number, owned: boolean): () => void {
  let open = owned;
  return () => {
    if (!open) return;
    open = false;
    closeSync(fd);
  };
}

function directSink(fd: number, owned: boolean): Sink {
  const close = closeOnce(fd, owned);
  return {
    write: (data) => writeAll(fd, data),
    commit: close,
    abandon: () => {
      try {
        close();
      } catch {
        // Nothing to undo: what went through has gone.
      }
    },
  };
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `content`: one write may take only part of it, and a non-blocking pipe may be full for a moment. */
export function writeAll(fd: number, content: string): void {
  // A string is written as it is (no Buffer made per page); only a partial write needs its bytes.
  let first = 0;
  try {
    first = writeSync(fd, content);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
  }
  if (first === Buffer.byteLength(content)) return;
  const data = Buffer.from(content);
  let written = first;
  while (written < data.length) {
    try {
      written += writeSync(fd, data, written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

/** A path with every link resolved; for a file not yet there, its folder resolved and its name kept. */
export function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** The temporary files this process (and its threads) made for `path`, to remove after abandoning a write under way. */
export function removeOwnTemporaries(path: string): void {
  const prefix = temporaryPrefixOf(path);
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix) && name.endsWith(TEMPORARY_SUFFIX)) rmSync(join(dirname(path), name), { force: true });
}

const TEMPORARY_NAME = /^\..+\.(\d+)-[0-9a-f]+\.declutter-tmp$/;

/**
 * Removes temporary files left by declutter processes that no longer run (a
 * run killed with SIGKILL, a power cut), in `folder` and, with `deep`, below
 * it. A file of a live process is left alone. Returns how many were removed.
 */
export function removeStaleTemporaries(folder: string, { deep = false }: { deep?: boolean } = {}): number {
  let removed = 0;
  const visit = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (deep) visit(join(dir, entry.name));
        continue;
      }
      const match = TEMPORARY_NAME.exec(entry.name);
      if (!match || isAlive(Number(match[1]))) continue;
      try {
        rmSync(join(dir, entry.name), { force: true });
        removed++;
      } catch {
        // Not ours to remove after all (permissions): left as found.
      }
    }
  };
  visit(folder);
  return removed;
}

export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
