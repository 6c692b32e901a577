import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

// HTML pages through the CLI as a user runs it: the reader is loaded only
// for pages that are HTML, inline and in the worker threads, and bad HTML
// gets an article with a warning or a one-line error, never a stack trace.
const DEVDISCOURSE = 'fixtures/devdiscourse/canal-solar.html';
const EDITORJI = 'fixtures/editorji/glacier-survey.html';
const page = readFileSync(DEVDISCOURSE, 'utf8');
const expected = (path: string) => JSON.parse(readFileSync(path.replace(/\.html$/, '.html.expected.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'declutter-html-'));
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const withoutInput = ({ input: _input, ...article }: Record<string, unknown>) => article;

describe('declutter on HTML pages', () => {
  it('cleans an HTML page as its expected article', () => {
    const result = runCli([DEVDISCOURSE]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(withoutInput(JSON.parse(result.stdout))).toEqual(withoutInput(expected(DEVDISCOURSE)));
  });

  it('reads HTML by content: a .txt file and standard input holding HTML', () => {
    const txt = write('saved-page.txt', readFileSync(DEVDISCOURSE));
    const fromTxt = JSON.parse(runCli([txt]).stdout);
    const fromStdin = JSON.parse(runCli(['-'], { input: readFileSync(EDITORJI) }).stdout);
    expect(fromTxt.extraction.reader).toBe('html');
    expect(withoutInput(fromTxt)).toEqual(withoutInput(expected(DEVDISCOURSE)));
    expect(fromStdin.input.path).toBe('-');
    expect(withoutInput(fromStdin)).toEqual(withoutInput(expected(EDITORJI)));
  });

  it('cleans HTML pages in worker threads too', () => {
    const result = runCli([DEVDISCOURSE, EDITORJI, 'fixtures/editorji/glacier-survey.txt', '-j', '2', '-f', 'ndjson', '-q']);
    expect(result.stderr).toBe('');
    const articles = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(articles.map((article) => article.extraction.reader)).toEqual(['html', 'html', 'text']);
    expect(withoutInput(articles[1])).toEqual(withoutInput(expected(EDITORJI)));
  });
});

describe('bad HTML through the CLI', () => {
  it('a truncated document: the article so far, and a warning', () => {
    const path = write('truncated.html', page.slice(0, page.indexOf('(With inputs')));
    const result = runCli([path]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`declutter: ${path}: warning: the document ends inside a tag or its text: it may be truncated\n`);
    const article = JSON.parse(result.stdout);
    expect(article.title).toBe('Gujarat Extends Solar Panels Over Irrigation Canals');
    expect(article.body).toEqual(expected(DEVDISCOURSE).body);
    expect(article.related).toEqual([]);
  });

  it('unclosed tags: the same article', () => {
    const path = write('unclosed.html', page.replace(/<\/(p|div|li|h1|figcaption)>/g, ''));
    const result = runCli([path]);
    expect(result.stderr).toBe('');
    const article = JSON.parse(result.stdout);
    const want = expected(DEVDISCOURSE);
    for (const key of ['title', 'summary', 'byline', 'published', 'updated', 'countries', 'image', 'body', 'notes', 'related']) {
      expect(article[key], key).toEqual(want[key]);
    }
  });

  it('100,000 nested elements: cleaned, with a warning that nesting was cut', () => {
    const path = write('nested.html', page.replace('<main>', `<main>${'<div>'.repeat(100_000)}${'</div>'.repeat(100_000)}`));
    const result = runCli([path]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`declutter: ${path}: warning: elements nest deeper than 512: deeper ones are rendered as siblings\n`);
    expect(JSON.parse(result.stdout).body).toEqual(expected(DEVDISCOURSE).body);
  });

  it('an unknown charset: read as UTF-8, with a warning', () => {
    const path = write('unknown-charset.html', page.replace('charset="utf-8"', 'charset="x-klingon-9"'));
    const result = runCli([path]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`declutter: ${path}: warning: the page declares an unknown charset "x-klingon-9"\n`);
    expect(JSON.parse(result.stdout).extraction.encoding).toBe('utf-8');
  });

  it('a page with no text: one line, exit 1', () => {
    const path = write('no-text.html', '<!doctype html><html><head><title>Nothing</title><script>var a = 1;</script></head><body><div><img src="x.png"></div></body></html>');
    const result = runCli([path]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`declutter: ${path}: HTML page without any text\n`);
  });

  it('an HTML page of no known site: the generic cleaner, or with --sites-only the usual one-line error', () => {
    const path = write('elsewhere.html', '<!doctype html><html><body><h1>Hello</h1><p>Nothing to see.</p></body></html>');
    const generic = runCli([path]);
    expect(generic.status).toBe(0);
    expect(JSON.parse(generic.stdout)).toMatchObject({ source: 'generic', title: 'Hello', extraction: { reader: 'html' } });
    const result = runCli(['--sites-only', path]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^declutter: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no cleaner recognizes this page \\(known: devdiscourse, editorji\\); use --source\\n$`));
  });

  it('a 30 MB page on one line: refused unread by default, cleaned with a higher --max-bytes', () => {
    const filler = '<span>filler text</span>'.repeat(Math.ceil((30 * 1024 * 1024) / 24));
    const path = write('huge.html', page.replace(/\n/g, ' ').replace('<footer', `<div class="pad">${filler}</div><footer`));
    const refused = runCli([path]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`declutter: ${path}: too large (30.0 MB; over the 20.0 MB limit, see --max-bytes)\n`);
    const cleaned = runCli([path, '--max-bytes', '40000000']);
    expect(cleaned.stderr).toBe('');
    expect(cleaned.status).toBe(0);
    expect(JSON.parse(cleaned.stdout).body).toEqual(expected(DEVDISCOURSE).body);
  }, 120_000);
});


describe('the HTML reader is loaded only for HTML pages', () => {
  it('cleans text pages, inline and in workers, with the reader’s bundle taken away; HTML pages then fail', () => {
    const copy = mkdtempSync(join(tmpdir(), 'declutter-no-reader-'));
    cpSync('bin', join(copy, 'bin'), { recursive: true });
    cpSync(join('dist', 'cli'), join(copy, 'dist', 'cli'), { recursive: true });
    rmSync(join(copy, 'dist', 'cli', 'html-reader.cjs'));
    const run = (args: string[]) => spawnSync(process.execPath, [join(copy, 'bin', 'declutter.js'), ...args], { encoding: 'utf8' });
    const text = 'fixtures/devdiscourse/canal-solar.txt';
    const single = run([text]);
    expect(single.stderr).toBe('');
    expect(JSON.parse(single.stdout).title).toBe('Gujarat Extends Solar Panels Over Irrigation Canals');
    const batch = run([text, 'fixtures/editorji/glacier-survey.txt', '-j', '2', '-f', 'ndjson', '-q']);
    expect(batch.stderr).toBe('');
    expect(batch.stdout.trim().split('\n')).toHaveLength(2);
    const html = run([DEVDISCOURSE]);
    expect(html.status).toBe(1);
    expect(html.stderr).toBe(`declutter: ${DEVDISCOURSE}: this page is HTML, and the HTML reader is missing from this installation (run npm run build)\n`);
    rmSync(copy, { recursive: true, force: true });
  });
});
