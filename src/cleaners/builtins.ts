import type { CleanerDefinition } from './schema.js';
import { GENERATED_DEFINITIONS } from './sites/builtins.generated.js';

/**
 * The cleaners declutter ships with: one cleaner file per site under sites/
 * (`devdiscourse.yaml`, `editorji.yaml`), in the format users write theirs
 * in, compiled at build time (scripts/cleaners.js) so that start-up reads
 * no YAML. Adding a site is adding its file there.
 */
export const BUILTIN_DEFINITIONS: readonly CleanerDefinition[] = GENERATED_DEFINITIONS;
