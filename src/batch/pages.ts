import * as fs from 'node:fs';
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { isExpectationFile } from '../check/expectations.js';
import { fromSystemError } from '../pipeline/errors.js';

/**
 * The one page finder of `clean` and `check`: turns the command line's
 * inputs (files, directories, glob patterns, `-`) into the pages to read.
 *
 * - A directory is searched recursively for pages: `*.txt`, `*.html`, `*.htm`.
 * - Hidden files and folders, node_modules and expectation files
 *   (`*.expected.*`) are never taken from a directory or pattern; a hidden
 *   folder named as an argument is searched.
 * - Links to files are followed (a broken one is taken, so reading it
 *   reports it); links to folders are not, so a link loop cannot make the
 *   search endless.
 * - Every file is accounted for: a folder that cannot be read, a path too
 *   long for the system, or a name that is not valid UTF-8 is a problem
 *   naming it, not a silent gap.
 * - A file is taken once, however many arguments name or find it and under
 *   whatever names (a link to it, `..`, a link to a folder above it): files
 *   are compared by real path, so which files are taken does not depend on
 *   the order of the arguments. The name kept is the first one met.
 *
 * fast-glob is loaded only when an argument is a directory or a pattern, so
 * `declutter page.txt` never pays for it.
 */

/** The extensions of pages found in directories. */
export const PAGE_EXTENSIONS = ['.txt', '.html', '.htm'] as const;

/** Characters that make an argument a glob pattern rather than a file name. */
export const GLOB_CHARACTERS = /[*?[\]{}()!]/;

/** What an argument names on disk. */
export type PathKind = 'file' | 'directory' | 'missing' | 'other';

export function kindOf(path: string): PathKind {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

/**
 * Whether an argument names one thing to read: a file, a pipe or device
 * (`/dev/stdin`, `<(…)`), or a missing name that is no pattern (it fails when
 * read, naming it). Such an argument needs no search.
 */
export function isReadablePath(argument: string, kind: PathKind = kindOf(argument)): boolean {
  return kind === 'file' || kind === 'other' || (kind === 'missing' && !GLOB_CHARACTERS.test(argument));
}

export function isPlainPath(argument: string): boolean {
  return argument === '-' || isReadablePath(argument);
}

export interface DiscoverOptions {
  /** Glob patterns whose matches are left out of directories and patterns (`--ignore`). */
  ignore?: readonly string[];
  /** A directory never read back as input (the out dir), even inside an input directory. */
  exclude?: string | null;
  /** Also list the expectation files found (`check` reports those without a page). */
  expectations?: boolean;
  /** Files taken as written after the arguments, one each (`--files-from`): no patterns, no search. */
  listed?: readonly string[];
}

export interface Problem {
  input: string;
  message: string;
}

export interface Discovery {
  /** Pages in order: arguments as given, each directory's or pattern's matches sorted; each file once. */
  inputs: string[];
  /**
   * Directories the inputs mirror from: each directory argument and each
   * pattern's fixed leading folders, so an out dir's layout does not change
   * as a folder fills up.
   */
  roots: string[];
  /** What could not be taken: a pattern matching nothing, a folder without pages or unreadable, a name that cannot be opened. */
  problems: Problem[];
  /** Whether any argument was a directory or a pattern (a batch, whatever it found). */
  expanded: boolean;
  /** With `expectations`: the expectation files directories and patterns hold. */
  expectationFiles: string[];
}

/** Folders never searched, whatever the pattern: dependencies, not scrapes. */
const ALWAYS_IGNORED = ['**/node_modules/**'];

export async function discoverInputs(argumentsGiven: readonly string[], options: DiscoverOptions = {}): Promise<Discovery> {
  const discovery: Discovery = { inputs: [], roots: [], problems: [], expanded: false, expectationFiles: [] };
  const excluded = options.exclude ? resolve(options.exclude) + sep : null;
  const ignore = [...ALWAYS_IGNORED, ...(options.ignore ?? [])];
  const listed = options.listed ?? [];
  const seen = new RealPaths();
  // Only a link can make one directory or pattern find a file twice, so a single directory of 100,000 pages without links keeps no set of them.
  const several = argumentsGiven.length + listed.length > 1;
  const add = (path: string, isLink: boolean | undefined, deduplicate: boolean) => {
    if (deduplicate && !seen.add(path, isLink)) return;
    discovery.inputs.push(path);
  };

  for (const argument of argumentsGiven) {
    const kind = argument === '-' ? 'stdin' : kindOf(argument);
    if (kind === 'stdin' || isReadablePath(argument, kind)) {
      // Named explicitly: taken as given, whatever its extension (a missing one fails when read, naming it).
      if (isExpectationFile(argument)) discovery.problems.push({ input: argument, message: 'is an expectation file; name its page instead' });
      else if (kind === 'missing' && argument.includes('\ufffd')) discovery.problems.push({ input: argument, message: NOT_UTF8 });
      else add(argument, undefined, several);
      continue;
    }
    discovery.expanded = true;
    const isDirectory = kind === 'directory';
    const root = isDirectory ? argument : staticPrefix(argument);
    const { default: fg } = await import('fast-glob');
    const base = isDirectory ? fg.escapePath(toGlobSlashes(argument)).replace(/\/+$/, '') : null;
    const patterns = base === null ? [argument] : PAGE_EXTENSIONS.map((extension) => `${base}/**/*${extension}`);
    if (base !== null && options.expectations) patterns.push(`${base}/**/*.expected.*`);
    const before = discovery.problems.length;
    const found: string[] = [];
    const expectationsBefore = discovery.expectationFiles.length;
    const links = new Set<string>();
    for (const path of await expandPatterns(fg, patterns, ignore, discovery.problems, links)) {
      if (excluded !== null && resolve(path).startsWith(excluded)) continue;
      if (isExpectationFile(path)) {
        if (options.expectations) discovery.expectationFiles.push(path);
      } else {
        found.push(path);
      }
    }
    // Nothing found and nothing else said about it (an unreadable folder, expectations without pages: said already).
    if (found.length === 0 && discovery.problems.length === before && discovery.expectationFiles.length === expectationsBefore) {
      discovery.problems.push({
        input: argument,
        message: isDirectory ? `no pages (${PAGE_EXTENSIONS.map((extension) => `*${extension}`).join(', ')}) in this directory` : 'no files match this pattern',
      });
      continue;
    }
    discovery.roots.push(root);
    const deduplicate = several || links.size > 0;
    for (const path of found) add(path, links.has(path), deduplicate);
  }
  for (const path of listed) add(path, undefined, several);
  return discovery;
}

const NOT_UTF8 = 'file name is not valid UTF-8, which declutter cannot open by name; rename the file';

/**
 * The files patterns match, sorted. Reading goes through an adapter that
 * notes each folder that could not be read (and each name that is not UTF-8)
 * as a problem, where fast-glob alone would skip it silently.
 */
async function expandPatterns(fg: typeof import('fast-glob'), patterns: string[], ignore: string[], problems: Problem[], links: Set<string>): Promise<string[]> {
  const readdir = ((path: string, optionsOrCallback: unknown, maybeCallback?: unknown) => {
    const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as (error: NodeJS.ErrnoException | null, entries?: unknown[]) => void;
    const readOptions = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
    fs.readdir(path, readOptions as { withFileTypes: true }, (error, entries) => {
      // A folder that is not there holds nothing to find (a pattern's base that does not exist).
      if (error && error.code !== 'ENOENT') {
        problems.push({ input: path, message: `cannot read this folder: ${fromSystemError(error).message}` });
        callback(error);
        return;
      }
      if (error) {
        callback(error);
        return;
      }
      callback(null, withoutUndecodableNames(path, entries as unknown as (fs.Dirent | string)[], problems));
    });
  }) as typeof fs.readdir;
  const entries = fg.stream(patterns, {
    ignore,
    dot: false,
    onlyFiles: false,
    followSymbolicLinks: false,
    objectMode: true,
    suppressErrors: true,
    fs: { ...fs, readdir },
  });
  // Streamed, keeping only the paths: 100,000 entry objects held at once grew the heap by ~70 MB.
  const files = new Set<string>();
  for await (const item of entries) {
    const entry = item as unknown as import('fast-glob').Entry;
    if (entry.dirent.isFile()) files.add(entry.path);
    else if (entry.dirent.isSymbolicLink() && linksToPage(entry.path)) {
      files.add(entry.path);
      links.add(entry.path);
    }
  }
  return [...files].sort(comparePaths);
}

/** Names that are not UTF-8 come back with U+FFFD and cannot be opened: each is named as a problem and left out. */
function withoutUndecodableNames<T extends fs.Dirent | string>(folder: string, entries: T[], problems: Problem[]): T[] {
  const nameOf = (entry: T) => (typeof entry === 'string' ? entry : entry.name);
  if (!entries.some((entry) => nameOf(entry).includes('\ufffd'))) return entries;
  const lossy = new Set<string>();
  for (const raw of fs.readdirSync(folder, { encoding: 'buffer' })) {
    const name = raw.toString('utf8');
    if (!Buffer.from(name, 'utf8').equals(raw)) {
      lossy.add(name);
      const shown = [...raw].map((byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`)).join('');
      problems.push({ input: join(folder, shown), message: NOT_UTF8 });
    }
  }
  return entries.filter((entry) => !lossy.has(nameOf(entry)));
}

/**
 * The files taken so far, by real path: `a.txt`, `./a.txt`, `link-to-a.txt`
 * and `alias-of-folder/a.txt` are one file. A folder's real path is asked
 * once per folder; a file's own only when it is a link (known from the
 * directory entry, or one lstat for a file named explicitly).
 */
class RealPaths {
  private readonly keys = new Set<string>();
  private readonly folders = new Map<string, string>();

  /** Whether `path` is new (and now taken); `isLink` undefined when not known. */
  add(path: string, isLink: boolean | undefined): boolean {
    const key = path === '-' ? '-' : this.keyOf(path, isLink);
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }

  private keyOf(path: string, isLink: boolean | undefined): string {
    if (isLink === undefined) {
      try {
        isLink = lstatSync(path).isSymbolicLink();
      } catch {
        isLink = false;
      }
    }
    if (isLink) {
      try {
        return realpathSync(path);
      } catch {
        // A broken link: taken under its own name, and reported when read.
      }
    }
    return join(this.folderOf(dirname(path)), basename(path));
  }

  private folderOf(folder: string): string {
    let real = this.folders.get(folder);
    if (real === undefined) {
      try {
        real = realpathSync(folder);
      } catch {
        real = resolve(folder);
      }
      this.folders.set(folder, real);
    }
    return real;
  }
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
