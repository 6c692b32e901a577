import type { Label } from '../pipeline/types.js';

/**
 * A rule-based cleaner is data: fingerprints that recognize its site, and a
 * small state machine of line-labelling rules. compile.ts turns it into the
 * Cleaner the pipeline calls (cleaners/label.ts runs the rules); the
 * pipeline builds the article from the labels (pipeline/assemble.ts), so
 * every cleaner gets provenance, `explain` and normalization for free.
 */
export interface CleanerDefinition {
  /** Stable id used by `--source` and in every article. */
  id: string;
  /** Human name of the site. */
  site: string;
  /** Bumped whenever the rules change what an article looks like. */
  version: string;
  /** One line for `declutter sources`: what pages this cleaner recognizes. */
  recognizes: string;
  /** IANA zone the site means when it prints a time without a zone. */
  timeZone: string;
  /** date-fns `parse` patterns for the dates this site prints, tried in order. */
  dateFormats: string[];
  /** Whether a byline that is a wire agency's name (`PTI`) also names the agency. */
  agencyFromByline: boolean;
  /** Zone abbreviations the site prints after a time; default: vocabulary.ts's. */
  printedZones?: Record<string, string>;
  /** Evidence that a page comes from this site; see compile.ts. */
  fingerprints: Fingerprint[];
  /**
   * Text that must never survive into title, summary or body
   * (used by `check --lint`).
   */
  clutterMarkers: RegExp[];
  /**
   * What every page of the site has, by the rules that find it: a recognized
   * page where none of a part's rules labelled a line gets the warning
   * `layout not as expected: no <part>` (so a layout change fails `--strict`
   * and `check --lint` instead of passing silently). Default: nothing.
   */
  requires?: RequiredPart[];
  /**
   * HTML pages: whether lines inside the page's chrome (`nav`, `aside`, and a
   * `header` or `footer` that is not an article's) are dropped before the
   * zone rules see them (`drop`, the default), or given to the rules like
   * any other line (`keep`). See cleaners/label.ts.
   */
  landmarks?: 'drop' | 'keep';
  /** The zone the page starts in. */
  start: string;
  /** Rules per zone, tried in order; the first that matches labels the line. */
  zones: Record<string, Rule[]>;
}

export interface RequiredPart {
  /** How the warning names the part: `byline/date line`. */
  part: string;
  /** The part is there when one of these rules (by name, in any zone) labelled a line. */
  rules: string[];
}

export interface Fingerprint {
  /** What the evidence is, for `explain` and `sources`. */
  name: string;
  /** Tested against each normalized line of the page. */
  pattern: RegExp;
  /** How strongly a match alone says "this site", from 0 to 1. */
  weight: number;
}

export interface Rule {
  /** Shown by `explain` as the reason a line got its label. */
  name: string;
  /** Tested against the whole normalized line; named groups capture fields. */
  match: RegExp;
  label: Label;
  /** For dropped lines: why, in a few words. */
  reason?: string;
  /** The next non-blank line must match this too: structure, not a word alone. */
  followedBy?: RegExp;
  /** Matches only a line equal to the page's title (Devdiscourse prints it twice). */
  sameAsTitle?: boolean;
  /** Matches only a line equal to the previous non-blank line. */
  repeatsPrevious?: boolean;
  /** Zone to move to after this line. */
  then?: string;
  /** For a related section label: whether it names the headline before or after it. */
  attach?: 'previous' | 'next';
}

/** Identity function that makes TypeScript check a cleaner against the interface. */
export function defineCleaner(definition: CleanerDefinition): CleanerDefinition {
  return definition;
}

/** Defaults of the optional keys, as README's "Cleaner files: the format" documents them (a file leaves them out, a draft writes them). */
export const CLEANER_FILE_DEFAULTS = {
  timeZone: 'UTC',
  dateFormats: ['yyyy-MM-dd HH:mm', 'yyyy-MM-dd'],
  agencyFromByline: false,
} as const;
