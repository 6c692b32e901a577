import type { CleanerDefinition } from './schema.js';
import devdiscourse from './sites/devdiscourse.js';
import editorji from './sites/editorji.js';

/**
 * The cleaners declutter ships with: one file per site under sites/, listed
 * here by id. Adding a site is adding its file and its line here.
 */
export const BUILTIN_DEFINITIONS: readonly CleanerDefinition[] = [devdiscourse, editorji];
