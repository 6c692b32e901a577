import { describe, expect, it } from 'vitest';
import { labelLines } from '../../../src/cleaners/label.js';
import { splitLines } from '../../../src/input/text.js';
import { defineCleaner, type CleanerDefinition } from '../../../src/cleaners/schema.js';
import { BUILTIN_DEFINITIONS } from '../../../src/cleaners/builtins.js';

const findCleaner = (id: string) => BUILTIN_DEFINITIONS.find((definition) => definition.id === id);

/** A tiny cleaner exercising each rule feature. */
const toy: CleanerDefinition = defineCleaner({
  id: 'toy',
  site: 'Toy site',
  version: '0.0.0',
  recognizes: 'nothing real',
  timeZone: 'UTC',
  dateFormats: ['yyyy-MM-dd'],
  agencyFromByline: false,
  fingerprints: [{ name: 'toy', pattern: /^TOY$/, weight: 1 }],
  clutterMarkers: [],
  start: 'top',
  zones: {
    top: [{ name: 'headline', match: /./, label: 'title', then: 'head' }],
    head: [
      { name: 'again', match: /./, sameAsTitle: true, label: 'dropped', reason: 'headline again' },
      { name: 'byline', match: /^By (?<byline>.+?) *$/, label: 'byline' },
      { name: 'list-heading', match: /^LIST$/, followedBy: /^\d+$/, label: 'dropped', reason: 'heading', then: 'list' },
      { name: 'note', match: /^\((?<text>.*)\)$/, label: 'note' },
      { name: 'paragraph', match: /^[A-Z]/, label: 'body' },
    ],
    list: [
      { name: 'rank', match: /^\d+$/, label: 'dropped', reason: 'rank' },
      { name: 'copy', match: /./, repeatsPrevious: true, label: 'dropped', reason: 'printed again' },
      { name: 'item', match: /./, label: 'related' },
    ],
  },
});

const label = (text: string, source: CleanerDefinition = toy) =>
  labelLines(splitLines(text), source).map(({ n, label, rule, zone, captures }) => ({ n, label, rule, zone, ...(captures && { captures }) }));

describe('labelLines', () => {
  it('labels each line by the first rule of its zone that matches, moving between zones', () => {
    expect(label('Title\nTitle\nBy  Jane Roe \n\nLIST\n1\nItem\nItem')).toEqual([
      { n: 1, label: 'title', rule: 'headline', zone: 'top' },
      { n: 2, label: 'dropped', rule: 'again', zone: 'head' },
      { n: 3, label: 'byline', rule: 'byline', zone: 'head', captures: { byline: 'Jane Roe' } },
      { n: 4, label: 'dropped', rule: 'blank', zone: 'head' },
      { n: 5, label: 'dropped', rule: 'list-heading', zone: 'head' },
      { n: 6, label: 'dropped', rule: 'rank', zone: 'list' },
      { n: 7, label: 'related', rule: 'item', zone: 'list' },
      { n: 8, label: 'dropped', rule: 'copy', zone: 'list' },
    ]);
  });

  it('replaces a line’s text by its `text` capture and leaves out empty captures', () => {
    expect(label('Title\n(A note)\n()')).toEqual([
      { n: 1, label: 'title', rule: 'headline', zone: 'top' },
      { n: 2, label: 'note', rule: 'note', zone: 'head', captures: { text: 'A note' } },
      { n: 3, label: 'note', rule: 'note', zone: 'head' },
    ]);
  });

  it('checks `followedBy` against the next non-blank line', () => {
    expect(label('Title\nLIST\n\n\n2\nItem').map(({ rule }) => rule)).toEqual(['headline', 'list-heading', 'blank', 'blank', 'rank', 'item']);
    // Followed by a sentence, the same word is the story's, not a heading.
    expect(label('Title\nLIST\nLIST of things').map(({ rule }) => rule)).toEqual(['headline', 'paragraph', 'paragraph']);
  });

  it('lets a heading that ends the page still match `followedBy`', () => {
    expect(label('Title\nLIST').map(({ rule }) => rule)).toEqual(['headline', 'list-heading']);
  });

  it('marks a line no rule claims as unmatched', () => {
    expect(label('Title\nlowercase line')).toContainEqual({ n: 2, label: 'dropped', rule: 'unmatched', zone: 'head' });
  });

  it('refuses a rule that moves to a zone the cleaner does not define', () => {
    const broken = { ...toy, zones: { ...toy.zones, top: [{ name: 'headline', match: /./, label: 'title' as const, then: 'nowhere' }] } };
    expect(() => label('Title\nMore', broken)).toThrow('cleaner toy: rule moved to unknown zone "nowhere"');
  });
});

describe('labelling real pages by position and structure', () => {
  const devdiscourse = findCleaner('devdiscourse')!;
  const editorji = findCleaner('editorji')!;
  const devdiscoursePage = (body: string[], tail: string[] = []) =>
    ['Left Menu', '', 'Headline', '', 'Standfirst.', '', 'Devdiscourse News Desk | Moscow | Updated: 29-01-2025 14:54 IST | Created: 29-01-2025 14:38 IST', 'Headline', ...body, ...tail].join('\n');

  it('keeps a Devdiscourse paragraph that starts with a clutter word as body', () => {
    const lines = labelLines(
      splitLines(devdiscoursePage(['First paragraph.', 'TRENDING topics showed a rise.', '2. The second condition is met.', 'OPINION polls differ.'])),
      devdiscourse,
    );
    expect(lines.slice(8).map(({ label, rule }) => `${label}:${rule}`)).toEqual(['body:paragraph', 'body:paragraph', 'body:paragraph', 'body:paragraph']);
  });

  it('takes a Devdiscourse bullet for a country only when it is a name, not a sentence', () => {
    const page = devdiscoursePage(['  • Country:', '  • India', '  • St. Lucia', '  • The ministry listed three steps.', '  • Nepal']);
    const lines = labelLines(splitLines(page), devdiscourse).slice(8);
    expect(lines.map(({ label, captures }) => `${label}:${captures?.country ?? ''}`)).toEqual([
      'countries:',
      'countries:India',
      'countries:St. Lucia',
      'body:',
      'body:',
    ]);
  });

  it('ends the Devdiscourse article at TRENDING only when a rank follows it', () => {
    const asText = labelLines(splitLines(devdiscoursePage(['First paragraph.', 'TRENDING', 'Second paragraph.'])), devdiscourse);
    expect(asText.slice(8).map(({ label }) => label)).toEqual(['body', 'body', 'body']);
    const asHeading = labelLines(splitLines(devdiscoursePage(['First paragraph.', 'TRENDING', '1', 'A headline'])), devdiscourse);
    expect(asHeading.slice(8).map(({ label, zone }) => `${label}@${zone}`)).toEqual(['body@figure', 'dropped@body', 'dropped@trending', 'related@trending']);
  });

  it('reads an Editorji dateline only where the story opens', () => {
    const page = ['Headline', 'Updated : Oct 15, 2025 17:42', '|', 'Editorji News Desk', 'Moscow, Oct 15 (AP) – Talks began.', 'Paris, Oct 16 (AP) – More talks.'].join('\n');
    const lines = labelLines(splitLines(page), editorji);
    expect(lines[4]).toMatchObject({ label: 'body', rule: 'wire-dateline', captures: { dateline: 'Moscow', agency: 'AP', text: 'Talks began.' } });
    expect(lines[5]).toMatchObject({ label: 'body', rule: 'paragraph' });
    expect(lines[5]!.captures).toBeUndefined();
  });
});
