import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPage } from '../../src/index.js';
import { findPages } from '../../src/check/check.js';
import { diffExpectation } from '../../src/check/diff.js';
import { analyze } from '../../src/index.js';
import type { Article } from '../../src/pipeline/types.js';

// Every fixtures/<source>/<name>.txt is a page of that source with complete
// expected outputs beside it. This runs the code of `declutter check`;
// `npm run golden:update` rewrites the expectations, to be reviewed in git.
const { pages, problems } = await findPages(['fixtures']);

describe('golden fixtures', () => {
  it('are all pages with expectations, none stray', () => {
    expect(problems).toEqual([]);
  });

  it('exist for both sources', () => {
    expect(pages.filter((page) => page.startsWith('fixtures/devdiscourse/')).length).toBeGreaterThanOrEqual(7);
    expect(pages.filter((page) => page.startsWith('fixtures/editorji/')).length).toBeGreaterThanOrEqual(7);
  });

  describe.each(pages)('%s', (page) => {
    const result = checkPage(page);

    it('cleans', () => {
      expect(result.error).toBeNull();
    });

    it('is recognized as the source its folder names', () => {
      expect(result.article?.source).toBe(basename(dirname(page)));
    });

    it('has a complete JSON expectation', () => {
      expect(result.expectations.map(({ format }) => format)).toContain('json');
    });

    it('names, for each field, input lines that hold it', () => {
      const article = result.article!;
      const lines = new Map(analyze(readFileSync(page)).lines.map((line) => [line.n, line.text]));
      const at = (n: number) => lines.get(n) ?? `(no line ${n})`;
      const { fields } = article.extraction;
      expect(fields.body?.length).toBe(article.body.length);
      article.body.forEach((paragraph, i) => expect(at(fields.body![i]!)).toContain(paragraph));
      expect(fields.notes?.length ?? 0).toBe(article.notes.length);
      article.notes.forEach((note, i) => expect(at(fields.notes![i]!)).toContain(note));
      // Fields the document's metadata filled come from no line; extraction.from names where they came from.
      const fromDocument = article.extraction.from;
      if (article.title !== '' && fromDocument.title === undefined) expect(at(fields.title![0]!)).toContain(article.title);
      for (const part of fieldLines(fields.summary)) expect(article.summary).toContain(at(part));
      for (const field of ['byline', 'agency', 'dateline'] as const) {
        if (article[field] !== null && (field !== 'byline' || fromDocument.byline === undefined)) {
          expect(at(fields[field]![0]!)).toContain(article[field]);
        }
      }
      for (const field of ['published', 'updated'] as const) {
        const printed = article.extraction.dates[field];
        if (printed !== null && fromDocument[field] === undefined) expect(at(fields[field]![0]!)).toContain(printed);
        if (fromDocument[field] !== undefined) expect(fields[field]).toBeUndefined();
      }
      const onLines = (field: keyof Article['extraction']['fields']) => fieldLines(fields[field]).map(at).join('\n');
      for (const country of article.countries) expect(onLines('countries')).toContain(country);
      for (const story of article.related) expect(onLines('related')).toContain(story.title);
      if (article.image) expect(onLines('image')).toContain(article.image.credit);
    });

    for (const expectation of result.expectations) {
      it(`matches ${basename(expectation.path)}`, () => {
        const diff = expectation.comparison ? diffExpectation(expectation.comparison, page, 0).lines.join('\n') : '';
        expect(expectation.status, `\n${diff}\n`).toBe('pass');
      });
    }
  });
});

function fieldLines(numbers: number[] | undefined): number[] {
  return numbers ?? [];
}
