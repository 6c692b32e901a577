/**
 * HTML input: recognize an HTML page, find its declared charset, and render
 * it to the lines a text browser's dump would show, with what the markup
 * says about each line and what the document says about the page.
 */
import { renderHtml } from './render.js';
import { encodingName, htmlCharsetLabel } from './sniff.js';
import type { HtmlDocument, HtmlOptions } from './types.js';

export { htmlCharset, isHtml } from './sniff.js';
export type { DocumentMetadata, HtmlDocument, HtmlOptions, LineMarkup, RenderedLine, TimeElement } from './types.js';

/**
 * Renders an HTML document (already decoded to text) to lines and metadata.
 * Never throws on bad HTML: what was wrong is in `warnings`.
 */
export function parseHtml(text: string, options: HtmlOptions = {}): HtmlDocument {
  const result = renderHtml(text, options.hidden !== 'drop');
  const label = htmlCharsetLabel(Buffer.from(text.slice(0, 1024), 'latin1'));
  if (label !== null && encodingName(label) === null) result.warnings.unshift(`the page declares an unknown charset "${label}"`);
  return result;
}
