import { ALL_SOURCES } from './builtins.js';
import type { SourceDefinition } from './schema.js';

/** Every cleaner, in the order that breaks a tie in detection (by id). */
export const SOURCES: readonly SourceDefinition[] = ALL_SOURCES;

export const SOURCE_IDS: readonly string[] = SOURCES.map((source) => source.id);

export function findSource(id: string): SourceDefinition | undefined {
  return SOURCES.find((source) => source.id === id);
}
