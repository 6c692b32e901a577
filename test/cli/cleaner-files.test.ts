import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run.js';

// examples/cleaners holds README's example and two more user cleaners; examples/pages their pages with complete expectations.
describe('--cleaners', () => {
  it('cleans each example page exactly as expected, with the cleaner its folder names', () => {
    const result = runCli(['check', 'examples/pages', '--cleaners', 'examples/cleaners']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'ok       examples/pages/gazette/flood-volunteers.txt (json)',
        'ok       examples/pages/pressnote/ports-policy.txt (json)',
        'ok       examples/pages/wirebrief/nairobi-rail.txt (json)',
        '3 pages checked: 3 passed, 0 failed, 0 missing expectations',
        '',
      ].join('\n'),
    );
  });

  it('lets clean, explain and --source use a user cleaner, in worker threads too', () => {
    const pages = ['examples/pages/gazette/flood-volunteers.txt', 'examples/pages/wirebrief/nairobi-rail.txt'];
    const batch = runCli([...pages, '-f', 'ndjson', '-j', '2', '-q', '--cleaners', 'examples/cleaners/gazette.json', '--cleaners', 'examples/cleaners/wirebrief.yml']);
    expect(batch.status).toBe(0);
    expect(batch.stdout.trim().split('\n').map((line) => JSON.parse(line).source)).toEqual(['gazette', 'wirebrief']);
    const explained = runCli(['explain', pages[0]!, '--cleaners', 'examples/cleaners']);
    expect(explained.stdout).toContain('\n  gazette       0.96        byline | date line; Gazette footer\n');
    expect(explained.stdout).toContain('\n  source     gazette (confidence 0.96)\n');
    expect(explained.stdout).toMatch(/^11 +dropped +share +Share this story$/m);
    const forced = runCli(['-s', 'wirebrief', pages[0]!, '--cleaners', 'examples/cleaners']);
    expect(JSON.parse(forced.stdout).warnings).toEqual(['layout not as expected: no slug line', 'no date found']);
  });

  it('leaves the built-ins their own pages when user cleaners compete by confidence', () => {
    const result = runCli(['check', 'fixtures', '--cleaners', 'examples/cleaners']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\n37 pages checked: 37 passed, 0 failed, 0 missing expectations\n$/);
  });

  it("lints with a user cleaner's required parts and clutter markers", () => {
    const dir = tempDir();
    const page = readFileSync('examples/pages/gazette/flood-volunteers.txt', 'utf8');
    expect(page).toContain('\nBy Hannah Okafor | 14 March 2025\n');
    // The byline/date line gone: its required part is missing. A body paragraph that is the share row: a marker.
    writeFileSync(join(dir, 'changed.txt'), page.replace('\nBy Hannah Okafor | 14 March 2025\n', '\n'));
    const result = runCli(['check', dir, '--lint', '--cleaners', 'examples/cleaners/gazette.json']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('\n    lint layout: layout not as expected for gazette: no byline/date line\n');
  });

  it('lists user cleaners with their file', () => {
    const result = runCli(['sources', '--cleaners', 'examples/cleaners/pressnote.yaml']);
    expect(result.status).toBe(0);
    // A user cleaner comes after the built-in site cleaners and before the generic fallback.
    expect(result.stdout).toContain(
      [
        '',
        'pressnote     1.0.0  Asia/Kolkata  Press Note (pressnote.example)',
        '              recognizes: pages of Press Note (pressnote.example)',
        '              fingerprints: footer',
        '              file: examples/cleaners/pressnote.yaml',
        '',
        'generic       1.0.0  UTC  any site',
      ].join('\n'),
    );
    const listing = JSON.parse(runCli(['sources', '-f', 'json', '--cleaners', 'examples/cleaners']).stdout);
    expect(listing.map(({ id, file }: { id: string; file?: string }) => `${id} ${file ?? '-'}`)).toEqual([
      'devdiscourse -',
      'editorji -',
      'gazette examples/cleaners/gazette.json',
      'pressnote examples/cleaners/pressnote.yaml',
      'wirebrief examples/cleaners/wirebrief.yml',
      'generic -',
    ]);
  });

  it('refuses a broken cleaner file before reading any page (exit 2), on every command', () => {
    const dir = tempDir('declutter-cleaner-file-');
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'id: broken\nsite: Broken\nversion: 1.0.0\nfingerprints: []\nstart: top\nzones:\n  top:\n    - { name: p, match: "(", label: body }\n');
    const message = `declutter: ${file}: zones.top[0].match: invalid regular expression: Unterminated group\n`;
    for (const args of [['missing-page.txt'], ['check', 'missing-page.txt'], ['explain', 'missing-page.txt'], ['sources']]) {
      const result = runCli([...args, '--cleaners', file]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toBe(message);
    }
  });
});
