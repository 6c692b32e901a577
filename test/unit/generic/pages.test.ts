import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanGeneric, type GenericLine } from '../../../src/cleaners/generic/index.js';
import { parseHtml } from '../../../src/input/html/index.js';
import { clean } from '../../../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const read = (name: string) => readFileSync(join(here, 'fixtures', name), 'utf8');
const asLines = (text: string): GenericLine[] => text.replace(/\n$/u, '').split('\n').map((t, i) => ({ n: i + 1, text: t }));

const P1 =
  "The town council voted on Tuesday evening to close the old river bridge to cars from the first of May, after engineers found that two of its three piers had been undermined by last winter's floods. " +
  'Cyclists and people on foot will still be able to cross while the repairs go on, the council said.';
const P2 =
  'Residents who packed the meeting room were divided. Some said the closure would cut the market square off from the villages on the far bank and add half an hour to the school run, while others said ' +
  'they had been asking for the bridge to be looked at for years and were relieved that something was finally being done about it.';
const P3 = 'The work is expected to take eight months and to cost about 2.4 million euros, most of it paid by the regional road fund.';
const P4 = 'A temporary bus service will link the two banks by way of the motorway bridge, running every twenty minutes on weekdays.';
const BODY = [P1, P2, 'What changes for drivers', P3, P4];

describe('generic cleaner on a text dump', () => {
  const lines = asLines(read('story.txt'));
  const result = cleanGeneric(lines);

  it('keeps the story, rejoins its wrapped lines, and finds title, byline and date', () => {
    expect(result.title).toBe('Old river bridge to close to cars for eight months');
    expect(result.byline).toBe('Jane Doe');
    expect(result.published).toBe('March 3, 2025');
    expect(result.updated).toBeNull();
    expect(result.body).toEqual(BODY);
    expect(result.related).toEqual([
      'Council approves new budget for road repairs',
      'Floods damage farmland along the river',
      'School bus routes to change in spring',
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.confidence).toBeGreaterThan(0.5);
  });

  it('labels every line', () => {
    expect(result.labels.map((l) => [l.n, l.label, l.kind ?? ''])).toEqual(EXPECTED_TEXT_LABELS);
    for (const l of result.labels) {
      expect(l.signals.length).toBeGreaterThan(0);
      expect(l.reason).toBeTruthy();
    }
    const wrapped = result.labels.filter((l) => l.signals.includes('wrapped=2'));
    expect(wrapped.map((l) => l.n)).toEqual(WRAPPED);
  });
});

describe('generic cleaner on HTML', () => {
  const doc = parseHtml(readFileSync(join('fixtures', 'generic', 'bridge-closure.html'), 'utf8'));
  const result = cleanGeneric(doc.lines, doc.metadata);

  it('keeps the story and takes title, author and date from what the document states', () => {
    expect(result.title).toBe('Old river bridge to close to cars for eight months');
    expect(result.byline).toBe('Jane Doe');
    expect(result.published).toBe('2025-03-03T09:00:00+01:00');
    expect(result.body).toEqual(BODY);
    expect(result.related).toHaveLength(3);
    expect(result.labels.map((l) => [l.n, l.label, l.kind ?? ''])).toEqual(EXPECTED_HTML_LABELS);
    expect(result.labels.find((l) => l.n === 3)!.signals).toContain('in=nav');
  });
});

describe('generic cleaner on HTML that states what it does not print', () => {
  const doc = parseHtml(readFileSync(join('fixtures', 'generic', 'bridge-closure.html'), 'utf8'));

  it('takes the printed byline and date when the stated ones are printed nowhere', () => {
    const result = cleanGeneric(doc.lines, { ...doc.metadata, author: 'Pat Smith', published: '2019-01-01T00:00:00Z' });
    expect(result.byline).toBe('Jane Doe');
    expect(result.published).toBe('March 3, 2025');
    expect(result.body).toEqual(BODY);
  });

  it('keeps a stated date the page does not print when the page prints the stated author', () => {
    const result = cleanGeneric(doc.lines, { ...doc.metadata, published: '2025-03-02' });
    expect(result.published).toBe('2025-03-02');
  });

  it('keeps a stated date that a <time> element of the page repeats, and no other', () => {
    const bare = { ...doc.metadata, author: null };
    expect(cleanGeneric(doc.lines, { ...bare, published: '2025-03-02T10:00:00Z', times: [{ datetime: '2025-03-02T10:00:00Z', line: null }] }).published).toBe('2025-03-02T10:00:00Z');
    expect(cleanGeneric(doc.lines, { ...bare, published: '2025-03-02T10:00:00Z', times: [{ datetime: '2025-03-01', line: null }] }).published).toBe('March 3, 2025');
  });

  it('keeps the one date printed under the title of a page that says it is not an article', () => {
    const result = cleanGeneric(doc.lines, { ...doc.metadata, author: null, published: null, type: 'Product' });
    expect(result.byline).toBe('Jane Doe');
    expect(result.published).toBe('March 3, 2025');
  });

  it('takes no printed date from a page that says it is not an article and prints the dates of several items', () => {
    const items = ['Sturdy and light: March 4, 2025', 'Broke after a week: March 5, 2025', 'Good value: March 6, 2025'];
    const listing = parseHtml(
      `<h1>Folding bridge kit</h1><p>March 3, 2025</p><p>${'A kit of parts for a small folding bridge, with every bolt it needs. '.repeat(6)}</p>` +
        `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`,
    );
    const meta = { ...listing.metadata, type: 'Product' };
    expect(cleanGeneric(listing.lines, meta).published).toBeNull();
    expect(cleanGeneric(listing.lines, { ...meta, type: 'Article' }).published).toBe('March 3, 2025');
  });
});

describe('generic cleaner: byline and date on one block', () => {
  it('takes both from the block, and a <time datetime> the block shows for its date', () => {
    const body = '<p>' + 'The council voted to close the old river bridge to cars from the first of May. '.repeat(5) + '</p>';
    const page = (meta: string) => clean(`<html><body><h1>Bridge to close for repairs</h1><p>${meta}</p>${body}${body}</body></html>`, { path: 'page.html' });
    const both = page('Jane Doe | Senior Writer | March 3, 2025');
    expect([both.byline, both.published, both.extraction.dates.published]).toEqual(['Jane Doe', '2025-03-03T00:00:00+00:00', 'March 3, 2025']);
    const stamped = page('Jane Doe · <time datetime="2025-03-03T09:30:00Z">2 days ago</time>');
    expect([stamped.byline, stamped.published]).toEqual(['Jane Doe', '2025-03-03T09:30:00+00:00']);
  });
});

describe('generic cleaner on pages with little or no content', () => {
  it('says so when the body is very short', () => {
    const result = cleanGeneric(asLines('Home\nNews\nContact\n\n© 2025 Example'));
    expect(result.warnings.some((w) => w.startsWith('very short body'))).toBe(true);
    expect(result.confidence).toBeLessThan(0.5);
    expect(result.labels).toHaveLength(5);
  });

  it('returns an empty result for an empty page', () => {
    expect(cleanGeneric([])).toEqual({
      labels: [],
      title: null,
      byline: null,
      published: null,
      updated: null,
      publishedLine: null,
      updatedLine: null,
      body: [],
      related: [],
      confidence: 0,
      warnings: ['very short body (0 words)'],
    });
  });
});

const WRAPPED = [19, 20, 22, 23];
const EXPECTED_TEXT_LABELS: [number, string, string][] = [
  [1, 'dropped', ''],
  [2, 'dropped', ''],
  [3, 'dropped', ''],
  [4, 'dropped', ''],
  [5, 'dropped', ''],
  [6, 'dropped', ''],
  [7, 'dropped', ''],
  [8, 'dropped', ''],
  [9, 'dropped', ''],
  [10, 'dropped', ''],
  [11, 'dropped', ''],
  [12, 'dropped', ''],
  [13, 'title', 'heading'],
  [14, 'dropped', ''],
  [15, 'byline', ''],
  [16, 'dropped', ''],
  [17, 'meta', ''],
  [18, 'dropped', ''],
  [19, 'body', 'paragraph'],
  [20, 'body', 'paragraph'],
  [21, 'dropped', ''],
  [22, 'body', 'paragraph'],
  [23, 'body', 'paragraph'],
  [24, 'dropped', ''],
  [25, 'body', 'heading'],
  [26, 'dropped', ''],
  [27, 'body', 'paragraph'],
  [28, 'dropped', ''],
  [29, 'body', 'paragraph'],
  [30, 'dropped', ''],
  [31, 'dropped', ''],
  [32, 'dropped', ''],
  [33, 'related', ''],
  [34, 'related', ''],
  [35, 'related', ''],
  [36, 'dropped', ''],
  [37, 'dropped', ''],
  [38, 'dropped', ''],
  [39, 'dropped', ''],
  [40, 'dropped', ''],
  [41, 'dropped', ''],
  [42, 'dropped', ''],
  [43, 'dropped', ''],
];
const EXPECTED_HTML_LABELS: [number, string, string][] = [
  [1, 'dropped', ''],
  [2, 'dropped', ''],
  [3, 'dropped', ''],
  [4, 'dropped', ''],
  [5, 'dropped', ''],
  [6, 'dropped', ''],
  [7, 'dropped', ''],
  [8, 'dropped', ''],
  [9, 'dropped', ''],
  [10, 'dropped', ''],
  [11, 'dropped', ''],
  [12, 'title', 'heading'],
  [13, 'dropped', ''],
  [14, 'byline', ''],
  [15, 'dropped', ''],
  [16, 'meta', ''],
  [17, 'dropped', ''],
  [18, 'body', 'paragraph'],
  [19, 'dropped', ''],
  [20, 'body', 'paragraph'],
  [21, 'dropped', ''],
  [22, 'body', 'heading'],
  [23, 'dropped', ''],
  [24, 'body', 'paragraph'],
  [25, 'dropped', ''],
  [26, 'body', 'paragraph'],
  [27, 'dropped', ''],
  [28, 'dropped', ''],
  [29, 'dropped', ''],
  [30, 'related', ''],
  [31, 'related', ''],
  [32, 'related', ''],
  [33, 'dropped', ''],
  [34, 'dropped', ''],
  [35, 'dropped', ''],
  [36, 'dropped', ''],
  [37, 'dropped', ''],
  [38, 'dropped', ''],
];
