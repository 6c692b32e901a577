import type { Analysis } from './analyze.js';
import type { Article, Captures, Extraction, Label } from './types.js';

/**
 * `declutter explain`: why each line of a page was kept or dropped, from the
 * labels the cleaner produced (the same `analyze()` that `clean` runs), and
 * which cleaner was chosen over which runner-up, on what evidence.
 */
export interface Explanation {
  path: string;
  source: ExplainedCleaner & { site: string; version: string; forced: boolean };
  /** The best of the other cleaners, or null when there is only one. */
  runnerUp: ExplainedCleaner | null;
  encoding: string;
  timeZone: string;
  /** Each date as printed and as normalized. */
  dates: { published: ExplainedDate | null; updated: ExplainedDate | null };
  /** For each article field, the line numbers it came from. */
  fields: Extraction['fields'];
  lines: ExplainedLine[];
}

export interface ExplainedCleaner {
  id: string;
  confidence: number;
  /** Names of the fingerprints found on the page. */
  evidence: string[];
}

export interface ExplainedDate {
  printed: string;
  iso: string | null;
}

export interface ExplainedLine {
  n: number;
  label: Label;
  rule: string;
  zone: string;
  reason?: string;
  text: string;
  captures?: Captures;
}

/** The explanation as data (what `--format json` prints). */
export function explain(analysis: Analysis, article: Article, path: string, forced: boolean): Explanation {
  const chosen = analysis.scores.find((score) => score.cleaner === analysis.cleaner)!;
  const other = analysis.scores.find((score) => score.cleaner !== analysis.cleaner);
  const date = (field: 'published' | 'updated'): ExplainedDate | null => {
    const printed = article.extraction.dates[field];
    return printed === null ? null : { printed, iso: article[field] };
  };
  return {
    path,
    source: {
      id: analysis.cleaner.id,
      site: analysis.cleaner.site,
      version: analysis.cleaner.version,
      confidence: analysis.confidence,
      forced,
      evidence: chosen.evidence,
    },
    runnerUp: other ? { id: other.cleaner.id, confidence: other.confidence, evidence: other.evidence } : null,
    encoding: analysis.decoded.encoding,
    timeZone: article.extraction.timeZone,
    dates: { published: date('published'), updated: date('updated') },
    fields: article.extraction.fields,
    lines: analysis.lines.map(({ n, label, rule, zone, reason, text, captures }) => ({
      n,
      label,
      rule,
      zone,
      ...(reason !== undefined && { reason }),
      text,
      ...(captures !== undefined && { captures }),
    })),
  };
}

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
  ].map((line) => cut(line, options.width));

  const numberWidth = String(explanation.lines.at(-1)?.n ?? 1).length;
  const labelWidth = Math.max(...explanation.lines.map((line) => line.label.length), 0);
  const rules = explanation.lines.map(ruleCell);
  const ruleWidth = Math.max(...rules.map((rule) => rule.length), 0);
  const room = options.width === undefined ? undefined : options.width - (numberWidth + labelWidth + ruleWidth + 6);
  const rows = explanation.lines.map((line, i) => {
    const number = palette.muted(String(line.n).padStart(numberWidth));
    const label = palette.label(line.label, line.label.padEnd(labelWidth));
    const rule = palette.muted(rules[i]!.padEnd(ruleWidth));
    return `${number}  ${label}  ${rule}  ${palette.label(line.label, cut(line.text, room))}`.trimEnd();
  });
  return `${[...header, ...rows].join('\n')}\n`;
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
