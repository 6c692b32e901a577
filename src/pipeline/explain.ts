import type { Analysis, Reading } from './analyze.js';
import { CONFIDENCE_THRESHOLD, type CleanerRanking } from './detect.js';
import type { Article, Captures, Extraction, Label } from './types.js';

/**
 * `declutter explain`: why each line of a page was kept or dropped, from the
 * labels the cleaner produced (the same `analyze()` that `clean` runs), and
 * which cleaner was chosen over which runner-up, on what evidence.
 */
export interface Explanation {
  path: string;
  /** The cleaner used; `fallback` when no site cleaner recognized the page and the generic one cleaned it. */
  source: ExplainedCleaner & { site: string; version: string; forced: boolean; fallback: boolean };
  /** The best of the other cleaners, or null when there is only one. */
  runnerUp: ExplainedCleaner | null;
  /** Every site cleaner's score and fingerprints found, best first. */
  cleaners: ExplainedCleaner[];
  /** The confidence a site cleaner must reach to be chosen. */
  threshold: number;
  /** Which reader read the page: `text` or `html`. */
  reader: 'text' | 'html';
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

/**
 * A page no cleaner could clean (`sitesOnly`, and no site cleaner reached
 * the threshold): every site cleaner's score, and why none was used.
 */
export interface UnrecognizedExplanation {
  path: string;
  source: null;
  cleaners: ExplainedCleaner[];
  threshold: number;
  reader: 'text' | 'html';
  encoding: string;
  error: string;
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
  /** Why a scoring cleaner (the generic one) kept or dropped the line: its signals and score. */
  signals?: string[];
  /** HTML pages: the element path of the line, from below `<body>` down to its block (`['main', 'article', 'p']`). */
  elements?: string[];
}

/** The explanation as data (what `--format json` prints). */
export function explain(analysis: Analysis, article: Article, path: string, forced: boolean): Explanation {
  // A fallback is not ranked: its evidence is that no site cleaner recognized the page.
  const chosen = analysis.scores.find((score) => score.cleaner === analysis.cleaner) ?? {
    evidence: analysis.cleaner.fallback ? ['no site cleaner recognizes this page'] : [],
  };
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
      fallback: analysis.cleaner.fallback === true && !forced,
      evidence: chosen.evidence,
    },
    runnerUp: other ? explainedCleaner(other) : null,
    cleaners: analysis.scores.map(explainedCleaner),
    threshold: CONFIDENCE_THRESHOLD,
    reader: analysis.kind,
    encoding: analysis.decoded.encoding,
    timeZone: article.extraction.timeZone,
    dates: { published: date('published'), updated: date('updated') },
    fields: article.extraction.fields,
    lines: analysis.lines.map(({ n, label, rule, zone, reason, text, captures, signals, markup }) => ({
      n,
      label,
      rule,
      zone,
      ...(reason !== undefined && { reason }),
      text,
      ...(captures !== undefined && { captures }),
      ...(signals !== undefined && { signals }),
      ...(markup !== undefined && { elements: markup.path }),
    })),
  };
}

/** The explanation of a page no cleaner was allowed to clean: the scores, and the error. */
export function explainUnrecognized(reading: Reading, path: string, error: string): UnrecognizedExplanation {
  return {
    path,
    source: null,
    cleaners: reading.scores.map(explainedCleaner),
    threshold: CONFIDENCE_THRESHOLD,
    reader: reading.kind,
    encoding: reading.decoded.encoding,
    error,
  };
}

function explainedCleaner(score: CleanerRanking): ExplainedCleaner {
  return { id: score.cleaner.id, confidence: score.confidence, evidence: score.evidence };
}
