import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli, tempDir } from './run.js';

const PAGES = ['ap-hyphen', 'cut-short', 'ap-em-dash'].map((name) => join('fixtures', 'editorji', `${name}.txt`));

/** A named pipe nobody writes to: opening it for reading blocks, as it would for `cat`. */
function pipeWithoutWriter(dir: string): string {
  const path = join(dir, 'stuck.txt');
  execFileSync('mkfifo', [path]);
  return path;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exitOf(child: ReturnType<typeof startCli>) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

describe('interrupting what does not end', () => {
  it('stops a single page at the first Ctrl-C, even while it waits on a pipe', async () => {
    const child = startCli([pipeWithoutWriter(tempDir())]);
    const exited = exitOf(child);
    await sleep(500);
    child.kill('SIGINT');
    expect(await exited).toEqual({ code: null, signal: 'SIGINT' });
  });

  it('stops a batch at the second Ctrl-C, keeping finished outputs and leaving no temporary file', async () => {
    const dir = tempDir();
    const inputs = PAGES.map((page) => {
      const copy = join(dir, `${page.split('/').pop()}`);
      copyFileSync(page, copy);
      return copy;
    });
    const out = join(dir, 'out');
    const child = startCli([inputs[0]!, pipeWithoutWriter(dir), inputs[1]!, inputs[2]!, '-o', out, '-j', '2']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = exitOf(child);
    // Until the page before the pipe is written (the out dir itself is made, and locked, up front).
    for (let waited = 0; waited < 10_000 && !(readdirSync(dir).includes('out') && readdirSync(out).includes('ap-hyphen.json')); waited += 20) await sleep(20);
    await sleep(100);
    child.kill('SIGINT');
    await sleep(200);
    child.kill('SIGINT');

    // Killed by the second signal itself: a shell reports status 130.
    expect(await exited).toEqual({ code: null, signal: 'SIGINT' });
    expect(stderr).toMatch(/declutter: interrupted again: stopped at once after \d of 4 inputs; the ones under way were abandoned\n/);
    const written = readdirSync(out);
    expect(written).toContain('ap-hyphen.json');
    expect(written.filter((name) => name.includes('declutter-tmp') || name === '.declutter-lock')).toEqual([]);
  });

  it('with -j 1, the first Ctrl-C says which pipe it waits for, and the second stops at once', async () => {
    const dir = tempDir();
    const first = join(dir, 'first.txt');
    copyFileSync(PAGES[0]!, first);
    const pipe = pipeWithoutWriter(dir);
    const out = join(dir, 'out');
    const child = startCli([first, pipe, '-o', out, '-j', '1']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = exitOf(child);
    for (let waited = 0; waited < 10_000 && !(readdirSync(dir).includes('out') && readdirSync(out).includes('first.json')); waited += 20) await sleep(20);
    await sleep(200);
    child.kill('SIGINT');
    for (let waited = 0; waited < 5_000 && !stderr.includes('waiting for'); waited += 20) await sleep(20);
    expect(stderr).toContain(`declutter: interrupted: waiting for ${pipe} (a pipe or device nobody writes to yet); Ctrl-C again to stop at once\n`);
    child.kill('SIGINT');
    expect(await exited).toEqual({ code: null, signal: 'SIGINT' });
    expect(readdirSync(out).sort()).toEqual(['.declutter-manifest.ndjson', 'first.json']);
  });
});
