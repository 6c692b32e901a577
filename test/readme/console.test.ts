import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = resolve('scripts/readme-console.js');

/** Runs the README checker (on the built bin) as `npm run readme:check` does. */
function readmeConsole(args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 240_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("README's console blocks", () => {
  it('print what a real run prints (on drift: npm run readme:update, then review git diff README.md)', () => {
    const result = readmeConsole([]);
    // The drifted blocks, each with a diff of the README against the real run.
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^readme: \d+ console blocks run, \d+ not run \(marked\), 0 drifted\n$/);
    expect(Number(/(\d+) console blocks run/.exec(result.stderr)![1])).toBeGreaterThanOrEqual(15);
    expect(result.status).toBe(0);
  }, 240_000);
});

describe('the README checker', () => {
  const markdown = [
    '# Sample',
    '',
    '```console',
    '$ declutter fixtures/editorji/pti-no-dash.txt -f text | head -1',
    'Parliamentary panel seeks faster payouts under crop insurance scheme',
    '```',
    '',
    'Durations vary, and are not drift:',
    '',
    '```console',
    '$ declutter fixtures/editorji/ -o out -q',
    '$ declutter fixtures/editorji/ -o out --incremental',
    'declutter: 19 inputs: 0 cleaned, 19 skipped, 0 failed in 12.5s',
    '```',
    '',
    '- In a list:',
    '  ```console',
    '  $ declutter missing.txt',
    '  declutter: missing.txt: not what it says',
    '  $ echo $?',
    '  1',
    '  ```',
    '',
    '<!-- not run: illustrative -->',
    '```console',
    '$ declutter --no-such-option',
    'anything at all',
    '```',
    '',
  ].join('\n');

  it('lists a drifted block with a diff, leaves matching and marked blocks alone, and --update rewrites it from the real run', () => {
    const readme = join(mkdtempSync(join(tmpdir(), 'declutter-readme-test-')), 'README.md');
    writeFileSync(readme, markdown);

    const check = readmeConsole(['--readme', readme]);
    expect(check.status).toBe(1);
    expect(check.stderr).toBe('readme: 3 console blocks run, 1 not run (marked), 1 drifted\n');
    expect(check.stdout).toContain('drifted: README line 17: $ declutter missing.txt\n');
    expect(check.stdout).toContain('\n-declutter: missing.txt: not what it says\n+declutter: missing.txt: no such file\n');
    // The check never writes.
    expect(readFileSync(readme, 'utf8')).toBe(markdown);

    const update = readmeConsole(['--readme', readme, '--update']);
    expect(update.status).toBe(0);
    expect(update.stderr).toBe('readme: 3 console blocks run, 1 not run (marked), 1 rewritten\n');
    // Only the drifted block changed, indented as it was; the matching block keeps its own duration.
    expect(readFileSync(readme, 'utf8')).toBe(markdown.replace('  declutter: missing.txt: not what it says', '  declutter: missing.txt: no such file'));

    const again = readmeConsole(['--readme', readme]);
    expect(again.stdout).toBe('');
    expect(again.status).toBe(0);
  }, 120_000);
});
