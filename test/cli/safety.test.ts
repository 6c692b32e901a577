import { once } from 'node:events';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from './run.js';

/**
 * Nothing lost, nothing overwritten: each test reproduces a way declutter
 * once wrote where it must not, and asserts what it does now.
 */
const DEVDISCOURSE = 'fixtures/devdiscourse/russia-syria-ties.txt';
const EDITORJI = 'fixtures/editorji/syria-leader-kremlin-ap.txt';

function page(dir: string, name: string, from = EDITORJI): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  copyFileSync(from, path);
  return path;
}

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('a report never replaces what the run reads or writes', () => {
  it('refuses --report naming the input, before any work (exit 2), and the page is untouched', () => {
    const dir = tempDir();
    const input = page(dir, 'page.txt');
    const before = readFileSync(input);
    const result = runCli([input, '--report', input]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`declutter: --report ${input} would overwrite an input file; nothing was done\n`);
    expect(readFileSync(input)).toEqual(before);
  });

  it('refuses --report naming an input through a link, or an output of the same run', () => {
    const dir = tempDir();
    const input = page(dir, 'in/page.txt');
    symlinkSync(input, join(dir, 'alias.txt'));
    const out = join(dir, 'out');
    const viaLink = runCli([input, '-o', out, '--report', join(dir, 'alias.txt')]);
    expect(viaLink.status).toBe(2);
    expect(viaLink.stderr).toContain('would overwrite an input file');
    const output = runCli([input, '-o', out, '--report', join(out, 'page.json')]);
    expect(output.status).toBe(2);
    expect(output.stderr).toContain('would overwrite an output of this run');
    const manifest = runCli([input, '-o', out, '--report', join(out, '.declutter-manifest.ndjson')]);
    expect(manifest.status).toBe(2);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe('reports written through special files and links', () => {
  it('writes through a FIFO instead of replacing it with a regular file', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const readerDone = new Promise((resolve) => reader.on('exit', resolve));
    const result = runCli([EDITORJI, DEVDISCOURSE, '-o', join(dir, 'out'), '-q', '--report', fifo]);
    await readerDone;
    expect(result.status).toBe(0);
    expect(JSON.parse(received).totals.ok).toBe(2);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('replaces the target of a symbolic link, keeping the link', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'report.json'));
    const result = runCli([EDITORJI, '-o', join(dir, 'out'), '--report', join(dir, 'report.json')]);
    expect(result.status).toBe(0);
    expect(lstatSync(join(dir, 'report.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).totals.ok).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['out', 'real.json', 'report.json']);
  });

  it('takes - for standard output (with --out-dir, since stdout otherwise carries the articles)', () => {
    const dir = tempDir();
    const result = runCli([EDITORJI, '-o', join(dir, 'out'), '--report', '-']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).files[0].status).toBe('ok');
    expect(readdirSync(dir)).toEqual(['out']);
    const without = runCli([EDITORJI, '--report', '-']);
    expect(without.status).toBe(2);
    expect(without.stderr).toContain('--report - writes the report to standard output');
  });
});

describe('a report that cannot be written', () => {
  it('is named (here a full disk), and the batch still ends with its summary, exit 1', () => {
    const dir = tempDir();
    const result = runCli([EDITORJI, DEVDISCOURSE, '-o', join(dir, 'out'), '--report', '/dev/full']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('declutter: /dev/full: no space left on device\n');
    expect(result.stderr).toMatch(/declutter: 2 inputs: 2 cleaned \(devdiscourse 1, editorji 1\), 0 skipped, 1 failed in/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['.declutter-manifest.ndjson', 'devdiscourse', 'editorji']);
  });
});

describe('outputs never land on inputs or outside the out dir', () => {
  it('refuses an input that is a link to its own output location, leaving it whole', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const target = page(out, 'a.json');
    mkdirSync(join(dir, 'in'));
    symlinkSync(target, join(dir, 'in', 'a.txt'));
    const result = runCli([join(dir, 'in', 'a.txt'), '-o', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`output ${join(out, 'a.json')} would overwrite an input file`);
    expect(readFileSync(target)).toEqual(readFileSync(EDITORJI));
  });

  it('refuses to write through a link to a folder inside the out dir', () => {
    const dir = tempDir();
    const root = join(dir, 'pages');
    page(root, 'sub/a.txt');
    page(root, 'b.txt', DEVDISCOURSE);
    const out = join(dir, 'out');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, 'sub'));
    const result = runCli([root, '-o', out, '-q']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`would be written through ${join(out, 'sub')}, a symbolic link inside the out dir`);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(['.declutter-manifest.ndjson', 'b.json', 'sub']);
  });

  it('stops at once when --out-dir is a regular file (exit 2, one message)', () => {
    const dir = tempDir();
    const file = page(dir, 'file.json');
    const result = runCli([EDITORJI, DEVDISCOURSE, '-o', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`declutter: --out-dir ${file} is a file, not a folder; nothing was done\n`);
  });

  it('names the out dir when it is the input folder, instead of finding no pages', () => {
    const dir = tempDir();
    page(dir, 'a.txt');
    const result = runCli([dir, '-o', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`--out-dir ${dir} is the input folder ${dir}`);
  });
});

describe('--incremental knows what made each output', () => {
  it('re-cleans story.txt of a second folder into the out dir the first folder filled', () => {
    const dir = tempDir();
    const first = page(dir, 'one/story.txt', EDITORJI);
    const second = page(dir, 'two/story.txt', DEVDISCOURSE);
    const out = join(dir, 'out');
    expect(runCli([first, '-o', out, '--incremental']).status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'story.json'), 'utf8')).source).toBe('editorji');
    const result = runCli([second, '-o', out, '--incremental', '--report', join(dir, 'report.json')]);
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).files[0].status).toBe('ok');
    expect(JSON.parse(readFileSync(join(out, 'story.json'), 'utf8')).source).toBe('devdiscourse');
  });

  it('re-cleans an output edited since it was written', () => {
    const dir = tempDir();
    const input = page(dir, 'a.txt');
    const out = join(dir, 'out');
    runCli([input, '-o', out, '--incremental']);
    writeFileSync(join(out, 'a.json'), '{"edited": true}\n');
    expect(runCli([input, '-o', out, '--incremental']).status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'a.json'), 'utf8')).source).toBe('editorji');
  });

  it('stops a run into an out dir another live run holds, with a clear message and nothing written', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    mkdirSync(out);
    // A live process holds the lock (this test's own process stands for the other run).
    writeFileSync(join(out, '.declutter-lock'), `${process.pid}\n`);
    const result = runCli([EDITORJI, '-o', out, '--incremental', '--tz', 'UTC']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `declutter: ${out}: another declutter run (process ${process.pid}) is writing into this folder; wait for it to end (or remove .declutter-lock if that process is not declutter)\n`,
    );
    expect(readdirSync(out)).toEqual(['.declutter-lock']);
  });

  it('removes the temporary files of a run that was killed, on the next run into the out dir', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    mkdirSync(join(out, 'deep'), { recursive: true });
    const dead = deadPid();
    writeFileSync(join(out, '.declutter-lock'), `${dead}\n`);
    writeFileSync(join(out, 'deep', `.x.json.${dead}-a1b2c3d4e5f6.declutter-tmp`), 'half written');
    const result = runCli([EDITORJI, '-o', out]);
    expect(result.status).toBe(0);
    expect(readdirSync(join(out, 'deep'))).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(['.declutter-manifest.ndjson', 'deep', 'syria-leader-kremlin-ap.json']);
  });
});

describe('temporary files', () => {
  it('never writes through a link planted where a temporary file used to be named predictably', async () => {
    const dir = tempDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const out = join(dir, 'out');
    mkdirSync(out);
    // The old scheme named the temporary file after the pid and thread: plant links for every pid nearby.
    const child = spawn(process.execPath, [BIN, EDITORJI, '-o', out, '--report', join(out, '..', 'r.json')], { stdio: 'ignore' });
    const exited = once(child, 'exit');
    const pid = child.pid!;
    for (const thread of [0, 1, 2]) {
      for (const name of ['syria-leader-kremlin-ap.json', 'r.json']) {
        // Planted before the child can have made its outputs: it is still starting node.
        symlinkSync(victim, join(name === 'r.json' ? dir : out, `.${name}.${pid}-${thread}.declutter-tmp`));
      }
    }
    const [code] = await exited;
    expect(code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(JSON.parse(readFileSync(join(out, 'syria-leader-kremlin-ap.json'), 'utf8')).source).toBe('editorji');
  });
});
