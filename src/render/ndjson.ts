import type { Article } from '../pipeline/types.js';

/** One compact JSON object on one line. */
export function renderNdjson(article: Article): string {
  return `${JSON.stringify(article)}\n`;
}
