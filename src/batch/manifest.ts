import { closeSync, constants, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { DeclutterError, fromSystemError } from '../pipeline/errors.js';
import { isAlive, removeStaleTemporaries, writeAll, writeFileAtomic } from '../io/write.js';

/**
 * The out dir's manifest records, for each output, what made it: the
 * input's real path, size and modification time, the output's own size and
 * time, and a stamp of the declutter version and the options. `--incremental`
 * skips an input only when all of these still hold, so an output made from
 * another file of the same name, with other options, or edited since, is
 * made again.
 *
 * The manifest is a file of JSON lines: a record is appended as soon as its
 * output is in place (a run killed halfway loses none it wrote), and the file
 * is rewritten with one line per output when the run ends. A line cut short
 * by a crash is ignored; the output it described is made again.
 *
 * A run into an out dir holds its lock (`.declutter-lock`, naming the
 * process): a second run stops with a message instead of mixing its outputs
 * and records with the first one's. A lock left by a process that died is
 * taken over, and the temporary files that process left are removed.
 */
export const MANIFEST_NAME = '.declutter-manifest.ndjson';
export const LOCK_NAME = '.declutter-lock';

/** Everything that changes what an output file contains. */
export interface OutputStamp {
  version: string;
  options: Record<string, string | boolean | null>;
}

/** What made one output. */
export interface OutputRecord {
  /** The output, relative to the out dir. */
  output: string;
  stamp: string;
  /** The input's real path, size and modification time when it was read. */
  input: string;
  size: number;
  mtimeMs: number;
  /** The output's size and time once written: an output changed since is made again. */
  outputSize: number;
  outputMtimeMs: number;
}

export function stampOf(stamp: OutputStamp): string {
  return createHash('sha256').update(JSON.stringify({ declutter: stamp.version, options: stamp.options })).digest('hex').slice(0, 16);
}

/** Another run is writing into the out dir. */
export class OutDirBusyError extends DeclutterError {}

export class OutDir {
  private readonly records = new Map<string, OutputRecord>();
  private manifestFd: number | null = null;
  private released = false;

  private constructor(
    readonly path: string,
    readonly stamp: string,
  ) {}

  /**
   * Takes the out dir for a run: makes it, locks it, removes what dead runs
   * left, and reads its manifest. A manifest is kept when there is one, or
   * when `create` (the CLI asks for it on every `--out-dir` run, so that a
   * later `--incremental` run can skip what a plain one made); without
   * `create`, a fresh folder gets only the outputs.
   */
  static open(path: string, stamp: OutputStamp, { create }: { create: boolean }): OutDir {
    const outDir = new OutDir(path, stampOf(stamp));
    try {
      mkdirSync(path, { recursive: true });
    } catch (error) {
      throw named(path, error);
    }
    outDir.lock();
    try {
      outDir.readManifest(create);
    } catch (error) {
      outDir.release();
      throw error;
    }
    return outDir;
  }

  get manifestPath(): string {
    return join(this.path, MANIFEST_NAME);
  }

  private get lockPath(): string {
    return join(this.path, LOCK_NAME);
  }

  private lock(): void {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(this.lockPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          const reason = fromSystemError(error);
          throw new DeclutterError(reason.code, `${this.path}: cannot write into this folder (its lock file ${LOCK_NAME}): ${reason.message}`);
        }
      }
      let holder = NaN;
      try {
        holder = Number.parseInt(readFileSync(this.lockPath, 'utf8'), 10);
      } catch {
        // Released meanwhile: try again.
        continue;
      }
      if (Number.isSafeInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new OutDirBusyError('io', `${this.path}: another declutter run (process ${holder}) is writing into this folder; wait for it to end (or remove ${LOCK_NAME} if that process is not declutter)`);
      }
      // The run that held it died: what it left half-made goes, then the lock is ours.
      rmSync(this.lockPath, { force: true });
      removeStaleTemporaries(this.path, { deep: true });
    }
    throw new OutDirBusyError('io', `${this.lockPath}: cannot take ${LOCK_NAME}: other runs keep taking it`);
  }

  private readManifest(create: boolean): void {
    let text: string | null = null;
    try {
      text = readFileSync(this.manifestPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw named(this.manifestPath, error);
    }
    if (text === null && !create) return;
    for (const line of (text ?? '').split('\n')) {
      if (line === '') continue;
      try {
        const record = JSON.parse(line) as OutputRecord;
        if (typeof record.output === 'string') this.records.set(record.output, record);
      } catch {
        // A line cut short by a crash: its output is simply made again.
      }
    }
    try {
      this.manifestFd = openSync(this.manifestPath, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | (constants.O_NOFOLLOW ?? 0), 0o644);
    } catch (error) {
      throw named(this.manifestPath, error);
    }
  }

  /** The record of an earlier run for this output, when it was made with this run's version and options. */
  previous(target: string): OutputRecord | undefined {
    const record = this.records.get(relative(this.path, target));
    return record !== undefined && record.stamp === this.stamp ? record : undefined;
  }

  /** Notes a written output (appended at once, so a run killed later keeps it). */
  record(target: string, made: Omit<OutputRecord, 'output' | 'stamp'>): void {
    if (this.manifestFd === null) return;
    const record: OutputRecord = { output: relative(this.path, target), stamp: this.stamp, ...made };
    this.records.set(record.output, record);
    try {
      writeAll(this.manifestFd, `${JSON.stringify(record)}\n`);
    } catch (error) {
      throw named(this.manifestPath, error);
    }
  }

  /** Compacts the manifest to one line per output and gives the out dir back. */
  close(): void {
    if (this.manifestFd !== null) {
      closeSync(this.manifestFd);
      this.manifestFd = null;
      const lines = [...this.records.values()].map((record) => `${JSON.stringify(record)}\n`);
      try {
        writeFileAtomic(this.manifestPath, lines.join(''), { durable: true });
      } catch (error) {
        this.release();
        throw named(this.manifestPath, error);
      }
    }
    this.release();
  }

  /** Gives the lock back, leaving the manifest as appended so far. */
  release(): void {
    if (this.released) return;
    this.released = true;
    if (this.manifestFd !== null) {
      try {
        closeSync(this.manifestFd);
      } catch {
        // Already closed.
      }
      this.manifestFd = null;
    }
    rmSync(this.lockPath, { force: true });
  }
}

/** Whether an output made as `record` says is still what cleaning its input would make now. */
export function isUpToDate(record: OutputRecord, input: string, realInput: string, target: string): boolean {
  if (record.input !== realInput) return false;
  try {
    const source = statSync(input);
    if (source.size !== record.size || source.mtimeMs !== record.mtimeMs) return false;
    const output = statSync(target);
    return output.size === record.outputSize && output.mtimeMs === record.outputMtimeMs;
  } catch {
    // A vanished input or output is not skipped: cleaning reports or remakes it.
    return false;
  }
}

function named(path: string, error: unknown): DeclutterError {
  const reason = fromSystemError(error);
  return new DeclutterError(reason.code, `${path}: ${reason.message}`);
}
