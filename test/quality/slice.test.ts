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
};

describe('quality on the WCXB slice', () => {
  it('holds pages of every type', () => {
    const types = new Set(Object.values(slicePages()).map((page) => page.page_type));
    expect([...types].sort()).toEqual(['article', 'collection', 'documentation', 'forum', 'listing', 'product', 'service']);
  });

  it('text dumps: body and title above their floors, every page cleaned', () => {
    const { corpus, meta, errors } = scoreSlice('txt');
    expect(errors).toEqual([]);
    expect(corpus.f1).toBeGreaterThanOrEqual(FLOORS.txt.shingleF1);
    expect(corpus.wordF1).toBeGreaterThanOrEqual(FLOORS.txt.wordF1);
    expect(corpus.byType.article!.wordF1).toBeGreaterThanOrEqual(FLOORS.txt.articleWordF1);
    expect(meta.titleExact).toBeGreaterThanOrEqual(FLOORS.txt.titleExact);
  });
});
