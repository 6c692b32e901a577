/**
 * Small pages written for tests of `check --lint` and `explain`: each the
 * shape of a real page of its site, with one thing wrong where a test needs it.
 */

/** `count` words of plain story text. */
export function words(count: number): string {
  return Array.from({ length: count }, (_, i) => (i % 10 === 9 ? 'talks.' : 'officials')).join(' ');
}

export interface EditorjiParts {
  title?: string;
  updated?: string | null;
  paragraphs?: string[];
}

/** An Editorji wire story: headline, `Updated :` line, byline, dateline paragraph, disclaimer. */
export function editorjiPage({ title = 'Leaders Meet in Moscow', updated = 'Oct 15, 2025 17:42', paragraphs = [words(80)] }: EditorjiParts = {}): string {
  const [first = '', ...rest] = paragraphs;
  return [
    title,
    '',
    ...(updated === null ? [] : [`Updated : ${updated}`]),
    '|',
    'Editorji News Desk',
    '',
    ...(paragraphs.length > 0 ? [`Moscow, Oct 15 (AP) – ${first}`, ''] : []),
    ...rest.flatMap((paragraph) => [paragraph, '']),
    '(AP) RD RD',
    '',
    '(Only the headline of this report may have been reworked by Editorji; the rest of the content is auto-generated from a syndicated feed.)',
    '',
  ].join('\n');
}

export interface DevdiscourseParts {
  title?: string;
  standfirst?: string;
  paragraphs?: string[];
}

/** A Devdiscourse story: navigation, headline, standfirst, byline line with dates, paragraphs, footer. */
export function devdiscoursePage({
  title = 'Ministers Agree on Trade Corridor',
  standfirst = 'Two ministers agreed to open a trade corridor.',
  paragraphs = [words(80)],
}: DevdiscourseParts = {}): string {
  return [
    'Left Menu',
    '',
    title,
    '',
    standfirst,
    '',
    'Devdiscourse News Desk | New Delhi | Updated: 29-01-2025 14:54 IST | Created: 29-01-2025 14:38 IST',
    title,
    '',
    ...paragraphs.flatMap((paragraph) => [paragraph, '']),
    '(With inputs from agencies.)',
    '',
    'DevShots',
    '',
    'Email: info@devdiscourse.com',
    '© Copyright 2025',
    '',
  ].join('\n');
}
