import { describe, expect, it } from 'vitest';
import { assemble, countWords, type AssembleContext } from '../../../src/pipeline/assemble.js';
import type { Captures, Label, LabelledLine } from '../../../src/pipeline/types.js';
import { findCleaner } from '../../../src/cleaners/registry.js';

const devdiscourse = findCleaner('devdiscourse')!;
const editorji = findCleaner('editorji')!;
const INPUT = { path: 'page.txt', bytes: 1, sha256: '0'.repeat(64) };

let counter = 0;
function line(label: Label, text: string, captures?: Captures, extra: Partial<LabelledLine> = {}): LabelledLine {
  return { n: ++counter, text, label, rule: `rule-${label}`, zone: 'z', ...(captures && { captures }), ...extra };
}

function build(lines: LabelledLine[], context: Partial<AssembleContext> = {}) {
  return assemble(lines, { cleaner: devdiscourse, confidence: 0.9, input: INPUT, encoding: 'utf-8', ...context });
}

const META = line(
  'byline',
  'Reuters | Geneva | Updated: 29-01-2025 14:54 IST',
  { byline: 'Reuters', dateline: 'Geneva', updated: '29-01-2025 14:54 IST' },
  { rule: 'byline-place-dates' },
);

describe('assemble', () => {
  it('takes the first title, joins summary lines, keeps paragraphs and notes in order', () => {
    const article = build([
      line('title', 'Headline'),
      line('title', 'Headline printed again'),
      line('summary', 'First half.'),
      line('summary', 'Second half.'),
      META,
      line('body', 'One two three.'),
      line('body', 'Moscow, Oct 15 (AP) – Four five.', { text: 'Four five.' }),
      line('note', '(With inputs from agencies.)', { text: 'With inputs from agencies.' }),
    ]);
    expect(article.title).toBe('Headline');
    expect(article.summary).toBe('First half. Second half.');
    expect(article.body).toEqual(['One two three.', 'Four five.']);
    expect(article.notes).toEqual(['With inputs from agencies.']);
    expect(article.wordCount).toBe(5);
    expect(article.warnings).toEqual([]);
  });

  it('names the agency from a byline that is a wire agency, only for sources that say so', () => {
    expect(build([line('title', 'T'), META, line('body', 'x')]).agency).toBe('Reuters');
    const named = line('byline', 'Aditi Raman | …', { byline: 'Aditi Raman', updated: '29-01-2025 14:54 IST' });
    expect(build([line('title', 'T'), named, line('body', 'x')]).agency).toBeNull();
    const almost = line('byline', 'Reuters Staff | …', { byline: 'Reuters Staff', updated: '29-01-2025 14:54 IST' });
    expect(build([line('title', 'T'), almost, line('body', 'x')]).agency).toBeNull();
    const withoutRule = { ...devdiscourse, bylineAgencies: [] };
    expect(build([line('title', 'T'), META, line('body', 'x')], { cleaner: withoutRule }).agency).toBeNull();
  });

  it('prefers the agency a dateline names over the byline', () => {
    const article = build(
      [
        line('title', 'T'),
        line('byline', 'PTI', { byline: 'PTI' }),
        line('meta', 'Updated : Oct 15, 2025 17:42', { updated: 'Oct 15, 2025 17:42' }),
        line('body', 'Moscow, Oct 15 (AP) – Talks.', { dateline: 'Moscow', agency: 'AP', text: 'Talks.' }),
      ],
      { cleaner: editorji },
    );
    expect([article.byline, article.agency, article.dateline]).toEqual(['PTI', 'AP', 'Moscow']);
    expect(article.updated).toBe('2025-10-15T17:42:00+05:30');
  });

  it('keeps the first value captured for a field', () => {
    const article = build([
      line('title', 'T'),
      META,
      line('body', 'x', { dateline: 'Elsewhere' }),
    ]);
    expect(article.dateline).toBe('Geneva');
    expect(article.extraction.fields.dateline).toEqual([META.n]);
  });

  it('lists countries once each, in order, and the first image credit', () => {
    const article = build([
      line('title', 'T'),
      line('countries', '• Country:'),
      line('countries', '• India', { country: 'India' }),
      line('countries', '• Nepal', { country: 'Nepal' }),
      line('countries', '• India', { country: 'India' }),
      line('image', 'Image Credit: ANI', { credit: 'ANI' }),
      line('image', 'Photo Image Credit: Reuters', { caption: 'Photo', credit: 'Reuters' }),
      line('body', 'x'),
    ]);
    expect(article.countries).toEqual(['India', 'Nepal']);
    expect(article.image).toEqual({ caption: null, credit: 'ANI' });
  });

  it('lists related stories once each, with the section printed before or after them', () => {
    const article = build([
      line('title', 'T'),
      line('body', 'x'),
      line('related', 'First story'),
      line('related', 'Global', { section: 'Global' }, { attach: 'previous' }),
      line('related', 'First story'),
      line('related', 'Australia', { section: 'Australia' }, { attach: 'previous' }),
      line('related', 'editorji | World', { section: 'World' }, { attach: 'next' }),
      line('related', 'Second story'),
      line('related', 'Third story'),
      line('related', 'India', { section: 'India' }, { attach: 'previous' }),
      line('related', 'Fourth story'),
    ]);
    expect(article.related).toEqual([
      { title: 'First story', section: 'Global' },
      { title: 'Second story', section: 'World' },
      { title: 'Third story', section: 'India' },
      { title: 'Fourth story', section: null },
    ]);
  });

  it('warns about a missing title, date or body instead of failing', () => {
    const article = build([line('summary', 'Only a summary.')]);
    expect(article.title).toBe('');
    expect(article.body).toEqual([]);
    expect(article.warnings).toEqual(['layout not as expected: no byline/date line', 'no title found', 'no date found', 'empty body']);
  });

  it('warns only about the parts a cleaner requires, when it requires any', () => {
    const withoutLayout = { ...devdiscourse, missingParts: undefined };
    expect(build([line('title', 'T'), line('body', 'x')], { cleaner: withoutLayout }).warnings).toEqual(['no date found']);
    expect(build([line('title', 'T'), line('body', 'x')]).warnings).toEqual(['layout not as expected: no byline/date line', 'no date found']);
    expect(build([line('title', 'T'), META, line('body', 'x')]).warnings).toEqual([]);
  });

  it('passes on earlier warnings and date warnings', () => {
    const bad = line('byline', 'x', { byline: 'Desk', updated: '99-99-2025 10:00 IST' }, { rule: 'byline-place-dates' });
    const article = build([line('title', 'T'), bad, line('body', 'x')], { warnings: ['not valid UTF-8; decoded as Windows-1252'] });
    expect(article.updated).toBeNull();
    expect(article.warnings).toEqual(['not valid UTF-8; decoded as Windows-1252', 'could not read date "99-99-2025 10:00 IST"']);
  });

  it('counts lines kept, dropped and blank, and records where each field came from', () => {
    const lines = [
      line('title', 'T'),
      line('dropped', '', undefined, { rule: 'blank' }),
      META,
      line('dropped', 'Left Menu'),
      line('body', 'x y'),
    ];
    const article = build(lines);
    expect(article.extraction.lines).toEqual({ total: 5, kept: 3, dropped: 1, blank: 1 });
    expect(article.extraction.fields).toEqual({
      title: [lines[0]!.n],
      byline: [META.n],
      agency: [META.n],
      dateline: [META.n],
      updated: [META.n],
      body: [lines[4]!.n],
    });
    expect(Object.keys(article.extraction.fields)).toEqual(['title', 'byline', 'agency', 'dateline', 'updated', 'body']);
  });
});

describe('assemble: the document\'s stated dates', () => {
  const generic = findCleaner('generic')!;
  const stated = (published: string) => ({
    title: null, ogTitle: null, headline: null, siteName: null, description: null, author: null, published,
    modified: null, url: null, language: null, image: null, type: null, from: { published: 'json-ld' },
  });
  const read = (published: string) => {
    const article = assemble([line('title', 'T'), line('body', 'x')], {
      cleaner: generic, confidence: 0.9, input: INPUT, encoding: 'utf-8', reader: 'html', metadata: stated(published),
    });
    return { published: article.published, warnings: article.warnings };
  };

  it('reads ISO dates, keeping the page\'s own offset for the generic cleaner', () => {
    expect(read('2025-12-17T13:22:47+05:30')).toEqual({ published: '2025-12-17T13:22:47+05:30', warnings: [] });
  });

  it('reads what templates wrap around an ISO date', () => {
    expect(read('"2025-12-17T13:22:47Z"').published).toBe('2025-12-17T13:22:47+00:00');
    expect(read('2025-12-17UTC07:30:00+00:00').published).toBe('2025-12-17T07:30:00+00:00');
    expect(read('2025-12-13 00:00:00 +0000 UTC').published).toBe('2025-12-13T00:00:00+00:00');
  });

  it('reads a stated date in a printed shape the cleaner reads', () => {
    expect(read('Feb 08, 2022').published).toBe('2022-02-08T00:00:00+00:00');
    expect(read('November 18th, 2025').published).toBe('2025-11-18T00:00:00+00:00');
  });

  it('says so when a stated date is not one', () => {
    expect(read('2026-02-21 12:16:43 +0100 +0100')).toEqual({
      published: null,
      warnings: ['could not read the document\'s published date "2026-02-21 12:16:43 +0100 +0100"', 'no date found'],
    });
    expect(read('soon').published).toBeNull();
  });
});

describe('countWords', () => {
  it('counts words separated by any whitespace, across paragraphs', () => {
    expect(countWords(['one two', ' three\tfour  five ', '', '   '])).toBe(5);
    expect(countWords([])).toBe(0);
  });

  it('splits words where \\s matches and nowhere else, for every UTF-16 code unit', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      const separates = /\s/.test(char);
      expect({ code, words: countWords([`a${char}b`]) }).toEqual({ code, words: separates ? 2 : 1 });
    }
  });
});
