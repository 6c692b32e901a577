import type { CleanerDefinition, Rule } from './schema.js';
import { CAPTURE_FIELDS, type Captures, type LabelledLine, type Line } from '../pipeline/types.js';
import type { LineMarkup } from '../input/types.js';

/**
 * Runs a cleaner's rules over the page: each line is tested against the rules
 * of the zone the page is in, the first match labels it and may move to
 * another zone. One pass, no backtracking over lines.
 */
export function labelLines(lines: readonly Line[], cleaner: CleanerDefinition): LabelledLine[] {
  const dropChrome = cleaner.landmarks !== 'keep';
  const next = nextNonBlankIndex(lines, dropChrome);
  const labelled: LabelledLine[] = [];
  let zone = cleaner.start;
  let title: string | null = null;
  let previous: string | null = null;
  // One context for the whole page, updated per line: a new object per rule tried was most of labelling's garbage.
  const context: RuleContext = { title: null, previous: null, next: null };

  // Labelled lines are built field by field: object spread here cost ten times the whole labelling.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text === '') {
      labelled.push({ n: line.n, text: line.text, label: 'dropped', rule: 'blank', zone, reason: 'blank line' });
      continue;
    }
    const chrome = dropChrome && line.markup ? pageChrome(line.markup) : null;
    if (chrome !== null) {
      // As if the line were not there: the zone, the previous line and the next line skip it.
      labelled.push({ n: line.n, text: line.text, label: 'dropped', rule: 'landmark', zone, reason: `inside the page's <${chrome}>` });
      continue;
    }
    const rules = cleaner.zones[zone];
    if (!rules) throw new Error(`cleaner ${cleaner.id}: rule moved to unknown zone "${zone}"`);

    let hit: LabelledLine | null = null;
    context.title = title;
    context.previous = previous;
    context.next = next[i] === -1 ? null : lines[next[i]!]!.text;
    for (const rule of rules) {
      const captures = tryRule(rule, line.text, context);
      if (captures === null) continue;
      hit = { n: line.n, text: line.text, label: rule.label, rule: rule.name, zone };
      if (rule.reason) hit.reason = rule.reason;
      if (captures) hit.captures = captures;
      if (rule.attach) hit.attach = rule.attach;
      if (rule.then) zone = rule.then;
      break;
    }
    hit ??= { n: line.n, text: line.text, label: 'dropped', rule: 'unmatched', zone, reason: 'no rule of this zone matched' };
    if (hit.label === 'title' && title === null) title = hit.captures?.text ?? hit.text;
    labelled.push(hit);
    previous = line.text;
  }
  return labelled;
}

interface RuleContext {
  title: string | null;
  previous: string | null;
  /** The next non-blank line, or null at the end of the page. */
  next: string | null;
}

/** The rule's captures when it matches (undefined when it captures nothing), null when it does not. */
function tryRule(rule: Rule, text: string, context: RuleContext): Captures | undefined | null {
  if (rule.sameAsTitle && text !== context.title) return null;
  if (rule.repeatsPrevious && text !== context.previous) return null;
  const match = rule.match.exec(text);
  if (!match) return null;
  // A page cut short right after a heading still ends the article there.
  if (rule.followedBy && context.next !== null && !rule.followedBy.test(context.next)) return null;
  return pickCaptures(match.groups);
}

function pickCaptures(groups: Record<string, string | undefined> | undefined): Captures | undefined {
  if (!groups) return undefined;
  let captures: Captures | undefined;
  for (const field of CAPTURE_FIELDS) {
    const value = groups[field]?.trim();
    if (value) (captures ??= {})[field] = value;
  }
  return captures;
}

/** For each line, the index of the next non-blank line after it (not counting page chrome when it is dropped), or -1. */
function nextNonBlankIndex(lines: readonly Line[], dropChrome: boolean): Int32Array {
  const next = new Int32Array(lines.length);
  let following = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    next[i] = following;
    const line = lines[i]!;
    if (line.text !== '' && !(dropChrome && line.markup && pageChrome(line.markup) !== null)) following = i;
  }
  return next;
}

/** Landmarks that are an article's own (its header with the headline, its footer with the byline) when nested in one. */
const CONTENT = new Set(['article', 'main']);

/**
 * The landmark of the page's chrome a line of an HTML page sits in, or null:
 * `nav` and `aside` wherever they are, `header` and `footer` when they are
 * the page's (not inside an `article` or `main`, where they hold the
 * headline or the byline). The text dumps the site rules were written for
 * leave these out, or hold only what the rules drop anyway.
 */
export function pageChrome(markup: LineMarkup): string | null {
  const { landmarks } = markup;
  for (let i = 0; i < landmarks.length; i++) {
    const landmark = landmarks[i]!;
    if (landmark === 'nav' || landmark === 'aside') return landmark;
    if (landmark === 'header' || landmark === 'footer') {
      let inContent = false;
      for (let j = i + 1; j < landmarks.length; j++) if (CONTENT.has(landmarks[j]!)) inContent = true;
      if (!inContent) return landmark;
    }
  }
  return null;
}
