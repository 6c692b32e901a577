// The quality scorer on hand-made cases whose figures are worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  authorHit,
  day,
  dateHit,
  metaScores,
  normTitle,
  pagePrecision,
  pageRecall,
  shingleCounts,
  shingleF1,
  shingles,
  titleTokenF1,
  wordF1,
  words,
} from '../../bench/quality/score.js';

const S = '\u0000';

describe('words', () => {
  it('are maximal runs of letters, numbers and underscores, in any script', () => {
    expect(words('Grüße, naïve café—Ωμέγα 東京 x_y 3.14')).toEqual(['Grüße', 'naïve', 'café', 'Ωμέγα', '東京', 'x_y', '3', '14']);
  });
  it('are split by combining marks, as the reference scorer splits them', () => {
    expect(words('cafe\u0301s')).toEqual(['cafe', 's']);
  });
  it('of an empty text are none', () => {
    expect(words('')).toEqual([]);
    expect(words(' — , ')).toEqual([]);
  });
});

describe('shingles', () => {
  it('are all windows of 4 tokens', () => {
    expect([...shingles(['a', 'b', 'c', 'd', 'e'])]).toEqual([
      [`a${S}b${S}c${S}d`, 1],
      [`b${S}c${S}d${S}e`, 1],
    ]);
  });
  it('of 1 to 4 tokens are one shingle, of none are none', () => {
    expect([...shingles(['a'])]).toEqual([['a', 1]]);
    expect([...shingles(['a', 'b', 'c'])]).toEqual([[`a${S}b${S}c`, 1]]);
    expect([...shingles(['a', 'b', 'c', 'd'])]).toEqual([[`a${S}b${S}c${S}d`, 1]]);
    expect(shingles([]).size).toBe(0);
  });
  it('are a multiset: a repeated window is counted each time', () => {
    expect([...shingles('a a a a a a'.split(' '))]).toEqual([[`a${S}a${S}a${S}a`, 3]]);
  });
});

describe('shingleCounts', () => {
  it('counts shared repeated shingles by the smaller count, normalized by tp+fp+fn', () => {
    // gold: 3 × (a a a a), answer: 2 × → tp 2, fp 0, fn 1.
    expect(shingleCounts('a a a a a a', 'a a a a a')).toEqual({ tp: 2 / 3, fp: 0, fn: 1 / 3 });
  });
  it('keeps case: a shingle differing in case is not shared', () => {
    expect(shingleCounts('The cat sat', 'the cat sat')).toEqual({ tp: 0, fp: 0.5, fn: 0.5 });
  });
  it('of an empty answer is all fn, of an empty gold all fp, of both nothing', () => {
    expect(shingleCounts('one two three four five', '')).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(shingleCounts('', 'x y')).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(shingleCounts('', '')).toEqual({ tp: 0, fp: 0, fn: 0 });
  });
  it('of 1 to 3 token texts compares the one short shingle', () => {
    expect(shingleCounts('Hello world', 'hello, world?')).toEqual({ tp: 0, fp: 0.5, fn: 0.5 });
    expect(shingleCounts('Hello world', '— Hello, world!')).toEqual({ tp: 1, fp: 0, fn: 0 });
    // 3 tokens against 5: the short shingle is not one of the two windows.
    expect(shingleCounts('a b c', 'a b c d e')).toEqual({ tp: 0, fp: 2 / 3, fn: 1 / 3 });
  });
});

describe('page precision and recall', () => {
  it('are 1 on a perfect page and left out where there is nothing to average', () => {
    expect(pagePrecision({ tp: 1, fp: 0, fn: 0 })).toBe(1);
    expect(pageRecall({ tp: 1, fp: 0, fn: 0 })).toBe(1);
    expect(pagePrecision({ tp: 0, fp: 0, fn: 1 })).toBeNull();
    expect(pageRecall({ tp: 0, fp: 0, fn: 1 })).toBe(0);
    expect(pagePrecision({ tp: 0, fp: 1, fn: 0 })).toBe(0);
    expect(pageRecall({ tp: 0, fp: 1, fn: 0 })).toBeNull();
    expect(pagePrecision({ tp: 0, fp: 0, fn: 0 })).toBeNull();
    expect(pageRecall({ tp: 0, fp: 0, fn: 0 })).toBeNull();
  });
});

describe('shingleF1', () => {
  it('is the harmonic mean of the averaged precision and recall, not a mean of page F1s', () => {
    const counts = [
      shingleCounts('a b c d e', 'a b c d e'), // P 1, R 1
      shingleCounts('a b c d e', ''), // R 0 only
      shingleCounts('', 'x y z w v'), // P 0 only
      shingleCounts('a a a a a a', 'a a a a a'), // P 1, R 2/3
      shingleCounts('', ''), // neither
    ];
    const { f1, precision, recall } = shingleF1(counts);
    expect(precision).toBeCloseTo(2 / 3, 12); // (1 + 0 + 1) / 3
    expect(recall).toBeCloseTo(5 / 9, 12); // (1 + 0 + 2/3) / 3
    expect(f1).toBeCloseTo(20 / 33, 12);
  });
  it('of no pages is 0', () => {
    expect(shingleF1([])).toEqual({ f1: 0, precision: 0, recall: 0 });
  });
});

describe('wordF1', () => {
  it('compares bags of lower-case words', () => {
    // gold {the, cat, sat}, answer {the, cat, ran, away}: tp 2 → 2·2 / (3 + 4).
    expect(wordF1('The cat sat', 'the CAT ran away')).toBeCloseTo(4 / 7, 12);
  });
  it('counts repeated words by the smaller count', () => {
    // gold {a:2, b:1}, answer {a:3}: tp 2 → 4 / 6.
    expect(wordF1('a a b', 'A a a')).toBeCloseTo(2 / 3, 12);
  });
  it('is 1 when both are empty, 0 when only one is', () => {
    expect(wordF1('', '')).toBe(1);
    expect(wordF1('', '—')).toBe(1);
    expect(wordF1('words here', '')).toBe(0);
    expect(wordF1('', 'words here')).toBe(0);
  });
  it('lower-cases words of any script', () => {
    expect(wordF1('ΩΜΈΓΑ Grüße', 'ωμέγα grüße')).toBe(1);
  });
});

describe('aggregate', () => {
  it('gives the corpus figures and each page type’s, types sorted', () => {
    const pages = [
      { type: 'forum', ...scoreOf('a b c d e', 'a b c d e') },
      { type: 'article', ...scoreOf('a b c d e', '') },
      { type: 'article', ...scoreOf('a a a a a a', 'a a a a a') },
    ];
    const all = aggregate(pages);
    expect(all.pages).toBe(3);
    expect(all.precision).toBeCloseTo(1, 12); // (1 + 1) / 2
    expect(all.recall).toBeCloseTo(5 / 9, 12); // (1 + 0 + 2/3) / 3
    expect(all.f1).toBeCloseTo((2 * 5) / 9 / (1 + 5 / 9), 12);
    // word F1: 1, 0, and {a:6} against {a:5} → 10/11.
    expect(all.wordF1).toBeCloseTo((1 + 0 + 10 / 11) / 3, 12);
    expect(Object.keys(all.byType)).toEqual(['article', 'forum']);
    expect(all.byType.article?.pages).toBe(2);
    expect(all.byType.article?.recall).toBeCloseTo(1 / 3, 12);
    expect(all.byType.article?.f1).toBeCloseTo(0.5, 12);
    expect(all.byType.forum?.f1).toBe(1);
  });
});

function scoreOf(gold: string, pred: string) {
  return { counts: shingleCounts(gold, pred), wordF1: wordF1(gold, pred) };
}

describe('normTitle', () => {
  it('folds case and compatibility forms, unifies quotes and dashes, collapses spaces', () => {
    expect(normTitle('  “Hello” — World’s  ﬁnest\u00a0Straße ')).toBe('"hello" - world\'s finest strasse');
    expect(normTitle('„Quote‟')).toBe('"quote‟');
    expect(normTitle('A\u2212B\u2010C')).toBe('a-b-c');
  });
  it('keeps what tells two titles apart', () => {
    expect(normTitle('Hello, World')).not.toBe(normTitle('Hello World'));
  });
});

describe('titleTokenF1', () => {
  it('is the F1 of case-folded NFKC word bags', () => {
    // {top, nutrition, trends} against {top, nutrition, trends, scratch, culinary}: 2·3 / 8.
    expect(titleTokenF1('Top Nutrition Trends | Scratch Culinary', 'top nutrition trends')).toBeCloseTo(0.75, 12);
    expect(titleTokenF1('', 'x')).toBe(0);
  });
});

describe('authorHit', () => {
  it('needs every gold token, in any case, and at most twice as many tokens', () => {
    expect(authorHit('By Jane Doe', 'Jane Doe')).toBe(true);
    expect(authorHit('JANE DOE', 'Jane Doe')).toBe(true);
    expect(authorHit('Jane Doe, Staff Writer', 'Jane Doe')).toBe(true); // 4 tokens ≤ 2 × 2
    expect(authorHit('Jane Doe and John Smith', 'Jane Doe')).toBe(false); // 5 tokens > 4
    expect(authorHit('Jane', 'Jane Doe')).toBe(false);
    expect(authorHit('', 'Jane Doe')).toBe(false);
    expect(authorHit('Anyone', '')).toBe(false);
  });
});

describe('day', () => {
  it('reads the first calendar day as printed, without shifting its zone', () => {
    expect(day('2025-09-04T23:30:00-05:00')).toBe('2025-09-04');
    expect(day('Published March 5th, 2025 at 10:00')).toBe('2025-03-05');
    expect(day('5 Sept. 2025')).toBe('2025-09-05');
    expect(day('on 12 December 2024')).toBe('2024-12-12');
  });
  it('finds nothing in a year alone, a word that is no month, or a month glued to a letter', () => {
    expect(day('Foo 2025')).toBeNull();
    expect(day('Smarch 5, 2025')).toBeNull();
    expect(day('éMarch 5, 2025')).toBeNull();
    expect(day('')).toBeNull();
  });
  it('matches the gold day only on the same calendar day', () => {
    expect(dateHit('Sep 4, 2025', '2025-09-04')).toBe(true);
    expect(dateHit('2025-09-05', '2025-09-04')).toBe(false);
    expect(dateHit('', '2025-09-04')).toBe(false);
  });
});

describe('metaScores', () => {
  it('scores each field over the pages that have it and a false rate over the others', () => {
    const pages = {
      a: { title: 'T', author: 'Jane Doe', publish_date: '2025-01-02' },
      b: { title: 'U', author: '', publish_date: '' },
      c: { title: ' ', author: '', publish_date: '2025-03-04' },
    };
    const meta = new Map([
      ['a', { title: 't', author: 'Jane Doe', published: 'Jan 2, 2025' }],
      ['b', { title: 'x', author: 'Staff', published: '  ' }],
      ['c', { published: '2025-03-05' }],
    ]);
    expect(metaScores(pages, meta)).toEqual({
      titleExact: 0.5, // a yes, b no; c has no gold title
      titleTokenF1: 0.5,
      authorHit: 1, // a
      authorFalse: 0.5, // b gave one, c did not
      dateHit: 0.5, // a yes, c a day off
      dateFalse: 0, // b gave only spaces
    });
  });
  it('counts a page without answers as missed', () => {
    const pages = { a: { title: 'T', author: 'A B', publish_date: '2025-01-02' } };
    expect(metaScores(pages, {})).toEqual({
      titleExact: 0,
      titleTokenF1: 0,
      authorHit: 0,
      authorFalse: 0,
      dateHit: 0,
      dateFalse: 0,
    });
  });
});
