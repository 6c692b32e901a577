import { createHash } from 'node:crypto';
import { assemble } from './assemble.js';
import { isKnownTimeZone } from './dates/index.js';
import type { DecodedText } from './decode/index.js';
import type { Cleaner } from './cleaner.js';
import { pickCleaner, rankCleaners, type CleanerRanking } from './detect.js';
import { DeclutterError } from './errors.js';
import { readInput, type HtmlReaderSource, type InputKind } from '../input/index.js';
import { isHtml } from '../input/html/sniff.js';
import { splitLines } from '../input/text.js';
import type { DocumentMetadata } from '../input/types.js';
import type { Article, LabelledLine, Line } from './types.js';

export interface CleanOptions {
  /** The cleaners to detect among and to force with `source` (the library's default: the built-ins). */
  cleaners?: readonly Cleaner[];
  /** Force the cleaner with this id instead of detecting one. */
  source?: string;
  /** IANA zone for dates printed without a zone (default: the source's). */
  tz?: string;
  /** Force this encoding (a WHATWG label such as `windows-1252`). */
  encoding?: string;
  /** Reported in `article.input.path`; `-` for stdin. */
  path?: string | null;
  /** Treat warnings as failures. */
  strict?: boolean;
  /** Refuse a page no site cleaner recognizes instead of handing it to a fallback (the generic cleaner). */
  sitesOnly?: boolean;
  /** The HTML reader for HTML pages (default: the one given to `setHtmlReader` in src/input). */
  htmlReader?: HtmlReaderSource;
}

/** The pipeline itself takes no default cleaners: the engine knows no site. */
export type PipelineOptions = CleanOptions & { cleaners: readonly Cleaner[] };

/** Everything the pipeline learned about a page, short of the article. */
export interface Analysis {
  decoded: DecodedText;
  bytes: Uint8Array;
  /** Which reader read the page. */
  kind: InputKind;
  /** What an HTML document states about itself (null for text). */
  metadata: DocumentMetadata | null;
  /** What was wrong with the page's markup (HTML only). */
  inputWarnings: string[];
  /** Every cleaner's score, best first. */
  scores: CleanerRanking[];
  cleaner: Cleaner;
  /** Confidence of the cleaner used: its detection score, or a fallback's confidence in its own labels. */
  confidence: number;
  lines: LabelledLine[];
  /** What the cleaner found doubtful about this page (a fallback's warnings). */
  warnings: string[];
  /** The part of `metadata` the cleaner vouches for, when it judged it (the generic cleaner): empty fields are filled from it. */
  vouchedMetadata?: DocumentMetadata | null;
}

/** A page read and scored, before any cleaner labels it: what `explain` shows when none does. */
export interface Reading {
  decoded: DecodedText;
  bytes: Uint8Array;
  kind: InputKind;
  metadata: DocumentMetadata | null;
  inputWarnings: string[];
  /** The page's lines, as the cleaners see them. */
  lines: Line[];
  /** Every site cleaner's score, best first. */
  scores: CleanerRanking[];
}

/**
 * Reads a page up to its labels: decode, split, detect, label. `explain`
 * shows this; `clean` builds the article from it.
 */
export function analyze(input: string | Uint8Array, options: PipelineOptions): Analysis {
  return labelReading(readPage(input, options), options);
}

/** Decodes, splits and scores a page (every site cleaner asked), or throws a DeclutterError (empty page, bad option). */
export function readPage(input: string | Uint8Array, options: PipelineOptions): Reading {
  const { cleaners } = options;
  validateOptions(options);
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const document = readInput(input, { encoding: options.encoding, htmlReader: options.htmlReader });
  const { decoded, lines: text } = document;
  // After normalization, so that a file of no-break and zero-width spaces counts as empty too.
  if (text.every((line) => line.text === '')) {
    throw new DeclutterError('empty', document.kind === 'html' ? 'HTML page without any text' : 'empty file');
  }
  const scores = rankCleaners(text, cleaners);
  return { decoded, bytes, kind: document.kind, metadata: document.metadata, inputWarnings: document.warnings, lines: text, scores };
}

/** Chooses the cleaner for a page read (forced, recognized, or the fallback) and labels its lines; throws `unrecognized` when none may. */
export function labelReading(reading: Reading, options: PipelineOptions): Analysis {
  const { cleaners } = options;
  const { scores, lines: text } = reading;
  let chosen: Cleaner | null;
  let confidence = 0;
  if (options.source !== undefined) {
    chosen = cleaners.find((cleaner) => cleaner.id === options.source)!;
    confidence = scores.find((score) => score.cleaner === chosen)?.confidence ?? 0;
  } else {
    const picked = pickCleaner(scores);
    chosen = picked?.cleaner ?? (options.sitesOnly ? null : (cleaners.find((cleaner) => cleaner.fallback) ?? null));
    confidence = picked?.confidence ?? 0;
    if (!chosen) {
      const sites = cleaners.filter((cleaner) => !cleaner.fallback);
      throw new DeclutterError('unrecognized', `no cleaner recognizes this page (known: ${ids(sites)})`, {
        cleaners: sites.map((cleaner) => cleaner.id),
      });
    }
  }
  const { decoded, bytes, kind, metadata, inputWarnings } = reading;
  const base = { decoded, bytes, kind, metadata, inputWarnings, scores, cleaner: chosen };
  if (chosen.labelPage) {
    const page = chosen.labelPage(text, metadata);
    const vouched = page.metadata === undefined ? {} : { vouchedMetadata: page.metadata };
    return { ...base, ...vouched, confidence: page.confidence, lines: withMarkup(page.lines, text), warnings: page.warnings };
  }
  return { ...base, confidence, lines: withMarkup(chosen.label(text), text), warnings: [] };
}

/** Cleans one page into an article, or throws a DeclutterError saying why not. */
export function clean(input: string | Uint8Array, options: PipelineOptions): Article {
  return articleFrom(analyze(input, options), options);
}

/** Builds the article from an analysis, so `explain` can show both from one pass. */
export function articleFrom(analysis: Analysis, options: CleanOptions = {}): Article {
  const article = assemble(analysis.lines, {
    cleaner: analysis.cleaner,
    confidence: analysis.confidence,
    encoding: analysis.decoded.encoding,
    warnings: [...analysis.decoded.warnings, ...analysis.inputWarnings, ...analysis.warnings],
    reader: analysis.kind,
    metadata: analysis.vouchedMetadata !== undefined ? analysis.vouchedMetadata : analysis.metadata,
    input: {
      path: options.path ?? null,
      bytes: analysis.bytes.byteLength,
      sha256: createHash('sha256').update(analysis.bytes).digest('hex'),
    },
    ...(options.tz !== undefined && { timeZone: options.tz }),
  });
  if (options.strict && article.warnings.length > 0) {
    throw new DeclutterError('strict', article.warnings.join('; '), { warnings: article.warnings });
  }
  return article;
}

/** Recognizes the page's site without cleaning it: the id of the cleaner that would clean it. */
export function detectCleaner(
  text: string,
  options: { cleaners: readonly Cleaner[]; htmlReader?: HtmlReaderSource },
): { source: string; confidence: number } | null {
  const lines = isHtml(text) ? readInput(text, { htmlReader: options.htmlReader }).lines : splitLines(text);
  const best = pickCleaner(rankCleaners(lines, options.cleaners));
  return best && { source: best.cleaner.id, confidence: best.confidence };
}

/** The markup of each input line on its labelled line, so that `explain` and the article's consumers see it. */
function withMarkup(labelled: LabelledLine[], lines: readonly Line[]): LabelledLine[] {
  const byNumber = new Map<number, Line>();
  for (const line of lines) if (line.markup) byNumber.set(line.n, line);
  if (byNumber.size === 0) return labelled;
  for (const line of labelled) {
    const markup = line.markup ?? byNumber.get(line.n)?.markup;
    if (markup) line.markup = markup;
  }
  return labelled;
}

function ids(cleaners: readonly Cleaner[]): string {
  return cleaners.map((cleaner) => cleaner.id).join(', ');
}

function validateOptions(options: PipelineOptions): void {
  if (options.source !== undefined && !options.cleaners.some((cleaner) => cleaner.id === options.source)) {
    throw new DeclutterError('unknown-source', `unknown source "${options.source}" (known: ${ids(options.cleaners)})`, {
      source: options.source,
      cleaners: options.cleaners.map((cleaner) => cleaner.id),
    });
  }
  if (options.tz !== undefined && !isKnownTimeZone(options.tz)) {
    throw new DeclutterError('bad-option', `unknown time zone "${options.tz}" (use an IANA name such as Asia/Kolkata or UTC)`);
  }
}
