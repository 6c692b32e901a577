import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean, compileCleaner, createRegistry } from '../../src/index.js';
import { BUILTIN_DEFINITIONS } from '../../src/cleaners/builtins.js';
import type { Article } from '../../src/pipeline/types.js';

// fixtures/<site>/<name>.html is a page saved as HTML, with the header,
// menus, widgets and footer a real page carries, and <name>.txt the same
// story as the users' text dumps show it. Both must give the same article.
const twins = ['devdiscourse', 'editorji'].flatMap((site) =>
  readdirSync(join('fixtures', site))
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ site, html: join('fixtures', site, file), text: join('fixtures', site, file.replace(/\.html$/, '.txt')) })),
);

/** Keys the document's metadata may add to an article whose page left them empty. */
const ADDED_BY_HTML = new Set(['url', 'language']);

describe('HTML fixtures and their text twins', () => {
  it('exist for both sites', () => {
    expect(twins.map(({ site }) => site).sort()).toEqual(['devdiscourse', 'editorji']);
    for (const twin of twins) expect(existsSync(twin.text), twin.text).toBe(true);
  });

  describe.each(twins)('$html', ({ html, text }) => {
    const fromHtml = clean(readFileSync(html), { path: html });
    const fromText = clean(readFileSync(text), { path: text });

    it('is read as HTML, its twin as text', () => {
      expect(fromHtml.extraction.reader).toBe('html');
      expect(fromText.extraction.reader).toBe('text');
      expect(fromText.extraction.from).toEqual({});
    });

    it('gives the same article field by field, except what the document adds to empty fields', () => {
      const keys = Object.keys(fromText) as (keyof Article)[];
      expect(Object.keys(fromHtml)).toEqual(keys);
      for (const key of keys) {
        if (key === 'input' || key === 'extraction') continue;
        const filled = (fromHtml.extraction.from as Record<string, string | undefined>)[key] !== undefined;
        if (filled || ADDED_BY_HTML.has(key)) {
          // The document may only fill what the visible page left empty.
          expect(fromText[key], key).toBeNull();
        } else {
          expect(fromHtml[key], key).toEqual(fromText[key]);
        }
      }
      expect(fromHtml.url).toMatch(/^https:\/\//);
      expect(fromHtml.language).toMatch(/^en/);
    });

    it('drops the page chrome the dump leaves out with a reason, before the rules', () => {
      expect(fromHtml.extraction.lines.dropped).toBeGreaterThan(0);
      expect(fromHtml.warnings).toEqual([]);
    });
  });

  it('needs the page chrome dropped: with landmarks kept, the menu becomes the headline', () => {
    const keeping = createRegistry(BUILTIN_DEFINITIONS.map((definition) => compileCleaner({ ...definition, landmarks: 'keep' })));
    const devdiscourse = twins.find(({ site }) => site === 'devdiscourse')!;
    const kept = clean(readFileSync(devdiscourse.html), { cleaners: keeping });
    const dropped = clean(readFileSync(devdiscourse.html));
    expect(dropped.title).toBe('Gujarat Extends Solar Panels Over Irrigation Canals');
    expect(kept.title).not.toBe(dropped.title);
  });

  it('fills Editorji’s missing publication date from JSON-LD, in the site’s zone', () => {
    const editorji = twins.find(({ site }) => site === 'editorji')!;
    const article = clean(readFileSync(editorji.html));
    expect(article.published).toBe('2025-03-12T19:35:00+05:30');
    expect(article.extraction.from).toEqual({ url: 'og', published: 'json-ld', language: 'html' });
    expect(article.extraction.dates.published).toBe('2025-03-12T14:05:00Z');
    // Declared windows-1252 and read as such: no guess, no warning.
    expect(article.extraction.encoding).toBe('windows-1252');
    expect(article.related[0]!.title).toBe('Iceland opens new research station on the edge of Vatnajökull');
  });
});
