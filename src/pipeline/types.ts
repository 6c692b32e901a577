import type { LineMarkup } from '../input/types.js';

/**
 * The shapes that flow through the pipeline:
 * bytes → DecodedText → Line[] → LabelledLine[] → Article.
 */

/** What a cleaner can say about one line of a page. */
export const LABELS = [
  'title',
  'summary',
  'byline',
  'meta',
  'image',
  'countries',
  'body',
  'note',
  'related',
  'dropped',
] as const;
export type Label = (typeof LABELS)[number];

/** One line of the page after decoding and whitespace normalization. */
export interface Line {
  /** 1-based line number in the input. */
  n: number;
  text: string;
  /** What the markup said about the line (heading, link, list item…), when the input had markup. */
  markup?: LineMarkup;
}

/**
 * Article fields a rule may capture with a named group of its regular
 * expression. The group `text` is special: it replaces the line's text for
 * its label (a note without its parentheses, a paragraph without its dateline).
 */
export const CAPTURE_FIELDS = [
  'text',
  'byline',
  'dateline',
  'agency',
  'published',
  'updated',
  'country',
  'caption',
  'credit',
  'section',
] as const;
export type CaptureField = (typeof CAPTURE_FIELDS)[number];
export type Captures = Partial<Record<CaptureField, string>>;

/** A line with the label a cleaner gave it and the rule that gave it. */
export interface LabelledLine extends Line {
  label: Label;
  /** Name of the rule, or `blank` / `unmatched` for lines no rule claimed. */
  rule: string;
  /** Zone of the page the cleaner was in when it saw the line. */
  zone: string;
  /** Why a dropped line was dropped. */
  reason?: string;
  captures?: Captures;
  /** For a related section label: the headline it belongs to. */
  attach?: 'previous' | 'next';
  /**
   * The line continues the previous line's paragraph (a text dump wrapped at
   * a fixed width): its text is already in that paragraph's `captures.text`.
   */
  continues?: boolean;
  /** Why a scoring cleaner decided as it did (`p=0.93`, `links=0.80`…), for `explain`. */
  signals?: string[];
}

export interface ImageCredit {
  caption: string | null;
  credit: string;
}

export interface RelatedStory {
  title: string;
  section: string | null;
}

export interface InputInfo {
  /** The id of the record the page came in (`--input-format ndjson`); absent otherwise. */
  id?: string | number | null;
  /** The path as given, `-` for stdin, null when the library got text only. */
  path: string | null;
  bytes: number;
  sha256: string;
  /** The record's `url`, when it gave one. */
  url?: string;
}

export interface Extraction {
  cleaner: string;
  version: string;
  confidence: number;
  /** Which reader read the page: `text` (a text dump) or `html`. */
  reader: 'text' | 'html';
  encoding: string;
  /** The zone used for dates printed without one. */
  timeZone: string;
  /** The dates exactly as the page printed them. */
  dates: { published: string | null; updated: string | null };
  lines: { total: number; kept: number; dropped: number; blank: number };
  /** For each article field, the input line numbers it came from. */
  fields: Partial<Record<FieldName, number[]>>;
  /**
   * Fields the visible page left empty and the document's metadata filled,
   * and where in the document each came from: `json-ld`, `og`, `meta`,
   * `title`, `html`, `link`. Empty for text dumps.
   */
  from: Partial<Record<MetadataField, string>>;
}

/** Article fields the document's metadata can fill. */
export type MetadataField = 'url' | 'title' | 'byline' | 'published' | 'updated' | 'language';

export type FieldName =
  | 'title'
  | 'summary'
  | 'byline'
  | 'agency'
  | 'dateline'
  | 'published'
  | 'updated'
  | 'countries'
  | 'image'
  | 'body'
  | 'notes'
  | 'related';

/** The cleaned article. Key order here is the JSON contract's key order. */
export interface Article {
  source: string;
  /** The page's canonical URL as the document states it (HTML only), or null. */
  url: string | null;
  title: string;
  summary: string | null;
  byline: string | null;
  agency: string | null;
  dateline: string | null;
  published: string | null;
  updated: string | null;
  /** The page's language as the document states it (`en`, `en-IN`; HTML only), or null. */
  language: string | null;
  countries: string[];
  image: ImageCredit | null;
  body: string[];
  notes: string[];
  related: RelatedStory[];
  wordCount: number;
  input: InputInfo;
  extraction: Extraction;
  warnings: string[];
}

export const FORMATS = ['json', 'ndjson', 'md', 'text'] as const;
export type Format = (typeof FORMATS)[number];
