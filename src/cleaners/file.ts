import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { DeclutterError } from '../pipeline/errors.js';
import { isKnownTimeZone } from '../pipeline/dates/index.js';
import { CLEANER_FILE_DEFAULTS, type CleanerDefinition, type Fingerprint, type RequiredPart, type Rule } from './schema.js';

export { CLEANER_FILE_DEFAULTS } from './schema.js';
import { SHARED_PATTERNS, SHARED_RULES } from './shared.js';
import { didYouMean, groupNames, validateCleaner } from './validate.js';

/*
 * Cleaners as data files: a YAML or JSON file with the fields of a
 * CleanerDefinition, patterns as strings. Loading one checks everything
 * before any page is read and names the file, the place inside it and what
 * is wrong (`cleaners/pressnote.yaml: zones.body[1].match: invalid regular
 * expression: Unterminated group`). The YAML parser and the ReDoS checker
 * are loaded only here, so a run without user cleaners pays for neither.
 *
 * Beyond a definition's fields a file can name what it repeats: `patterns`
 * (used as `{{name}}` inside any pattern) and `rules` (lists of rules, used
 * in a zone as `- use: name`), and it can use the shared vocabulary the same
 * way (shared.ts). A pattern that starts with `(?i)` ignores case. The
 * built-in cleaners are files of this format (sites/*.yaml), loaded by this
 * code at build time.
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
  'id', 'site', 'version', 'replaces', 'recognizes', 'timeZone', 'dateFormats', 'agencyFromByline', 'printedZones',
  'fingerprints', 'clutterMarkers', 'requires', 'landmarks', 'patterns', 'rules', 'start', 'zones',
] as const;
const REQUIRED_TOP_KEYS = ['id', 'site', 'version', 'fingerprints', 'start', 'zones'] as const;
const RULE_KEYS = ['name', 'match', 'label', 'reason', 'followedBy', 'sameAsTitle', 'repeatsPrevious', 'then', 'attach'] as const;
const FINGERPRINT_KEYS = ['name', 'pattern', 'weight'] as const;
const REQUIRED_PART_KEYS = ['part', 'rules'] as const;


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

export interface LoadOptions {
  /**
   * Whether patterns are checked for super-linear backtracking (default
   * true). The check takes seconds on long alternations; false only for a
   * file checked already, such as a built-in the build has loaded.
   */
  checkBacktracking?: boolean;
}

/** Reads and checks one cleaner file; throws a `bad-cleaner` DeclutterError naming file, place and problem. */
export function loadCleanerFile(file: string, text: string = readText(file), options: LoadOptions = {}): CleanerFile {
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
  const named = namedPatterns(top.patterns, fail);
  const checker = patternChecker(named, fail, options.checkBacktracking ?? true);

  const site = string(top.site, 'site');
  const fingerprints: Fingerprint[] = list(top.fingerprints, 'fingerprints').map((item, i) => {
    const path = `fingerprints[${i}]`;
    const entry = mapping(item, path, FINGERPRINT_KEYS, FINGERPRINT_KEYS);
    const weight = typeof entry.weight === 'number' ? entry.weight : fail(`${path}.weight`, 'must be a number between 0 and 1');
    if (!(weight > 0 && weight <= 1)) fail(`${path}.weight`, `${weight} is not in (0, 1]`);
    return { name: string(entry.name, `${path}.name`), pattern: checker(entry.pattern, `${path}.pattern`, false), weight };
  });

  const parseRule = (item: unknown, path: string): Rule => {
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
  };
  const groups = ruleGroups(top.rules, parseRule, list, fail);

  if (!isMapping(top.zones) || Object.keys(top.zones as object).length === 0) fail('zones', 'must be a mapping of zone names to lists of rules');
  const zones: Record<string, Rule[]> = {};
  /** Where each rule of a zone is written, for messages about it: its own place, and the zone entry that brought it in. */
  const written: Record<string, { own: string; entry: string }[]> = {};
  for (const [zone, rules] of Object.entries(top.zones as Record<string, unknown>)) {
    zones[zone] = [];
    written[zone] = [];
    list(rules, `zones.${zone}`).forEach((item, i) => {
      const entry = `zones.${zone}[${i}]`;
      for (const { rule, own } of groups.entries(item, entry)) {
        zones[zone]!.push(rule);
        written[zone]!.push({ own: own ?? entry, entry });
      }
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
    timeZone: top.timeZone === undefined ? CLEANER_FILE_DEFAULTS.timeZone : timeZone(string(top.timeZone, 'timeZone'), 'timeZone', fail),
    dateFormats: top.dateFormats === undefined ? [...CLEANER_FILE_DEFAULTS.dateFormats] : strings(top.dateFormats, 'dateFormats'),
    agencyFromByline: top.agencyFromByline === undefined ? CLEANER_FILE_DEFAULTS.agencyFromByline : boolean(top.agencyFromByline, 'agencyFromByline'),
    ...(top.printedZones !== undefined && { printedZones: printedZones(top.printedZones, fail) }),
    fingerprints,
    clutterMarkers:
      top.clutterMarkers === undefined
        ? []
        : list(top.clutterMarkers, 'clutterMarkers').flatMap((item, i) =>
            isMapping(item) && 'use' in item ? groups.entries(item, `clutterMarkers[${i}]`).map(({ rule }) => rule.match) : [checker(item, `clutterMarkers[${i}]`, false)],
          ),
    ...(requires && { requires }),
    ...(top.landmarks !== undefined && {
      landmarks: top.landmarks === 'drop' || top.landmarks === 'keep' ? top.landmarks : fail('landmarks', 'must be drop or keep'),
    }),
    start: string(top.start, 'start'),
    zones,
  };
  groups.checkAllUsed();
  named.checkAllUsed();
  try {
    validateCleaner(definition);
  } catch (error) {
    if (error instanceof DeclutterError && error.details.path !== undefined) fail(writtenAt(error.details.path, error.details.problem!, written), error.details.problem!);
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
 * Where validation's `zones.body[3].then` is written in the file: in the
 * zone itself, or in the `rules` group the zone used. A name given twice in a
 * zone is the zone entry's doing.
 */
function writtenAt(path: string, problem: string, written: Record<string, { own: string; entry: string }[]>): string {
  const match = /^zones\.(.+?)\[(\d+)\](.*)$/.exec(path);
  const place = match && written[match[1]!]?.[Number(match[2])];
  if (!place) return path;
  return problem.includes('named twice') ? place.entry : `${place.own}${match![3]}`;
}

function timeZone(zone: string, path: string, fail: Fail): string {
  return isKnownTimeZone(zone) ? zone : fail(path, `unknown time zone "${zone}" (an IANA name such as Asia/Kolkata or UTC)`);
}

function printedZones(value: unknown, fail: Fail): Record<string, string> {
  if (!isMapping(value)) fail('printedZones', 'must be a mapping of printed abbreviations to IANA zones (IST: Asia/Kolkata)');
  const zones: Record<string, string> = {};
  for (const [abbreviation, zone] of Object.entries(value as Record<string, unknown>)) {
    const path = `printedZones.${abbreviation}`;
    zones[abbreviation] = typeof zone === 'string' ? timeZone(zone, path, fail) : fail(path, 'must be an IANA zone name');
  }
  return zones;
}

const NAME = /^[a-z][a-z0-9-]*$/;
/** `{{name}}` inside a pattern; a lone `{` is no valid pattern with the `u` flag, so this never means anything else. */
const REFERENCE = /\{\{([^{}]*)\}\}/g;
/** What the ReDoS check sees in place of a shared pattern: one character no line has. */
const OPAQUE = '\\u{E000}';

interface NamedPatterns {
  /** The pattern with every `{{name}}` written out; `forCheck` writes shared ones as one opaque character. */
  expand(source: string, path: string, forCheck: boolean): string;
  checkAllUsed(): void;
}

/** The file's `patterns`, and `{{name}}` written out in full (the file's own first, then the shared vocabulary). */
function namedPatterns(value: unknown, fail: Fail): NamedPatterns {
  const own = new Map<string, string>();
  if (value !== undefined) {
    if (!isMapping(value)) fail('patterns', 'must be a mapping of names to patterns');
    for (const [name, source] of Object.entries(value as Record<string, unknown>)) {
      const path = `patterns.${name}`;
      if (!NAME.test(name)) fail(path, 'a pattern name is lower-case letters, digits and hyphens');
      if (name in SHARED_PATTERNS) fail(path, `{{${name}}} is a shared pattern already; choose another name`);
      if (typeof source !== 'string' || source === '') fail(path, 'must be a regular expression written as a non-empty string');
      if ((source as string).startsWith('(?i)')) fail(path, '(?i) goes at the start of the pattern that uses this one');
      own.set(name, source as string);
    }
  }
  const used = new Set<string>();
  const expand = (source: string, path: string, forCheck: boolean, within: readonly string[] = []): string =>
    source.replace(REFERENCE, (_, name: string) => {
      const mine = own.get(name);
      if (mine !== undefined) {
        if (within.includes(name)) fail(`patterns.${name}`, `uses itself (${[...within, name].map((n) => `{{${n}}}`).join(' → ')})`);
        used.add(name);
        return `(?:${expand(mine, `patterns.${name}`, forCheck, [...within, name])})`;
      }
      const shared = SHARED_PATTERNS[name];
      if (shared) return forCheck ? OPAQUE : `(?:${shared.source})`;
      const known = [...own.keys(), ...Object.keys(SHARED_PATTERNS)];
      return fail(path, `unknown pattern {{${name}}}${didYouMean(name, known)} (patterns: ${known.join(', ')})`);
    });
  return {
    expand: (source, path, forCheck) => expand(source, path, forCheck),
    checkAllUsed() {
      for (const name of own.keys()) if (!used.has(name)) fail(`patterns.${name}`, 'defined but never used');
    },
  };
}

interface RuleGroups {
  /** The rules a zone entry stands for: itself, or a group's rules (`use: name`) with where each is written. */
  entries(item: unknown, path: string): { rule: Rule; own?: string }[];
  checkAllUsed(): void;
}

/** The file's `rules` groups, and `- use: name` written out (the file's own first, then the shared rules). */
function ruleGroups(
  value: unknown,
  parseRule: (item: unknown, path: string) => Rule,
  list: (value: unknown, path: string) => unknown[],
  fail: Fail,
): RuleGroups {
  const written = new Map<string, unknown[]>();
  if (value !== undefined) {
    if (!isMapping(value)) fail('rules', 'must be a mapping of names to lists of rules');
    for (const [name, rules] of Object.entries(value as Record<string, unknown>)) {
      const path = `rules.${name}`;
      if (!NAME.test(name)) fail(path, 'a rule group name is lower-case letters, digits and hyphens');
      if (name in SHARED_RULES) fail(path, `"${name}" is a shared rule group already; choose another name`);
      written.set(name, list(rules, path));
    }
  }
  const parsed = new Map<string, { rule: Rule; own: string }[]>();
  const used = new Set<string>();
  const entries = (item: unknown, path: string, within: readonly string[]): { rule: Rule; own?: string }[] => {
    if (!(isMapping(item) && 'use' in item)) return [{ rule: parseRule(item, path) }];
    const keys = Object.keys(item);
    if (keys.length > 1) fail(`${path}.${keys.find((key) => key !== 'use')}`, 'a `use` entry has no other keys');
    const name = item.use;
    if (typeof name !== 'string') return fail(`${path}.use`, 'must name a rule group');
    if (written.has(name)) {
      if (within.includes(name)) fail(`rules.${name}`, `uses itself (${[...within, name].join(' → ')})`);
      used.add(name);
      let rules = parsed.get(name);
      if (!rules) {
        rules = written.get(name)!.flatMap((inner, i) => {
          const own = `rules.${name}[${i}]`;
          return entries(inner, own, [...within, name]).map((found) => ({ rule: found.rule, own: found.own ?? own }));
        });
        parsed.set(name, rules);
      }
      return rules;
    }
    const shared = SHARED_RULES[name];
    if (shared) return shared.rules.map((rule) => ({ rule }));
    const known = [...written.keys(), ...Object.keys(SHARED_RULES)];
    return fail(`${path}.use`, `unknown rule group "${name}"${didYouMean(name, known)} (groups: ${known.join(', ')})`);
  };
  return {
    entries: (item, path) => entries(item, path, []),
    checkAllUsed() {
      for (const name of written.keys()) if (!used.has(name)) fail(`rules.${name}`, 'defined but never used');
    },
  };
}

/**
 * Compiles a pattern string (with the `u` flag, so `\p{Lu}` works; a
 * leading `(?i)` adds `i`) and refuses one that cannot compile, captures
 * what is no article field (for rule matches; fingerprints and markers
 * capture nothing that is used), or can backtrack super-linearly
 * (redos-detector, on the pattern with shared patterns opaque).
 */
function patternChecker(named: NamedPatterns, fail: Fail, checkBacktracking: boolean): (value: unknown, path: string, captures: boolean) => RegExp {
  let isSafe: typeof import('redos-detector').isSafe | null = null;
  const compile = (source: string, flags: string, path: string): RegExp => {
    try {
      return new RegExp(source, flags);
    } catch (error) {
      return fail(path, `invalid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '')}`);
    }
  };
  return (value, path, captures) => {
    if (typeof value !== 'string' || value === '') fail(path, 'must be a regular expression written as a non-empty string');
    const ignoreCase = (value as string).startsWith('(?i)');
    const written = ignoreCase ? (value as string).slice(4) : (value as string);
    const flags = ignoreCase ? 'iu' : 'u';
    // Compiled as written first, so a syntax error is the file's own, before names are written out.
    compile(written.replace(REFERENCE, OPAQUE), flags, path);
    const pattern = compile(named.expand(written, path, false), flags, path);
    if (!captures && groupNames(pattern).length > 0) fail(path, 'captures nothing: named groups belong in a rule\'s match');
    if (!checkBacktracking) return pattern;
    const check = (isSafe ??= (require('redos-detector') as typeof import('redos-detector')).isSafe);
    // The checker does not parse named groups; a plain group backtracks the same.
    const plain = new RegExp(named.expand(written, path, true).replace(/\(\?<([A-Za-z_$][\w$]*)>/g, '('), flags);
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
