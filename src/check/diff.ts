import { structuredPatch } from 'diff';
import { DEFAULT_MAX_DIFF_LINES, type Comparison } from './expectations.js';

/**
 * The diff `check` shows for a mismatch, bounded in every way: in the edits
 * worked out (beyond MAX_EDIT_LENGTH the first differing line is named
 * instead, as a diff's cost grows with the square of the edits), in lines
 * and in bytes shown.
 */

/** A unified diff, cut to a length a terminal or CI log can show. */
export interface ExpectationDiff {
  /** `--- expected`, `+++ actual`, then hunks: `@@ … @@` and ` `/`-`/`+` lines. */
  lines: string[];
  /** How many diff lines were left out to respect the limit. */
  cut: number;
  /** Set when the two sides differ too much to diff at a bounded cost: the first line that differs (1-based). */
  differsFromLine?: number;
}

/** Edits beyond which no diff is worked out (its cost grows with their square): the first differing line is named instead. */
export const MAX_EDIT_LENGTH = 2000;

/** Bytes of diff shown per mismatch, whatever the line limit: one line can be megabytes. */
export const MAX_DIFF_BYTES = 64 * 1024;

/**
 * The difference between an expectation file and what the page cleans to now,
 * as a unified diff from expected (`-`) to actual (`+`), keeping at most
 * `maxLines` lines (0 or Infinity: all of them) and MAX_DIFF_BYTES bytes.
 * When the sides differ by more than MAX_EDIT_LENGTH lines, only the first
 * line that differs is named.
 */
export function diffExpectation(comparison: Comparison, actualName: string, maxLines = DEFAULT_MAX_DIFF_LINES): ExpectationDiff {
  const head = [`--- ${comparison.path}`, `+++ ${actualName}`];
  const patch = structuredPatch(comparison.path, actualName, comparison.expected, comparison.actual, '', '', { context: 3, maxEditLength: MAX_EDIT_LENGTH });
  if (patch === undefined) {
    const line = firstDifferentLine(comparison.expected, comparison.actual);
    return { lines: [...head, `@@ differs from line ${line} (too many changes to show a diff) @@`], cut: 0, differsFromLine: line };
  }
  const limit = maxLines > 0 ? maxLines : Infinity;
  const lines = head;
  let total = head.length;
  let bytes = 0;
  const keep = (line: string) => {
    total++;
    if (lines.length >= limit || bytes >= MAX_DIFF_BYTES) return;
    const room = MAX_DIFF_BYTES - bytes;
    const shown = line.length > room ? `${line.slice(0, room)}…` : line;
    bytes += shown.length + 1;
    lines.push(shown);
  };
  // One line at a time (no spread): a hunk may hold hundreds of thousands.
  for (const hunk of patch.hunks) {
    keep(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    for (const line of hunk.lines) keep(line);
  }
  return { lines, cut: total - lines.length };
}

/** The first line (1-based) where two texts differ. */
function firstDifferentLine(a: string, b: string): number {
  let line = 1;
  const end = Math.min(a.length, b.length);
  for (let i = 0; i < end; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) return line;
    if (a.charCodeAt(i) === 10) line++;
  }
  return line;
}
