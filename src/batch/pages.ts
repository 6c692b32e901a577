import { resolve, sep } from 'node:path';
import fg from 'fast-glob';
import { isExpectationFile } from '../check/expectation-files.js';
import { GLOB_CHARACTERS, isReadablePath, kindOf } from './patterns.js';

/**
 * Turns the command line's inputs (files, directories, glob patterns, `-`)
 * into the list of pages to clean. The CLI loads this module (and fast-glob)
 * only when an argument is a directory or a pattern, so `declutter page.txt`
 * never pays for it (see patterns.ts).
 */

export interface DiscoverOptions {
  /** Glob patterns whose matches are left out of directories and patterns (`--ignore`). */
  ignore?: readonly string[];
  /** A directory never read back as input (the out dir), even inside an input directory. */
  exclude?: string | null;
}

export interface Discovery {
  /**
   * Pages in order: arguments as given, each directory's or pattern's
   * matches sorted; a match already taken is not taken again.
   */
  inputs: string[];
  /**
   * Directories the inputs mirror from: each directory argument and each
   * pattern's fixed leading folders, so an out dir's layout does not change
   * as a folder fills up.
   */
  roots: string[];
  /** Arguments that gave nothing: a pattern matching no file, a directory without pages. */
  problems: { input: string; message: string }[];
  /** Whether any argument was a directory or a pattern (a batch, whatever it found). */
  expanded: boolean;
}

/** Folders never searched, whatever the pattern: dependencies, not scrapes. */
const ALWAYS_IGNORED = ['**/node_modules/**'];

export async function discoverInputs(argumentsGiven: readonly string[], options: DiscoverOptions = {}): Promise<Discovery> {
  const seen = new Set<string>();
  const discovery: Discovery = { inputs: [], roots: [], problems: [], expanded: false };
  const excluded = options.exclude ? resolve(options.exclude) + sep : null;
  const ignore = [...ALWAYS_IGNORED, ...(options.ignore ?? [])];
  // A file found twice (by two patterns, or named and found) is taken once; one named twice is honoured twice.
  // One argument cannot find a file twice, so a single directory of 100,000 pages keeps no set of them.
  const deduplicate = argumentsGiven.length > 1;
  const add = (path: string, named: boolean) => {
    if (deduplicate) {
      const key = path === '-' ? '-' : resolve(path);
      if (seen.has(key) && !named) return;
      seen.add(key);
    }
    discovery.inputs.push(path);
  };

  for (const argument of argumentsGiven) {
    const kind = argument === '-' ? 'stdin' : kindOf(argument);
    if (kind === 'stdin' || isReadablePath(argument, kind)) {
      // Named explicitly: taken as given (a missing one fails when read, naming it).
      if (!isExpectationFile(argument)) add(argument, true);
      continue;
    }
    discovery.expanded = true;
    const isDirectory = kind === 'directory';
    const root = isDirectory ? argument : staticPrefix(argument);
    const pattern = isDirectory ? `${fg.escapePath(toGlobSlashes(argument)).replace(/\/+$/, '')}/**/*.txt` : argument;
    const found = (await expandPattern(pattern, ignore)).filter(
      (path) => !isExpectationFile(path) && (excluded === null || !resolve(path).startsWith(excluded)),
    );
    if (found.length === 0) {
      discovery.problems.push({
        input: argument,
        message: isDirectory ? 'no pages (*.txt) in this directory' : 'no files match this pattern',
      });
      continue;
    }
    discovery.roots.push(root);
    for (const path of found) add(path, false);
  }
  return discovery;
}

/**
 * The files a pattern matches, sorted. Hidden files and folders are skipped.
 * Symbolic links to files (and broken ones) are taken; links to directories
 * are not followed, so a link loop cannot make the search endless.
 */
async function expandPattern(pattern: string, ignore: string[]): Promise<string[]> {
  const entries = fg.stream(pattern, {
    ignore,
    dot: false,
    onlyFiles: false,
    followSymbolicLinks: false,
    objectMode: true,
    suppressErrors: true,
  });
  // Streamed, keeping only the paths: 100,000 entry objects held at once grew the heap by ~70 MB.
  const files: string[] = [];
  for await (const item of entries) {
    const entry = item as unknown as fg.Entry;
    if (entry.dirent.isFile() || (entry.dirent.isSymbolicLink() && linksToPage(entry.path))) files.push(entry.path);
  }
  return files.sort(comparePaths);
}

/** A link to a file is a page; so is a broken link, which is then reported rather than silently skipped. */
function linksToPage(path: string): boolean {
  const kind = kindOf(path);
  return kind === 'file' || kind === 'missing';
}

/** Code-unit order, the same on every machine and locale. */
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `scrapes/2025/**\/*.txt` → `scrapes/2025`: the folders before the first wildcard. */
export function staticPrefix(pattern: string): string {
  const parts = toGlobSlashes(pattern).split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (GLOB_CHARACTERS.test(part)) break;
    fixed.push(part);
  }
  if (fixed.length === 0) return '.';
  return fixed.join('/') || '/';
}

/** fast-glob patterns use forward slashes on every platform. */
function toGlobSlashes(path: string): string {
  return sep === '\\' ? path.replaceAll('\\', '/') : path;
}
