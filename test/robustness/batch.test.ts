import { chmodSync, closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/run.js';
import { CORPUS_DIR, corpusManifest } from './corpus.js';

/*
 * The promise of the robustness work, end to end: one bad file of every
 * kind among good pages, and the good pages all come out while each bad
 * one gets exactly one clear line on stderr.
 */

// As root, permission bits deny nothing; a path through a regular file stands in for an unreadable one.
const isRoot = process.getuid?.() === 0;
const manifest = corpusManifest();

const GOOD = [
  'editorji-utf8.txt',
  'devdiscourse-utf16be-bom.txt',
  'editorji-utf16le-lone-surrogates.txt',
  'editorji-windows-1252.txt',
  'devdiscourse-mojibake.txt',
  'editorji-truncated-inside-character.txt',
  'editorji-one-megabyte-line.txt',
];
const BAD_FROM_CORPUS = ['image.png.bin', 'editorji-nul-in-middle.txt', 'empty.txt', 'whitespace-only.txt', 'editorji-utf16le-no-bom.txt'];

interface Batch {
  dir: string;
  good: string[];
  /** Path → the exact message expected after `declutter: <path>: `. */
  bad: Map<string, string>;
}

/** A folder of pages as a scraper leaves it: every bad kind among good pages, all named *.txt. */
function makeBatch(): Batch {
  const root = tempDir();
  const dir = join(root, 'scrapes');
  mkdirSync(dir);
  const good = GOOD.map((name) => {
    const path = join(dir, name.replace(/\.\w+$/, '.txt'));
    copyFileSync(join(CORPUS_DIR, name), path);
    return path;
  });
  const bad = new Map<string, string>();
  for (const name of BAD_FROM_CORPUS) {
    const path = join(dir, name.replace(/\.\w+$/, '.txt'));
    copyFileSync(join(CORPUS_DIR, name), path);
    bad.set(path, manifest[name]!.error!);
  }
  const huge = join(dir, 'huge.txt');
  closeSync(openSync(huge, 'w'));
  truncateSync(huge, 21 * 1024 * 1024);
  bad.set(huge, 'too large (21.0 MB; over the 20.0 MB limit, see --max-bytes)');
  const brokenLink = join(dir, 'broken-link.txt');
  symlinkSync(join(root, 'deleted.txt'), brokenLink);
  bad.set(brokenLink, 'broken symbolic link (its target does not exist)');
  if (!isRoot) {
    const unreadable = join(dir, 'unreadable.txt');
    writeFileSync(unreadable, readFileSync(good[0]!));
    chmodSync(unreadable, 0o000);
    bad.set(unreadable, 'permission denied');
  }
  return { dir, good, bad };
}

const stem = (path: string) => path.split(/[\\/]/).at(-1)!.replace(/\.txt$/, '');

function expectEveryOutcome(batch: Batch, out: string, result: { status: number | null; stderr: string }) {
  expect(result.status).toBe(1);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  for (const [path, message] of batch.bad) {
    const lines = result.stderr.split('\n').filter((line) => line.startsWith(`declutter: ${path}: `));
    expect(lines, path).toEqual([`declutter: ${path}: ${message}`]);
  }
  // Every good page is an article; nothing else (no partial or temporary file) is in the out dir, but its manifest.
  expect(readdirSync(out).sort()).toEqual(['.declutter-manifest.ndjson', ...batch.good.map((path) => `${stem(path)}.json`)].sort());
  for (const path of batch.good) {
    const article = JSON.parse(readFileSync(join(out, `${stem(path)}.json`), 'utf8'));
    expect(article.body.length, path).toBeGreaterThan(0);
    expect(article.input.path).toBe(path);
  }
}

describe('a batch with one bad file of each kind among good pages', () => {
  it('named one by one: every good article, one clear line per bad file', () => {
    const batch = makeBatch();
    const out = join(batch.dir, '..', 'out');
    const inputs = [...batch.good, ...batch.bad.keys()].sort();
    // A path through a regular file, the unreadable input that root can still make.
    const throughFile = join(batch.good[0]!, 'page.txt');
    batch.bad.set(throughFile, 'a component of the path is not a directory');
    const result = runCli(['-q', '-o', out, ...inputs, throughFile]);
    expectEveryOutcome(batch, out, result);
  });

  it('as a folder cleaned by worker threads: the same outcomes', () => {
    const batch = makeBatch();
    const out = join(batch.dir, '..', 'out');
    const result = runCli(['-q', '-j', '2', '-o', out, batch.dir]);
    expectEveryOutcome(batch, out, result);
  });
});
