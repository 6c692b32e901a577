import type { Article, Format } from '../pipeline/types.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderNdjson } from './ndjson.js';
import { renderText } from './text.js';

const RENDERERS: Record<Format, (article: Article) => string> = {
  json: renderJson,
  ndjson: renderNdjson,
  md: renderMarkdown,
  text: renderText,
};

/** File extension for each format's output files. */
export const EXTENSIONS: Record<Format, string> = {
  json: '.json',
  ndjson: '.ndjson',
  md: '.md',
  text: '.txt',
};

export function render(article: Article, format: Format): string {
  return RENDERERS[format](article);
}
