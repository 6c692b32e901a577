/**
 * declutter as a library. Importing it has no side effects.
 *
 *   import { clean, render } from 'declutter-pages';
 *   const article = clean(fs.readFileSync('page.txt'), { path: 'page.txt' });
 *   process.stdout.write(render(article, 'md'));
 *
 * `clean`, `analyze`, `detectCleaner` and `checkPage` use the built-in
 * cleaners unless given others (`{ cleaners: createRegistry([...]) }`).
 */
import { cleaners as builtinCleaners } from './cleaners/registry.js';
import { parseHtml } from './input/html/index.js';
import { setHtmlReader } from './input/index.js';
import * as check from './check/check.js';
import * as pipeline from './pipeline/analyze.js';
import type { Cleaner } from './pipeline/cleaner.js';
import type { Article } from './pipeline/types.js';
import { DeclutterError } from './pipeline/errors.js';

export type { Analysis, CleanOptions } from './pipeline/analyze.js';
export { articleFrom } from './pipeline/analyze.js';

/** The library reads HTML pages with its own reader unless given another. */
const htmlReader = { parseHtml };
// Also the default for what takes no per-call option (runBatch, InlineRunner); setHtmlReader replaces it.
setHtmlReader(htmlReader);

/** Reads a page up to its labels: decode, split, detect, label. */
export function analyze(input: string | Uint8Array, options: pipeline.CleanOptions = {}): pipeline.Analysis {
  checkArguments('analyze', input, options);
  return pipeline.analyze(input, { htmlReader, ...options, cleaners: options.cleaners ?? builtinCleaners });
}

/** Cleans one page into an article, or throws a DeclutterError saying why not. */
export function clean(input: string | Uint8Array, options: pipeline.CleanOptions = {}): Article {
  checkArguments('clean', input, options);
  return pipeline.clean(input, { htmlReader, ...options, cleaners: options.cleaners ?? builtinCleaners });
}

/** Callers from JavaScript get a DeclutterError (code `bad-option`) for arguments of the wrong kind, not a TypeError from deep inside. */
function checkArguments(name: string, input: unknown, options: unknown): void {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new DeclutterError('bad-option', `${name}: the page must be a string or bytes (a Uint8Array or Buffer), not ${kindOf(input)}`);
  }
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new DeclutterError('bad-option', `${name}: options must be an object, not ${kindOf(options)}`);
  }
  const { cleaners } = options as { cleaners?: unknown };
  if (cleaners !== undefined && !Array.isArray(cleaners)) throw new DeclutterError('bad-option', `${name}: options.cleaners must be an array of cleaners, not ${kindOf(cleaners)}`);
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/** Recognizes the page's site without cleaning it: `source` is the id of the cleaner that would clean it. */
export function detectCleaner(
  text: string,
  options: { cleaners?: readonly Cleaner[] } = {},
): { source: string; confidence: number } | null {
  return pipeline.detectCleaner(text, { htmlReader, cleaners: options.cleaners ?? builtinCleaners });
}

export type CheckOptions = Omit<check.CheckOptions, 'cleaners'> & { cleaners?: readonly Cleaner[] };

/** Cleans one page and compares it with (or, with `update`, writes) its expectation files. */
export function checkPage(page: string, options: CheckOptions = {}): check.PageCheck {
  if (typeof page !== 'string') throw new DeclutterError('bad-option', `checkPage: the page must be a path (a string), not ${kindOf(page)}`);
  return check.checkPage(page, { htmlReader, ...options, cleaners: options.cleaners ?? builtinCleaners });
}

export { findPages, type PageCheck } from './check/check.js';
export { DeclutterError, type ErrorCode } from './pipeline/errors.js';
export { render, EXTENSIONS } from './render/index.js';
export { cleaners, createRegistry, findCleaner, registryWithFiles } from './cleaners/registry.js';
export { findCleanerFiles, loadCleanerFile, type CleanerFile } from './cleaners/file.js';
export { compileCleaner } from './cleaners/compile.js';
// A first cleaner file for a new site from a sample page's lines (what `declutter init-cleaner` writes).
export { draftCleaner, idFromFileName, type DraftOptions } from './cleaners/draft.js';
export { validateCleaner } from './cleaners/validate.js';
export { defineCleaner, type CleanerDefinition, type Fingerprint, type RequiredPart, type Rule } from './cleaners/schema.js';
export type { Cleaner, CleanerScore } from './pipeline/cleaner.js';
export type { Line } from './pipeline/types.js';
export { isHtml, htmlCharset, parseHtml } from './input/html/index.js';
export type { DocumentMetadata, HtmlDocument, LineMarkup, RenderedLine, TimeElement } from './input/html/index.js';
export { setHtmlReader, type HtmlReader, type HtmlReaderSource, type InputKind } from './input/index.js';
export { FORMATS, LABELS } from './pipeline/types.js';
export type {
  Article,
  Extraction,
  Format,
  ImageCredit,
  InputInfo,
  Label,
  LabelledLine,
  RelatedStory,
} from './pipeline/types.js';
export { diffExpectation } from './check/diff.js';
export { lintArticle, type LintFailure } from './check/lint.js';
export { explain, type Explanation } from './pipeline/explain.js';
export { VERSION } from './version.js';
// A batch: tasks from any (async) iterable, run in this thread (InlineRunner), results as events in input order.
export { runBatch, InlineRunner, type BatchEvent, type BatchOptions, type BatchProgress, type TaskRunner } from './batch/run.js';
export type { FileResult, FileSettings, FileTask, PageRecord } from './batch/task.js';
export type { Totals } from './batch/report.js';
export { DocumentStream } from './render/stream.js';
