import { describe, expect, it } from 'vitest';
import { genericCleaner } from '../../../src/cleaners/generic/cleaner.js';
import { cleaners, createRegistry } from '../../../src/cleaners/registry.js';
import { clean } from '../../../src/pipeline/analyze.js';
import { DeclutterError } from '../../../src/pipeline/errors.js';
import { clean as cleanWithLibrary } from '../../../src/index.js';
import { toyCleaner } from './toy.js';

const toy = toyCleaner();

const STORY = 'A headline\n\nThe river rose by two metres overnight, and the ferry to the island stopped running until the water falls again.\n';

describe('the registry', () => {
  it('keeps the built-in site cleaners in order and the generic fallback last', () => {
    expect(cleaners.map(({ id, fallback }) => `${id}${fallback ? ' (fallback)' : ''}`)).toEqual(['devdiscourse', 'editorji', 'generic (fallback)']);
  });

  it('puts a fallback last whatever the order given, and takes only one', () => {
    expect(createRegistry([genericCleaner, toy]).map(({ id }) => id)).toEqual(['toy', 'generic']);
    expect(() => createRegistry([genericCleaner, { ...genericCleaner, id: 'other' }])).toThrow(
      new DeclutterError('bad-cleaner', 'only one cleaner can be the fallback', { cleaners: ['generic', 'other'] }),
    );
  });

  it('lets a site cleaner win a page it recognizes, and the fallback take the rest', () => {
    const registry = createRegistry([toy, genericCleaner]);
    expect(clean(`${STORY}\nToy footer\n`, { cleaners: registry }).source).toBe('toy');
    const article = clean(STORY, { cleaners: registry });
    expect(article.source).toBe('generic');
    expect(article.body).toEqual([
      'The river rose by two metres overnight, and the ferry to the island stopped running until the water falls again.',
    ]);
  });

  it('refuses, without a fallback or with sitesOnly, a page no site cleaner recognizes', () => {
    const refusal = new DeclutterError('unrecognized', 'no cleaner recognizes this page (known: toy)', { cleaners: ['toy'] });
    expect(() => clean(STORY, { cleaners: createRegistry([toy]) })).toThrow(refusal);
    expect(() => clean(STORY, { cleaners: createRegistry([toy, genericCleaner]), sitesOnly: true })).toThrow(refusal);
  });
});

describe('the generic cleaner and the document it reads', () => {
  const page = (byline: string) =>
    [
      '<!doctype html><html lang="en"><head><title>Ferry back on</title>',
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry back on","author":{"@type":"Person","name":"Site Owner"},"datePublished":"2025-04-02T07:30:00+02:00"}</script>',
      '</head><body><main><article><h1>Ferry back on</h1>',
      byline,
      '<p>The ferry to the island runs again from Monday, after the river fell back under the level at which the crossing is closed, the operator said on Friday.</p>',
      '<p>Timetables are as before the floods, with an extra evening crossing on weekdays until the end of the month for people who work in town.</p>',
      '</article></main></body></html>',
    ].join('\n');

  it('fills byline and date from the document only where the page bears them out', () => {
    const printed = cleanWithLibrary(page('<p class="byline">By Site Owner, April 2, 2025</p>'));
    expect(printed).toMatchObject({ source: 'generic', byline: 'Site Owner', published: '2025-04-02T07:30:00+02:00' });
    const unprinted = cleanWithLibrary(page(''));
    expect(unprinted).toMatchObject({ source: 'generic', title: 'Ferry back on', byline: null, published: null });
    expect(unprinted.extraction.from).toEqual({ language: 'html' });
  });
});
