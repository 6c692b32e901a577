import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { DeclutterError } from '../pipeline/errors.js';
import type { CleanerDefinition, Fingerprint, RequiredPart, Rule } from './schema.js';
import { didYouMean, groupNames, validateCleaner } from './validate.js';

/*
 * Cleaners as data files: a YAML or JSON file with the fields of a
 * CleanerDefinition, patterns as strings. Loading one checks everything
 * before any page is read and names the file, the place inside it and what
 * is wrong (`cleaners/pressnote.yaml: zones.body[1].match: invalid regular
 * expression: Unterminated group`). The YAML parser and the ReDoS checker
 * are loaded only here, so a run without user cleaners pays for neither.
 */

/** A definition read from a file, with where it came from and the built-in it may replace. */
export interface CleanerFile {
  file: string;
  definition: CleanerDefinition;
  /** The id of a built-in this file takes the place of. */
  replaces?: string;
}

export const CLEANER_FILE_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

const TOP_KEYS = [
  'id', 'site', 'version', 'replaces', 'recognizes', 'timeZone', 'dateFormats', 'agencyFromByline',
  'fingerprints', 'clutterMarkers', 'requires', 'start', 'zones',
] as const;
const REQUIRED_TOP_KEYS = ['id', 'site', 'version', 'fingerprints', 'start', 'zones'] as const;
const RULE_KEYS = ['name', 'match', 'label', 'reason', 'followedBy', 'sameAsTitle', 'repeatsPrevious', 'then', 'attach'] as const;
const FINGERPRINT_KEYS = ['name', 'pattern', 'weight'] as const;
const REQUIRED_PART_KEYS = ['part', 'rules'] as const;

/** Defaults of the optional keys, as README's "Adding a site without code" documents them. */
export const CLEANER_FILE_DEFAULTS = {
  timeZone: 'UTC',
  dateFormats: ['yyyy-MM-dd HH:mm', 'yyyy-MM-dd'],
  agencyFromByline: false,
} as const;

/** Every cleaner file named: files as they are, directories for their `*.yaml`, `*.yml` and `*.json` (sorted, not recursive). */
export function findCleanerFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new DeclutterError('bad-cleaner', `${path}: no such file or directory`, { file: path });
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const found = readdirSync(path)
      .filter((name) => !name.startsWith('.') && (CLEANER_FILE_EXTENSIONS as readonly string[]).includes(extname(name)))
      .sort()
      .map((name) => join(path, name));
    if (found.length === 0) throw new DeclutterError('bad-cleaner', `${path}: no cleaner files (*.yaml, *.yml, *.json)`, { file: path });
    files.push(...found);
  }
  return files;
}

/** Reads and checks one cleaner file; throws a `bad-cleaner` DeclutterError naming file, place and problem. */
export function loadCleanerFile(file: string, text: string = readText(file)): CleanerFile {
  const data = parse(file, text);
  const fail = (path: string, problem: string): never => {
    throw new DeclutterError('bad-cleaner', `${file}: ${path}: ${problem}`, { file, path, problem });
  };

  if (!isMapping(data)) fail('(top)', 'the file must hold a mapping of keys (id, site, version, fingerprints, start, zones…)');
  const top = data as Record<string, unknown>;
  checkKeys(top, TOP_KEYS, '', fail);
  for (const key of REQUIRED_TOP_KEYS) if (!(key in top)) fail(key, 'required key missing');

  const string = (value: unknown, path: string): string => (typeof value === 'string' && value.trim() !== '' ? value : fail(path, 'must be a non-empty string'));
  const strings = (value: unknown, path: string): string[] =>
    Array.isArray(value) ? value.map((item, i) => string(item, `${path}[${i}]`)) : fail(path, 'must be a list of strings');
  const boolean = (value: unknown, path: string): boolean => (typeof value === 'boolean' ? value : fail(path, 'must be true or false'));
  const list = (value: unknown, path: string): unknown[] => (Array.isArray(value) ? value : fail(path, 'must be a list'));
  const mapping = (value: unknown, path: string, keys: readonly string[], required: readonly string[]): Record<string, unknown> => {
    if (!isMapping(value)) fail(path, `must be a mapping with ${required.join(', ')}`);
    const object = value as Record<string, unknown>;
    checkKeys(object, keys, path, fail);
    for (const key of required) if (!(key in object)) fail(`${path}.${key}`, 'required key missing');
    return object;
  };
  const checker = patternChecker(fail);

  const site = string(top.site, 'site');
  const fingerprints: Fingerprint[] = list(top.fingerprints, 'fingerprints').map((item, i) => {
    const path = `fingerprints[${i}]`;
    const entry = mapping(item, path, FINGERPRINT_KEYS, FINGERPRINT_KEYS);
    const weight = typeof entry.weight === 'number' ? entry.weight : fail(`${path}.weight`, 'must be a number between 0 and 1');
    if (!(weight > 0 && weight <= 1)) fail(`${path}.weight`, `${weight} is not in (0, 1]`);
    return { name: string(entry.name, `${path}.name`), pattern: checker(entry.pattern, `${path}.pattern`, false), weight };
  });

  if (!isMapping(top.zones) || Object.keys(top.zones as object).length === 0) fail('zones', 'must be a mapping of zone names to lists of rules');
  const zones: Record<string, Rule[]> = {};
  for (const [zone, rules] of Object.entries(top.zones as Record<string, unknown>)) {
    zones[zone] = list(rules, `zones.${zone}`).map((item, i) => {
      const path = `zones.${zone}[${i}]`;
      const entry = mapping(item, path, RULE_KEYS, ['name', 'match', 'label']);
      const rule: Rule = {
        name: string(entry.name, `${path}.name`),
        match: checker(entry.match, `${path}.match`, true),
        label: string(entry.label, `${path}.label`) as Rule['label'],
      };
      if (entry.reason !== undefined) rule.reason = string(entry.reason, `${path}.reason`);
      if (entry.followedBy !== undefined) rule.followedBy = checker(entry.followedBy, `${path}.followedBy`, false);
      if (entry.sameAsTitle !== undefined) rule.sameAsTitle = boolean(entry.sameAsTitle, `${path}.sameAsTitle`);
      if (entry.repeatsPrevious !== undefined) rule.repeatsPrevious = boolean(entry.repeatsPrevious, `${path}.repeatsPrevious`);
      if (entry.then !== undefined) rule.then = string(entry.then, `${path}.then`);
      if (entry.attach !== undefined) {
        rule.attach = entry.attach === 'previous' || entry.attach === 'next' ? entry.attach : fail(`${path}.attach`, 'must be previous or next');
      }
      return rule;
    });
  }

  const requires: RequiredPart[] | undefined =
    top.requires === undefined
      ? undefined
      : list(top.requires, 'requires').map((item, i) => {
          const entry = mapping(item, `requires[${i}]`, REQUIRED_PART_KEYS, REQUIRED_PART_KEYS);
          return { part: string(entry.part, `requires[${i}].part`), rules: strings(entry.rules, `requires[${i}].rules`) };
        });

  const definition: CleanerDefinition = {
    id: string(top.id, 'id'),
    site,
    version: typeof top.version === 'number' ? String(top.version) : string(top.version, 'version'),
    recognizes: top.recognizes === undefined ? `pages of ${site}` : string(top.recognizes, 'recognizes'),
    timeZone: top.timeZone === undefined ? CLEANER_FILE_DEFAULTS.timeZone : string(top.timeZone, 'timeZone'),
    dateFormats: top.dateFormats === undefined ? [...CLEANER_FILE_DEFAULTS.dateFormats] : strings(top.dateFormats, 'dateFormats'),
    agencyFromByline: top.agencyFromByline === undefined ? CLEANER_FILE_DEFAULTS.agencyFromByline : boolean(top.agencyFromByline, 'agencyFromByline'),
    fingerprints,
    clutterMarkers: top.clutterMarkers === undefined ? [] : list(top.clutterMarkers, 'clutterMarkers').map((item, i) => checker(item, `clutterMarkers[${i}]`, false)),
    ...(requires && { requires }),
    start: string(top.start, 'start'),
    zones,
  };
  try {
    validateCleaner(definition);
  } catch (error) {
    if (error instanceof DeclutterError && error.details.path !== undefined) fail(error.details.path, error.details.problem!);
    throw error;
  }
  return { file, definition, ...(top.replaces !== undefined && { replaces: string(top.replaces, 'replaces') }) };
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'permission denied' : String(code);
    throw new DeclutterError('bad-cleaner', `${file}: ${problem}`, { file });
  }
}

/** The file's data (YAML, or JSON read by the same parser with the JSON schema); a syntax error names its line and column. */
function parse(file: string, text: string): unknown {
  const { parseDocument } = loadYaml();
  const json = extname(file) === '.json';
  const document = parseDocument(text, { uniqueKeys: true, ...(json && { schema: 'json' as const }) });
  const [error] = document.errors;
  if (error) {
    const { line, col } = error.linePos?.[0] ?? { line: 1, col: 1 };
    const problem = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new DeclutterError('bad-cleaner', `${file}: line ${line}, column ${col}: invalid ${json ? 'JSON' : 'YAML'}: ${problem}`, {
      file,
      path: `line ${line}`,
      problem,
    });
  }
  return document.toJS();
}

const require = createRequire(import.meta.url);

function loadYaml(): typeof import('yaml') {
  return require('yaml');
}

type Fail = (path: string, problem: string) => never;

/**
 * Compiles a pattern string (with the `u` flag, so `\p{Lu}` works) and
 * refuses one that cannot compile, captures what is no article field (for
 * rule matches; fingerprints and markers capture nothing that is used), or
 * can backtrack super-linearly (redos-detector).
 */
function patternChecker(fail: Fail): (value: unknown, path: string, captures: boolean) => RegExp {
  let isSafe: typeof import('redos-detector').isSafe | null = null;
  return (value, path, captures) => {
    if (typeof value !== 'string' || value === '') fail(path, 'must be a regular expression written as a non-empty string');
    let pattern: RegExp;
    try {
      pattern = new RegExp(value as string, 'u');
    } catch (error) {
      return fail(path, `invalid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '')}`);
    }
    if (!captures && groupNames(pattern).length > 0) fail(path, 'captures nothing: named groups belong in a rule\'s match');
    const check = (isSafe ??= (require('redos-detector') as typeof import('redos-detector')).isSafe);
    // The checker does not parse named groups; a plain group backtracks the same.
    const plain = new RegExp(pattern.source.replace(/\(\?<([A-Za-z_$][\w$]*)>/g, '('), 'u');
    let verdict: { safe: boolean; error: string | null };
    try {
      verdict = check(plain);
    } catch {
      // Syntax the checker does not parse (lookbehind): JavaScript compiled it above.
      verdict = { safe: true, error: null };
    }
    if (!verdict.safe && verdict.error === 'hitMaxScore') fail(path, 'can backtrack super-linearly (a repetition inside a repetition, or alternatives that overlap); rewrite it');
    return pattern;
  };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(object: Record<string, unknown>, known: readonly string[], path: string, fail: Fail): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) fail(path === '' ? key : `${path}.${key}`, `unknown key${didYouMean(key, known)}`);
  }
}
