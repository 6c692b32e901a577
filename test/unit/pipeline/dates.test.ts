import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../../../src/pipeline/dates/index.js';
import { clean } from '../../../src/index.js';
import { findCleaner } from '../../../src/cleaners/registry.js';
import { ZONE_ABBREVIATIONS } from '../../../src/cleaners/vocabulary.js';

const devdiscourse = findCleaner('devdiscourse')!;
const editorji = findCleaner('editorji')!;
const DEVDISCOURSE_PAGE = readFileSync('fixtures/devdiscourse/russia-syria-ties.txt', 'utf8');
const EDITORJI_PAGE = readFileSync('fixtures/editorji/syria-leader-kremlin-ap.txt', 'utf8');

describe('normalizeDate', () => {
  it('reads a Devdiscourse date in the zone it prints', () => {
    expect(normalizeDate('29-01-2025 14:54 IST', devdiscourse.dateFormats, 'Asia/Kolkata', ZONE_ABBREVIATIONS)).toEqual({ iso: '2025-01-29T14:54:00+05:30' });
  });

  it('lets a printed zone win over the default zone', () => {
    expect(normalizeDate('29-01-2025 14:54 IST', devdiscourse.dateFormats, 'America/New_York', ZONE_ABBREVIATIONS).iso).toBe('2025-01-29T14:54:00+05:30');
    expect(normalizeDate('29-01-2025 14:54 UTC', devdiscourse.dateFormats, 'Asia/Kolkata', ZONE_ABBREVIATIONS).iso).toBe('2025-01-29T14:54:00+00:00');
  });

  it('reads an Editorji date, which prints no zone, in the default zone with its daylight saving', () => {
    expect(normalizeDate('Oct 15, 2025 17:42', editorji.dateFormats, 'Asia/Kolkata', ZONE_ABBREVIATIONS).iso).toBe('2025-10-15T17:42:00+05:30');
    expect(normalizeDate('Jul 19, 2025 16:54', editorji.dateFormats, 'America/New_York', ZONE_ABBREVIATIONS).iso).toBe('2025-07-19T16:54:00-04:00');
    expect(normalizeDate('Jan 9, 2025 08:05', editorji.dateFormats, 'America/New_York', ZONE_ABBREVIATIONS).iso).toBe('2025-01-09T08:05:00-05:00');
    expect(normalizeDate('Nov 3, 2025 9:05', editorji.dateFormats, 'Asia/Kolkata', ZONE_ABBREVIATIONS).iso).toBe('2025-11-03T09:05:00+05:30');
  });

  it('gives null and a warning for text that is not a date', () => {
    expect(normalizeDate('31-02-2025 10:00 IST', devdiscourse.dateFormats, 'Asia/Kolkata', ZONE_ABBREVIATIONS)).toEqual({
      iso: null,
      warning: 'could not read date "31-02-2025 10:00 IST"',
    });
    expect(normalizeDate('yesterday', editorji.dateFormats, 'Asia/Kolkata', ZONE_ABBREVIATIONS)).toEqual({ iso: null, warning: 'could not read date "yesterday"' });
  });

  it('warns about a zone abbreviation it does not know and reads the time in the default zone', () => {
    expect(normalizeDate('29-01-2025 14:54 XYZ', devdiscourse.dateFormats, 'Asia/Kolkata', ZONE_ABBREVIATIONS)).toEqual({
      iso: '2025-01-29T14:54:00+05:30',
      warning: 'unknown time zone "XYZ" in date "29-01-2025 14:54 XYZ"; read as Asia/Kolkata',
    });
  });
});

describe('dates in cleaned articles', () => {
  it('keep the IST printed on a Devdiscourse page whatever --tz says', () => {
    const article = clean(DEVDISCOURSE_PAGE, { tz: 'America/New_York' });
    expect(article.published).toBe('2025-01-29T14:38:00+05:30');
    expect(article.updated).toBe('2025-01-29T14:54:00+05:30');
    expect(article.warnings).toEqual([]);
  });

  it('read an Editorji date in Indian time, or in the --tz zone when given', () => {
    expect(clean(EDITORJI_PAGE).updated).toBe('2025-10-15T17:42:00+05:30');
    const london = clean(EDITORJI_PAGE, { tz: 'Europe/London' });
    expect(london.updated).toBe('2025-10-15T17:42:00+01:00');
    expect(london.extraction.timeZone).toBe('Europe/London');
    expect(london.extraction.dates.updated).toBe('Oct 15, 2025 17:42');
    expect(clean(EDITORJI_PAGE, { tz: 'UTC' }).updated).toBe('2025-10-15T17:42:00+00:00');
  });

  it('give null and a warning for a date the page misprints, and keep cleaning', () => {
    const page = EDITORJI_PAGE.replace('Updated : Oct 15, 2025 17:42', 'Updated : Oct 45, 2025 17:42');
    const article = clean(page);
    expect(article.updated).toBeNull();
    expect(article.extraction.dates.updated).toBe('Oct 45, 2025 17:42');
    expect(article.warnings).toEqual(['could not read date "Oct 45, 2025 17:42"']);
    expect(article.body.length).toBe(1);
  });

  it('warn about an unknown zone printed on a Devdiscourse page', () => {
    const page = DEVDISCOURSE_PAGE.replace('Updated: 29-01-2025 14:54 IST', 'Updated: 29-01-2025 14:54 QQT');
    const article = clean(page);
    expect(article.updated).toBe('2025-01-29T14:54:00+05:30');
    expect(article.warnings).toEqual(['unknown time zone "QQT" in date "29-01-2025 14:54 QQT"; read as Asia/Kolkata']);
  });

  it('warn when the page prints no date at all', () => {
    const page = EDITORJI_PAGE.replace('Updated : Oct 15, 2025 17:42\n', '');
    const article = clean(page, { source: 'editorji' });
    expect([article.published, article.updated]).toEqual([null, null]);
    expect(article.warnings).toContain('no date found');
  });
});
