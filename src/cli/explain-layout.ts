import type { Label } from '../pipeline/types.js';
import type { ExplainedLine, Explanation } from '../pipeline/explain.js';
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
 * The explanation for a reader: a header naming the cleaner, its confidence
 * and evidence and the runner-up's, then one aligned row per input line:
 * number, label, rule (with the reason a line was dropped), text.
 */
export function layoutExplanation(explanation: Explanation, options: LayoutOptions = {}): string {
  const palette = options.palette ?? PLAIN;
  const { source, runnerUp } = explanation;
  const header = [
    `${explanation.path}`,
    `  source     ${source.id} (confidence ${source.confidence}${source.forced ? ', forced with --source' : ''}): ${evidence(source.evidence)}`,
    `  runner-up  ${runnerUp ? `${runnerUp.id} (confidence ${runnerUp.confidence}): ${evidence(runnerUp.evidence)}` : 'none'}`,
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
