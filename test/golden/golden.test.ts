import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import {
  cleanForExpectation,
  compareExpectation,
  expectationPath,
  expectationsFor,
} from '../../src/core/expectations.js';
import { render } from '../../src/render/index.js';

// Every fixtures/<source>/<name>.txt is a page of that source with complete expected outputs beside it.
const pages = fg.sync('fixtures/*/*.txt', { ignore: ['**/*.expected.*'] }).sort();
const update = process.env.DECLUTTER_UPDATE_GOLDEN === '1';

describe('golden fixtures', () => {
  it('exist for both sources', () => {
    expect(pages.filter((page) => page.startsWith('fixtures/devdiscourse/')).length).toBeGreaterThanOrEqual(7);
    expect(pages.filter((page) => page.startsWith('fixtures/editorji/')).length).toBeGreaterThanOrEqual(7);
  });

  describe.each(pages)('%s', (page) => {
    const article = cleanForExpectation(page);

    it('is recognized as the source its folder names', () => {
      expect(article.source).toBe(basename(dirname(page)));
    });

    it('has a complete JSON expectation', () => {
      if (update) writeFileSync(expectationPath(page, '.expected.json'), render(article, 'json'));
      expect(expectationsFor(page).map(({ format }) => format)).toContain('json');
    });

    for (const { format, path } of expectationsFor(page)) {
      it(`matches ${basename(path)}`, () => {
        const actual = render(article, format);
        if (update) writeFileSync(path, actual);
        const comparison = compareExpectation(format, path, readFileSync(path, 'utf8'), actual);
        expect(comparison.actual).toBe(comparison.expected);
      });
    }
  });
});
