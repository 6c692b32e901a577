import { defineCleaner, type CleanerDefinition } from '../../../src/cleaners/schema.js';

/**
 * A small valid cleaner for the registry and validation tests: a headline,
 * paragraphs, a byline rule and a footer that ends the article. A fresh
 * copy each call, so a test may change it.
 */
export const toyCleaner = (): CleanerDefinition =>
  defineCleaner({
    id: 'toy',
    site: 'Toy site',
    version: '1.0.0',
    recognizes: 'toy pages',
    timeZone: 'UTC',
    dateFormats: ['yyyy-MM-dd'],
    agencyFromByline: false,
    fingerprints: [{ name: 'toy footer', pattern: /^Toy footer$/, weight: 0.9 }],
    clutterMarkers: [/^Toy footer$/],
    start: 'top',
    zones: {
      top: [{ name: 'headline', match: /./, label: 'title', then: 'body' }],
      body: [
        { name: 'footer', match: /^Toy footer$/, label: 'dropped', reason: 'site footer', then: 'footer' },
        { name: 'byline', match: /^By (?<byline>.+)$/, label: 'byline' },
        { name: 'paragraph', match: /./, label: 'body' },
      ],
      footer: [{ name: 'rest', match: /./, label: 'dropped', reason: 'site footer' }],
    },
  });
