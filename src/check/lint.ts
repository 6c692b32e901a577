import type { Cleaner } from '../pipeline/cleaner.js';
import type { Article } from '../pipeline/types.js';

/**
 * Quality gates for pages that have no expectation files: an article a
 * reader would reject (no title, no body, no date, too short, with the
 * site's clutter left in, or lacking a part every page of its site has)
 * fails even though nothing records what it should be.
 */
export const LINT_RULES = ['no-title', 'no-body', 'no-date', 'short-body', 'clutter', 'layout'] as const;
export type LintRule = (typeof LINT_RULES)[number];

export interface LintFailure {
  rule: LintRule;
  detail: string;
}

export interface LintOptions {
  /** A body with fewer words than this fails `short-body`. */
  minWords: number;
}

/** A news story shorter than this many words is a teaser or a cut page, not an article. */
export const DEFAULT_MIN_WORDS = 50;

/** How the pipeline words a recognized page that lacks a part its cleaner requires. */
const LAYOUT_WARNING = 'layout not as expected: ';

/** Every gate the article fails, in the order of LINT_RULES; empty when it passes. */
export function lintArticle(article: Article, cleaner: Cleaner, options: LintOptions): LintFailure[] {
  const failures: LintFailure[] = [];
  if (article.title.trim() === '') failures.push({ rule: 'no-title', detail: 'the article has no title' });
  if (article.body.length === 0) {
    failures.push({ rule: 'no-body', detail: 'the article has no body paragraphs' });
  }
  if (article.published === null && article.updated === null) failures.push({ rule: 'no-date', detail: describeMissingDate(article) });
  if (article.body.length > 0 && article.wordCount < options.minWords) {
    failures.push({ rule: 'short-body', detail: `${article.wordCount} words, fewer than ${options.minWords}` });
  }
  for (const { field, text } of clutterFields(article)) {
    const marker = cleaner.clutterMarkers.find((pattern) => matches(pattern, text));
    if (marker) failures.push({ rule: 'clutter', detail: `${field} matches ${cleaner.id} marker ${shown(marker)}: ${quote(text)}` });
  }
  for (const warning of article.warnings) {
    if (warning.startsWith(LAYOUT_WARNING)) {
      failures.push({ rule: 'layout', detail: `layout not as expected for ${cleaner.id}: ${warning.slice(LAYOUT_WARNING.length)}` });
    }
  }
  return failures;
}

function describeMissingDate(article: Article): string {
  const printed = article.extraction.dates.published ?? article.extraction.dates.updated;
  return printed === null ? 'no published or updated date' : `the page's date "${printed}" could not be read`;
}

/** The fields clutter must never reach, named as a reader would find them. */
function clutterFields(article: Article): { field: string; text: string }[] {
  return [
    { field: 'title', text: article.title },
    ...(article.summary === null ? [] : [{ field: 'summary', text: article.summary }]),
    ...article.body.map((text, i) => ({ field: `body paragraph ${i + 1}`, text })),
  ];
}

function matches(pattern: RegExp, text: string): boolean {
  // A marker declared with the g or y flag keeps state between tests; start afresh.
  pattern.lastIndex = 0;
  return pattern.test(text);
}

function quote(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

/** A marker as its file writes it: every cleaner file's pattern has the `u` flag, so it says nothing. */
function shown(marker: RegExp): string {
  return `/${marker.source}/${marker.flags.replace('u', '')}`;
}
