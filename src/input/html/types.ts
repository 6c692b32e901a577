/**
 * What the HTML reader hands the pipeline. The markup and metadata types are
 * shared with the rest of the input layer (../types.ts); the line and the
 * document are the HTML reader's own.
 */
import type { DocumentMetadata, LineMarkup } from '../types.js';

export type { DocumentMetadata, LineMarkup, TimeElement } from '../types.js';

/** One rendered line, as the pipeline sees it. Text dumps have no markup; blank lines have none either. */
export interface RenderedLine {
  /** 1-based line number in the rendering (provenance is line-based). */
  n: number;
  text: string;
  markup?: LineMarkup;
}

/** parseHtml(text) → the lines and the metadata, and what was wrong with the page. */
export interface HtmlDocument {
  lines: RenderedLine[];
  metadata: DocumentMetadata;
  /** One sentence each, for people: a truncated document, nesting cut to a depth, no text… */
  warnings: string[];
}

/** How hidden elements are rendered. */
export interface HtmlOptions {
  /**
   * Keep the text of elements marked hidden (their lines carry `hidden: true`)
   * or drop it. Default: keep (see README for the measurement behind it).
   */
  hidden?: 'keep' | 'drop';
}
