import type { DocumentMetadata } from '../input/types.js';
import type { LabelledLine, Line } from './types.js';

/** How sure a cleaner is that a page is its site's, and why. */
export interface CleanerScore {
  /** 0 to 1. */
  confidence: number;
  /** What it found, in words, for `explain`. */
  evidence: string[];
}

/**
 * What the pipeline asks of a cleaner: recognize a page (score), then label
 * each of its lines. The pipeline builds the article from those labels, so
 * a cleaner need not be rule-based: anything that can score a page and
 * label its lines (seeing each line's optional `markup`) can be registered.
 * Rule-based site definitions (cleaners/schema.ts) compile into this.
 */
export interface Cleaner {
  /** Stable id: `--source <id>` and every article's `source`. */
  readonly id: string;
  /** Human name of the site. */
  readonly site: string;
  /** The cleaner file it was read from; absent for the built-ins. */
  readonly file?: string;
  /** Bumped whenever the cleaner changes what an article looks like. */
  readonly version: string;
  /** One line for `declutter sources`: what pages this cleaner recognizes. */
  readonly recognizes: string;
  /** IANA zone the site means when it prints a time without a zone. */
  readonly timeZone: string;
  /** date-fns `parse` patterns for the dates this site prints, tried in order. */
  readonly dateFormats: readonly string[];
  /** Zone abbreviations printed after a time (`14:54 IST`) and the IANA zone each means. */
  readonly printedZones: Readonly<Record<string, string>>;
  /** A byline equal to one of these names is also the article's agency (`PTI`). */
  readonly bylineAgencies: readonly string[];
  /** Text that must never survive into title, summary or body (`check --lint`). */
  readonly clutterMarkers: readonly RegExp[];
  /** The evidence `score` looks for, for `declutter sources`; a cleaner without fixed evidence lists none. */
  readonly fingerprints: readonly { name: string; weight: number }[];
  /** How sure the cleaner is that these lines are a page of its site. */
  score(lines: readonly Line[]): CleanerScore;
  /**
   * What the labelled page lacks of its site's layout (`no byline/date line`),
   * for the warning `layout not as expected: …`; empty when all is there.
   * Optional: a cleaner without a fixed layout has none.
   */
  missingParts?(lines: readonly LabelledLine[]): string[];
  /** A label for every line, in order. */
  label(lines: readonly Line[]): LabelledLine[];
  /**
   * The last resort: never chosen by detection, used when no other cleaner
   * recognizes the page (the generic cleaner). A registry keeps fallbacks last.
   */
  readonly fallback?: boolean;
  /**
   * For a cleaner that judges each page rather than recognizing a site: label
   * the lines, seeing what the document states, and say how sure it is of
   * this page and what looked doubtful. Preferred to `label` when present.
   */
  labelPage?(lines: readonly Line[], document: DocumentMetadata | null): PageLabelling;
}

/** A page's labels with the cleaner's confidence in them and its doubts. */
export interface PageLabelling {
  lines: LabelledLine[];
  /** 0 to 1: how sure the cleaner is that what it kept is the page's main content. */
  confidence: number;
  warnings: string[];
  /**
   * What of the document's metadata the cleaner vouches for: the article's
   * empty fields are filled from this instead of from everything the document
   * states (a template's author or date on a page that shows none).
   */
  metadata?: DocumentMetadata | null;
}
