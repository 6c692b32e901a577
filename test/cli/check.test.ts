import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { devdiscoursePage, editorjiPage, words } from '../unit/check/crafted-pages.js';
import { runCli, tempDir } from './run.js';

const EDITORJI = 'fixtures/editorji/syria-leader-kremlin-ap';
const DEVDISCOURSE = 'fixtures/devdiscourse/russia-syria-ties';

/** A directory holding copies of two fixture pages with their expectations. */
function fixtureCopies(): string {
  const dir = tempDir('declutter-check-');
  for (const stem of [EDITORJI, DEVDISCOURSE]) {
    for (const suffix of ['.txt', '.expected.json', '.expected.md']) {
      copyFileSync(stem + suffix, join(dir, stem.split('/').pop()! + suffix));
    }
  }
  return dir;
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => name === 'testcase' });

function readJunit(path: string) {
  const text = readFileSync(path, 'utf8');
  expect(XMLValidator.validate(text)).toBe(true);
  return xml.parse(text).testsuites.testsuite;
}

describe('declutter check', () => {
  it("passes the project's own fixtures", () => {
    const result = runCli(['check', 'fixtures']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ok {7}fixtures\/editorji\/syria-leader-kremlin-ap\.txt \(json, md\)$/m);
    expect(result.stdout).toMatch(/^\d+ pages checked: (\d+) passed, 0 failed, 0 missing expectations\n$/m);
  });

  it('checks the current directory when given no path', () => {
    const dir = fixtureCopies();
    const result = runCli(['check'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('ok       russia-syria-ties.txt (json, md)');
    expect(result.stdout).toContain('2 pages checked: 2 passed, 0 failed, 0 missing expectations');
  });

  it('fails a changed output with a unified diff, naming page and expectation, exit 1', () => {
    const dir = fixtureCopies();
    const md = join(dir, 'russia-syria-ties.expected.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('as confirmed by the Kremlin.', 'as confirmed by Moscow.'));
    const result = runCli(['check', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`declutter: ${join(dir, 'russia-syria-ties.txt')}: differs from russia-syria-ties.expected.md\n`);
    expect(result.stdout).toContain(`FAIL     ${join(dir, 'russia-syria-ties.txt')} (md)`);
    expect(result.stdout).toContain(`    --- ${md}\n    +++ ${join(dir, 'russia-syria-ties.txt')} (cleaned now)\n    @@ `);
    expect(result.stdout).toMatch(/^ {4}-In a significant .* as confirmed by Moscow\./m);
    expect(result.stdout).toMatch(/^ {4}\+In a significant .* as confirmed by the Kremlin\./m);
    expect(result.stdout).toContain('2 pages checked: 1 passed, 1 failed, 0 missing expectations');
  });

  it('compares JSON whole except input.path', () => {
    const dir = fixtureCopies();
    const path = join(dir, 'syria-leader-kremlin-ap.expected.json');
    const expected = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...expected, input: { ...expected.input, path: 'somewhere/else.txt' } }, null, 2));
    expect(runCli(['check', dir]).status).toBe(0);
    writeFileSync(path, JSON.stringify({ ...expected, extraction: { ...expected.extraction, version: '0.0.1' } }, null, 2));
    const result = runCli(['check', dir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('    -    "version": "0.0.1",\n    +    "version": ');
  });

  it('cuts long diffs, saying how many lines were left out', () => {
    const dir = fixtureCopies();
    writeFileSync(join(dir, 'russia-syria-ties.expected.md'), 'something else entirely\n');
    const result = runCli(['check', dir, '--max-diff-lines', '5']);
    expect(result.status).toBe(1);
    const diff = result.stdout.split('\n').filter((line) => line.startsWith('    ') && !line.startsWith('    …'));
    expect(diff).toHaveLength(5);
    expect(result.stdout).toMatch(/^ {4}… \d+ more diff lines not shown \(--max-diff-lines 5\)$/m);
  });

  it('with --quiet lists only what failed or is missing, then the summary', () => {
    const dir = fixtureCopies();
    writeFileSync(join(dir, 'russia-syria-ties.expected.json'), '{}\n');
    writeFileSync(join(dir, 'new.txt'), editorjiPage());
    const result = runCli(['check', dir, '-q', '--max-diff-lines', '0']);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('ok ');
    expect(result.stdout).toContain(`FAIL     ${join(dir, 'russia-syria-ties.txt')} (json)`);
    expect(result.stdout).toContain(`missing  ${join(dir, 'new.txt')}`);
    // --max-diff-lines 0 shows the whole diff: every line of the article's JSON is added.
    expect(result.stdout).not.toContain('more diff lines not shown');
    expect(result.stdout).toContain('    +  "warnings": []');
  });

  it('writes no colour codes when stdout is not a terminal', () => {
    const dir = fixtureCopies();
    writeFileSync(join(dir, 'russia-syria-ties.expected.md'), 'x\n');
    const result = runCli(['check', dir], { env: { NO_COLOR: '' } });
    expect(result.stdout).toContain('    -x');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('lists pages without expectations as missing without failing', () => {
    const dir = fixtureCopies();
    writeFileSync(join(dir, 'new.txt'), editorjiPage());
    const result = runCli(['check', dir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`missing  ${join(dir, 'new.txt')} (no expectations; --update writes them, --lint checks quality)`);
    expect(result.stdout).toContain('3 pages checked: 2 passed, 0 failed, 1 missing expectations');
  });

  it('fails pages that do not clean, with their message, and goes on', () => {
    const dir = fixtureCopies();
    writeFileSync(join(dir, 'empty.txt'), '\n \n');
    writeFileSync(join(dir, 'odd.txt'), 'a line\0 with a NUL byte\n');
    const result = runCli(['check', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `declutter: ${join(dir, 'empty.txt')}: empty file\n` +
        `declutter: ${join(dir, 'odd.txt')}: binary file\n`,
    );
    expect(result.stdout).toContain('4 pages checked: 2 passed, 2 failed, 0 missing expectations');
  });

  it('fails paths that are missing or expectation files, and stray expectations', () => {
    const dir = fixtureCopies();
    writeFileSync(join(dir, 'gone.expected.json'), '{}\n');
    const result = runCli(['check', dir, join(dir, 'nope.txt'), join(dir, 'russia-syria-ties.expected.md')]);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean).sort()).toEqual(
      [
        `declutter: ${join(dir, 'gone.expected.json')}: expectation file without a page beside it`,
        `declutter: ${join(dir, 'nope.txt')}: no such file`,
        `declutter: ${join(dir, 'russia-syria-ties.expected.md')}: is an expectation file; name its page instead`,
      ].sort(),
    );
    expect(result.stdout).toContain('2 pages checked: 2 passed, 3 failed');
  });

  it('fails a directory without pages', () => {
    const dir = tempDir('declutter-check-');
    const result = runCli(['check', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`declutter: ${dir}: no pages (*.txt, *.html, *.htm) in this directory\n`);
  });
});

describe('declutter check --update', () => {
  it('refreshes what differs, creates JSON for new pages, says which; a second run passes', () => {
    const dir = fixtureCopies();
    const md = join(dir, 'russia-syria-ties.expected.md');
    const original = readFileSync(md, 'utf8');
    writeFileSync(md, 'stale\n');
    writeFileSync(join(dir, 'new.txt'), editorjiPage());
    const untouched = readFileSync(join(dir, 'syria-leader-kremlin-ap.expected.json'), 'utf8');

    const update = runCli(['check', dir, '--update']);
    expect(update.stderr).toBe('');
    expect(update.status).toBe(0);
    expect(update.stdout).toContain(`created  ${join(dir, 'new.expected.json')}\n`);
    expect(update.stdout).toContain(`updated  ${md}\n`);
    expect(update.stdout).toContain('3 pages checked: 3 passed, 0 failed, 0 missing expectations, 2 expectation files written');
    expect(readFileSync(md, 'utf8')).toBe(original);
    expect(readFileSync(join(dir, 'syria-leader-kremlin-ap.expected.json'), 'utf8')).toBe(untouched);
    expect(JSON.parse(readFileSync(join(dir, 'new.expected.json'), 'utf8')).input.path).toBe('new.txt');
    expect(readdirSync(dir).filter((name) => name.includes('declutter-tmp'))).toEqual([]);

    const again = runCli(['check', dir]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('3 pages checked: 3 passed, 0 failed, 0 missing expectations');
  });

  it('pins a page of no known site with the generic cleaner', () => {
    const dir = tempDir('declutter-check-');
    writeFileSync(join(dir, 'notes.txt'), 'Field notes\n\nWe walked the river path at dawn and counted the herons that nest in the old willows, as every spring.\n');
    expect(runCli(['check', dir, '--update']).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'notes.expected.json'), 'utf8'))).toMatchObject({ source: 'generic', title: 'Field notes' });
    expect(runCli(['check', dir]).stdout).toContain('1 page checked: 1 passed, 0 failed, 0 missing expectations');
  });

  it('writes nothing for a page that does not clean, and fails', () => {
    const dir = tempDir('declutter-check-');
    writeFileSync(join(dir, 'odd.txt'), 'a line\0 with a NUL byte\n');
    const result = runCli(['check', dir, '--update']);
    expect(result.status).toBe(1);
    expect(existsSync(join(dir, 'odd.expected.json'))).toBe(false);
  });
});

describe('declutter check --lint', () => {
  /** One crafted page per rule, and one that passes. */
  function lintPages(): string {
    const dir = tempDir('declutter-lint-');
    const pages: Record<string, string> = {
      'good.txt': editorjiPage(),
      'no-body.txt': editorjiPage({ paragraphs: [] }),
      'no-date.txt': editorjiPage({ updated: null }),
      'short.txt': editorjiPage({ paragraphs: [words(12)] }),
      'clutter.txt': devdiscoursePage({ paragraphs: [words(60), 'Left Menu'] }),
      // Without its headline, the byline line is taken for the title: lint catches it.
      'no-headline.txt': 'Left Menu\n\nDevdiscourse News Desk | Delhi | Updated: 29-01-2025 14:54 IST\n',
    };
    for (const [name, text] of Object.entries(pages)) writeFileSync(join(dir, name), text);
    return dir;
  }

  // no-title needs a forced cleaner to happen at all; test/unit/lint.test.ts covers it.
  it('fails each rule on its page, naming page and rule; passes the good page', () => {
    const dir = lintPages();
    const result = runCli(['check', dir, '--lint']);
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines).toEqual([
      `declutter: ${join(dir, 'clutter.txt')}: lint clutter: body paragraph 2 matches devdiscourse marker /^Left Menu$/: "Left Menu"`,
      `declutter: ${join(dir, 'no-body.txt')}: lint no-body: the article has no body paragraphs`,
      `declutter: ${join(dir, 'no-date.txt')}: lint no-date: no published or updated date`,
      `declutter: ${join(dir, 'no-date.txt')}: lint layout: layout not as expected for editorji: no date line`,
      `declutter: ${join(dir, 'no-headline.txt')}: lint no-body: the article has no body paragraphs`,
      `declutter: ${join(dir, 'no-headline.txt')}: lint no-date: no published or updated date`,
      `declutter: ${join(dir, 'no-headline.txt')}: lint clutter: title matches devdiscourse marker /\\| Updated: \\d{2}-\\d{2}-\\d{4}/: "Devdiscourse News Desk | Delhi | Updated: 29-01-2025 14:54 …"`,
      `declutter: ${join(dir, 'no-headline.txt')}: lint layout: layout not as expected for devdiscourse: no byline/date line`,
      `declutter: ${join(dir, 'short.txt')}: lint short-body: 12 words, fewer than 50 (--min-words)`,
    ]);
    expect(result.stdout).toContain(`ok       ${join(dir, 'good.txt')} (lint)`);
    expect(result.stdout).toContain('6 pages checked: 1 passed, 5 failed, 0 missing expectations, 6 linted');
  });

  it('takes the word threshold from --min-words', () => {
    const dir = lintPages();
    const result = runCli(['check', join(dir, 'good.txt'), '--lint', '--min-words', '500']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`declutter: ${join(dir, 'good.txt')}: lint short-body: 80 words, fewer than 500 (--min-words)\n`);
  });

  it('leaves pages with expectations to their expectations', () => {
    const result = runCli(['check', 'fixtures', '--lint']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/0 missing expectations, 0 linted\n$/);
  });
});

describe('declutter check --junit and --report', () => {
  it('writes a JUnit report with one case per page and format, failures carrying the diff', () => {
    const dir = fixtureCopies();
    writeFileSync(join(dir, 'russia-syria-ties.expected.md'), 'stale <&> "text"\n');
    writeFileSync(join(dir, 'new.txt'), editorjiPage());
    writeFileSync(join(dir, 'odd.txt'), 'a line\0 with a NUL byte\n');
    const report = join(dir, 'out', 'junit.xml');
    const result = runCli(['check', dir, '--junit', report]);
    expect(result.status).toBe(1);

    const suite = readJunit(report);
    expect(suite).toMatchObject({ name: 'declutter check', tests: '6', failures: '2', errors: '0', skipped: '1' });
    const cases = suite.testcase.map((testCase: { classname: string; name: string }) => `${testCase.classname} ${testCase.name}`);
    expect(cases).toEqual([
      `${join(dir, 'new.txt')} expectations`,
      `${join(dir, 'odd.txt')} clean`,
      `${join(dir, 'russia-syria-ties.txt')} json`,
      `${join(dir, 'russia-syria-ties.txt')} md`,
      `${join(dir, 'syria-leader-kremlin-ap.txt')} json`,
      `${join(dir, 'syria-leader-kremlin-ap.txt')} md`,
    ]);
    const md = suite.testcase.find((testCase: { name: string; classname: string }) => testCase.name === 'md' && testCase.classname.endsWith('russia-syria-ties.txt'));
    expect(md.failure.message).toBe('differs from russia-syria-ties.expected.md');
    expect(md.failure['#text']).toContain('-stale <&> "text"');
    const odd = suite.testcase.find((testCase: { name: string }) => testCase.name === 'clean');
    expect(odd.failure.message).toBe('binary file');
  });

  it('writes a JSON report like batch mode: per page path, source, status, formats and error; totals', () => {
    const dir = fixtureCopies();
    writeFileSync(join(dir, 'russia-syria-ties.expected.md'), 'stale\n');
    writeFileSync(join(dir, 'odd.txt'), 'a line\0 with a NUL byte\n');
    const path = join(dir, 'report.json');
    expect(runCli(['check', dir, '--report', path]).status).toBe(1);
    const report = JSON.parse(readFileSync(path, 'utf8'));
    expect(report.declutter).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(report.command).toBe('check');
    expect(report.totals).toEqual({ checked: 3, passed: 1, failed: 2, missing: 0, linted: 0, written: 0 });
    expect(report.files).toEqual([
      { path: join(dir, 'odd.txt'), source: null, status: 'failed', formats: [], error: 'binary file' },
      {
        path: join(dir, 'russia-syria-ties.txt'),
        source: 'devdiscourse',
        status: 'failed',
        formats: [
          { format: 'json', expected: join(dir, 'russia-syria-ties.expected.json'), status: 'pass' },
          { format: 'md', expected: join(dir, 'russia-syria-ties.expected.md'), status: 'fail' },
        ],
        error: null,
      },
      {
        path: join(dir, 'syria-leader-kremlin-ap.txt'),
        source: 'editorji',
        status: 'passed',
        formats: [
          { format: 'json', expected: join(dir, 'syria-leader-kremlin-ap.expected.json'), status: 'pass' },
          { format: 'md', expected: join(dir, 'syria-leader-kremlin-ap.expected.md'), status: 'pass' },
        ],
        error: null,
      },
    ]);
  });

  it('says so and fails when a report cannot be written', () => {
    const dir = fixtureCopies();
    mkdirSync(join(dir, 'taken.xml'));
    const result = runCli(['check', dir, '--junit', join(dir, 'taken.xml')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^declutter: ${join(dir, 'taken.xml')}: cannot write report: `));
  });
});

describe('declutter check usage', () => {
  it.each([
    [['check', '--min-words', 'many'], "declutter: option '--min-words <n>' argument 'many' is invalid. not a positive whole number."],
    [['check', '--max-diff-lines', '-3'], "declutter: option '--max-diff-lines <n>' argument '-3' is invalid. not a positive whole number."],
    [['check', '--junit'], "declutter: option '--junit <file>' argument missing"],
    [['check', '--colour'], "declutter: unknown option '--colour'"],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
    expect(result.stderr).toContain('(run declutter check --help for usage)');
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('documents its flags with examples', () => {
    const result = runCli(['check', '--help']);
    expect(result.status).toBe(0);
    for (const flag of ['--update', '--lint', '--min-words', '--junit', '--report', '--max-diff-lines']) expect(result.stdout).toContain(flag);
    expect(result.stdout).toContain('$ declutter check fixtures/ --junit report.xml');
  });
});

describe('start-up of the default command', () => {
  it('does not load the diff or check code', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(join('dist/cli', file), 'utf8');
      for (const [, imported] of code.matchAll(/^import[^'"]*["']\.\/([^'"]+)["']/gm)) visit(imported!);
    };
    visit('main.js');
    const loaded = [...seen].map((file) => readFileSync(join('dist/cli', file), 'utf8')).join('\n');
    expect(seen.size).toBeGreaterThan(1);
    expect(loaded).not.toContain('structuredPatch');
    expect(loaded).not.toContain('renderJunit');
  });
});
