import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { clean, type PipelineOptions } from '../pipeline/analyze.js';
import { readInputFile } from '../io/read.js';
import { outputStem } from '../batch/outputs.js';
import type { Article, Format } from '../pipeline/types.js';

/**
 * Golden files: the project's own golden tests and `declutter check` both
 * compare through this module, so there is one comparison mechanism (the
 * diff of a mismatch is check/diff.ts, loaded only to show one).
 *
 * Where expectations lie: `name.txt` is checked against `name.expected.json`,
 * `name.expected.md` and `name.expected.txt` beside it. A page of another
 * kind keeps its extension, as its output does: `name.html` has
 * `name.html.expected.json`, so `name.txt` and `name.html` side by side
 * never share one.
 */
export const EXPECTATION_FORMATS: readonly { format: Format; suffix: string }[] = [
  { format: 'json', suffix: '.expected.json' },
  { format: 'md', suffix: '.expected.md' },
  { format: 'text', suffix: '.expected.txt' },
];

/** Matches expectation files, which are never pages themselves. */
export const EXPECTATION_FILE = /\.expected\.[^./\\]+$/;

export function isExpectationFile(path: string): boolean {
  return EXPECTATION_FILE.test(path);
}

/** `dir/name.txt` → `dir/name`, `dir/name.html` → `dir/name.html`: what a page and its expectations share. */
export function pageStem(page: string): string {
  return join(dirname(page), outputStem(basename(page)));
}

/** `dir/name.expected.json` → `dir/name`: the stem of the page it belongs to. */
export function expectationStem(path: string): string {
  return path.replace(EXPECTATION_FILE, '');
}

/** `dir/name.txt` → `dir/name.expected.json` (and so on). */
export function expectationPath(page: string, suffix: string): string {
  return pageStem(page) + suffix;
}

/** Lines of diff shown per mismatch: enough to see what changed, short enough for a CI log. */
export const DEFAULT_MAX_DIFF_LINES = 80;

/** The expectation files that exist beside a page. */
export function expectationsFor(page: string): { format: Format; path: string }[] {
  return EXPECTATION_FORMATS.map(({ format, suffix }) => ({ format, path: expectationPath(page, suffix) })).filter(({ path }) =>
    existsSync(path),
  );
}

/**
 * Cleans a page as its expectation files record it: `input.path` is the
 * page's file name, so expectations do not depend on where they lie.
 */
export function cleanForExpectation(page: string, options: PipelineOptions): Article {
  return clean(readInputFile(page), { ...options, path: basename(page) });
}

export interface Comparison {
  format: Format;
  path: string;
  matches: boolean;
  /** Both sides as compared (JSON with `input.path` left out). */
  expected: string;
  actual: string;
}

/** Compares one rendered article with one expectation file's text. */
export function compareExpectation(format: Format, path: string, expectedFile: string, actualText: string): Comparison {
  const expected = format === 'json' ? comparableJson(expectedFile) : normalizeNewlines(expectedFile);
  const actual = format === 'json' ? comparableJson(actualText) : actualText;
  return { format, path, matches: expected === actual, expected, actual };
}

/** JSON re-printed with fields that depend on where the file lies left out. */
function comparableJson(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON: compare as text, which shows the whole file as the difference.
    return normalizeNewlines(text);
  }
  if (value && typeof value === 'object' && 'input' in value && value.input && typeof value.input === 'object') {
    delete (value.input as { path?: unknown }).path;
  }
  return `${JSON.stringify(value, null, 2)}\n`;
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

