import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run.js';

const EXAMPLE = join('examples', 'harbour-herald');
const SAMPLE = join(EXAMPLE, 'pages', 'ferry-timetable.txt');
const DRAFT = readFileSync(join(EXAMPLE, 'ferry-timetable.draft.yaml'), 'utf8');

describe('declutter init-cleaner', () => {
  it('writes the draft on stdout', () => {
    const result = runCli(['init-cleaner', SAMPLE, '--id', 'harbour-herald']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(DRAFT);
  });

  it('names the cleaner after the file by default, and reads standard input with --id', () => {
    const byName = runCli(['init-cleaner', SAMPLE]);
    expect(byName.status).toBe(0);
    expect(byName.stdout).toBe(DRAFT.replaceAll('harbour-herald', 'ferry-timetable'));
    const piped = runCli(['init-cleaner', '--id', 'harbour-herald'], { input: readFileSync(SAMPLE) });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe(DRAFT.replace(' from ferry-timetable.txt.', '.'));
  });

  it('writes a new file with -o, which cleans the sample and can be pinned with check --update', () => {
    const dir = tempDir();
    const output = join(dir, 'cleaners', 'herald.yaml');
    const result = runCli(['init-cleaner', SAMPLE, '--id', 'harbour-herald', '-o', output]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(DRAFT);
    expect(readdirSync(join(dir, 'cleaners'))).toEqual(['herald.yaml']);

    const cleaned = runCli([SAMPLE, '--cleaners', output, '-f', 'text', '-q']);
    expect(cleaned.status).toBe(0);
    expect(cleaned.stdout.split('\n')[0]).toBe('Ferry timetable changes from Monday as winter service begins');

    const pages = join(dir, 'pages');
    mkdirSync(pages);
    writeFileSync(join(pages, 'ferry.txt'), readFileSync(SAMPLE));
    const update = runCli(['check', pages, '--cleaners', output, '--update']);
    expect(update.status).toBe(0);
    expect(JSON.parse(readFileSync(join(pages, 'ferry.expected.json'), 'utf8')).source).toBe('harbour-herald');
    expect(runCli(['check', pages, '--cleaners', output]).status).toBe(0);
  });

  it('reads an HTML page with the HTML reader, its h1 the headline and its stated site name', () => {
    const page = join('fixtures', 'generic', 'bridge-closure.html');
    const dir = tempDir();
    const output = join(dir, 'herald.yaml');
    const result = runCli(['init-cleaner', page, '-o', output]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const draft = readFileSync(output, 'utf8');
    expect(draft).toContain("id: bridge-closure\nsite: 'Riverside Herald'\n");
    expect(draft).toContain('# The sample page, line by line, as this draft labels it (headline: line 12):\n');
    const cleaned = JSON.parse(runCli([page, '--cleaners', output]).stdout);
    expect(cleaned.source).toBe('bridge-closure');
    expect(cleaned.title).toBe('Old river bridge to close to cars for eight months');
  });

  it('refuses to write over a file that exists, or onto the sample page', () => {
    const dir = tempDir();
    const output = join(dir, 'taken.yaml');
    writeFileSync(output, 'mine\n');
    const result = runCli(['init-cleaner', SAMPLE, '-o', output]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`declutter: ${output}: already exists (init-cleaner never replaces a file; remove it or name another)\n`);
    expect(readFileSync(output, 'utf8')).toBe('mine\n');
    expect(readdirSync(dir)).toEqual(['taken.yaml']);

    // A link, even one that leads nowhere, is something in the way too.
    const link = join(dir, 'link.yaml');
    symlinkSync(join(dir, 'nowhere.yaml'), link);
    expect(runCli(['init-cleaner', SAMPLE, '-o', link]).status).toBe(2);
    expect(existsSync(join(dir, 'nowhere.yaml'))).toBe(false);

    const page = join(dir, 'page.txt');
    writeFileSync(page, readFileSync(SAMPLE));
    const onto = runCli(['init-cleaner', page, '-o', page]);
    expect(onto.status).toBe(2);
    expect(onto.stderr).toBe(`declutter: ${page}: is the sample page itself; name another file for the draft\n`);
    expect(readFileSync(page, 'utf8')).toBe(readFileSync(SAMPLE, 'utf8'));
  });

  it('says in one line why a sample page cannot be read (exit 1)', () => {
    const dir = tempDir();
    const missing = runCli(['init-cleaner', join(dir, 'nope.txt')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`declutter: ${join(dir, 'nope.txt')}: no such file\n`);
    const folder = runCli(['init-cleaner', dir, '--id', 'folder']);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toBe(`declutter: ${dir}: is a directory, not a file\n`);
    const blank = join(dir, 'blank.txt');
    writeFileSync(blank, '\n\n');
    const empty = runCli(['init-cleaner', blank]);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toBe(`declutter: ${blank}: the sample page has no text to draft a cleaner from\n`);
    expect(empty.stdout).toBe('');
  });

  it('refuses an id that is no id, or a built-in cleaner\'s (exit 2)', () => {
    const bad = runCli(['init-cleaner', SAMPLE, '--id', 'Bad_Id']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      "declutter: option '--id <id>' argument 'Bad_Id' is invalid: an id is lower-case letters, digits and hyphens, starting with a letter.\n(run declutter init-cleaner --help for usage)\n",
    );
    const builtin = runCli(['init-cleaner', SAMPLE, '--id', 'editorji']);
    expect(builtin.status).toBe(2);
    expect(builtin.stderr).toBe('declutter: --id editorji: "editorji" is a built-in cleaner\'s id; give another with --id\n');
    const piped = runCli(['init-cleaner', '-'], { input: 'A page\n' });
    expect(piped.status).toBe(2);
    expect(piped.stderr).toBe('declutter: standard input: no id can be made from the file name; give one with --id\n');
  });

  it('documents itself with examples, and is listed in the main help', () => {
    const help = runCli(['init-cleaner', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: declutter init-cleaner [options] [sample]');
    expect(help.stdout).toContain('$ declutter init-cleaner sample.html');
    expect(help.stdout).toContain('Exit status: 0 written, 1 the page could not be read or the file not\nwritten, 2 usage error');
    expect(runCli(['--help']).stdout).toMatch(/^ {2}init-cleaner \[options\] \[sample\] +write a draft cleaner file for a new site\n +from a sample page$/m);
  });

  it('cleans the worked example\'s pages exactly with its refined cleaner', () => {
    const result = runCli(['check', join(EXAMPLE, 'pages'), '--cleaners', join(EXAMPLE, 'cleaners')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'ok       examples/harbour-herald/pages/ferry-timetable.txt (json)',
        'ok       examples/harbour-herald/pages/lifeboat-rescue.txt (json)',
        '2 pages checked: 2 passed, 0 failed, 0 missing expectations',
        '',
      ].join('\n'),
    );
  });
});
