import type { Cleaner } from '../pipeline/cleaner.js';
import { BUILTIN_DEFINITIONS } from './builtins.js';
import { compileCleaner } from './compile.js';
import { genericCleaner } from './generic/cleaner.js';
import { DeclutterError } from '../pipeline/errors.js';
import type { CleanerDefinition } from './schema.js';
import { validateCleaner } from './validate.js';
import type { CleanerFile } from './file.js';

/**
 * The cleaners a run may use, in the order that breaks a tie in detection:
 * rule-based definitions are validated (validateCleaner) and compiled,
 * other cleaners are taken as they are. Ids must be unique.
 */
export function createRegistry(entries: readonly (CleanerDefinition | Cleaner)[]): readonly Cleaner[] {
  const cleaners = entries.map((entry) => {
    if (isCleaner(entry)) return entry;
    validateCleaner(entry);
    return compileCleaner(entry);
  });
  // The fallback is the last resort: after every site cleaner, whatever the order given.
  cleaners.sort((a, b) => Number(a.fallback === true) - Number(b.fallback === true));
  if (cleaners.filter((cleaner) => cleaner.fallback).length > 1) {
    throw new DeclutterError('bad-cleaner', 'only one cleaner can be the fallback', { cleaners: cleaners.filter((c) => c.fallback).map((c) => c.id) });
  }
  const seen = new Set<string>();
  for (const { id } of cleaners) {
    if (seen.has(id)) throw new DeclutterError('bad-cleaner', `cleaner ${id}: registered twice`, { cleaner: id });
    seen.add(id);
  }
  return Object.freeze(cleaners);
}

/**
 * The built-in cleaners with the user's cleaner files: a file's cleaner
 * competes with the built-ins by confidence; its id may not be a built-in's
 * unless it says `replaces: <id>`, which takes that built-in's place.
 */
export function registryWithFiles(files: readonly CleanerFile[], builtins: readonly CleanerDefinition[] = BUILTIN_DEFINITIONS): readonly Cleaner[] {
  const replaced = new Set<string>();
  const seen = new Map<string, string>();
  for (const { file, definition, replaces } of files) {
    const fail = (path: string, problem: string): never => {
      throw new DeclutterError('bad-cleaner', `${file}: ${path}: ${problem}`, { file, path, problem, cleaner: definition.id });
    };
    if (replaces !== undefined) {
      if (!builtins.some(({ id }) => id === replaces)) fail('replaces', `"${replaces}" is no built-in cleaner (built-in: ${builtins.map(({ id }) => id).join(', ')})`);
      if (replaces !== definition.id && builtins.some(({ id }) => id === definition.id)) fail('id', `"${definition.id}" is a built-in cleaner's id`);
      replaced.add(replaces);
    } else if (builtins.some(({ id }) => id === definition.id)) {
      fail('id', `"${definition.id}" is a built-in cleaner's id; choose another, or add replaces: ${definition.id}`);
    }
    const other = seen.get(definition.id);
    if (other !== undefined) fail('id', `"${definition.id}" is also the id of ${other}`);
    seen.set(definition.id, file);
  }
  return createRegistry([
    ...builtins.filter(({ id }) => !replaced.has(id)),
    ...files.map(({ file, definition }) => ({ ...compileCleaner(definition), file })),
    genericCleaner,
  ]);
}

/** The cleaners declutter ships with: the site cleaners, then the generic fallback. */
export const cleaners: readonly Cleaner[] = createRegistry([...BUILTIN_DEFINITIONS, genericCleaner]);

export function findCleaner(id: string, among: readonly Cleaner[] = cleaners): Cleaner | undefined {
  return among.find((cleaner) => cleaner.id === id);
}

function isCleaner(entry: CleanerDefinition | Cleaner): entry is Cleaner {
  return typeof (entry as Cleaner).label === 'function';
}
