import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../cli/run.js';

const EDITORJI = join('test', 'robustness', 'corpus', 'editorji-utf8.txt');
const DEVDISCOURSE = join('test', 'robustness', 'corpus', 'devdiscourse-utf8.txt');

// Permission bits deny nothing to root, so a root test run starts the CLI as
// the unprivileged user nobody; then the real EACCES cases are exercised.
const unprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function runAsUser(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    ...unprivileged,
    input: '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (result.error) throw result.error;
  return result;
}

/** A folder that user may enter and write in, holding two good pages. */
function openFolder() {
  const dir = tempDir();
  chmodSync(dir, 0o777);
  const a = join(dir, 'a.txt');
  const b = join(dir, 'b.txt');
  copyFileSync(EDITORJI, a);
  copyFileSync(DEVDISCOURSE, b);
  return { dir, a, b };
}

describe('permission denied', () => {
  it('an unreadable input is one line naming it; the other pages are cleaned', () => {
    const { dir, a, b } = openFolder();
    const unreadable = join(dir, 'unreadable.txt');
    copyFileSync(EDITORJI, unreadable);
    chmodSync(unreadable, 0o000);
    const out = join(dir, 'out');

    const result = runAsUser(['-q', '-o', out, a, unreadable, b]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`declutter: ${unreadable}: permission denied\n`);
    expect(readdirSync(out).sort()).toEqual(['.declutter-manifest.ndjson', 'a.json', 'b.json']);
    expect(JSON.parse(readFileSync(join(out, 'b.json'), 'utf8')).source).toBe('devdiscourse');
  });

  it('a read-only out dir is named once, before any work, and nothing is left in it', () => {
    const { dir, a, b } = openFolder();
    const out = join(dir, 'read-only');
    mkdirSync(out);
    chmodSync(out, 0o555);

    const result = runAsUser(['-q', '-o', out, a, b]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`declutter: ${out}: cannot write into this folder (its lock file .declutter-lock): permission denied\n`);
    expect(readdirSync(out)).toEqual([]);
  });

  it('an out dir that may not be created is named once, with no stack trace', () => {
    const { dir, a } = openFolder();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const out = join(locked, 'out');

    const result = runAsUser(['-o', out, a]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`declutter: ${out}: permission denied\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('an unreadable subfolder is a problem naming it, for clean and check alike (exit 1, no stack trace)', () => {
    const { dir } = openFolder();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    copyFileSync(EDITORJI, join(locked, 'hidden-from-us.txt'));
    chmodSync(locked, 0o000);
    const out = join(dir, 'out');
    mkdirSync(out);
    chmodSync(out, 0o777);
    const clean = runAsUser(['-q', dir, '-o', out]);
    expect(clean.status).toBe(1);
    expect(clean.stderr).toBe(`declutter: ${locked}: cannot read this folder: permission denied\n`);
    expect(readdirSync(out).sort()).toEqual(['.declutter-manifest.ndjson', 'a.json', 'b.json']);
    const check = runAsUser(['check', dir]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`declutter: ${locked}: cannot read this folder: permission denied\n`);
    expect(check.stderr).not.toMatch(/\n\s+at /);
  });

  it('check --update in a read-only folder names the expectation it cannot write, not the page', () => {
    const { dir, a } = openFolder();
    chmodSync(dir, 0o555);
    const result = runAsUser(['check', a, '--update']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`FAIL     ${join(dir, 'a.expected.json')}: permission denied\n`);
  });
});
