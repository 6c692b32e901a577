import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, startCli, tempDir } from './run.js';

const DEVDISCOURSE = 'fixtures/devdiscourse/russia-syria-ties.txt';
const EDITORJI = 'fixtures/editorji/syria-leader-kremlin-ap.txt';
const devdiscourse = readFileSync(DEVDISCOURSE, 'utf8');
const editorji = readFileSync(EDITORJI, 'utf8');

const lines = (text: string) => text.trimEnd().split('\n').map((line) => JSON.parse(line));
const ndjson = (records: unknown[]) => records.map((record) => (typeof record === 'string' ? record : JSON.stringify(record))).join('\n') + '\n';

/** The article `declutter -f ndjson` gives for a page read from standard input, as a record's should be. */
function articleOf(page: string, input: Record<string, unknown>) {
  const article = JSON.parse(runCli(['-', '-f', 'ndjson'], { input: page }).stdout);
  article.input = { ...input, path: null, bytes: article.input.bytes, sha256: article.input.sha256 };
  return article;
}

describe('--input-format ndjson', () => {
  it('gives one line per record, in input order: the article with input.id, or an error record; and goes on after bad records', () => {
    const records = [
      { id: 'a', text: devdiscourse, url: 'https://www.devdiscourse.com/article/1' },
      '{"id": "broken", "text": ',
      { text: devdiscourse },
      { id: 7, path: EDITORJI },
      '',
      { id: 'both', text: 'x', path: EDITORJI },
      { id: 'binary', text: 'PK\u0003\u0004\u0000\u0000\u0000\u0014\u0000\u0000' },
      { id: 'forced', text: editorji, source: 'nope' },
      '[1, 2]',
      { id: 'last', text: editorji, source: 'editorji' },
    ];
    const result = runCli(['--input-format', 'ndjson', '-j', '2'], { input: ndjson(records) });
    expect(result.status).toBe(0);
    const out = lines(result.stdout);
    expect(out).toHaveLength(9);
    expect(out[0]).toEqual(articleOf(devdiscourse, { id: 'a', url: 'https://www.devdiscourse.com/article/1' }));
    expect(Object.keys(out[0].input)).toEqual(['id', 'path', 'bytes', 'sha256', 'url']);
    expect(out[1]).toEqual({ id: null, error: { code: 'bad-record', message: expect.stringMatching(/^not a JSON record \(/) } });
    expect(out[2]).toEqual({ id: null, error: { code: 'bad-record', message: 'no "id" (a string or a number)' } });
    expect(out[3].input).toMatchObject({ id: 7, path: EDITORJI });
    expect(out[3].title).toBe(JSON.parse(runCli([EDITORJI]).stdout).title);
    expect(out[4]).toEqual({ id: 'both', error: { code: 'bad-record', message: 'both "text" and "path"; give one' } });
    expect(out[5]).toMatchObject({ id: 'binary', error: { code: 'binary' } });
    expect(out[6]).toEqual({ id: 'forced', error: { code: 'unknown-source', message: 'unknown source "nope" (known: devdiscourse, editorji, generic)' } });
    expect(out[7]).toEqual({ id: null, error: { code: 'bad-record', message: 'not a JSON object' } });
    expect(out[8]).toEqual(articleOf(editorji, { id: 'last' }));
    // Each bad record is named on stderr by where it is; the summary counts them.
    const stderr = result.stderr.trimEnd().split('\n');
    expect(stderr.slice(0, 2)).toEqual([expect.stringMatching(/^declutter: stdin:2: not a JSON record \(/), 'declutter: stdin:3: no "id" (a string or a number)']);
    expect(stderr).toContain('declutter: stdin:6 (id "both"): both "text" and "path"; give one');
    expect(stderr.at(-1)).toMatch(/^declutter: 9 inputs: 3 cleaned \(devdiscourse 1, editorji 2\), 0 skipped, 6 failed in \d+\.\ds$/);
  });

  it('reads record files in order, names a missing one in its error record, and is quiet with -q', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'one.ndjson'), ndjson([{ id: 1, text: devdiscourse }]));
    writeFileSync(join(dir, 'two.ndjson'), ndjson([{ id: 2, text: editorji }, { id: 3 }]));
    const result = runCli(['--input-format', 'ndjson', join(dir, 'one.ndjson'), join(dir, 'missing.ndjson'), join(dir, 'two.ndjson'), '-q']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const out = lines(result.stdout);
    expect(out.map((line) => line.input?.id ?? line.id)).toEqual([1, null, 2, 3]);
    expect(out[1].error.code).toBe('not-found');
    expect(out[3].error).toEqual({ code: 'bad-record', message: 'no "text", "html" or "path"' });
  });

  it('answers a line over the size limit with an error record without keeping it', () => {
    const big = JSON.stringify({ id: 'big', text: 'x'.repeat(300_000) });
    const result = runCli(['--input-format', 'ndjson', '--max-bytes', '100000'], { input: ndjson([big, { id: 'next', text: editorji }]) });
    expect(result.status).toBe(0);
    expect(result.stderr.split('\n')[0]).toBe('declutter: stdin:1: too large (a line over the 259.3 KB limit, see --max-bytes)');
    const out = lines(result.stdout);
    expect(out[0]).toEqual({ id: null, error: { code: 'too-large', message: 'too large (a line over the 259.3 KB limit)' } });
    expect(out[1].input.id).toBe('next');
  });

  it('refuses formats other than NDJSON and --out-dir as usage errors', () => {
    expect(runCli(['--input-format', 'ndjson', '-f', 'md'], { input: '' })).toMatchObject({ status: 2, stdout: '' });
    expect(runCli(['--input-format', 'ndjson', '-o', tempDir()], { input: '' }).status).toBe(2);
    expect(runCli(['--input-format', 'ndjson'], { input: '' })).toEqual({ status: 0, stdout: '', stderr: expect.stringMatching(/^declutter: 0 inputs: /) });
  });

  it('ends cleanly when the reader closes early (| head -1), with exit 0 and no EPIPE trace', async () => {
    // An endless stream of records into declutter, its output into head -1.
    const feeder = `const line = JSON.stringify({ id: 0, text: require('fs').readFileSync(${JSON.stringify(DEVDISCOURSE)}, 'utf8') }) + '\\n';
      process.stdout.on('error', () => process.exit(0));
      const more = () => { while (process.stdout.write(line)); process.stdout.once('drain', more); };
      more();`;
    const script = `node -e "$FEEDER" | node "$BIN" --input-format ndjson 2>"$ERR" | head -1; echo "\${PIPESTATUS[1]}"`;
    const err = join(tempDir(), 'stderr');
    const child = spawn('bash', ['-c', script], { env: { ...process.env, FEEDER: feeder, BIN, ERR: err } });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    await new Promise((resolve) => child.on('close', resolve));
    const [first, status] = stdout.trimEnd().split('\n');
    expect(JSON.parse(first!).input.id).toBe(0);
    expect(status).toBe('0');
    expect(readFileSync(err, 'utf8')).toBe('');
  });

  it('reads no further ahead than the output is taken (memory stays bounded on an endless stream)', async () => {
    // Pages of about 40 KB whose articles are as large: a few in each pipe fill it.
    const body = devdiscourse.split('\n').slice(12, 17).join('\n');
    const padded = devdiscourse.replace(body, Array.from({ length: 50 }, () => body).join('\n\n'));
    const record = `${JSON.stringify({ id: 'p', text: padded })}\n`;
    expect(record.length).toBeGreaterThan(30_000);
    const child = startCli(['--input-format', 'ndjson', '-j', '1', '-q']);
    child.stdout.pause();
    const offered = 2500;
    let accepted = 0;
    // Write while stdin takes it; when it has not drained for a second with nobody reading stdout, it is held back.
    await new Promise<void>((resolve) => {
      const more = () => {
        while (accepted < offered) {
          accepted++;
          if (!child.stdin.write(record)) {
            const stalled = setTimeout(resolve, 1000);
            child.stdin.once('drain', () => {
              clearTimeout(stalled);
              more();
            });
            return;
          }
        }
        resolve();
      };
      more();
    });
    expect(accepted).toBeLessThan(200);
    // Then everything is still answered, once the output is read.
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stdout.resume();
    const rest = async () => {
      while (accepted < Math.min(offered, 400)) {
        accepted++;
        if (!child.stdin.write(record)) await new Promise((resolve) => child.stdin.once('drain', resolve));
      }
      child.stdin.end();
    };
    await rest();
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect(status).toBe(0);
    expect(out.trimEnd().split('\n')).toHaveLength(accepted);
  });
});
