import { describe, expect, it } from 'vitest';
import { lintArticle, LINT_RULES, type LintRule } from '../../../src/check/lint.js';
import { clean, type CleanOptions } from '../../../src/index.js';
import { findCleaner } from '../../../src/cleaners/registry.js';
import { devdiscoursePage, editorjiPage, words } from './crafted-pages.js';

const MIN_WORDS = 50;

function lint(page: string, options: CleanOptions = {}) {
  const article = clean(page, options);
  return lintArticle(article, findCleaner(article.source)!, { minWords: MIN_WORDS });
}

function rules(page: string, options: CleanOptions = {}): LintRule[] {
  return lint(page, options).map(({ rule }) => rule);
}

describe('lintArticle', () => {
  it('passes complete articles of both sources', () => {
    expect(lint(editorjiPage())).toEqual([]);
    expect(lint(devdiscoursePage())).toEqual([]);
  });

  it('fails no-title, no-body and no-date for a page with nothing in it but navigation', () => {
    expect(rules('Left Menu\n\nLeft Menu\n', { source: 'devdiscourse' })).toEqual(['no-title', 'no-body', 'no-date', 'layout']);
  });

  it('fails no-body, and not short-body, when there are no paragraphs', () => {
    expect(rules(editorjiPage({ paragraphs: [] }))).toEqual(['no-body']);
  });

  it('fails no-date when the page prints no date, and layout when its site always prints one', () => {
    const failures = lint(editorjiPage({ updated: null }));
    expect(failures).toEqual([
      { rule: 'no-date', detail: 'no published or updated date' },
      { rule: 'layout', detail: 'layout not as expected for editorji: no date line' },
    ]);
  });

  it('fails no-date, quoting the date, when the printed date cannot be read', () => {
    const failures = lint(editorjiPage({ updated: 'Smarch 45, 2025 99:99' }));
    expect(failures.map(({ rule }) => rule)).toEqual(['no-date']);
    expect(failures[0]!.detail).toContain('"Smarch 45, 2025 99:99"');
  });

  it('fails short-body below --min-words, counting words, and passes at the threshold', () => {
    const failures = lint(editorjiPage({ paragraphs: [words(12)] }));
    expect(failures).toEqual([{ rule: 'short-body', detail: `12 words, fewer than ${MIN_WORDS}` }]);
    expect(lint(editorjiPage({ paragraphs: [words(MIN_WORDS)] }))).toEqual([]);
  });

  it("fails clutter when one of the source's markers is left in a body paragraph, naming it", () => {
    const failures = lint(editorjiPage({ paragraphs: [words(60), 'editorji | World'] }));
    expect(failures).toHaveLength(1);
    expect(failures[0]!.rule).toBe('clutter');
    expect(failures[0]!.detail).toBe('body paragraph 2 matches editorji marker /^editorji \\| /: "editorji | World"');
  });

  it('fails clutter in the title and in the summary', () => {
    const inTitle = lint(devdiscoursePage({ title: 'TRENDING' }));
    expect(inTitle.map(({ detail }) => detail.split(' matches')[0])).toEqual(['title']);
    const inSummary = lint(devdiscoursePage({ standfirst: 'Representative Image Image Credit: Reuters' }));
    expect(inSummary.map(({ detail }) => detail.split(' matches')[0])).toEqual(['summary']);
  });

  it('reports only rules it declares', () => {
    for (const rule of rules('Left Menu\n', { source: 'devdiscourse' })) expect(LINT_RULES).toContain(rule);
  });

  it('tests markers afresh even when one keeps state between matches', () => {
    const source = { ...findCleaner('editorji')!, clutterMarkers: [/^editorji \| /g] };
    const article = clean(editorjiPage({ paragraphs: [words(60), 'editorji | World', 'editorji | Sport'] }));
    expect(lintArticle(article, source, { minWords: MIN_WORDS }).map(({ detail }) => detail.slice(0, 16))).toEqual([
      'body paragraph 2',
      'body paragraph 3',
    ]);
  });
});
