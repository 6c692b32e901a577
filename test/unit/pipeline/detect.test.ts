import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIDENCE_THRESHOLD, pickCleaner, rankCleaners } from '../../../src/pipeline/detect.js';
import { DeclutterError } from '../../../src/pipeline/errors.js';
import { splitLines } from '../../../src/input/text.js';
import { clean, detectCleaner } from '../../../src/index.js';
import { cleaners } from '../../../src/cleaners/registry.js';

const SAMPLES = {
  devdiscourse: readFileSync('fixtures/devdiscourse/russia-syria-ties.txt', 'utf8'),
  editorji: readFileSync('fixtures/editorji/syria-leader-kremlin-ap.txt', 'utf8'),
} as const;

// A news page from neither site: a headline, a dateline, paragraphs and a footer.
const OTHER_SITE = [
  'Home | World | Business | Sport',
  '',
  'Storm Leaves Thousands Without Power Along the Coast',
  '',
  'By Jane Doe, Staff Writer',
  'Published 14 March 2025, 09:12 GMT',
  '',
  'LISBON (Reuters) - A powerful storm cut electricity to tens of thousands of homes on Friday.',
  '',
  'Utility crews were working through the night to restore supplies, officials said.',
  '',
  'Read more: How storms are named',
  '© 2025 Example News. All rights reserved.',
].join('\n');

describe('detection', () => {
  for (const [id, text] of Object.entries(SAMPLES)) {
    it(`recognizes the ${id} sample, with the runner-up well behind`, () => {
      const scores = rankCleaners(splitLines(text), cleaners);
      expect(scores[0]!.cleaner.id).toBe(id);
      expect(scores[0]!.confidence).toBeGreaterThan(CONFIDENCE_THRESHOLD);
      expect(scores[0]!.evidence.length).toBeGreaterThan(1);
      expect(scores[1]!.confidence).toBeLessThan(scores[0]!.confidence);
      expect(scores[1]!.confidence).toBeLessThan(CONFIDENCE_THRESHOLD);
      expect(detectCleaner(text)).toEqual({ source: id, confidence: scores[0]!.confidence });
    });
  }

  it('recognizes no site on a page of neither', () => {
    const scores = rankCleaners(splitLines(OTHER_SITE), cleaners);
    expect(scores.every((score) => score.confidence < CONFIDENCE_THRESHOLD)).toBe(true);
    expect(pickCleaner(scores)).toBeNull();
    expect(detectCleaner(OTHER_SITE)).toBeNull();
  });

  it('hands a page of neither site to the generic cleaner, never ranked, with a warning', () => {
    const article = clean(OTHER_SITE);
    expect(article.source).toBe('generic');
    expect(article.warnings[0]).toBe('no site cleaner recognizes this page; used the generic cleaner');
    expect(rankCleaners(splitLines(OTHER_SITE), cleaners).map((score) => score.cleaner.id)).not.toContain('generic');
  });

  it('with sitesOnly, refuses to clean a page of neither site, naming the site cleaners', () => {
    const attempt = () => clean(OTHER_SITE, { sitesOnly: true });
    expect(attempt).toThrow(DeclutterError);
    expect(attempt).toThrow('no cleaner recognizes this page (known: devdiscourse, editorji)');
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: 'unrecognized', details: { cleaners: ['devdiscourse', 'editorji'] } });
      expect((error as Error).message).not.toContain('--');
    }
  });

  it('combines fingerprints as independent evidence (noisy-or)', () => {
    const lines = splitLines('Left Menu\n\n  • Country:\n');
    const devdiscourse = rankCleaners(lines, cleaners).find((score) => score.cleaner.id === 'devdiscourse')!;
    // 1 − (1 − 0.1)(1 − 0.05): generic hints alone stay far under the threshold
    expect(devdiscourse.confidence).toBe(0.145);
    expect(devdiscourse.evidence).toEqual(['• Country: list', 'Left Menu navigation']);
  });

  it('uses a forced source even on the other site’s page', () => {
    const forced = clean(SAMPLES.editorji, { source: 'devdiscourse' });
    expect(forced.source).toBe('devdiscourse');
    expect(forced.extraction.cleaner).toBe('devdiscourse');
    const devdiscourse = rankCleaners(splitLines(SAMPLES.editorji), cleaners).find((score) => score.cleaner.id === 'devdiscourse')!;
    expect(forced.extraction.confidence).toBe(devdiscourse.confidence);

    const other = clean(SAMPLES.devdiscourse, { source: 'editorji' });
    expect(other.source).toBe('editorji');
  });

  it('uses a forced source on a page no cleaner recognizes', () => {
    expect(clean(OTHER_SITE, { source: 'editorji' }).source).toBe('editorji');
  });
});
