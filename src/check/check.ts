import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import fg from 'fast-glob';
import type { Cleaner } from '../pipeline/cleaner.js';
import type { HtmlReaderSource } from '../input/index.js';
import { render } from '../render/index.js';
import { DeclutterError, fromSystemError, isDeclutterError, type ErrorCode, type ErrorDetails } from '../pipeline/errors.js';
import {
  cleanForExpectation,
  compareExpectation,
  expectationPath,
  expectationsFor,
  type Comparison,
} from './expectations.js';
import { expectationStem, isExpectationFile, pageStem } from './expectation-files.js';
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
  try {
    const article = cleanForExpectation(page, {
      cleaners: options.cleaners,
      ...(options.htmlReader !== undefined && { htmlReader: options.htmlReader }),
    });
    result.article = article;
    result.expectations = found.map(({ format, path }) => compareOrUpdate(article, format, path, options.update === true));
    if (found.length === 0 && options.lint) {
      result.linted = true;
      result.lint = lintArticle(article, options.cleaners.find((cleaner) => cleaner.id === article.source)!, options.lint);
    }
    // A new page gets the JSON expectation, the complete record of the article;
    // Markdown or text ones are added by creating the file once.
    if (found.length === 0 && options.update) {
      const path = expectationPath(page, '.expected.json');
      writeFileAtomic(path, render(article, 'json'));
      result.expectations.push({ format: 'json', path, status: 'created' });
    }
  } catch (error) {
    // The page did not clean, or an expectation could not be read or written.
    if (!isDeclutterError(error)) throw error;
    const expectations = found.map(({ format, path }) => ({ format, path, status: 'error' as const }));
    return { ...result, status: 'failed', expectations, error: error.message, failure: { code: error.code, details: error.details } };
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

function readExpectation(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new DeclutterError('io', `${basename(path)}: ${fromSystemError(error).message}`);
  }
}

/** A path given to `check` that is not a usable page, or an expectation file with no page. */
export interface DiscoveryProblem {
  path: string;
  message: string;
}

export interface Discovery {
  pages: string[];
  problems: DiscoveryProblem[];
}

/**
 * The pages to check under the given files and directories. In a directory a
 * page is a `.txt` file, or any file with expectation files beside it; hidden
 * entries and node_modules are skipped. A file named on the command line is
 * a page whatever its extension.
 */
export function findPages(paths: readonly string[]): Discovery {
  const pages = new Set<string>();
  const problems: DiscoveryProblem[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      problems.push({ path, message: fromSystemError(error).message });
      continue;
    }
    if (!isDirectory) {
      if (isExpectationFile(path)) problems.push({ path, message: 'is an expectation file; name its page instead' });
      else pages.add(path);
      continue;
    }
    const found = pagesInDirectory(path);
    if (found.pages.length === 0 && found.problems.length === 0) problems.push({ path, message: 'no pages found' });
    found.pages.forEach((page) => pages.add(page));
    problems.push(...found.problems);
  }
  return { pages: [...pages], problems };
}

function pagesInDirectory(directory: string): Discovery {
  const files = fg
    .sync('**/*', { cwd: directory, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'], followSymbolicLinks: false })
    .sort()
    .map((file) => join(directory, file));
  const expectations = files.filter(isExpectationFile);
  const candidates = files.filter((file) => !isExpectationFile(file));
  const stems = new Set(candidates.map(pageStem));
  const expected = new Set(expectations.map(expectationStem));
  const pages = candidates.filter((file) => file.endsWith('.txt') || expected.has(pageStem(file)));
  const problems = expectations
    .filter((file) => !stems.has(expectationStem(file)))
    .map((path) => ({ path, message: 'expectation file without a page beside it' }));
  return { pages, problems };
}

export interface CheckTotals {
  checked: number;
  passed: number;
  failed: number;
  /** Pages without expectation files that were neither linted nor given one. */
  missing: number;
  /** Pages without expectation files that went through the lint gates (passed or failed). */
  linted: number;
  /** Expectation files created or updated. */
  written: number;
}

/** Counts for the summary line and the report; problems found while looking for pages count as failures. */
export function totalsOf(results: readonly PageCheck[], problems: readonly DiscoveryProblem[] = []): CheckTotals {
  const count = (status: PageStatus) => results.filter((result) => result.status === status).length;
  return {
    checked: results.length,
    passed: count('passed'),
    failed: count('failed') + problems.length,
    missing: count('missing'),
    linted: results.filter((result) => result.linted).length,
    written: results.flatMap((result) => result.expectations).filter(({ status }) => status === 'created' || status === 'updated').length,
  };
}
