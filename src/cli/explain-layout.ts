import type { Label } from '../pipeline/types.js';
import type { ExplainedCleaner, ExplainedLine, Explanation, UnrecognizedExplanation } from '../pipeline/explain.js';
import { escapeForTerminal } from './diagnostics.js';

/** `declutter explain` for a reader: the text layout of an Explanation. */

/** How the text layout is coloured; the default leaves it plain. */
export interface Palette {
  label(label: Label, text: string): string;
  muted(text: string): string;
}

const PLAIN: Palette = { label: (_label, text) => text, muted: (text) => text };

export interface LayoutOptions {
  /** Cut each line to this many columns (a terminal's width); none when absent. */
  width?: number;
  palette?: Palette;
}

/**
 * The explanation for a reader: a header with every site cleaner's score
 * and the fingerprints it found (a table, best first), the cleaner used and
 * why, the dates; then one aligned row per input line: number, label, rule
 * (with the reason a line was dropped), text.
 */
export function layoutExplanation(explanation: Explanation, options: LayoutOptions = {}): string {
  const palette = options.palette ?? PLAIN;
  const { source } = explanation;
  const used = source.forced
    ? `${source.id} (confidence ${source.confidence}, forced with --source)`
    : source.fallback
      ? `${source.id} (confidence ${source.confidence}): the fallback, as no site cleaner reached confidence ${explanation.threshold}`
      : `${source.id} (confidence ${source.confidence})`;
  const header = [
    `${explanation.path}`,
    ...scoreTable(explanation.cleaners),
    `  source     ${used}`,
    ...(explanation.reader === 'html' ? [`  read as    HTML (${explanation.encoding})`] : []),
    ...(['published', 'updated'] as const).flatMap((field) => {
      const date = explanation.dates[field];
      if (date === null) return [];
      return [`  ${field.padEnd(9)}  ${date.iso ?? '(not understood)'} from "${date.printed}" (${explanation.timeZone})`];
    }),
    '',
  ].map((line) => cut(escapeForTerminal(line), options.width));

  const numberWidth = String(explanation.lines.at(-1)?.n ?? 1).length;
  // Loops, not Math.max(...lines): a spread of 125,000 arguments overflows the stack.
  let labelWidth = 0;
  for (const line of explanation.lines) labelWidth = Math.max(labelWidth, line.label.length);
  const rules = explanation.lines.map(ruleCell);
  let ruleWidth = 0;
  for (const rule of rules) ruleWidth = Math.max(ruleWidth, rule.length);
  // HTML pages: a column with each line's element path, nearest elements last.
  const html = explanation.lines.some((line) => line.elements !== undefined);
  const elements = explanation.lines.map((line) => (html ? escapeForTerminal(elementCell(line.elements)) : ''));
  let elementWidth = 0;
  if (html) {
    for (const element of elements) elementWidth = Math.max(elementWidth, element.length);
    elementWidth += 2;
  }
  const room = options.width === undefined ? undefined : options.width - (numberWidth + labelWidth + ruleWidth + 6 + elementWidth);
  const rows = explanation.lines.map((line, i) => {
    const number = palette.muted(String(line.n).padStart(numberWidth));
    const label = palette.label(line.label, line.label.padEnd(labelWidth));
    const rule = palette.muted(rules[i]!.padEnd(ruleWidth));
    const element = html ? `${palette.muted(elements[i]!.padEnd(elementWidth - 2))}  ` : '';
    return `${number}  ${label}  ${rule}  ${element}${palette.label(line.label, cut(escapeForTerminal(line.text), room))}`.trimEnd();
  });
  return `${header.join('\n')}\n${rows.length > 0 ? `${rows.join('\n')}\n` : ''}`;
}

/**
 * A page no cleaner was allowed to clean (`--sites-only`): the path, every
 * site cleaner's score and fingerprints, and that none was used.
 */
export function layoutUnrecognized(explanation: UnrecognizedExplanation, options: LayoutOptions = {}): string {
  const lines = [
    explanation.path,
    ...scoreTable(explanation.cleaners),
    `  source     none: no site cleaner reached confidence ${explanation.threshold}, and --sites-only refuses the generic fallback`,
    ...(explanation.reader === 'html' ? [`  read as    HTML (${explanation.encoding})`] : []),
  ];
  return `${lines.map((line) => cut(escapeForTerminal(line), options.width)).join('\n')}\n`;
}

/** Rows shown in the score table before cleaners that found nothing are counted instead of listed. */
export const SHOWN_CLEANERS = 5;

/** `cleaner  confidence  evidence`, one row per site cleaner, best first; evidence cut to the width later, ending in "…". */
function scoreTable(cleaners: readonly ExplainedCleaner[]): string[] {
  if (cleaners.length === 0) return ['  (no site cleaners)'];
  const nothing = (cleaner: ExplainedCleaner) => cleaner.confidence === 0 && cleaner.evidence.length === 0;
  const shown = cleaners.filter((cleaner, i) => i < SHOWN_CLEANERS || !nothing(cleaner));
  const hidden = cleaners.length - shown.length;
  let idWidth = 'cleaner'.length;
  for (const cleaner of shown) idWidth = Math.max(idWidth, cleaner.id.length);
  const scores = shown.map((cleaner) => String(cleaner.confidence));
  let scoreWidth = 'confidence'.length;
  for (const score of scores) scoreWidth = Math.max(scoreWidth, score.length);
  return [
    `  ${'cleaner'.padEnd(idWidth)}  ${'confidence'.padEnd(scoreWidth)}  evidence`,
    ...shown.map((cleaner, i) => `  ${cleaner.id.padEnd(idWidth)}  ${scores[i]!.padEnd(scoreWidth)}  ${evidence(cleaner.evidence)}`),
    ...(hidden > 0 ? [`  … ${hidden} more with confidence 0: no fingerprints found`] : []),
  ];
}

/** Shown elements of a path: the last three, `main > article > p`, after `… > ` when there are more. */
export const SHOWN_ELEMENTS = 3;

function elementCell(path: readonly string[] | undefined): string {
  if (path === undefined || path.length === 0) return '';
  const shown = path.slice(-SHOWN_ELEMENTS).join(' > ');
  return path.length > SHOWN_ELEMENTS ? `… > ${shown}` : shown;
}

function evidence(found: readonly string[]): string {
  return found.length === 0 ? 'no fingerprints found' : found.join('; ');
}

/**
 * The rule, and for a dropped line why, unless the rule's name says it
 * already (`blank`, `separator`); for a scoring cleaner's line, its signals.
 */
function ruleCell(line: ExplainedLine): string {
  const says = line.reason === undefined || line.label !== 'dropped' || line.reason.startsWith(line.rule);
  const cell = says ? line.rule : `${line.rule} (${line.reason})`;
  return line.signals && line.signals.length > 0 ? `${cell} ${line.signals.join(' ')}` : cell;
}

/** At most `width` characters (code points), the last one an ellipsis when cut. */
function cut(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  return width <= 0 ? '' : `${chars.slice(0, width - 1).join('')}…`;
}
