import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli, tempDir } from './run.js';

const DEVDISCOURSE = 'fixtures/devdiscourse/russia-syria-ties.txt';
const EDITORJI = 'fixtures/editorji/syria-leader-kremlin-ap.txt';

const json = (text: string) => JSON.parse(text);

/** Every run into an out dir keeps its manifest there. */
const MANIFEST = '.declutter-manifest.ndjson';

/** `count` pages alternating between the two sources, ten to a folder: `<root>/NN/page-NNNN.txt`. */
function corpus(count: number, root = tempDir('declutter-batch-')): string {
  const pages = [readFileSync(DEVDISCOURSE), readFileSync(EDITORJI)];
  for (let i = 0; i < count; i++) {
    const folder = join(root, String(Math.floor(i / 10)).padStart(2, '0'));
    if (i % 10 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `page-${String(i).padStart(4, '0')}.txt`), pages[i % 2]!);
  }
  return root;
}

/** Every file under a folder, relative to it, sorted. */
function filesUnder(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

describe('inputs', () => {
  it('cleans a directory in sorted order with -j 2, streamed as NDJSON, with a summary on stderr', () => {
    const root = corpus(30);
    const result = runCli([root, '-f', 'ndjson', '-j', '2']);
    expect(result.status).toBe(0);
    const rows = result.stdout.trimEnd().split('\n').map(json);
    expect(rows.map((row) => relative(root, row.input.path))).toEqual(filesUnder(root));
    expect(rows.map((row) => row.source)).toEqual(rows.map((_, i) => (i % 2 === 0 ? 'devdiscourse' : 'editorji')));
    expect(result.stderr).toMatch(/^declutter: 30 inputs: 30 cleaned \(devdiscourse 15, editorji 15\), 0 skipped, 0 failed in \d+\.\ds\n$/);
  });

  it('gives a JSON array for a directory, even of one page, and prints no summary with --quiet', () => {
    const root = corpus(1);
    const result = runCli([root, '--quiet']);
    expect(result.status).toBe(0);
    expect(json(result.stdout)).toHaveLength(1);
    expect(result.stderr).toBe('');
  });

  it('expands quoted glob patterns and leaves out --ignore matches', () => {
    const root = corpus(20);
    const result = runCli([`${root}/**/*.txt`, '--ignore', '**/01/**', '-f', 'ndjson']);
    expect(result.status).toBe(0);
    const paths = result.stdout.trimEnd().split('\n').map((line) => relative(root, json(line).input.path));
    expect(paths).toEqual(filesUnder(root).filter((path) => !path.startsWith('01/')));
  });

  it('names a pattern that matches nothing and an empty directory, cleans the rest, and exits 1', () => {
    const root = corpus(2);
    mkdirSync(join(root, 'empty'));
    const result = runCli([`${root}/*.nope`, join(root, 'empty'), join(root, '00'), '-f', 'ndjson']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`declutter: ${root}/*.nope: no files match this pattern\n`);
    expect(result.stderr).toContain(`declutter: ${join(root, 'empty')}: no pages (*.txt, *.html, *.htm) in this directory\n`);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('never reads its own out dir back, even when it sits inside the input directory', () => {
    const root = corpus(4);
    const out = join(root, 'clean');
    for (let run = 0; run < 2; run++) {
      const result = runCli([root, '-o', out, '-f', 'text']);
      expect(result.status).toBe(0);
      expect(result.stderr).toMatch(/^declutter: 4 inputs: 4 cleaned/);
    }
    expect(filesUnder(out)).toEqual([MANIFEST, '00/page-0000.txt', '00/page-0001.txt', '00/page-0002.txt', '00/page-0003.txt']);
  });
});

describe('--out-dir', () => {
  it('mirrors the folders below the inputs\' common base', () => {
    const root = corpus(12);
    const out = tempDir();
    const result = runCli([root, '-o', out, '-f', 'md']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(filesUnder(out)).toEqual([MANIFEST, ...filesUnder(root).map((path) => path.replace(/\.txt$/, '.md'))]);
  });

  it('stops before writing anything when two inputs would make the same output', () => {
    const root = tempDir();
    copyFileSync(DEVDISCOURSE, join(root, 'story.txt'));
    copyFileSync(EDITORJI, join(root, 'story'));
    const out = tempDir();
    const result = runCli([join(root, 'story.txt'), join(root, 'story'), '-o', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`declutter: ${join(root, 'story')}: would write ${join(out, 'story.json')}, as ${join(root, 'story.txt')} does`);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('failures', () => {
  it('names a bad file among good ones, counts it, writes the others, and exits 1', () => {
    const root = corpus(10);
    writeFileSync(join(root, '00', 'page-0004.txt'), '   \n');
    const out = tempDir();
    const result = runCli([root, '-o', out, '-j', '2']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`declutter: ${join(root, '00', 'page-0004.txt')}: empty file\n`);
    expect(result.stderr).toMatch(/10 inputs: 9 cleaned \(devdiscourse 4, editorji 5\), 0 skipped, 1 failed/);
    expect(filesUnder(out)).toHaveLength(1 + 9);
    expect(existsSync(join(out, '00', 'page-0004.json'))).toBe(false);
  });

  it('--fail-fast stops at the first failure and says how far it got', () => {
    const root = corpus(40);
    writeFileSync(join(root, '00', 'page-0002.txt'), '');
    const out = tempDir();
    const result = runCli([root, '-o', out, '-j', '1', '--fail-fast']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('page-0002.txt: empty file');
    expect(result.stderr).toMatch(/stopped at the first failure \(--fail-fast\) after 3 of 40 inputs: 2 cleaned .*, 1 failed, 37 not started/);
    expect(filesUnder(out)).toEqual([MANIFEST, '00/page-0000.json', '00/page-0001.json']);
  });
});

describe('--report', () => {
  it('lists every input with its source, status, warnings, error, output and time, and totals that add up', () => {
    const root = corpus(6);
    writeFileSync(join(root, '00', 'page-0003.txt'), 'Not a news page\0 at all.\n');
    const out = tempDir();
    const reportPath = join(tempDir(), 'nested', 'report.json');
    const result = runCli([root, '-o', out, '-j', '2', '--report', reportPath]);
    expect(result.status).toBe(1);
    const report = json(readFileSync(reportPath, 'utf8'));
    expect(report.files.map((entry: { path: string }) => relative(root, entry.path))).toEqual(filesUnder(root));
    const bad = report.files[3];
    expect(bad).toMatchObject({ source: null, status: 'failed', output: null, warnings: [] });
    expect(bad.error).toBe('binary file');
    const good = report.files[0];
    expect(good).toMatchObject({ source: 'devdiscourse', status: 'ok', error: null, warnings: [], output: join(out, '00', 'page-0000.json') });
    expect(typeof good.ms).toBe('number');
    expect(report.totals).toMatchObject({ inputs: 6, ok: 5, skipped: 0, failed: 1, notStarted: 0, bySource: { devdiscourse: 3, editorji: 2 }, interrupted: false });
    expect(readdirSync(join(reportPath, '..'))).toEqual(['report.json']);
  });
});

describe('--incremental', () => {
  it('skips everything unchanged on a second run, and re-cleans a touched input', () => {
    const root = corpus(8);
    const out = tempDir();
    expect(runCli([root, '-o', out, '--incremental']).status).toBe(0);
    const again = runCli([root, '-o', out, '--incremental', '--report', join(out, '..', `${Date.now()}.json`)]);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/8 inputs: 0 cleaned, 8 skipped, 0 failed/);

    const touched = join(root, '00', 'page-0005.txt');
    const later = new Date(Date.now() + 60_000);
    utimesSync(touched, later, later);
    const reportPath = join(tempDir(), 'report.json');
    const third = runCli([root, '-o', out, '--incremental', '--report', reportPath]);
    expect(third.stderr).toMatch(/8 inputs: 1 cleaned \(editorji 1\), 7 skipped, 0 failed/);
    const statuses = json(readFileSync(reportPath, 'utf8')).files.map((entry: { status: string }) => entry.status);
    expect(statuses).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'skipped', 'ok', 'skipped', 'skipped']);
  });

  it('skips what a plain -o run wrote, which keeps the manifest too', () => {
    const root = corpus(6);
    const out = tempDir();
    expect(runCli([root, '-o', out]).status).toBe(0);
    expect(existsSync(join(out, '.declutter-manifest.ndjson'))).toBe(true);
    const again = runCli([root, '-o', out, '--incremental']);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/6 inputs: 0 cleaned, 6 skipped, 0 failed/);
    // A plain run with other options rewrites everything, and the manifest says so.
    expect(runCli([root, '-o', out, '--tz', 'UTC']).status).toBe(0);
    expect(runCli([root, '-o', out, '--incremental']).stderr).toMatch(/6 inputs: 6 cleaned/);
  });

  it('re-cleans everything when an option that changes the output changes', () => {
    const root = corpus(4);
    const out = tempDir();
    runCli([root, '-o', out, '--incremental']);
    const result = runCli([root, '-o', out, '--incremental', '--tz', 'UTC']);
    expect(result.stderr).toMatch(/4 inputs: 4 cleaned/);
    expect(json(readFileSync(join(out, '00', 'page-0001.json'), 'utf8')).updated).toBe('2025-10-15T17:42:00+00:00');
  });

  it('never skips a file written with other options by a run that stopped halfway', () => {
    const root = corpus(10);
    const out = tempDir();
    expect(runCli([root, '-o', out, '--incremental']).status).toBe(0);
    // A run with other options stops after rewriting a few files (here at a failure).
    writeFileSync(join(root, '00', 'page-0006.txt'), '');
    const stopped = runCli([root, '-o', out, '--incremental', '--tz', 'UTC', '--fail-fast', '-j', '1']);
    expect(stopped.stderr).toMatch(/after 7 of 10 inputs: 6 cleaned/);
    copyFileSync(EDITORJI, join(root, '00', 'page-0006.txt'));
    // Finishing with those options cleans what the stopped run did not reach, and skips what it wrote.
    const reportPath = join(tempDir(), 'report.json');
    const finish = runCli([root, '-o', out, '--incremental', '--tz', 'UTC', '--report', reportPath]);
    expect(finish.status).toBe(0);
    const statuses = json(readFileSync(reportPath, 'utf8')).files.map((entry: { status: string }) => entry.status);
    expect(statuses).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped', 'ok', 'ok', 'ok', 'ok']);
    for (const name of ['page-0001', 'page-0003', 'page-0007', 'page-0009']) {
      expect(json(readFileSync(join(out, '00', `${name}.json`), 'utf8')).updated).toBe('2025-10-15T17:42:00+00:00');
    }
  });

  it('needs --out-dir', () => {
    const result = runCli([EDITORJI, '--incremental']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--incremental needs --out-dir');
  });
});

describe('interruption', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`on ${signal} finishes the files under way, leaves no partial or temporary file, says how far it got, and exits 130`, async () => {
      const root = corpus(3000);
      const out = tempDir();
      const child = startCli([root, '-o', out, '-j', '2']);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Signal as soon as the first outputs exist.
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (existsSync(join(out, '00', 'page-0000.json'))) break;
      }
      child.kill(signal);
      expect(await exited).toBe(130);

      const written = filesUnder(out).filter((path) => path !== MANIFEST);
      // The manifest holds a record of each output written before the signal, one a line.
      expect(readFileSync(join(out, MANIFEST), 'utf8').split('\n').filter(Boolean).length).toBe(written.length);
      expect(written.filter((path) => path.endsWith('.declutter-tmp'))).toEqual([]);
      expect(written.length).toBeGreaterThan(0);
      expect(written.length).toBeLessThan(3000);
      for (const path of written) expect(json(readFileSync(join(out, path), 'utf8')).input.path).toContain('page-');
      const match = /declutter: interrupted after (\d+) of 3000 inputs: (\d+) cleaned/.exec(stderr);
      expect(match).not.toBeNull();
      expect(Number(match![2])).toBe(written.length);
    });
  }
});
