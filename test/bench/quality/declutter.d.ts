// Types of declutter.js, for the TypeScript tests.
import type { Answer } from './systems.js';
export type { Answer };
export const name: string;
export function extract(
  bytes: Uint8Array,
  page: { id: string; input: 'html' | 'txt' },
  options?: Record<string, unknown>,
): Answer;
