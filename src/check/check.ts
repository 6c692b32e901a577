import { statSync } from 'node:fs';
import type { Cleaner } from '../pipeline/cleaner.js';
import type { HtmlReaderSource } from '../input/index.js';
import { render } from '../render/index.js';
import { DeclutterError, fromSystemError, isDeclutterError, type ErrorCode, type ErrorDetails } from '../pipeline/errors.js';
import {
  cleanForExpectation,
  compareExpectation,
  expectationPath,
  expectationsFor,
  expectationStem,
  pageStem,
  type Comparison,
} from './expectations.js';
import { discoverInputs } from '../batch/pages.js';
import { readInputFile } from '../io/read.js';
import { lintArticle, type LintFailure, type LintOptions } from './lint.js';
import type { Article, Format } from '../pipeline/types.js';
import { writeFileAtomic } from '../io/write.js';

/**
 * `declutter check`: each page is cleaned and compared with the expectation
 * files beside it (see expectations.ts). The project's golden tests run the
 * same `checkPage`, so CI for users and for declutter itself agree.
 */

/** What happened to one expectation file of a page. */
export type ExpectationStatus = 'pass' | 'fail' | 'error' | 'created' | 'updated' | 'unchanged';

export interface ExpectationResult {
  format: Format;
  /** The expectation file. */
  path: string;
  status: ExpectationStatus;
  /** Set when the status is `fail`: both sides as compared. */
  comparison?: Comparison;
}

/**
 * `passed`: every expectation matches (or was written, or lint passed);
 * `failed`: a mismatch, a lint failure, or the page did not clean;
 * `missing`: no expectation files and nothing asked to lint or write them.
 */
export type PageStatus = 'passed' | 'failed' | 'missing';

export interface PageCheck {
  page: string;
  status: PageStatus;
  /** One per expectation file found beside the page, or written for it. */
  expectations: ExpectationResult[];
  /** Whether quality gates ran (only for pages without expectations, with --lint). */
  linted: boolean;
  lint: LintFailure[];
  /** Why the page could not be cleaned, when it could not. */
  error: string | null;
  /** The file the error is about, when it is not the page (an expectation that could not be read or written). */
  errorFile?: string;
  /** With `error`: the DeclutterError's code and details. */
  failure?: { code: ErrorCode; details: ErrorDetails };
  article: Article | null;
}

export interface CheckOptions {
  /** The cleaners pages are cleaned with. */
  cleaners: readonly Cleaner[];
  /** The HTML reader for HTML pages (default: the one given to `setHtmlReader`). */
  htmlReader?: HtmlReaderSource;
  /** Write or refresh expectation files instead of failing on differences. */
  update?: boolean;
  /** Lint pages that have no expectation files. */
  lint?: LintOptions;
}

/** Cleans one page and compares it with (or, with `update`, writes) its expectation files. */
export function checkPage(page: string, options: CheckOptions): PageCheck {
  const found = expectationsFor(page);
  const result: PageCheck = { page, status: 'missing', expectations: [], linted: false, lint: [], error: null, article: null };
  let current: string | undefined;
  try {
    const article = cleanForExpectation(page, {
      cleaners: options.cleaners,
      ...(options.htmlReader !== undefined && { htmlReader: options.htmlReader }),
    });
    result.article = article;
    for (const { format, path } of found) {
      current = path;
      result.expectations.push(compareOrUpdate(article, format, path, options.update === true));
    }
    if (found.length === 0 && options.lint) {
      result.linted = true;
      result.lint = lintArticle(article, options.cleaners.find((cleaner) => cleaner.id === article.source)!, options.lint);
    }
    // A new page gets the JSON expectation, the complete record of the article;
    // Markdown or text ones are added by creating the file once.
    if (found.length === 0 && options.update) {
      const path = expectationPath(page, '.expected.json');
      current = path;
      writeFileAtomic(path, render(article, 'json'));
      result.expectations.push({ format: 'json', path, status: 'created' });
    }
  } catch (error) {
    // The page did not clean, or an expectation could not be read or written.
    if (!isDeclutterError(error)) throw error;
    const expectations = found.map(({ format, path }) => ({ format, path, status: 'error' as const }));
    return {
      ...result,
      status: 'failed',
      expectations,
      error: error.message,
      ...(current !== undefined && { errorFile: current }),
      failure: { code: error.code, details: error.details },
    };
  }
  const failed = result.lint.length > 0 || result.expectations.some(({ status }) => status === 'fail');
  result.status = failed ? 'failed' : result.expectations.length > 0 || result.linted ? 'passed' : 'missing';
  return result;
}

function compareOrUpdate(article: Article, format: Format, path: string, update: boolean): ExpectationResult {
  const actual = render(article, format);
  const comparison = compareExpectation(format, path, readExpectation(path), actual);
  if (comparison.matches) return { format, path, status: update ? 'unchanged' : 'pass' };
  if (!update) return { format, path, status: 'fail', comparison };
  writeFileAtomic(path, actual);
  return { format, path, status: 'updated' };
}

/** An expectation is read as pages are: a folder, a FIFO that never ends or a file of gigabytes is refused, by size. */
function readExpectation(path: string): string {
  try {
    return readInputFile(path, MAX_EXPECTATION_BYTES).toString('utf8');
  } catch (error) {
    const reason = fromSystemError(error);
    throw new DeclutterError(reason.code, reason.message, reason.details);
  }
}

/** An expectation is a rendered article: pages are at most 20 MB, and what they clean to is smaller. */
const MAX_EXPECTATION_BYTES = 20 * 1024 * 1024;

/** A path given to `check` that is not a usable page, or an expectation file with no page. */
export interface DiscoveryProblem {
  path: string;
  message: string;
  /** An expectation file whose page is gone: a check result (a failure), not a path that could not be used. */
  orphan?: true;
}

export interface Discovery {
  pages: string[];
  problems: DiscoveryProblem[];
}

/**
 * The pages to check under the given files and directories, found by the
 * same finder as `declutter`'s (batch/pages.ts): the same pages, links,
 * hidden entries and problems. An expectation file in a directory without
 * its page beside it is a problem too.
 */
export async function findPages(paths: readonly string[]): Promise<Discovery> {
  const found = await discoverInputs(paths, { expectations: true });
  const problems: DiscoveryProblem[] = [];
  const pages: string[] = [];
  for (const { input, message } of found.problems) problems.push({ path: input, message });
  for (const page of found.inputs) {
    if (page === '-') problems.push({ path: page, message: 'check reads pages from files; standard input has no expectations beside it' });
    else if (isMissing(page)) problems.push({ path: page, message: 'no such file' });
    else pages.push(page);
  }
  const stems = new Set(pages.map(pageStem));
  for (const path of found.expectationFiles) {
    if (!stems.has(expectationStem(path))) problems.push({ path, message: 'expectation file without a page beside it', orphan: true });
  }
  return { pages, problems };
}

function isMissing(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch {
    return true;
  }
}

export interface CheckTotals {
  /** Pages checked: passed + failed + missing. */
  checked: number;
  passed: number;
  failed: number;
  /** Pages without expectation files that were neither linted nor given one. */
  missing: number;
  /** Pages without expectation files that went through the lint gates (passed or failed). */
  linted: number;
  /** Expectation files created or updated. */
  written: number;
  /** Expectation files without their page (each a failure). */
  orphans: number;
  /** Paths given that could not be checked (missing, unreadable, no pages, an expectation file named): each a failure. */
  unchecked: number;
}

/** Counts for the summary line and the report: pages by status, then orphan expectations and paths not checked. */
export function totalsOf(results: readonly PageCheck[], problems: readonly DiscoveryProblem[] = []): CheckTotals {
  const count = (status: PageStatus) => results.filter((result) => result.status === status).length;
  return {
    checked: results.length,
    passed: count('passed'),
    failed: count('failed'),
    missing: count('missing'),
    linted: results.filter((result) => result.linted).length,
    written: results.flatMap((result) => result.expectations).filter(({ status }) => status === 'created' || status === 'updated').length,
    orphans: problems.filter((problem) => problem.orphan).length,
    unchecked: problems.filter((problem) => !problem.orphan).length,
  };
}

/** Whether a check failed: a page failed, an expectation has no page, or a path could not be checked. */
export function checkFailed(totals: CheckTotals): boolean {
  return totals.failed + totals.orphans + totals.unchecked > 0;
}
