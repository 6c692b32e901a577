// Types of declutter.js, for the TypeScript tests.
export interface Answer {
  text: string;
  title: string;
  author: string;
  published: string;
  error: string | null;
}
export const name: string;
export function extract(
  bytes: Uint8Array,
  page: { id: string; input: 'html' | 'txt' },
  options?: Record<string, unknown>,
): Answer;
