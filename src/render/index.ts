import type { Article, Format } from '../pipeline/types.js';
import { DeclutterError } from '../pipeline/errors.js';
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

/** Renders an article; a format that is not one of FORMATS (`'xml'`, `'toString'`) is a DeclutterError (`bad-option`). */
export function render(article: Article, format: Format): string {
  if (typeof format !== 'string' || !Object.hasOwn(RENDERERS, format)) {
    throw new DeclutterError('bad-option', `unknown format ${JSON.stringify(String(format))} (known: ${Object.keys(RENDERERS).join(', ')})`);
  }
  if (article === null || typeof article !== 'object' || !Array.isArray((article as { body?: unknown }).body)) {
    throw new DeclutterError('bad-option', 'render: the first argument must be an article, as clean returns');
  }
  return RENDERERS[format](article);
}
