import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run.js';

const DEVDISCOURSE = 'fixtures/devdiscourse/russia-syria-ties.txt';
const EDITORJI = 'fixtures/editorji/syria-leader-kremlin-ap.txt';

const paths = (stdout: string) => stdout.trimEnd().split('\n').map((line) => JSON.parse(line).input.path);

/** Pages with awkward names: a space, a glob character, a newline (only a NUL-separated list can name it). */
function pages(): { dir: string; plain: string; star: string; newline: string } {
  const dir = tempDir('declutter-list-');
  mkdirSync(join(dir, 'sub dir'));
  const plain = join(dir, 'sub dir', 'a page.txt');
  const star = join(dir, 'b*.txt');
  const newline = join(dir, 'c\nd.txt');
  copyFileSync(DEVDISCOURSE, plain);
  copyFileSync(EDITORJI, star);
  copyFileSync(DEVDISCOURSE, newline);
  return { dir, plain, star, newline };
}

describe('--files-from', () => {
  it('cleans a file that is both an argument and listed once, by real path, in either order', () => {
    const { dir, plain, star } = pages();
    const list = join(dir, 'list.txt');
    writeFileSync(list, `${join(dir, 'sub dir', '..', 'sub dir', 'a page.txt')}\n${star}\n`);
    const result = runCli([plain, '--files-from', list, '-f', 'ndjson']);
    expect(result.status).toBe(0);
    expect(paths(result.stdout)).toEqual([plain, star]);
    expect(result.stderr).toMatch(/2 inputs: 2 cleaned/);
    writeFileSync(list, `${plain}\n`);
    expect(paths(runCli([star, '--files-from', list, star, '-f', 'ndjson']).stdout)).toEqual([star, plain]);
  });

  it('cleans the files listed one a line, after the arguments, each name taken as written (no pattern)', () => {
    const { dir, plain, star } = pages();
    const list = join(dir, 'list.txt');
    writeFileSync(list, `${plain}\n\n${star}\r\n`);
    const result = runCli([EDITORJI, '--files-from', list, '-f', 'ndjson']);
    expect(result.status).toBe(0);
    expect(paths(result.stdout)).toEqual([EDITORJI, plain, star]);
    expect(result.stderr).toMatch(/^declutter: 3 inputs: 3 cleaned \(devdiscourse 1, editorji 2\), 0 skipped, 0 failed in \d+\.\ds\n$/);
  });

  it('reads a NUL-separated list from standard input with -0, as find -print0 writes', () => {
    const { plain, star, newline } = pages();
    const result = runCli(['--files-from', '-', '-0', '-f', 'ndjson', '-q'], { input: `${plain}\0${newline}\0${star}\0` });
    expect(result.status).toBe(0);
    expect(paths(result.stdout)).toEqual([plain, newline, star]);
  });

  it('writes listed files under --out-dir, mirroring their folders', () => {
    const { dir, plain, star } = pages();
    const out = join(dir, 'out');
    const result = runCli(['--files-from', '-', '-o', out, '-q'], { input: `${plain}\n${star}\n` });
    expect(result.status).toBe(0);
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(['.declutter-manifest.ndjson', 'b*.json', 'sub dir', join('sub dir', 'a page.json')]);
    expect(JSON.parse(readFileSync(join(out, 'sub dir', 'a page.json'), 'utf8')).source).toBe('devdiscourse');
    expect(JSON.parse(readFileSync(join(out, 'b*.json'), 'utf8')).source).toBe('editorji');
  });

  it('names a listed file that is missing, cleans the others and exits 1; an unreadable list is a usage error', () => {
    const { dir, plain } = pages();
    const missing = join(dir, 'gone.txt');
    const result = runCli(['--files-from', '-', '-f', 'ndjson'], { input: `${missing}\n${plain}\n` });
    expect(result.status).toBe(1);
    expect(paths(result.stdout)).toEqual([plain]);
    expect(result.stderr.split('\n')[0]).toBe(`declutter: ${missing}: no such file`);
    const noList = runCli(['--files-from', join(dir, 'no-list.txt')]);
    expect(noList.status).toBe(2);
    expect(noList.stderr).toBe(`declutter: --files-from ${join(dir, 'no-list.txt')}: no such file\n`);
  });

  it('refuses -0 without --files-from, and standard input read twice', () => {
    expect(runCli(['-0', DEVDISCOURSE]).stderr).toBe('declutter: -0 goes with --files-from (NUL-separated paths, as find -print0 writes)\n');
    expect(runCli(['-', '--files-from', '-'], { input: '' })).toMatchObject({ status: 2, stderr: 'declutter: standard input (-) can be read only once\n' });
  });
});
