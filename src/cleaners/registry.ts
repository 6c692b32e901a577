import type { Cleaner } from '../pipeline/cleaner.js';
import { BUILTIN_DEFINITIONS } from './builtins.js';
import { compileCleaner } from './compile.js';
import { genericCleaner } from './generic/cleaner.js';
import { DeclutterError } from '../pipeline/errors.js';
import type { CleanerDefinition } from './schema.js';
import { validateCleaner } from './validate.js';

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

/** The cleaners declutter ships with: the site cleaners, then the generic fallback. */
export const cleaners: readonly Cleaner[] = createRegistry([...BUILTIN_DEFINITIONS, genericCleaner]);

export function findCleaner(id: string, among: readonly Cleaner[] = cleaners): Cleaner | undefined {
  return among.find((cleaner) => cleaner.id === id);
}

function isCleaner(entry: CleanerDefinition | Cleaner): entry is Cleaner {
  return typeof (entry as Cleaner).label === 'function';
}
