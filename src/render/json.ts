import type { Article } from '../pipeline/types.js';

/** Pretty JSON, two-space indent, with a final newline. */
export function renderJson(article: Article): string {
  return `${JSON.stringify(article, null, 2)}\n`;
}
