import type { Article } from '../pipeline/types.js';

/** The title, a blank line, then the paragraphs separated by blank lines. */
export function renderText(article: Article): string {
  return `${[article.title, ...article.body].join('\n\n')}\n`;
}
