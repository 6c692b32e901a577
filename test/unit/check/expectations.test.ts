import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPage } from '../../../src/index.js';
import { checkFailed, findPages, totalsOf } from '../../../src/check/check.js';
import { compareExpectation, expectationPath, isExpectationFile } from '../../../src/check/expectations.js';
import { diffExpectation } from '../../../src/check/diff.js';
import { editorjiPage, words } from './crafted-pages.js';

const FIXTURE = 'fixtures/editorji/syria-leader-kremlin-ap';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'declutter-expectations-'));
}

/** A copy of one fixture page and its expectations in a fresh directory. */
function fixtureCopy(): { dir: string; page: string } {
  const dir = tempDir();
  for (const suffix of ['.txt', '.expected.json', '.expected.md']) copyFileSync(FIXTURE + suffix, join(dir, `page${suffix}`));
  return { dir, page: join(dir, 'page.txt') };
}

describe('expectation files', () => {
  it('lie beside the page, named after it', () => {
    expect(expectationPath(join('a', 'b', 'page.txt'), '.expected.md')).toBe(join('a', 'b', 'page.expected.md'));
    expect(isExpectationFile('x/page.expected.json')).toBe(true);
    expect(isExpectationFile('x/page.txt')).toBe(false);
  });
});

describe('compareExpectation', () => {
  const article = { title: 'T', input: { path: 'here/page.txt', bytes: 1 } };

  it('leaves input.path out of JSON, compares everything else', () => {
    const moved = JSON.stringify({ ...article, input: { path: 'elsewhere.txt', bytes: 1 } });
    expect(compareExpectation('json', 'e.json', moved, JSON.stringify(article)).matches).toBe(true);
    const changed = JSON.stringify({ ...article, input: { path: 'here/page.txt', bytes: 2 } });
    expect(compareExpectation('json', 'e.json', changed, JSON.stringify(article)).matches).toBe(false);
  });

  it('ignores how the expectation file ends its lines', () => {
    expect(compareExpectation('md', 'e.md', '# T\r\n\r\nBody\r\n', '# T\n\nBody\n').matches).toBe(true);
  });

  it('compares an expectation that is not JSON as text, so the whole file shows as changed', () => {
    const comparison = compareExpectation('json', 'e.json', 'not json', '{"a":1}');
    expect(comparison.matches).toBe(false);
    expect(comparison.expected).toBe('not json');
  });
});

describe('diffExpectation', () => {
  const comparison = compareExpectation('md', 'page.expected.md', 'a\nb\nc\n', 'a\nB\nc\n');

  it('is a unified diff from the expectation (-) to the output now (+)', () => {
    expect(diffExpectation(comparison, 'page.txt').lines).toEqual([
      '--- page.expected.md',
      '+++ page.txt',
      '@@ -1,3 +1,3 @@',
      ' a',
      '-b',
      '+B',
      ' c',
    ]);
  });

  it('counts changed lines against the limit, so the first change is always shown; 0 means no limit', () => {
    expect(diffExpectation(comparison, 'page.txt', 1)).toEqual({
      // Cut inside a change: no context after it, which would read as a line removed.
      lines: ['--- page.expected.md', '+++ page.txt', '@@ -1,2 +1,1 @@', ' a', '-b'],
      cut: 1,
    });
    expect(diffExpectation(comparison, 'page.txt', 2).cut).toBe(0);
    expect(diffExpectation(comparison, 'page.txt', 0).cut).toBe(0);
  });

  it('cuts a long hunk after the last change shown, with at most three lines of context, its @@ line counting what is shown', () => {
    const expected = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const actual = expected.map((line, i) => (i === 4 || i === 10 ? `${line} changed` : line));
    const long = compareExpectation('text', 'page.expected.txt', `${expected.join('\n')}\n`, `${actual.join('\n')}\n`);
    const all = diffExpectation(long, 'page.txt', 0);
    expect(all.lines.slice(2)).toEqual([
      '@@ -2,13 +2,13 @@',
      ' line 2', ' line 3', ' line 4', '-line 5', '+line 5 changed', ' line 6', ' line 7', ' line 8', ' line 9', ' line 10',
      '-line 11', '+line 11 changed', ' line 12', ' line 13', ' line 14',
    ]);
    const two = diffExpectation(long, 'page.txt', 2);
    expect(two).toEqual({
      lines: ['--- page.expected.txt', '+++ page.txt', '@@ -2,7 +2,7 @@', ' line 2', ' line 3', ' line 4', '-line 5', '+line 5 changed', ' line 6', ' line 7', ' line 8'],
      cut: 2,
    });
  });

  it('counts the changes of hunks left out', () => {
    const expected = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`);
    const actual = expected.map((line, i) => (i === 2 || i === 30 ? `${line} changed` : line));
    const far = compareExpectation('text', 'page.expected.txt', `${expected.join('\n')}\n`, `${actual.join('\n')}\n`);
    const one = diffExpectation(far, 'page.txt', 1);
    expect(one.lines).toEqual(['--- page.expected.txt', '+++ page.txt', '@@ -1,3 +1,2 @@', ' line 1', ' line 2', '-line 3']);
    expect(one.cut).toBe(3);
    expect(diffExpectation(far, 'page.txt', 2).lines.filter((line) => line.startsWith('@@'))).toEqual(['@@ -1,6 +1,6 @@']);
    expect(diffExpectation(far, 'page.txt', 3).lines.filter((line) => line.startsWith('@@'))).toEqual(['@@ -1,6 +1,6 @@', '@@ -28,4 +28,3 @@']);
  });
});

describe('checkPage', () => {
  it('passes a page that matches each of its expectations', () => {
    const { page } = fixtureCopy();
    const result = checkPage(page);
    expect(result.status).toBe('passed');
    expect(result.expectations.map(({ format, status }) => [format, status])).toEqual([
      ['json', 'pass'],
      ['md', 'pass'],
    ]);
  });

  it('fails a page whose output changed, keeping both sides for the diff', () => {
    const { dir, page } = fixtureCopy();
    const md = join(dir, 'page.expected.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('Kremlin', 'Kremlin Palace'));
    const result = checkPage(page);
    expect(result.status).toBe('failed');
    const failed = result.expectations.find(({ status }) => status === 'fail')!;
    expect(failed.path).toBe(md);
    const diff = diffExpectation(failed.comparison!, page).lines;
    expect(diff.some((line) => line.startsWith('-') && line.includes('Kremlin Palace'))).toBe(true);
    expect(diff.some((line) => line.startsWith('+') && line.includes('Kremlin') && !line.includes('Palace'))).toBe(true);
  });

  it('with update, rewrites what differs and creates JSON for a page without expectations', () => {
    const { dir, page } = fixtureCopy();
    const md = join(dir, 'page.expected.md');
    const original = readFileSync(md, 'utf8');
    writeFileSync(md, 'stale\n');
    const fresh = join(dir, 'new.txt');
    writeFileSync(fresh, editorjiPage());

    const updated = checkPage(page, { update: true });
    expect(updated.expectations.map(({ status }) => status)).toEqual(['unchanged', 'updated']);
    expect(readFileSync(md, 'utf8')).toBe(original);

    const created = checkPage(fresh, { update: true });
    expect(created.expectations).toEqual([{ format: 'json', path: join(dir, 'new.expected.json'), status: 'created' }]);
    expect(JSON.parse(readFileSync(join(dir, 'new.expected.json'), 'utf8')).input.path).toBe('new.txt');
    expect(checkPage(fresh).status).toBe('passed');
  });

  it('reports a page without expectations as missing, or lints it when asked', () => {
    const dir = tempDir();
    const page = join(dir, 'short.txt');
    writeFileSync(page, editorjiPage({ paragraphs: [words(10)] }));
    expect(checkPage(page).status).toBe('missing');
    const linted = checkPage(page, { lint: { minWords: 50 } });
    expect(linted).toMatchObject({ status: 'failed', linted: true });
    expect(linted.lint.map(({ rule }) => rule)).toEqual(['short-body']);
    expect(checkPage(page, { lint: { minWords: 5 } }).status).toBe('passed');
  });

  it('fails a page that does not clean with its message, for each expectation', () => {
    const dir = tempDir();
    const page = join(dir, 'odd.txt');
    writeFileSync(page, 'Just some words\0that no site prints\n');
    writeFileSync(join(dir, 'odd.expected.json'), '{}\n');
    const result = checkPage(page);
    expect(result.status).toBe('failed');
    expect(result.error).toBe('binary file');
    expect(result.expectations.map(({ status }) => status)).toEqual(['error']);
  });
});

describe('findPages', () => {
  it('finds .txt, .html and .htm pages in directories, as clean does, skipping hidden entries and node_modules', async () => {
    const dir = tempDir();
    for (const file of ['a.txt', 'b.html', 'b.html.expected.json', 'c.htm', 'notes.md', 'sub/c.txt', '.hidden/d.txt', 'node_modules/e.txt', '.f.txt']) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), 'x');
    }
    expect(await findPages([dir])).toEqual({ pages: [join(dir, 'a.txt'), join(dir, 'b.html'), join(dir, 'c.htm'), join(dir, 'sub/c.txt')], problems: [] });
  });

  it('takes a named file as a page whatever its extension, once', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'page.html'), 'x');
    expect((await findPages([join(dir, 'page.html'), dir, join(dir, 'page.html')])).pages).toEqual([join(dir, 'page.html')]);
  });

  it('gives a page other than .txt expectations that keep its extension, so page.txt and page.html never share one', () => {
    expect(expectationPath('d/page.txt', '.expected.json')).toBe('d/page.expected.json');
    expect(expectationPath('d/page.html', '.expected.json')).toBe('d/page.html.expected.json');
  });

  it('reports missing paths, expectation files named as pages, stray expectations and empty directories', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'stray'));
    writeFileSync(join(dir, 'stray', 'gone.expected.json'), '{}');
    const { pages, problems } = await findPages([join(dir, 'nope'), join(dir, 'stray', 'gone.expected.json'), join(dir, 'stray'), join(dir, 'empty')]);
    expect(pages).toEqual([]);
    expect(problems).toEqual([
      { path: join(dir, 'stray', 'gone.expected.json'), message: 'is an expectation file; name its page instead' },
      { path: join(dir, 'empty'), message: 'no pages (*.txt, *.html, *.htm) in this directory' },
      { path: join(dir, 'nope'), message: 'no such file' },
      { path: join(dir, 'stray', 'gone.expected.json'), message: 'expectation file without a page beside it', orphan: true },
    ]);
  });
});

describe('totalsOf', () => {
  it('counts pages by status (adding up to those checked), linted pages, expectation files written, orphans and paths not checked', () => {
    const { dir, page } = fixtureCopy();
    const fresh = join(dir, 'new.txt');
    writeFileSync(fresh, editorjiPage());
    const missing = checkPage(fresh);
    const linted = checkPage(fresh, { lint: { minWords: 500 } });
    const created = checkPage(fresh, { update: true });
    const problems = [
      { path: 'x', message: 'no such file' },
      { path: 'y.expected.json', message: 'expectation file without a page beside it', orphan: true as const },
      { path: 'z.expected.md', message: 'expectation file without a page beside it', orphan: true as const },
    ];
    const totals = totalsOf([checkPage(page), missing, linted, created], problems);
    expect(totals).toEqual({ checked: 4, passed: 2, failed: 1, missing: 1, linted: 1, written: 1, orphans: 2, unchecked: 1 });
    expect(checkFailed(totals)).toBe(true);
    expect(checkFailed(totalsOf([checkPage(page)], problems.slice(1, 2)))).toBe(true);
    expect(checkFailed(totalsOf([checkPage(page), missing]))).toBe(false);
  });
});
