import { createHash } from 'node:crypto';
import { assemble } from './assemble.js';
import { isKnownTimeZone } from './dates/index.js';
import { binaryReason } from './decode/binary.js';
import { decodeBytes, decodeText, type DecodedText } from './decode/index.js';
import type { Cleaner } from './cleaner.js';
import { pickCleaner, rankCleaners, type CleanerRanking } from './detect.js';
import { DeclutterError } from './errors.js';
import { splitLines } from '../input/text.js';
import type { Article, LabelledLine } from './types.js';

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
}

/** The pipeline itself takes no default cleaners: the engine knows no site. */
export type PipelineOptions = CleanOptions & { cleaners: readonly Cleaner[] };

/** Everything the pipeline learned about a page, short of the article. */
export interface Analysis {
  decoded: DecodedText;
  bytes: Uint8Array;
  /** Every cleaner's score, best first. */
  scores: CleanerRanking[];
  cleaner: Cleaner;
  /** Confidence of the cleaner used: its detection score, or a fallback's confidence in its own labels. */
  confidence: number;
  lines: LabelledLine[];
  /** What the cleaner found doubtful about this page (a fallback's warnings). */
  warnings: string[];
}

/**
 * Reads a page up to its labels: decode, split, detect, label. `explain`
 * shows this; `clean` builds the article from it.
 */
export function analyze(input: string | Uint8Array, options: PipelineOptions): Analysis {
  const { cleaners } = options;
  validateOptions(options);
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const decoded = typeof input === 'string' ? decodeText(input) : decodeBytes(input, options.encoding);
  const binary = binaryReason(decoded.text);
  if (binary) throw new DeclutterError('binary', binary.reason, binary.encoding ? { encoding: binary.encoding } : {});

  const text = splitLines(decoded.text);
  // After normalization, so that a file of no-break and zero-width spaces counts as empty too.
  if (text.every((line) => line.text === '')) throw new DeclutterError('empty', 'empty file');
  const scores = rankCleaners(text, cleaners);
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
  const base = { decoded, bytes, scores, cleaner: chosen };
  if (chosen.labelPage) {
    const page = chosen.labelPage(text, null);
    return { ...base, confidence: page.confidence, lines: page.lines, warnings: page.warnings };
  }
  return { ...base, confidence, lines: chosen.label(text), warnings: [] };
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
    warnings: [...analysis.decoded.warnings, ...analysis.warnings],
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
export function detectCleaner(text: string, options: { cleaners: readonly Cleaner[] }): { source: string; confidence: number } | null {
  const best = pickCleaner(rankCleaners(splitLines(text), options.cleaners));
  return best && { source: best.cleaner.id, confidence: best.confidence };
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
