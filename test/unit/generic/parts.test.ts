import { describe, expect, it } from 'vitest';
import { displayWidth, splitBullet, toBlocks, wrapWidth } from '../../../src/cleaners/generic/blocks.js';
import { decode } from '../../../src/cleaners/generic/decode.js';
import { margin, margins, type TreeModel } from '../../../src/cleaners/generic/gbdt.js';
import {
  bylineName,
  daysOf,
  findMeta,
  pagePrintsDay,
  pagePrintsName,
  PRINTED_DATE,
  printedDays,
  stripSiteName,
  tokenF1,
} from '../../../src/cleaners/generic/meta.js';
import { blockFeatures } from '../../../src/cleaners/generic/features.js';

const lines = (texts: string[]) => texts.map((text, i) => ({ n: i + 1, text }));
const full = (prefix: string, width: number) => {
  let s = prefix;
  let k = 0;
  while (s.length < width - 6) s += ` word${k++ % 10}`;
  return s;
};

describe('blocks', () => {
  it('rejoins lines wrapped at the dump width, also inside list items, and keeps other lines apart', () => {
    const a = full('First paragraph', 80);
    const b = full('Second paragraph', 80);
    const item = full('  • An item', 80);
    const page = lines([a, 'goes on here.', '', b, 'and ends.', 'A separate short line', item, '    continued item.', '  • Next item']);
    expect(wrapWidth(page.map((l) => l.text))).toBe(Math.max(a.length, b.length, item.length));
    const blocks = toBlocks(page);
    expect(blocks.map((x) => x.lines)).toEqual([[0, 1], [3, 4], [5], [6, 7], [8]]);
    expect(blocks[0]!.text).toBe(`${a} goes on here.`);
    expect(blocks[3]!.bullet).toBe('•');
    expect(blocks[3]!.bare).toBe(`${item.slice(4)} continued item.`);
    expect(blocks.map((x) => [x.blankBefore, x.blankAfter])).toEqual([
      [true, true],
      [true, false],
      [false, false],
      [false, false],
      [false, true],
    ]);
  });

  it('does not join when nothing in the dump looks wrapped', () => {
    const page = lines(['A short line', 'Another short line that is a bit longer', 'Third']);
    expect(wrapWidth(page.map((l) => l.text))).toBe(0);
    expect(toBlocks(page).map((x) => x.lines)).toEqual([[0], [1], [2]]);
  });

  it('counts wide characters twice and splits bullets', () => {
    expect(displayWidth('ab漢字')).toBe(6);
    expect(splitBullet('  • Home')).toEqual({ indent: 2, bullet: '•', bare: 'Home', textStart: 4 });
    expect(splitBullet('1. First step')).toEqual({ indent: 0, bullet: '1.', bare: 'First step', textStart: 3 });
    expect(splitBullet('2025 was a year')).toEqual({ indent: 0, bullet: '', bare: '2025 was a year', textStart: 0 });
  });
});

describe('features', () => {
  it('gives every block a full row and counts repeats on the page', () => {
    const blocks = toBlocks(lines(['Home', 'A sentence with some words in it, and a comma.', 'Home']));
    const { rows, stats } = blockFeatures(blocks, false);
    expect(rows).toHaveLength(3);
    expect(stats.map((s) => [s.words, s.repeat, s.endsSentence])).toEqual([
      [1, 2, false],
      [10, 1, true],
      [1, 2, false],
    ]);
    expect(rows.every((r) => r.every((v) => Number.isFinite(v)))).toBe(true);
  });
});

describe('trees and smoothing', () => {
  it('walks a tree: left when the value is at most the threshold', () => {
    const model: TreeModel = { features: ['x'], base: 0.5, trees: [{ f: [0, -1, -1], t: [3, -1, 2], l: [1, -1, -1], r: [2, -1, -1] }] };
    expect(margin(model, [3])).toBe(-0.5);
    expect(margin(model, [3.5])).toBe(2.5);
  });

  it('scores many rows as one by one, with trees of different depths and a leaf above the last level', () => {
    const model: TreeModel = {
      features: ['x', 'y'],
      base: 0.25,
      trees: [
        // x <= 1 ? leaf 1 : (y <= 5 ? (x <= 4 ? 2 : 3) : 4)
        { f: [0, -1, 1, 0, -1, -1, -1], t: [1, 1, 5, 4, 4, 2, 3], l: [1, -1, 3, 5, -1, -1, -1], r: [2, -1, 4, 6, -1, -1, -1] },
        { f: [1, -1, -1], t: [0, -0.5, 0.5], l: [1, -1, -1], r: [2, -1, -1] },
      ],
    };
    const rows = [[0, 0], [2, 1], [5, 1], [2, 9], [NaN, 3]];
    expect(Array.from(margins(model, rows))).toEqual(rows.map((r) => margin(model, r)));
    expect(rows.map((r) => margin(model, r))).toEqual([0.75, 2.75, 3.75, 4.75, 3.75]);
  });

  it('keeps a weak line between content and drops a strong one between boilerplate when switching costs more', () => {
    const p = [0.1, 0.9, 0.45, 0.9, 0.1, 0.6, 0.1];
    const stats = p.map(() => ({ words: 10, caps: 0, endsSentence: true, repeat: 1 }));
    expect(decode(p, stats, { threshold: 0.5, switchCost: 0 })).toEqual([false, true, false, true, false, true, false]);
    expect(decode(p, stats, { threshold: 0.5, switchCost: 1 })).toEqual([false, true, true, true, false, false, false]);
  });
});

describe('metadata', () => {
  it('finds dates as printed', () => {
    expect(PRINTED_DATE.exec('Published March 3, 2025 at 10:00')?.[0]).toBe('March 3, 2025');
    expect(PRINTED_DATE.exec('Updated 2025-03-04T09:30:00Z')?.[0]).toBe('2025-03-04T09:30:00Z');
    expect(PRINTED_DATE.exec('3rd of May 2024')?.[0]).toBe('3rd of May 2024');
    expect(PRINTED_DATE.exec('No date here, only 2025')).toBeNull();
  });

  it('takes the name out of a byline', () => {
    expect(bylineName('By Jane Doe and John Roe | March 3, 2025')).toBe('Jane Doe and John Roe');
    expect(bylineName('By Jane Doe, Staff Writer')).toBe('Jane Doe');
    expect(bylineName('by the way, this is not a byline at all because it goes on')).toBeNull();
  });

  it('strips the site name from a stated title', () => {
    expect(stripSiteName('Bridge to close | Riverside Herald', 'Riverside Herald')).toBe('Bridge to close');
    expect(stripSiteName('Riverside Herald - Bridge to close for eight months', null)).toBe('Bridge to close for eight months');
    expect(tokenF1('a b c', 'a b d')).toBeCloseTo(2 / 3);
  });

  it('reads byline and dates near the title', () => {
    const blocks = toBlocks(lines(['Title of the story', 'By Jane Doe', 'March 3, 2025', 'Updated March 4, 2025', 'Body text goes here.']));
    const { stats } = blockFeatures(blocks, false);
    expect(findMeta(blocks, stats, 0, 4)).toEqual({
      byline: 'Jane Doe',
      bylineAt: 1,
      published: 'March 3, 2025',
      updated: 'March 4, 2025',
      dateAt: [2, 3],
      publishedAt: 2,
      updatedAt: 3,
    });
  });

  it('reads a byline with a colon, a label on a block of its own, and a name that starts the date block', () => {
    const meta = (texts: string[]) => {
      const blocks = toBlocks(lines(texts));
      return findMeta(blocks, blockFeatures(blocks, false).stats, 0, texts.length - 1);
    };
    expect(meta(['Title of the story', 'By: Jane Doe', 'Body text goes here.']).byline).toBe('Jane Doe');
    expect(meta(['Title of the story', 'Written by', '', 'Jane Doe', 'Body text goes here.']).byline).toBe('Jane Doe');
    expect(meta(['Title of the story', 'Author:', 'Jane Doe', 'Body text goes here.']).byline).toBe('Jane Doe');
    const dated = meta(['Title of the story', 'Jane Doe | Senior Writer | March 3, 2025', 'Body text goes here.']);
    expect([dated.byline, dated.bylineAt, dated.published]).toEqual(['Jane Doe', 1, 'March 3, 2025']);
    expect(meta(['Title of the story', 'Jane Doe 3 Mar 2025 Product Reviews', 'Body text goes here.']).byline).toBe('Jane Doe');
  });

  it('takes no byline from a label followed by no name, or a date block that starts with other words', () => {
    const meta = (texts: string[]) => {
      const blocks = toBlocks(lines(texts));
      return findMeta(blocks, blockFeatures(blocks, false).stats, 0, texts.length - 1);
    };
    expect(meta(['Title of the story', 'Written by', 'our newsroom staff and readers', 'Body text goes here.']).byline).toBeNull();
    expect(meta(['Title of the story', 'Author', 'Share This Story', 'Body text goes here.']).byline).toBeNull();
    expect(meta(['Title of the story', 'Latest News | March 3, 2025', 'Body text goes here.']).byline).toBeNull();
    expect(meta(['Title of the story', 'Updated 3 March 2025', 'Body text goes here.']).byline).toBeNull();
  });

  it('reads the date a <time datetime> shows near the title, whatever words it prints', () => {
    const blocks = toBlocks(lines(['Title of the story', 'By Jane Doe', '3 days ago', 'Body text goes here.']));
    const { stats } = blockFeatures(blocks, false);
    const found = findMeta(blocks, stats, 0, 3, new Map([[2, '2025-03-03T09:00:00Z']]));
    expect([found.published, found.publishedAt, found.dateAt]).toEqual(['2025-03-03T09:00:00Z', 2, [2]]);
    // without the datetime there is no date; a datetime on no block near the title is none either
    expect(findMeta(blocks, stats, 0, 3).published).toBeNull();
    expect(findMeta(blocks, stats, 0, 3, new Map([[2, 'on request']])).published).toBeNull();
  });

  it('takes the printed date over a <time datetime> of the same day, and the datetime to tell which of two days', () => {
    const blocks = toBlocks(lines(['Title of the story', 'March 3, 2025', '04/05/2025', 'Body text goes here.']));
    const { stats } = blockFeatures(blocks, false);
    expect(findMeta(blocks, stats, 0, 3, new Map([[1, '2025-03-03T09:00:00Z']])).published).toBe('March 3, 2025');
    const numeric = toBlocks(lines(['Title of the story', '04/05/2025', 'Body text goes here.']));
    const numericStats = blockFeatures(numeric, false).stats;
    expect(findMeta(numeric, numericStats, 0, 2, new Map([[1, '2025-04-05']])).published).toBe('2025-04-05');
    expect(findMeta(numeric, numericStats, 0, 2, new Map([[1, '2025-06-07']])).published).toBe('04/05/2025');
  });
});

describe('stated metadata printed on the page', () => {
  const page = toBlocks(lines(['Bridge to close', '', 'By Jane Doe | Mar 3, 2025', '', 'The old bridge closes on 04/05/2025 for repairs.']));

  it('reads the calendar days of printed dates', () => {
    expect(daysOf('2025-03-03T09:00:00+01:00')).toEqual(['2025-03-03']);
    expect(daysOf('March 3rd, 2025')).toEqual(['2025-03-03']);
    expect(daysOf('3 of March 2025')).toEqual(['2025-03-03']);
    expect(daysOf('04/05/2025')).toEqual(['2025-05-04', '2025-04-05']);
    expect(daysOf('yesterday')).toEqual([]);
  });

  it('finds a stated day or name only where the page prints it', () => {
    expect(pagePrintsDay(page, '2025-03-03T09:00:00Z')).toBe(true);
    expect(pagePrintsDay(page, '2025-04-05')).toBe(true);
    expect(pagePrintsDay(page, '2024-03-03')).toBe(false);
    expect(pagePrintsName(page, 'Jane Doe, John Roe')).toBe(true);
    expect(pagePrintsName(page, 'Doe Jane')).toBe(false);
    expect(pagePrintsName(page, 'Example Media Team')).toBe(false);
  });

  it('reads days printed in other languages and numeric orders', () => {
    expect(printedDays('Publié le 3 mars 2025')).toEqual(['2025-03-03']);
    expect(printedDays('Veröffentlicht am 3. März 2025, 10:15')).toEqual(['2025-03-03']);
    expect(printedDays('3 de marzo de 2025')).toEqual(['2025-03-03']);
    expect(printedDays('gepubliceerd 3 maart 2025')).toEqual(['2025-03-03']);
    expect(printedDays('2025年3月3日')).toEqual(['2025-03-03']);
    expect(printedDays('2025년 3월 3일')).toEqual(['2025-03-03']);
    expect(printedDays('Sun Mar 3, 2025 11:18 am')).toEqual(['2025-03-03']);
    expect(printedDays('Received 2025 Mar 3; accepted 2025 Apr 1')).toEqual(['2025-03-03', '2025-04-01']);
    expect(printedDays('2025/3/3 and 2025.03.04 and 2025•03•05')).toEqual(['2025-03-03', '2025-03-04', '2025-03-05']);
    expect(printedDays('03-04-2025, 09:03 AM')).toEqual(['2025-04-03', '2025-03-04']);
    // a year run into the time printed after it, and a date run into the next
    expect(printedDays('March 3, 20256:01 PM ET')).toEqual(['2025-03-03']);
    expect(printedDays('Posted on March 3, 2025April 1, 2025')).toEqual(['2025-03-03', '2025-04-01']);
  });

  it('reads no day from numbers that are not one', () => {
    expect(printedDays('version 1.2.3.2025')).toEqual([]);
    expect(printedDays('call 12-34-2025')).toEqual([]);
    expect(printedDays('the 2025-11 release')).toEqual([]);
    expect(printedDays('31 February 2025')).toEqual([]);
    expect(printedDays('13 apples 2025')).toEqual([]);
    expect(printedDays('In 2025, 12 more in 2024')).toEqual([]);
  });

  it('finds a stated day printed in another language, or repeated by a <time datetime>', () => {
    const french = toBlocks(lines(['Le pont ferme', '', 'Publié le 3 mars 2025', '', 'Le vieux pont ferme pour des travaux.']));
    expect(pagePrintsDay(french, '2025-03-03T09:00:00+01:00')).toBe(true);
    expect(pagePrintsDay(french, '2025-03-04')).toBe(false);
    const relative = toBlocks(lines(['Bridge to close', '', '2 days ago', '', 'The old bridge closes for repairs.']));
    expect(pagePrintsDay(relative, '2025-03-03T09:00:00Z')).toBe(false);
    expect(pagePrintsDay(relative, '2025-03-03T09:00:00Z', ['2025-03-03T09:00:00Z'])).toBe(true);
    expect(pagePrintsDay(relative, '2025-03-03T09:00:00Z', ['2025-03-01'])).toBe(false);
  });

  it('reads the day of a stated date in a printed shape', () => {
    expect(daysOf('Feb 08, 2022')).toEqual(['2022-02-08']);
    expect(daysOf('8 février 2022')).toEqual(['2022-02-08']);
  });
});
