import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { isKnownTimeZone } from '../../../src/pipeline/dates/index.js';
import { clean } from '../../../src/index.js';
import { validateCleaner } from '../../../src/cleaners/validate.js';
import { BUILTIN_DEFINITIONS as cleaners } from '../../../src/cleaners/builtins.js';

describe.each(cleaners.map((source) => [source.id, source] as const))('definition of %s', (_id, source) => {
  it('has a simple id, a known time zone and date formats', () => {
    expect(source.id).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(isKnownTimeZone(source.timeZone)).toBe(true);
    expect(source.dateFormats.length).toBeGreaterThan(0);
    expect(source.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is a valid definition (validateCleaner), with fingerprints to detect it by', () => {
    expect(() => validateCleaner(source)).not.toThrow();
    expect(source.fingerprints.length).toBeGreaterThan(0);
  });
});

/** An Editorji page around a given first paragraph. */
function editorjiPage(byline: string | null, ...paragraphs: string[]): string {
  const head = ['Headline of the story', '', 'Updated : Oct 15, 2025 17:42', '|', ...(byline === null ? [] : [byline]), ''];
  return [...head, ...paragraphs.flatMap((paragraph) => [paragraph, '']), 'Recommended For You', '', 'editorji | World', '', 'Another story'].join('\n');
}

describe('editorji datelines', () => {
  const cases: [string, string, string | null, string | null, string][] = [
    ['en dash', 'Moscow, Oct 15 (AP) – On Wednesday, talks began.', 'Moscow', 'AP', 'On Wednesday, talks began.'],
    ['em dash', 'Tokyo, Oct 21 (AP) — Japan’s parliament voted.', 'Tokyo', 'AP', 'Japan’s parliament voted.'],
    ['hyphen', 'Nairobi, Sep 8 (AP) - Kenya expanded its programme.', 'Nairobi', 'AP', 'Kenya expanded its programme.'],
    ['no dash, PTI', 'New Delhi, Nov 3 (PTI) A panel has asked the government to act.', 'New Delhi', 'PTI', 'A panel has asked the government to act.'],
    ['multi-word place with a comma', 'Rio de Janeiro, Brazil, Oct 15 (AP) — Ministers met.', 'Rio de Janeiro, Brazil', 'AP', 'Ministers met.'],
    ['hyphenated place, dotted month', 'Port-au-Prince, Haiti, Oct. 2 (AP) — Gangs retreated.', 'Port-au-Prince, Haiti', 'AP', 'Gangs retreated.'],
    ['AP style capitals, no date', 'UNITED NATIONS (AP) — The council voted.', 'UNITED NATIONS', 'AP', 'The council voted.'],
    ['none', 'With the festive season here, insurers are busy.', null, null, 'With the festive season here, insurers are busy.'],
    [
      'an agency cited in the first sentence',
      'Citing official data, the Press Trust of India (PTI) reported that inflation eased.',
      null,
      null,
      'Citing official data, the Press Trust of India (PTI) reported that inflation eased.',
    ],
  ];

  it.each(cases)('%s', (_form, first, dateline, agency, paragraph) => {
    const article = clean(editorjiPage('Editorji News Desk', first, 'A second paragraph.'));
    expect(article.dateline).toBe(dateline);
    expect(article.agency).toBe(agency);
    expect(article.body).toEqual([paragraph, 'A second paragraph.']);
  });

  it('reads the dateline right after the separator when there is no byline', () => {
    const article = clean(editorjiPage(null, 'Kyiv, Sep 8 (AP) — Drones flew overnight.'));
    expect([article.byline, article.dateline, article.agency, article.body[0]]).toEqual([null, 'Kyiv', 'AP', 'Drones flew overnight.']);
  });

  it('leaves a dateline-like paragraph later in the story in the body', () => {
    const later = 'Paris, Oct 16 (AP) — A related meeting is planned.';
    const article = clean(editorjiPage('Editorji News Desk', 'Moscow, Oct 15 (AP) – Talks began.', later));
    expect(article.dateline).toBe('Moscow');
    expect(article.body).toEqual(['Talks began.', later]);
  });

  it.each([
    ['Meghna R. Iyer', 'Meghna R. Iyer'],
    ['Dr. Anil Rao', 'Dr. Anil Rao'],
    ['PTI', 'PTI'],
  ])('reads the byline %s', (line, byline) => {
    const article = clean(editorjiPage(line, 'The story begins here, with a full sentence.'));
    expect(article.byline).toBe(byline);
    expect(article.body).toEqual(['The story begins here, with a full sentence.']);
  });

  it('does not take a short first sentence for a byline', () => {
    const article = clean(editorjiPage(null, 'Markets rallied.', 'More follows.'));
    expect(article.byline).toBeNull();
    expect(article.body).toEqual(['Markets rallied.', 'More follows.']);
  });

  it('drops the wire sign-off, neither body nor note', () => {
    for (const signoff of ['(AP) RD RD', '(PTI) KVK SKY', 'PTI KVK SKY']) {
      const article = clean(editorjiPage('PTI', 'Mumbai, Nov 12 (PTI) The council met.', signoff));
      expect(article.body).toEqual(['The council met.']);
      expect(article.notes).toEqual([]);
    }
  });
});

describe('pages cut short at any line', () => {
  // Site cleaners read a page line by line, so a cut page gives a prefix; the generic
  // cleaner weighs the whole page, so a cut one may be judged otherwise: not asked of it.
  const pages = fg.sync('fixtures/*/*.txt', { ignore: ['**/*.expected.*', 'fixtures/generic/**'] }).sort();

  it.each(pages)('%s still cleans into a prefix of the whole article, with no clutter', (page) => {
    const source = basename(dirname(page));
    const definition = cleaners.find((candidate) => candidate.id === source)!;
    const lines = readFileSync(page, 'utf8').split(/\r?\n/);
    const whole = clean(lines.join('\n'), { source });
    const isClutter = (text: string) => definition.clutterMarkers.some((marker) => marker.test(text));

    for (let kept = 1; kept <= lines.length; kept++) {
      const text = lines.slice(0, kept).join('\n');
      if (text.replace(/^\ufeff/, '').trim() === '') continue;
      const cut = clean(text, { source });
      const where = `${page} cut after line ${kept}`;
      expect(cut.body, where).toEqual(whole.body.slice(0, cut.body.length));
      expect(cut.notes, where).toEqual(whole.notes.slice(0, cut.notes.length));
      expect(cut.related.map(({ title }) => title), where).toEqual(whole.related.slice(0, cut.related.length).map(({ title }) => title));
      for (const field of [cut.title, cut.summary ?? '', ...cut.body]) expect(isClutter(field), `${where}: ${field}`).toBe(false);
      if (cut.body.length > 0) expect(cut.title, where).toBe(whole.title);
    }
  });
});
