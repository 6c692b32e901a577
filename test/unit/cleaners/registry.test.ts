import { describe, expect, it } from 'vitest';
import { genericCleaner } from '../../../src/cleaners/generic/cleaner.js';
import { cleaners, createRegistry } from '../../../src/cleaners/registry.js';
import { defineCleaner } from '../../../src/cleaners/schema.js';
import { clean } from '../../../src/pipeline/analyze.js';
import { DeclutterError } from '../../../src/pipeline/errors.js';

const toy = defineCleaner({
  id: 'toy',
  site: 'Toy site',
  version: '1.0.0',
  recognizes: 'toy pages',
  timeZone: 'UTC',
  dateFormats: ['yyyy-MM-dd'],
  agencyFromByline: false,
  fingerprints: [{ name: 'toy footer', pattern: /^Toy footer$/, weight: 0.9 }],
  clutterMarkers: [],
  start: 'top',
  zones: {
    top: [{ name: 'headline', match: /./, label: 'title', then: 'body' }],
    body: [
      { name: 'footer', match: /^Toy footer$/, label: 'dropped', reason: 'site footer' },
      { name: 'paragraph', match: /./, label: 'body' },
    ],
  },
});

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
