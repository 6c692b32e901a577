import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from './run.js';

const PAGES = ['fixtures/editorji/ap-hyphen.txt', 'fixtures/devdiscourse/crlf-bom.txt'];
const ESCAPE = '\u001b[';
const GREEN = '\u001b[32m2 cleaned\u001b[39m';

/** The summary line of a batch, on a pipe (not a terminal), under exactly this colour environment. */
function summary(args: string[], env: { NO_COLOR?: string; FORCE_COLOR?: string }): string {
  const result = runCli([...PAGES, '-o', join(tempDir(), 'out'), ...args], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } });
  expect(result.status).toBe(0);
  expect(result.stderr).toMatch(/^declutter: 2 inputs: /);
  return result.stderr;
}

describe('colour', () => {
  it('is off on a pipe unless asked for', () => {
    expect(summary([], {})).not.toContain(ESCAPE);
    expect(summary([], { NO_COLOR: '' })).not.toContain(ESCAPE);
  });

  it('FORCE_COLOR 1, 2, 3, true or empty turns it on; 0 or false leaves it off', () => {
    for (const value of ['1', '2', '3', 'true', '']) expect(summary([], { FORCE_COLOR: value }), value).toContain(GREEN);
    for (const value of ['0', 'false']) expect(summary([], { FORCE_COLOR: value }), value).not.toContain(ESCAPE);
  });

  it('NO_COLOR (any value but empty) turns it off, even with FORCE_COLOR', () => {
    expect(summary([], { NO_COLOR: '1', FORCE_COLOR: '1' })).not.toContain(ESCAPE);
    expect(summary([], { NO_COLOR: 'yes', FORCE_COLOR: '' })).not.toContain(ESCAPE);
  });

  it('an explicit --color beats the environment', () => {
    expect(summary(['--color', 'always'], { NO_COLOR: '1' })).toContain(GREEN);
    expect(summary(['--color=always'], { FORCE_COLOR: '0' })).toContain(GREEN);
    expect(summary(['--color', 'never'], { FORCE_COLOR: '1' })).not.toContain(ESCAPE);
    // auto: a terminal decides, and a pipe is none.
    expect(summary(['--color', 'auto'], { FORCE_COLOR: '1' })).not.toContain(ESCAPE);
  });

  it('--color is taken before a command\'s name and after it', () => {
    const page = 'fixtures/editorji/syria-leader-kremlin-ap.txt';
    const before = runCli(['--color', 'always', 'explain', page]);
    const after = runCli(['explain', page, '--color', 'always']);
    expect(before.status).toBe(0);
    expect(before.stdout).toMatch(/\u001b\[32mbody/);
    expect(after.stdout).toBe(before.stdout);
    expect(runCli(['explain', page]).stdout).not.toContain(ESCAPE);
  });

  it('never reaches JSON, NDJSON or Markdown, even when forced', () => {
    const env = { NO_COLOR: undefined, FORCE_COLOR: '1' };
    for (const format of ['json', 'ndjson', 'md']) {
      const result = runCli([PAGES[0]!, '-f', format, '--color', 'always'], { env });
      expect(result.status).toBe(0);
      expect(result.stdout.length).toBeGreaterThan(100);
      expect(result.stdout).not.toContain('\u001b');
    }
    const out = join(tempDir(), 'out');
    expect(runCli([...PAGES, '-o', out, '-f', 'md', '--color', 'always', '--report', '-'], { env }).stdout).not.toContain('\u001b');
    const written = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
    expect(written).toHaveLength(2);
    for (const file of written) expect(readFileSync(join(out, file), 'utf8')).not.toContain('\u001b');
    expect(runCli(['explain', PAGES[0]!, '-f', 'json', '--color', 'always'], { env }).stdout).not.toContain('\u001b');
    expect(runCli(['sources', '-f', 'json', '--color', 'always'], { env }).stdout).not.toContain('\u001b');
    const check = runCli(['check', 'fixtures/editorji/ap-hyphen.txt', '--report', '-', '--color', 'always'], { env });
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ totals: expect.any(Object) });
    expect(check.stdout).not.toContain('\u001b');
  });

  it('--color never takes the colours off a terminal', () => {
    const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;
    const run = (args: string[]) => {
      const command = [process.execPath, BIN, ...args].map(quote).join(' ');
      const { NO_COLOR: _unset, FORCE_COLOR: _unforced, ...inherited } = process.env;
      return spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: inherited }).stdout;
    };
    const page = 'fixtures/editorji/syria-leader-kremlin-ap.txt';
    expect(run(['explain', page])).toMatch(/\u001b\[32mbody/);
    expect(run(['explain', page, '--color', 'never'])).not.toContain(ESCAPE);
  });

  it('refuses a value it does not know', () => {
    const result = runCli([PAGES[0]!, '--color', 'sometimes']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("declutter: option '--color <when>' argument 'sometimes' is invalid. Allowed choices are auto, always, never.");
  });
});
