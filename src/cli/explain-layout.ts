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
  const room = options.width === undefined ? undefined : options.width - (numberWidth + labelWidth + ruleWidth + 6);
  const rows = explanation.lines.map((line, i) => {
    const number = palette.muted(String(line.n).padStart(numberWidth));
    const label = palette.label(line.label, line.label.padEnd(labelWidth));
    const rule = palette.muted(rules[i]!.padEnd(ruleWidth));
    return `${number}  ${label}  ${rule}  ${palette.label(line.label, cut(escapeForTerminal(line.text), room))}`.trimEnd();
  });
  return `${header.join('\n')}\n${rows.length > 0 ? `${rows.join('\n')}\n` : ''}`;
}

function evidence(found: readonly string[]): string {
  return found.length === 0 ? 'no fingerprints found' : found.join('; ');
}

/** The rule, and for a dropped line why, unless the rule's name says it already (`blank`, `separator`). */
function ruleCell(line: ExplainedLine): string {
  const says = line.reason === undefined || line.label !== 'dropped' || line.reason.startsWith(line.rule);
  return says ? line.rule : `${line.rule} (${line.reason})`;
}

/** At most `width` characters (code points), the last one an ellipsis when cut. */
function cut(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  return width <= 0 ? '' : `${chars.slice(0, width - 1).join('')}…`;
}
