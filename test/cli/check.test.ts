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
    // A result is said once, in the listing: stderr is for errors that are not results.
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').filter((line) => line.includes('russia-syria-ties.txt') && !line.startsWith('    '))).toEqual([
      `FAIL     ${join(dir, 'russia-syria-ties.txt')} (md)`,
    ]);
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

  it('cuts long diffs to --max-diff-lines changed lines, saying how many changed lines were left out', () => {
    const dir = fixtureCopies();
    const md = join(dir, 'russia-syria-ties.expected.md');
    const page = readFileSync(md, 'utf8');
    writeFileSync(md, 'something else entirely\n');
    const result = runCli(['check', dir, '--max-diff-lines', '5']);
    expect(result.status).toBe(1);
    const diff = result.stdout.split('\n').filter((line) => line.startsWith('    ') && !line.startsWith('    …'));
    expect(diff.slice(0, 3)).toEqual([`    --- ${md}`, `    +++ ${join(dir, 'russia-syria-ties.txt')} (cleaned now)`, '    @@ -1,1 +1,4 @@']);
    expect(diff.slice(3)).toEqual(['    -something else entirely', ...page.split('\n').slice(0, 4).map((line) => `    +${line}`)]);
    const added = page.split('\n').length - 1;
    expect(result.stdout).toContain(`\n    … ${added + 1 - 5} more changed lines not shown (--max-diff-lines 5)\n`);
  });

  it('shows the first change whatever the limit: headers and context do not count', () => {
    const dir = fixtureCopies();
    const md = join(dir, 'russia-syria-ties.expected.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('as confirmed by the Kremlin.', 'as confirmed by Moscow.'));
    for (const limit of ['1', '6']) {
      const result = runCli(['check', dir, '--max-diff-lines', limit]);
      expect(result.stdout).toMatch(/^ {4}-In a significant .* as confirmed by Moscow\./m);
      if (limit === '1') {
        expect(result.stdout).not.toMatch(/^ {4}\+In a significant/m);
        expect(result.stdout).toContain('\n    … 1 more changed line not shown (--max-diff-lines 1)\n');
      } else {
        expect(result.stdout).toMatch(/^ {4}\+In a significant .* as confirmed by the Kremlin\./m);
        expect(result.stdout).not.toContain('not shown');
      }
    }
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
    expect(result.stdout).not.toContain('not shown');
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
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`FAIL     ${join(dir, 'empty.txt')}: empty file\n`);
    expect(result.stdout).toContain(`FAIL     ${join(dir, 'odd.txt')}: binary file\n`);
    expect(result.stdout).toContain('4 pages checked: 2 passed, 2 failed, 0 missing expectations\n');
  });

  it('lists and counts an expectation whose page is gone as a failure', () => {
    const dir = fixtureCopies();
    copyFileSync(`${EDITORJI}.expected.json`, join(dir, 'third.expected.json'));
    copyFileSync(`${EDITORJI}.txt`, join(dir, 'third.txt'));
    writeFileSync(join(dir, 'gone.expected.json'), '{}\n');
    const result = runCli(['check', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        `ok       ${join(dir, 'russia-syria-ties.txt')} (json, md)`,
        `ok       ${join(dir, 'syria-leader-kremlin-ap.txt')} (json, md)`,
        `ok       ${join(dir, 'third.txt')} (json)`,
        `FAIL     ${join(dir, 'gone.expected.json')}: expectation file without a page beside it`,
        '3 pages checked: 3 passed, 0 failed, 0 missing expectations; 1 orphan expectation',
        '',
      ].join('\n'),
    );
  });

  it('fails paths that are missing or expectation files as errors on stderr, counted apart from pages', () => {
    const dir = fixtureCopies();
    writeFileSync(join(dir, 'gone.expected.json'), '{}\n');
    const result = runCli(['check', dir, join(dir, 'nope.txt'), join(dir, 'russia-syria-ties.expected.md')]);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean).sort()).toEqual(
      [
        `declutter: ${join(dir, 'nope.txt')}: no such file`,
        `declutter: ${join(dir, 'russia-syria-ties.expected.md')}: is an expectation file; name its page instead`,
      ].sort(),
    );
    expect(result.stdout).toContain(`FAIL     ${join(dir, 'gone.expected.json')}: expectation file without a page beside it\n`);
    expect(result.stdout).toContain('2 pages checked: 2 passed, 0 failed, 0 missing expectations; 1 orphan expectation, 2 paths not checked\n');
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
  it('fails each rule on its page, naming page and rule under it; passes the good page', () => {
    const dir = lintPages();
    const result = runCli(['check', dir, '--lint']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual([
      `FAIL     ${join(dir, 'clutter.txt')} (lint)`,
      `    lint clutter: body paragraph 2 matches devdiscourse marker /^Left Menu$/: "Left Menu"`,
      `ok       ${join(dir, 'good.txt')} (lint)`,
      `FAIL     ${join(dir, 'no-body.txt')} (lint)`,
      `    lint no-body: the article has no body paragraphs`,
      `FAIL     ${join(dir, 'no-date.txt')} (lint)`,
      `    lint no-date: no published or updated date`,
      `    lint layout: layout not as expected for editorji: no date line`,
      `FAIL     ${join(dir, 'no-headline.txt')} (lint)`,
      `    lint no-body: the article has no body paragraphs`,
      `    lint no-date: no published or updated date`,
      `    lint clutter: title matches devdiscourse marker /\\| Updated: \\d{2}-\\d{2}-\\d{4}/: "Devdiscourse News Desk | Delhi | Updated: 29-01-2025 14:54 …"`,
      `    lint layout: layout not as expected for devdiscourse: no byline/date line`,
      `FAIL     ${join(dir, 'short.txt')} (lint)`,
      `    lint short-body: 12 words, fewer than 50 (--min-words)`,
      '6 pages checked: 1 passed, 5 failed, 0 missing expectations, 6 linted',
      '',
    ]);
  });

  it('takes the word threshold from --min-words', () => {
    const dir = lintPages();
    const result = runCli(['check', join(dir, 'good.txt'), '--lint', '--min-words', '500']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`FAIL     ${join(dir, 'good.txt')} (lint)\n    lint short-body: 80 words, fewer than 500 (--min-words)\n`);
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
    writeFileSync(join(dir, 'gone.expected.md'), 'x\n');
    const report = join(dir, 'out', 'junit.xml');
    const result = runCli(['check', dir, '--junit', report]);
    expect(result.status).toBe(1);

    const suite = readJunit(report);
    expect(suite).toMatchObject({ name: 'declutter check', tests: '7', failures: '3', errors: '0', skipped: '1' });
    const cases = suite.testcase.map((testCase: { classname: string; name: string }) => `${testCase.classname} ${testCase.name}`);
    expect(cases).toEqual([
      `${join(dir, 'gone.expected.md')} orphan`,
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
    const orphan = suite.testcase.find((testCase: { name: string }) => testCase.name === 'orphan');
    expect(orphan.failure.message).toBe('expectation file without a page beside it');
    // The listing counts what the report does: three failures, one of them the orphan.
    expect(result.stdout).toContain('4 pages checked: 1 passed, 2 failed, 1 missing expectations; 1 orphan expectation\n');
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
    expect(report.totals).toEqual({ checked: 3, passed: 1, failed: 2, missing: 0, linted: 0, written: 0, orphans: 0, unchecked: 0 });
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
    // Nor the cleaner-file loader's YAML parser and ReDoS checker (required by name, on first use).
    expect(loaded).not.toMatch(/\(["'](?:yaml|redos-detector)["']\)/);
    // …which the build does hold, in a chunk of its own.
    expect(readdirSync('dist/cli').some((file) => /\(["']yaml["']\)/.test(readFileSync(join('dist/cli', file), 'utf8')))).toBe(true);
  });
});
