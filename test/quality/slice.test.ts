import { describe, expect, it } from 'vitest';
import { scoreSlice, slicePages } from './slice.js';

/**
 * Floors under the generic cleaner's quality on 30 real pages it was not
 * trained on (WCXB, CC-BY-4.0; see test/quality/wcxb/README.md), a few
 * points under what it scores today, so that a change that makes it worse
 * fails here. `npm run bench:quality` measures the whole corpus.
 */
const FLOORS = {
  txt: { shingleF1: 0.72, wordF1: 0.75, articleWordF1: 0.9, titleExact: 0.33 },
  html: { shingleF1: 0.77, wordF1: 0.8, articleWordF1: 0.91, titleExact: 0.7 },
};

describe('quality on the WCXB slice', () => {
  it('holds pages of every type', () => {
    const types = new Set(Object.values(slicePages()).map((page) => page.page_type));
    expect([...types].sort()).toEqual(['article', 'collection', 'documentation', 'forum', 'listing', 'product', 'service']);
  });

  it.each(['txt', 'html'] as const)('%s: body and title above their floors, every page cleaned', (input) => {
    const { corpus, meta, errors } = scoreSlice(input);
    const floors = FLOORS[input];
    expect(errors).toEqual([]);
    expect(corpus.f1).toBeGreaterThanOrEqual(floors.shingleF1);
    expect(corpus.wordF1).toBeGreaterThanOrEqual(floors.wordF1);
    expect(corpus.byType.article!.wordF1).toBeGreaterThanOrEqual(floors.articleWordF1);
    expect(meta.titleExact).toBeGreaterThanOrEqual(floors.titleExact);
  });
});
