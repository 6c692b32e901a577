import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run.js';

const PAGE = 'fixtures/editorji/ap-hyphen.txt';
const HINT = '(run declutter --help for usage)\n';

describe('a mistyped command', () => {
  it('is refused before anything is cleaned, with the command it is close to', () => {
    const out = join(tempDir(), 'out');
    const result = runCli(['chek', 'fixtures/editorji', '-o', out]);
    expect(result).toEqual({ status: 2, stdout: '', stderr: `declutter: unknown command 'chek' (did you mean check?)\n${HINT}` });
    expect(existsSync(out)).toBe(false);
  });

  it('is refused after the program\'s own options too, and for each command', () => {
    expect(runCli(['-f', 'md', 'explian', PAGE])).toMatchObject({ status: 2, stdout: '', stderr: `declutter: unknown command 'explian' (did you mean explain?)\n${HINT}` });
    expect(runCli(['source'])).toMatchObject({ status: 2, stderr: `declutter: unknown command 'source' (did you mean sources?)\n${HINT}` });
    expect(runCli(['hepl'])).toMatchObject({ status: 2, stderr: `declutter: unknown command 'hepl' (did you mean help?)\n${HINT}` });
    expect(runCli(['completon', 'bash'])).toMatchObject({ status: 2, stderr: `declutter: unknown command 'completon' (did you mean completion?)\n${HINT}` });
  });

  it('is still a page when a file or directory of that name exists', () => {
    const dir = tempDir();
    copyFileSync(PAGE, join(dir, 'chek'));
    mkdirSync(join(dir, 'sorces'));
    copyFileSync(PAGE, join(dir, 'sorces', 'page.txt'));
    const file = runCli(['chek'], { cwd: dir });
    expect(file.status).toBe(0);
    expect(file.stderr).toBe('');
    expect(JSON.parse(file.stdout)).toMatchObject({ source: 'editorji', input: { path: 'chek' } });
    const out = join(dir, 'out');
    const both = runCli(['sorces', 'chek', '-o', out], { cwd: dir });
    expect(both.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.declutter-manifest.ndjson', 'chek.json', 'sorces']);
  });

  it('is not guessed at for a name far from every command, or a path', () => {
    expect(runCli(['chekk.txt'])).toMatchObject({ status: 1, stderr: 'declutter: chekk.txt: no such file\n' });
    expect(runCli(['./chek'])).toMatchObject({ status: 1, stderr: 'declutter: ./chek: no such file\n' });
    expect(runCli(['frobnicate'])).toMatchObject({ status: 1, stderr: 'declutter: frobnicate: no such file\n' });
  });
});

describe('declutter help', () => {
  it('prints the help that --help prints', () => {
    const help = runCli(['help']);
    expect(help).toMatchObject({ status: 0, stderr: '' });
    expect(help.stdout).toBe(runCli(['--help']).stdout);
    expect(help.stdout).toMatch(/^Usage: declutter \[options\] \[command\] \[inputs\.\.\.\]\n/);
  });

  it('prints a command\'s help with its name', () => {
    for (const command of ['check', 'explain', 'sources', 'completion', 'help']) {
      const help = runCli(['help', command]);
      expect(help).toMatchObject({ status: 0, stderr: '' });
      expect(help.stdout).toBe(runCli([command, '--help']).stdout);
      expect(help.stdout).toContain(`Usage: declutter ${command} [options]`);
    }
  });

  it('refuses a command that does not exist, with the one it is close to', () => {
    expect(runCli(['help', 'nosuch'])).toEqual({ status: 2, stdout: '', stderr: `declutter: unknown command 'nosuch'\n${HINT}` });
    expect(runCli(['help', 'chek'])).toEqual({ status: 2, stdout: '', stderr: `declutter: unknown command 'chek' (did you mean check?)\n${HINT}` });
  });
});
