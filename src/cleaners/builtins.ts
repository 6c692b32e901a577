/**
 * The cleaners declutter ships with: one file per site under sites/. Adding a
 * site is adding its file and its line here.
 */
import type { SourceDefinition } from './schema.js';
import devdiscourse from './sites/devdiscourse.js';
import editorji from './sites/editorji.js';

export const ALL_SOURCES: readonly SourceDefinition[] = [devdiscourse, editorji];
