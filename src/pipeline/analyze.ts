import { createHash } from 'node:crypto';
import type { SourceDefinition } from '../cleaners/schema.js';
import { SOURCES, SOURCE_IDS, findSource } from '../cleaners/registry.js';
import { assemble } from './assemble.js';
import { isKnownTimeZone } from './dates/index.js';
import { binaryReason } from './decode/binary.js';
import { decodeBytes, decodeText, type DecodedText } from './decode/index.js';
import { pickSource, scoreSources, type SourceScore } from './detect.js';
import { DeclutterError } from './errors.js';
import { labelLines } from './label.js';
import { splitLines } from '../input/text.js';
import type { Article, LabelledLine } from './types.js';

export interface CleanOptions {
  /** Force this cleaner instead of detecting one. */
  source?: string;
  /** IANA zone for dates printed without a zone (default: the source's). */
  tz?: string;
  /** Force this encoding (a WHATWG label such as `windows-1252`). */
  encoding?: string;
  /** Reported in `article.input.path`; `-` for stdin. */
  path?: string | null;
  /** Treat warnings as failures. */
  strict?: boolean;
}

/** Everything the pipeline learned about a page, short of the article. */
export interface Analysis {
  decoded: DecodedText;
  bytes: Uint8Array;
  /** Every cleaner's score, best first. */
  scores: SourceScore[];
  source: SourceDefinition;
  /** Confidence of the cleaner used (detected, or forced). */
  confidence: number;
  lines: LabelledLine[];
}

/**
 * Reads a page up to its labels: decode, split, detect, label. `explain`
 * shows this; `clean` builds the article from it.
 */
export function analyze(input: string | Uint8Array, options: CleanOptions = {}): Analysis {
  validateOptions(options);
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const decoded = typeof input === 'string' ? decodeText(input) : decodeBytes(input, options.encoding);
  const binary = binaryReason(decoded.text);
  if (binary) throw new DeclutterError('binary', binary);

  const text = splitLines(decoded.text);
  // After normalization, so that a file of no-break and zero-width spaces counts as empty too.
  if (text.every((line) => line.text === '')) throw new DeclutterError('empty', 'empty file');
  const scores = scoreSources(text, SOURCES);
  let chosen: SourceScore | null;
  if (options.source !== undefined) {
    chosen = scores.find((score) => score.source.id === options.source)!;
  } else {
    chosen = pickSource(scores);
    if (!chosen) {
      throw new DeclutterError('unrecognized', `no cleaner recognizes this page (known: ${SOURCE_IDS.join(', ')}); use --source`);
    }
  }
  return {
    decoded,
    bytes,
    scores,
    source: chosen.source,
    confidence: chosen.confidence,
    lines: labelLines(text, chosen.source),
  };
}

/** Cleans one page into an article, or throws a DeclutterError saying why not. */
export function clean(input: string | Uint8Array, options: CleanOptions = {}): Article {
  return articleFrom(analyze(input, options), options);
}

/** Builds the article from an analysis, so `explain` can show both from one pass. */
export function articleFrom(analysis: Analysis, options: CleanOptions = {}): Article {
  const article = assemble(analysis.lines, {
    source: analysis.source,
    confidence: analysis.confidence,
    encoding: analysis.decoded.encoding,
    warnings: analysis.decoded.warnings,
    input: {
      path: options.path ?? null,
      bytes: analysis.bytes.byteLength,
      sha256: createHash('sha256').update(analysis.bytes).digest('hex'),
    },
    ...(options.tz !== undefined && { timeZone: options.tz }),
  });
  if (options.strict && article.warnings.length > 0) {
    throw new DeclutterError('strict', `${article.warnings.join('; ')} (--strict)`);
  }
  return article;
}

/** Recognizes the page's site without cleaning it. */
export function detectSource(text: string): { source: string; confidence: number } | null {
  const best = pickSource(scoreSources(splitLines(text), SOURCES));
  return best && { source: best.source.id, confidence: best.confidence };
}

function validateOptions(options: CleanOptions): void {
  if (options.source !== undefined && !findSource(options.source)) {
    throw new DeclutterError('unknown-source', `unknown source "${options.source}" (known: ${SOURCE_IDS.join(', ')})`);
  }
  if (options.tz !== undefined && !isKnownTimeZone(options.tz)) {
    throw new DeclutterError('bad-option', `unknown time zone "${options.tz}" (use an IANA name such as Asia/Kolkata or UTC)`);
  }
}
