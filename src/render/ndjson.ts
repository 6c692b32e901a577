import type { Article } from '../core/types.js';

/** One compact JSON object on one line. */
export function renderNdjson(article: Article): string {
  return `${JSON.stringify(article)}\n`;
}
