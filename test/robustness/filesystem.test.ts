import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeclutterError, fromSystemError } from '../../src/pipeline/errors.js';
import { readInputFile } from '../../src/io/read.js';
import { BIN, runCli, tempDir } from '../cli/run.js';

const EDITORJI = join('test', 'robustness', 'corpus', 'editorji-utf8.txt');
const DEVDISCOURSE = join('test', 'robustness', 'corpus', 'devdiscourse-utf8.txt');
const ONE_MEGABYTE_LINE = join('test', 'robustness', 'corpus', 'editorji-one-megabyte-line.txt');

// Tests run as root in CI, where permission bits deny nothing: there a path
// through a regular file (ENOTDIR) stands in as the input or output that can't be opened.
// permissions.test.ts covers permission denied itself, running the CLI as an unprivileged user.
const isRoot = process.getuid?.() === 0;

/** The stderr lines that name `path`. */
const linesFor = (stderr: string, path: string) => stderr.split('\n').filter((line) => line.startsWith(`declutter: ${path}: `));

/** Every file under a directory, temporary ones included, as relative paths. */
const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();

function twoGoodPages(dir: string) {
  const a = join(dir, 'a.txt');
  const b = join(dir, 'b.txt');
  copyFileSync(EDITORJI, a);
  copyFileSync(DEVDISCOURSE, b);
  return [a, b] as const;
}

describe('inputs that cannot be read', () => {
  it('each gives one line naming it, and the other pages are cleaned', () => {
    const dir = tempDir();
    const [a, b] = twoGoodPages(dir);
    const out = join(dir, 'out');
    const missing = join(dir, 'missing.txt');
    const brokenLink = join(dir, 'broken-link.txt');
    symlinkSync(join(dir, 'nowhere.txt'), brokenLink);
    const throughFile = join(a, 'page.txt');
    const bad: [string, string][] = [
      [missing, 'no such file'],
      [brokenLink, 'broken symbolic link (its target does not exist)'],
      [throughFile, 'a component of the path is not a directory'],
    ];
    if (!isRoot) {
      const unreadable = join(dir, 'unreadable.txt');
      copyFileSync(EDITORJI, unreadable);
      chmodSync(unreadable, 0o000);
      bad.push([unreadable, 'permission denied']);
    }

    const result = runCli(['-o', out, a, ...bad.map(([path]) => path), b]);
    expect(result.status).toBe(1);
    for (const [path, message] of bad) expect(linesFor(result.stderr, path)).toEqual([`declutter: ${path}: ${message}`]);
    expect(filesUnder(out)).toEqual(['.declutter-manifest.ndjson', 'a.json', 'b.json']);
    expect(JSON.parse(readFileSync(join(out, 'a.json'), 'utf8')).source).toBe('editorji');
    expect(JSON.parse(readFileSync(join(out, 'b.json'), 'utf8')).source).toBe('devdiscourse');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a file that vanishes between listing and reading fails as missing; the rest are read', () => {
    const dir = tempDir();
    twoGoodPages(dir);
    const listed = readdirSync(dir).map((name) => join(dir, name));
    unlinkSync(listed[0]!);
    expect(() => readInputFile(listed[0]!)).toThrow(new DeclutterError('not-found', 'no such file'));
    expect(readInputFile(listed[1]!).length).toBeGreaterThan(0);
  });

  it('a directory given as a file is refused by the reader', () => {
    expect(() => readInputFile(tempDir())).toThrow(new DeclutterError('is-directory', 'is a directory, not a file'));
  });
});

describe('outputs that cannot be written', () => {
  it('an out dir that cannot be created or written: one line naming it, nothing written, no stack trace', () => {
    const dir = tempDir();
    const [a, b] = twoGoodPages(dir);
    let out: string;
    let message: string;
    if (isRoot) {
      // The out dir would have to be created inside a regular file.
      out = join(a, 'out');
      message = 'a component of the path is not a directory';
    } else {
      out = join(dir, 'read-only');
      mkdirSync(out);
      chmodSync(out, 0o555);
      message = 'permission denied';
    }
    const result = runCli(['-o', out, a, b]);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.stderr).toMatch(new RegExp(`^declutter: ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*${message}\n$`));
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('an output path taken by a directory fails for that input only', () => {
    const dir = tempDir();
    const [a, b] = twoGoodPages(dir);
    const out = join(dir, 'out');
    mkdirSync(join(out, 'a.json'), { recursive: true });
    const result = runCli(['-o', out, a, b]);
    expect(result.status).toBe(1);
    expect(linesFor(result.stderr, a)).toEqual([`declutter: ${a}: cannot write ${join(out, 'a.json')}: is a directory, not a file`]);
    expect(filesUnder(out)).toEqual(['.declutter-manifest.ndjson', 'b.json']);
  });

  it('a file too large for the file-size limit (a full disk as the process sees it) leaves no partial output', () => {
    const dir = tempDir();
    const [a] = twoGoodPages(dir);
    const big = join(dir, 'big.txt');
    copyFileSync(ONE_MEGABYTE_LINE, big);
    const out = join(dir, 'out');
    // With SIGXFSZ ignored (inherited through exec), writing past `ulimit -f` fails with EFBIG, as a full disk fails with ENOSPC.
    const result = spawnSync('sh', ['-c', 'trap "" XFSZ; ulimit -f 256; exec "$0" "$@"', process.execPath, BIN, '-o', out, big, a], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.status).toBe(1);
    expect(linesFor(result.stderr, big)).toEqual([`declutter: ${big}: cannot write ${join(out, 'big.json')}: file too large for the file system or the file size limit`]);
    expect(filesUnder(out)).toEqual(['.declutter-manifest.ndjson', 'a.json']);
  });

  it.runIf(existsSync('/dev/full'))('a full disk on standard output is one line and exit status 1, not a crash', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const inputs of [[EDITORJI], [EDITORJI, DEVDISCOURSE]]) {
        const result = spawnSync(process.execPath, [BIN, ...inputs], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        expect(result.stderr).toBe('declutter: standard output: no space left on device\n');
        expect(result.status).toBe(1);
      }
    } finally {
      closeSync(full);
    }
  });
});

describe('fromSystemError', () => {
  it('puts errno codes in plain words, without the path Node adds', () => {
    const system = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(fromSystemError(system('EACCES', "EACCES: permission denied, open 'x'"))).toEqual(new DeclutterError('permission-denied', 'permission denied'));
    expect(fromSystemError(system('ENOSPC', "ENOSPC: no space left on device, write"))).toEqual(new DeclutterError('io', 'no space left on device'));
    expect(fromSystemError(system('EXDEV', "EXDEV: cross-device link not permitted, rename 'a' -> 'b'")).message).toBe('cross-device link not permitted (EXDEV)');
    const typed = new DeclutterError('empty', 'empty file');
    expect(fromSystemError(typed)).toBe(typed);
  });
});
