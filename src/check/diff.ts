import { structuredPatch } from 'diff';
import { DEFAULT_MAX_DIFF_LINES, type Comparison } from './expectations.js';

/**
 * The diff `check` shows for a mismatch, bounded in every way: in the edits
 * worked out (beyond MAX_EDIT_LENGTH the first differing line is named
 * instead, as a diff's cost grows with the square of the edits), in changed lines
 * and in bytes shown.
 */

/** A unified diff, cut to a length a terminal or CI log can show. */
export interface ExpectationDiff {
  /** `--- expected`, `+++ actual`, then hunks: `@@ … @@` and ` `/`-`/`+` lines. */
  lines: string[];
  /** How many changed lines (`-` or `+`) were left out to respect the limits. */
  cut: number;
  /** Set when the two sides differ too much to diff at a bounded cost: the first line that differs (1-based). */
  differsFromLine?: number;
}

/** Edits beyond which no diff is worked out (its cost grows with their square): the first differing line is named instead. */
export const MAX_EDIT_LENGTH = 2000;

/** Bytes of diff shown per mismatch, whatever the line limit: one line can be megabytes. */
export const MAX_DIFF_BYTES = 64 * 1024;

/** Unchanged lines shown around each change. */
const CONTEXT = 3;

/**
 * The difference between an expectation file and what the page cleans to now,
 * as a unified diff from expected (`-`) to actual (`+`), showing at most
 * `maxChanges` changed lines (0 or Infinity: all of them) with their context,
 * and at most MAX_DIFF_BYTES bytes. The limit counts changed lines, not
 * headers or context, so the first change is always shown. A hunk cut short
 * says in its `@@` line how many lines it shows. When the sides differ by
 * more than MAX_EDIT_LENGTH lines, only the first line that differs is named.
 */
export function diffExpectation(comparison: Comparison, actualName: string, maxChanges = DEFAULT_MAX_DIFF_LINES): ExpectationDiff {
  const head = [`--- ${comparison.path}`, `+++ ${actualName}`];
  const patch = structuredPatch(comparison.path, actualName, comparison.expected, comparison.actual, '', '', { context: CONTEXT, maxEditLength: MAX_EDIT_LENGTH });
  if (patch === undefined) {
    const line = firstDifferentLine(comparison.expected, comparison.actual);
    return { lines: [...head, `@@ differs from line ${line} (too many changes to show a diff) @@`], cut: 0, differsFromLine: line };
  }
  const limit = maxChanges > 0 ? maxChanges : Infinity;
  const lines = head;
  let bytes = 0;
  let changes = 0;
  let shown = 0;
  let stopped = false;
  /** The line as shown: cut where the byte budget ends. */
  const fit = (line: string): string | null => {
    if (bytes >= MAX_DIFF_BYTES) return null;
    const room = MAX_DIFF_BYTES - bytes;
    const kept = line.length > room ? `${line.slice(0, room)}…` : line;
    bytes += kept.length + 1;
    return kept;
  };
  // One line at a time (no spread): a hunk may hold hundreds of thousands.
  for (const hunk of patch.hunks) {
    const body: string[] = [];
    let oldLines = 0;
    let newLines = 0;
    let context: string[] = [];
    const take = (line: string) => {
      body.push(line);
      if (line[0] !== '+' && line[0] !== '\\') oldLines++;
      if (line[0] !== '-' && line[0] !== '\\') newLines++;
    };
    for (const line of hunk.lines) {
      const changed = line[0] === '-' || line[0] === '+';
      if (!changed) {
        if (!stopped) context.push(line);
        continue;
      }
      changes++;
      if (stopped) continue;
      if (shown >= limit || bytes >= MAX_DIFF_BYTES) {
        stopped = true;
        continue;
      }
      for (const kept of context) {
        const fitted = fit(kept);
        if (fitted !== null) take(fitted);
      }
      context = [];
      take(fit(line)!);
      shown++;
    }
    if (body.length === 0) continue;
    // Context after the last change shown: the hunk's own, or at most CONTEXT lines where the hunk was cut.
    for (const kept of stopped ? context.slice(0, CONTEXT) : context) {
      const fitted = fit(kept);
      if (fitted !== null) take(fitted);
    }
    lines.push(`@@ -${hunk.oldStart},${oldLines} +${hunk.newStart},${newLines} @@`);
    for (const line of body) lines.push(line);
  }
  return { lines, cut: changes - shown };
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
