import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { clean } from '../../../src/index.js';
import type { Article } from '../../../src/pipeline/types.js';
import { render } from '../../../src/render/index.js';
import { escapeMarkdown } from '../../../src/render/markdown.js';

const SAMPLE: Article = clean(readFileSync('fixtures/devdiscourse/russia-syria-ties.txt'), { path: 'russia-syria-ties.txt' });
const commonmark = new MarkdownIt('commonmark');

function withText(changes: Partial<Article>): Article {
  return { ...structuredClone(SAMPLE), ...changes };
}

/** The YAML front matter of a Markdown rendering, and the Markdown after it. */
function splitFrontMatter(markdown: string): { frontMatter: string; content: string } {
  const match = /^---\n(?<frontMatter>[\s\S]*?)\n---\n(?<content>[\s\S]*)$/.exec(markdown);
  if (!match) throw new Error(`no front matter in:\n${markdown}`);
  return { frontMatter: match.groups!.frontMatter!, content: match.groups!.content! };
}

/** Text of rendered HTML as a reader sees it: tags removed, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .trim();
}

const HOSTILE = [
  'He said "no": it\'s over',
  '# not a comment',
  '- not a list item',
  'key: value',
  'ends with a colon:',
  ': starts with one',
  '? a question mark first',
  'back\\slash and \\n and \\"',
  'line\u2028separator and\u2029paragraph and next\u0085line',
  "'single quoted'",
  '{braces} [brackets] & *alias !tag %directive @at `tick |pipe >fold',
  'null',
  'true',
  '0x1F',
  '~',
  '---',
  'tab\there',
  'emoji 🌧️ and accents Ç ñ',
];

describe('markdown front matter', () => {
  it.each(HOSTILE)('reads back %j as the same values', (text) => {
    const article = withText({ title: text, byline: text, dateline: text, countries: [text, 'India'], image: { caption: null, credit: text }, url: `https://example.org/?q=${encodeURIComponent(text)}`, language: 'en-IN' });
    const { frontMatter } = splitFrontMatter(render(article, 'md'));
    expect(parseYaml(frontMatter)).toEqual({
      title: text,
      source: 'devdiscourse',
      byline: text,
      agency: null,
      dateline: text,
      published: '2025-01-29T14:38:00+05:30',
      updated: '2025-01-29T14:54:00+05:30',
      countries: [text, 'India'],
      image_credit: text,
      url: `https://example.org/?q=${encodeURIComponent(text)}`,
      language: 'en-IN',
    });
  });

  it('reads back any title as the same string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (title) => {
        const { frontMatter } = splitFrontMatter(render(withText({ title }), 'md'));
        expect(parseYaml(frontMatter).title).toBe(title);
      }),
    );
  });

  it('writes absent values as YAML null', () => {
    const { frontMatter } = splitFrontMatter(render(withText({ byline: null, image: null, countries: [], url: null, language: null }), 'md'));
    const values = parseYaml(frontMatter);
    expect([values.byline, values.image_credit, values.countries, values.url, values.language]).toEqual([null, null, [], null, null]);
  });
});

describe('markdown escaping', () => {
  const paragraphs = [
    '1. The first condition is a cap on prices.',
    '2) A second item.',
    '2025. A year, then a dot.',
    '# Not a heading',
    '- Not a list',
    '+ Not a list either',
    '* Nor this',
    '> Not a quote',
    '= not a setext underline',
    '--- not a rule',
    '*stars* and _underscores_ and **strong**',
    '[brackets](x) and ![image](y.png)',
    '<b>html</b> and <!-- comment -->',
    '`code` and ``more``',
    '~~~ not a fence',
    '| a | table |',
    'AT&T and &amp; and &#35;',
    'a trailing backslash \\',
    'https://example.com/a_b_c',
    'TRENDING topics on social media showed a rise.',
  ];

  it.each(paragraphs)('renders %j as the same text', (paragraph) => {
    expect(visibleText(commonmark.render(escapeMarkdown(paragraph)))).toBe(paragraph);
  });

  it('renders any one-line paragraph of Markdown-significant characters as the same text', () => {
    const character = fc.constantFrom(...'abc 123.)#>+-=*_[]()!<>&;`~|\\:/"\'é'.split(''));
    const paragraph = fc
      .array(character, { minLength: 1, maxLength: 24 })
      .map((chars) => chars.join('').replace(/ {2,}/g, ' ').trim())
      .filter((text) => text !== '');
    fc.assert(
      fc.property(paragraph, (text) => {
        expect(visibleText(commonmark.render(escapeMarkdown(text)))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('renders any note in italics as its own text, and any summary as a quote of itself', () => {
    const character = fc.constantFrom(...'ab 1.#>-*_[]()!<&`~\\:"'.split(''));
    const line = fc
      .array(character, { minLength: 1, maxLength: 16 })
      .map((chars) => chars.join('').replace(/ {2,}/g, ' ').trim())
      .filter((text) => text !== '');
    fc.assert(
      fc.property(line, line, (note, summary) => {
        const { content } = splitFrontMatter(render(withText({ title: 'T', summary, body: [], notes: [note] }), 'md'));
        const html = commonmark.render(content);
        expect(visibleText(/<blockquote>([\s\S]*?)<\/blockquote>/.exec(html)![1]!)).toBe(summary);
        expect(html).toMatch(/<p><em>[\s\S]*<\/em><\/p>\n$/);
        expect(visibleText(/<p><em>([\s\S]*)<\/em><\/p>\n$/.exec(html)![1]!)).toBe(note);
      }),
      { numRuns: 300 },
    );
  });

  it('renders title, summary, paragraphs and notes as their own text', () => {
    const article = withText({
      title: '# 1. <Title> *with* [stars](x)',
      summary: '> quoted - summary',
      body: ['1. first', '- second', 'plain third'],
      notes: ['_With inputs from agencies._'],
    });
    const { content } = splitFrontMatter(render(article, 'md'));
    const html = commonmark.render(content);
    expect(visibleText(/<h1>([\s\S]*?)<\/h1>/.exec(html)![1]!)).toBe(article.title);
    expect(visibleText(/<blockquote>([\s\S]*?)<\/blockquote>/.exec(html)![1]!)).toBe(article.summary);
    const paragraphs = [...html.replace(/<blockquote>[\s\S]*?<\/blockquote>/, '').matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!);
    expect(paragraphs.slice(0, 3).map(visibleText)).toEqual(article.body);
    expect(paragraphs[3]).toMatch(/^<em>[\s\S]*<\/em>$/);
    expect(visibleText(paragraphs[3]!)).toBe(article.notes[0]);
    expect(paragraphs.length).toBe(4);
  });
});

describe('text format', () => {
  it('is the title, a blank line, then the paragraphs separated by blank lines', () => {
    const article = withText({ title: 'Title', body: ['First paragraph.', 'Second paragraph.'] });
    expect(render(article, 'text')).toBe('Title\n\nFirst paragraph.\n\nSecond paragraph.\n');
  });

  it('leaves out summary, notes and related stories', () => {
    const text = render(SAMPLE, 'text');
    expect(text).not.toContain(SAMPLE.summary!);
    expect(text).not.toContain(SAMPLE.notes[0]!);
    expect(text).not.toContain(SAMPLE.related[0]!.title);
  });
});

describe('ndjson format', () => {
  it('is one line holding the whole article', () => {
    const article = withText({ body: ['one\u2028two', 'three'] });
    const output = render(article, 'ndjson');
    expect(output.endsWith('\n')).toBe(true);
    expect(output.slice(0, -1)).not.toMatch(/[\n\r]/);
    expect(JSON.parse(output)).toEqual(article);
  });
});

describe('json format', () => {
  it('keeps the contract’s key order', () => {
    const json = JSON.parse(render(SAMPLE, 'json'));
    expect(Object.keys(json)).toEqual([
      'source',
      'url',
      'title',
      'summary',
      'byline',
      'agency',
      'dateline',
      'published',
      'updated',
      'language',
      'countries',
      'image',
      'body',
      'notes',
      'related',
      'wordCount',
      'input',
      'extraction',
      'warnings',
    ]);
    expect(Object.keys(json.image)).toEqual(['caption', 'credit']);
    expect(Object.keys(json.related[0])).toEqual(['title', 'section']);
    expect(Object.keys(json.input)).toEqual(['path', 'bytes', 'sha256']);
  });

  it('is pretty-printed with a final newline and reads back as the article', () => {
    const output = render(SAMPLE, 'json');
    expect(output.startsWith('{\n  "source": "devdiscourse",\n')).toBe(true);
    expect(output.endsWith('}\n')).toBe(true);
    expect(JSON.parse(output)).toEqual(SAMPLE);
  });
});
