import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from './run.js';

const ESCAPE = '\u001b[';
const COLOUR = /\u001b\[3\dm/;
const PROGRESS = /\r\u001b\[Kdeclutter: \d\/5 \(\d+%\), \d+ files\/s/;

/** A batch of its own: two Devdiscourse pages and three Editorji ones, whatever fixtures/ holds. */
function pages(): string {
  const dir = join(tempDir(), 'pages');
  mkdirSync(dir);
  for (const page of [
    'fixtures/devdiscourse/clutter-like-body.txt',
    'fixtures/devdiscourse/crlf-bom.txt',
    'fixtures/editorji/ap-em-dash.txt',
    'fixtures/editorji/ap-hyphen.txt',
    'fixtures/editorji/clutter-like-body.txt',
  ]) {
    copyFileSync(page, join(dir, `${basename(page, '.txt')}-${page.split('/')[1]}.txt`));
  }
  return dir;
}

/**
 * Runs `declutter …` on a pseudo-terminal (util-linux `script`), as a user at
 * a terminal does; stdout and stderr arrive together, as on the screen.
 */
function onTerminal(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; screen: string } {
  const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const { NO_COLOR: _unset, ...inherited } = process.env;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...inherited, ...env } });
  if (result.error) throw result.error;
  return { status: result.status, screen: result.stdout };
}

describe('on a terminal', () => {
  it('a batch shows a progress line and a coloured summary', () => {
    const { status, screen } = onTerminal([pages(), '-o', join(tempDir(), 'out')]);
    expect(status).toBe(0);
    expect(screen).toMatch(PROGRESS);
    expect(screen).toMatch(/declutter: 5 inputs: \u001b\[32m5 cleaned\u001b\[39m \(devdiscourse 2, editorji 3\)/);
  });

  it('NO_COLOR removes the colours but keeps the progress line', () => {
    const { screen } = onTerminal([pages(), '-o', join(tempDir(), 'out')], { NO_COLOR: '1' });
    expect(screen).toMatch(PROGRESS);
    expect(screen).not.toMatch(COLOUR);
    expect(screen).toContain('declutter: 5 inputs: 5 cleaned (devdiscourse 2, editorji 3)');
  });

  it('--quiet shows neither progress nor summary', () => {
    const { status, screen } = onTerminal([pages(), '-o', join(tempDir(), 'out'), '--quiet']);
    expect(status).toBe(0);
    expect(screen).not.toContain(ESCAPE);
    expect(screen.trim()).toBe('');
  });

  it('explain colours the labels, unless NO_COLOR is set', () => {
    const page = 'fixtures/editorji/syria-leader-kremlin-ap.txt';
    const coloured = onTerminal(['explain', page]).screen;
    expect(coloured).toMatch(/\u001b\[32mbody/);
    const plain = onTerminal(['explain', page], { NO_COLOR: '1' }).screen;
    expect(plain).not.toContain(ESCAPE);
    expect(plain).toMatch(/ 7 {2}body +wire-dateline/);
  });
});
