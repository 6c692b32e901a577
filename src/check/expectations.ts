import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { structuredPatch } from 'diff';
import { DEFAULT_MAX_DIFF_LINES } from './defaults.js';
import { clean, type PipelineOptions } from '../pipeline/analyze.js';
import { readInputFile } from '../io/read.js';
import { EXPECTATION_FORMATS, expectationPath } from './expectation-files.js';
import type { Article, Format } from '../pipeline/types.js';

export { EXPECTATION_FILE, EXPECTATION_FORMATS, expectationPath, isExpectationFile } from './expectation-files.js';

/**
 * Golden files (laid out as expectation-files.ts says): the project's own
 * golden tests and `declutter check` both compare through this module, so
 * there is one comparison mechanism.
 */

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

/** A unified diff, cut to a length a terminal or CI log can show. */
export interface ExpectationDiff {
  /** `--- expected`, `+++ actual`, then hunks: `@@ … @@` and ` `/`-`/`+` lines. */
  lines: string[];
  /** How many diff lines were left out to respect the limit. */
  cut: number;
}


/**
 * The difference between an expectation file and what the page cleans to now,
 * as a unified diff from expected (`-`) to actual (`+`), keeping at most
 * `maxLines` lines (0 or Infinity: all of them).
 */
export function diffExpectation(comparison: Comparison, actualName: string, maxLines = DEFAULT_MAX_DIFF_LINES): ExpectationDiff {
  const patch = structuredPatch(comparison.path, actualName, comparison.expected, comparison.actual, '', '', { context: 3 });
  const lines = [`--- ${comparison.path}`, `+++ ${actualName}`];
  for (const hunk of patch.hunks) {
    lines.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines);
  }
  const limit = maxLines > 0 ? maxLines : Infinity;
  return lines.length > limit ? { lines: lines.slice(0, limit), cut: lines.length - limit } : { lines, cut: 0 };
}
