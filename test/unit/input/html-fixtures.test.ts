// Whole-page fixtures written for these tests (own markup, own texts): the
// complete rendering, markup of every line, metadata and warnings.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isHtml, parseHtml } from '../../../src/input/html/index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const pages = readdirSync(dir).filter((name) => name.endsWith('.html')).sort();

describe('HTML fixture pages', () => {
  it('has fixtures', () => {
    expect(pages).toEqual(['forum-guide.html', 'news-article.html']);
  });
  for (const page of pages) {
    it(`${page} renders as expected`, () => {
      const html = readFileSync(join(dir, page), 'utf8');
      expect(isHtml(html)).toBe(true);
      const expected = JSON.parse(readFileSync(join(dir, page.replace(/\.html$/, '.expected.json')), 'utf8'));
      expect(JSON.parse(JSON.stringify(parseHtml(html)))).toEqual(expected);
    });
  }
});
